import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatLawResult, monotoneHandles, monotonicity } from '../../src/index.js';
import { mustLoad, SEED } from '../helpers/load.js';
import { GOOD_FROM_80, oneIndicator } from '../helpers/rubricYaml.js';

// Every check monotonicity makes has a rubric here that breaks it on purpose, and the law must catch it.

const SIM = readFileSync(new URL('../fixtures/simulasi.rubric.yaml', import.meta.url), 'utf8');
const PERMENPAN = readFileSync(
  new URL('../../../../rubrics/permenpanrb-6-2022/permenpanrb-6-2022.rubric.yaml', import.meta.url),
  'utf8',
);
/** Replaces text that must be there, so a fixture edit that no longer applies fails loudly. */
function edit(yaml: string, from: string, to: string): string {
  expect(yaml).toContain(from);
  return yaml.replace(from, to);
}
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

describe('monotonicity: supervisor ratings and the predicate matrix', () => {
  it('has a handle for every supervisor-rated group, its ratings worst first', () => {
    const handles = monotoneHandles(mustLoad(PERMENPAN).rubric).filter((h) => h.kind === 'supervisor');
    expect(handles.map((h) => h.group)).toEqual(['hasil-kerja', 'perilaku']);
    const first = handles[0];
    expect(first?.kind === 'supervisor' && first.levels.map((l) => l.id)).toEqual([
      'di-bawah',
      'sesuai',
      'di-atas',
    ]);
  });

  it('passes the PermenPAN-RB 6/2022 quadrant, and the predicate really moves', () => {
    const r = monotonicity(mustLoad(PERMENPAN), { seed: SEED });
    expect(r.ok, formatLawResult(r)).toBe(true);
    expect(r.coverage?.predicate).toBeGreaterThan(10);
    expect(r.coverage?.['group:hasil-kerja:rating']).toBeGreaterThan(0);
  });

  it('catches the quadrant inverted (di-atas/di-atas → kurang) on every one of 20 seeds', () => {
    const inverted = edit(
      edit(
        PERMENPAN,
        'di-atas: { di-atas: sangat-baik, sesuai: baik, di-bawah: kurang }',
        'di-atas: { di-atas: kurang, sesuai: baik, di-bawah: sangat-baik }',
      ),
      'sesuai: { di-atas: baik, sesuai: baik, di-bawah: kurang }',
      'sesuai: { di-atas: sangat-kurang, sesuai: baik, di-bawah: kurang }',
    );
    const compiled = mustLoad(inverted);
    for (const seed of SEEDS) {
      const r = monotonicity(compiled, { seed });
      expect(r.ok, `seed ${seed}`).toBe(false);
      expect(r.message).toMatch(/predicate worsened|outcome .* (lost|switched on)/);
    }
  });

  it('catches a single matrix cell that punishes a better work rating', () => {
    // sesuai/sesuai gives baik; di-atas work with sesuai behaviour now gives kurang.
    const broken = edit(
      PERMENPAN,
      'di-atas: { di-atas: sangat-baik, sesuai: baik, di-bawah: kurang }',
      'di-atas: { di-atas: sangat-baik, sesuai: kurang, di-bawah: kurang }',
    );
    const r = monotonicity(mustLoad(broken), { seed: SEED });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/predicate worsened from (baik|butuh-perbaikan) to kurang/);
  });
});

