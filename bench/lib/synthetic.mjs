/** Synthetic rubrics of n indicators (groups of 10; measures cycle through value, ratio, scale, lookup, piecewise). */
const MEASURES = [
  () => '{ kind: value, input: score }',
  () => '{ kind: ratio, target: target, realisation: realisation }',
  () => '{ kind: scale, input: label, map: { "sangat baik": 100, baik: 80, cukup: 60, kurang: 40 } }',
  () =>
    '{ kind: lookup, input: count, table: [{ range: "[0, 0]", value: 0 }, { range: "[1, 3]", value: 50 }, { range: "[4, inf)", value: 100 }] }',
  () => '{ kind: piecewise, input: x, points: [[0, 0], [50, 60], [100, 100]] }',
];

export function syntheticRubric(n) {
  const groups = Math.ceil(n / 10);
  const lines = [
    'kinerja: 1',
    `id: synthetic-${n}`,
    'version: 1.0.0',
    `label: { id: Sintetis ${n}, en: Synthetic ${n} }`,
    'groups:',
  ];
  for (let g = 0; g < groups; g++) {
    lines.push(
      `  g${g}:`,
      `    label: { id: Grup ${g}, en: Group ${g} }`,
      '    combine: mean',
      '    indicators:',
    );
    for (let i = g * 10; i < Math.min(n, (g + 1) * 10); i++) {
      lines.push(
        `      i${i}:`,
        `        label: { id: Indikator ${i}, en: Indicator ${i} }`,
        `        measure: ${MEASURES[i % MEASURES.length]()}`,
      );
    }
    lines.push('    round: { decimals: 2, mode: half-up }');
  }
  // Weights: the first group carries the rest of 1 after 0.001 for each other group (exact decimals).
  const rest = (1000 - (groups - 1)) / 1000;
  lines.push('score:', '  weights:');
  for (let g = 0; g < groups; g++) lines.push(`    g${g}: ${g === 0 ? rest : 0.001}`);
  lines.push(
    '  round: { decimals: 2, mode: half-up }',
    'predicate:',
    '  levels:',
    '    - { id: baik, label: { id: Baik, en: Good } }',
    '    - { id: kurang, label: { id: Kurang, en: Poor } }',
    '  bands:',
    '    - { id: baik, range: "[60, inf)" }',
    '    - { id: kurang, range: "(-inf, 60)" }',
    'outcomes:',
    '  pembinaan:',
    '    label: { id: Pembinaan, en: Coaching }',
    '    kind: coaching',
    '    when: { fact: predicate, operator: equal, value: kurang }',
    '    event: { type: pembinaan }',
  );
  return `${lines.join('\n')}\n`;
}
