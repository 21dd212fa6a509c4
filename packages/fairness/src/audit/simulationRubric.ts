const values = [
  ['berorientasi-pelayanan', 'Berorientasi pelayanan', 'Service-oriented'],
  ['akuntabel', 'Akuntabel', 'Accountable'],
  ['kompeten', 'Kompeten', 'Competent'],
  ['harmonis', 'Harmonis', 'Harmonious'],
  ['loyal', 'Loyal', 'Loyal'],
  ['adaptif', 'Adaptif', 'Adaptive'],
  ['kolaboratif', 'Kolaboratif', 'Collaborative'],
] as const;

/** The indicator ids of {@link simulationRubricYaml}: the seven BerAKHLAK core values. */
export const simulationIndicators: readonly string[] = values.map(([id]) => id);

/**
 * The rubric simulated cohorts are scored with: the seven BerAKHLAK values rated 1–5 by the supervisor (weight 0.5)
 * and peers (0.5, mean); the predikat from the mean in bands of one point; coaching below Baik; and a promotion rule
 * that needs Baik or better AND a leadership-training certificate (`diklat`) — the rule through which a cohort can
 * disadvantage a group whose access to training is lower.
 */
export const simulationRubricYaml = `kinerja: 1
id: simulasi-audit
version: 1.0.0
label: { id: Rubrik simulasi audit, en: Audit simulation rubric }
effective: { from: 2024-01-01 }
facts:
  diklat: { type: boolean, default: false, label: { id: Sertifikat diklat kepemimpinan, en: Leadership-training certificate } }
  jenis-kelamin: { type: enum, values: [l, p], protected: true, required: false }
groups:
  perilaku:
    label: { id: Perilaku kerja, en: Work behaviour }
    combine: mean
    indicators:
${values
  .map(
    ([id, label, en]) => `      ${id}:
        label: { id: ${label}, en: ${en} }
        direction: higher
        measure: { kind: raters, roles: { supervisor: { weight: 0.5 }, peer: { weight: 0.5 } }, range: "[1, 5]" }`,
  )
  .join('\n')}
score:
  weights: { perilaku: 1 }
  round: { decimals: 2, mode: half-up }
predicate:
  levels:
    - { id: sangat-baik, label: { id: Sangat Baik, en: Very good } }
    - { id: baik, label: { id: Baik, en: Good } }
    - { id: butuh-perbaikan, label: { id: Butuh Perbaikan, en: Needs improvement } }
    - { id: kurang, label: { id: Kurang, en: Poor } }
    - { id: sangat-kurang, label: { id: Sangat Kurang, en: Very poor } }
  bands:
    - { id: sangat-baik, range: "[4.5, inf)" }
    - { id: baik, range: "[3.5, 4.5)" }
    - { id: butuh-perbaikan, range: "[2.5, 3.5)" }
    - { id: kurang, range: "[1.5, 2.5)" }
    - { id: sangat-kurang, range: "(-inf, 1.5)" }
outcomes:
  pembinaan:
    label: { id: Pembinaan kinerja, en: Coaching }
    kind: coaching
    when: { fact: predicate, operator: in, value: [butuh-perbaikan, kurang, sangat-kurang] }
    event: { type: pembinaan }
  kenaikan-pangkat:
    label: { id: Syarat kenaikan pangkat, en: Promotion eligibility }
    kind: promotion
    when:
      all:
        - { fact: predicate, operator: in, value: [sangat-baik, baik] }
        - { fact: facts, path: $.diklat, operator: equal, value: true }
    event: { type: kenaikan-pangkat }
`;