describe('monotonicity: every outcome kind with a direction', () => {
  it('catches a promotion that top performers lose (promotion only for baik, not sangat-baik)', () => {
    const broken = edit(
      SIM,
      '- { fact: predicate, operator: in, value: [sangat-baik, baik] }',
      '- { fact: predicate, operator: in, value: [baik] }',
    );
    for (const seed of SEEDS.slice(0, 5)) {
      const r = monotonicity(mustLoad(broken), { seed });
      expect(r.ok, `seed ${seed}`).toBe(false);
      expect(r.message).toMatch(/promotion outcome kenaikan-pangkat lost/);
    }
    const good = monotonicity(mustLoad(SIM), { seed: SEED });
    expect(good.ok, formatLawResult(good)).toBe(true);
    expect(good.coverage?.['outcome:kenaikan-pangkat']).toBeGreaterThan(0);
  });

  it('catches an award given to baik but not to sangat-baik', () => {
    const award = `outcomes:
  award:
    label: { id: Penghargaan, en: Award }
    kind: award
    when: { fact: predicate, operator: equal, value: baik }
    event: { type: penghargaan }`;
    const bands = `    - { id: baik, range: "[80, 120)" }
    - { id: kurang, range: "(-inf, 80)" }`;
    const yaml = oneIndicator(
      '        measure: { kind: ratio, target: target, realisation: realisation }',
      bands,
      award,
    ).replace(
      '  levels:\n',
      '  levels:\n    - { id: sangat-baik, label: { id: Sangat baik, en: Very good } }\n',
    );
    const r = monotonicity(
      mustLoad(
        yaml.replace(
          '    - { id: baik, range: "[80, 120)" }',
          '    - { id: sangat-baik, range: "[120, inf)" }\n    - { id: baik, range: "[80, 120)" }',
        ),
      ),
      { seed: SEED },
    );
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/award outcome award lost/);
  });

  it('catches credit points that fall as the predicate improves', () => {
    const credit = (good: number, poor: number) => `outcomes:
  angka-kredit:
    label: { id: Angka kredit, en: Credit points }
    kind: credit-points
    when: { fact: predicate, operator: in, value: [baik, kurang] }
    event: { type: angka-kredit }
    value: { kind: scale, input: { fact: predicate }, map: { baik: ${good}, kurang: ${poor} } }`;
    const ratio = '        measure: { kind: ratio, target: target, realisation: realisation }';
    const fine = monotonicity(mustLoad(oneIndicator(ratio, GOOD_FROM_80, credit(1, 0.5))), { seed: SEED });
    expect(fine.ok, formatLawResult(fine)).toBe(true);
    const r = monotonicity(mustLoad(oneIndicator(ratio, GOOD_FROM_80, credit(0.5, 1))), { seed: SEED });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/credit-points outcome angka-kredit value fell from 1 to 0.5/);
  });

  it('does not judge outcomes of kind other', () => {
    const other = `outcomes:
  note:
    label: { id: Catatan, en: Note }
    kind: other
    when: { fact: predicate, operator: equal, value: kurang }
    event: { type: catatan }`;
    const r = monotonicity(
      mustLoad(
        oneIndicator(
          '        measure: { kind: ratio, target: target, realisation: realisation }',
          GOOD_FROM_80,
          other,
        ),
      ),
      { seed: SEED },
    );
    expect(r.ok, formatLawResult(r)).toBe(true);
    expect(r.coverage).not.toHaveProperty('outcome:note');
  });
});

describe('monotonicity: band boundaries are crossed, not hoped for', () => {
  it('catches two predicate bands swapped on every one of 20 seeds at the default runs', () => {
    const swapped = edit(
      edit(
        SIM,
        '- { id: butuh-perbaikan, range: "[2.5, 3.5)" }',
        '- { id: butuh-perbaikan, range: "[1.5, 2.5)" }',
      ),
      '- { id: kurang, range: "[1.5, 2.5)" }',
      '- { id: kurang, range: "[2.5, 3.5)" }',
    );
    const compiled = mustLoad(swapped);
    for (const seed of SEEDS) {
      const r = monotonicity(compiled, { seed });
      expect(r.ok, `seed ${seed}`).toBe(false);
      expect(r.message).toMatch(/predicate worsened from butuh-perbaikan to kurang/);
    }
  });

  it('replays a sweep counterexample from its seed and path', () => {
    const swapped = edit(
      edit(
        SIM,
        '- { id: butuh-perbaikan, range: "[2.5, 3.5)" }',
        '- { id: butuh-perbaikan, range: "[1.5, 2.5)" }',
      ),
      '- { id: kurang, range: "[1.5, 2.5)" }',
      '- { id: kurang, range: "[2.5, 3.5)" }',
    );
    const compiled = mustLoad(swapped);
    const r = monotonicity(compiled, { seed: 3 });
    expect(r.path).toBeDefined();
    const replay = monotonicity(compiled, { seed: r.seed, ...(r.path ? { path: r.path } : {}) });
    expect(replay.ok).toBe(false);
    expect(replay.counterexample).toEqual(r.counterexample);
  });
});

describe('monotonicity: no vacuous passes', () => {
  it('fails when the predicate never moved, instead of passing having tested nothing', () => {
    // The value is promised within [0, 100], and every such score is baik: the predicate cannot move.
    const yaml = oneIndicator(
      '        range: "[0, 100]"\n        measure: { kind: value, input: score }',
      `    - { id: baik, range: "[0, inf)" }
    - { id: kurang, range: "(-inf, 0)" }`,
    );
    const r = monotonicity(mustLoad(yaml), { seed: SEED });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/^vacuous: the predicate changed in none of \d+ cases/);
    expect(r.coverage?.predicate).toBe(0);
    expect(r.coverage?.['group:hasil:score']).toBeGreaterThan(0);
  });

  it('reports a rubric with no input to move as skipped, with the seed it was given', () => {
    const yaml = oneIndicator(
      '        direction: none\n        measure: { kind: value, input: score }',
      GOOD_FROM_80,
    );
    const r = monotonicity(mustLoad(yaml), { seed: 77 });
    expect(r).toMatchObject({ ok: true, skipped: true, runs: 0, seed: 77 });
    expect(formatLawResult(r)).toBe('– monotonicity skipped (0 runs): no input with a direction to check');
  });
});
