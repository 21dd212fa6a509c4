/**
 * Both predicate styles, by hand: PP 46/2011 score bands with every gap policy (§1.5), PP 30/2019 bands with the
 * innovation requirement for Sangat Baik (§2.2), and the PermenPAN-RB 6/2022 3×3 matrix (§3.5).
 */
import { describe, expect, it } from 'vitest';
import { appraisal, codes, expectComplete, load } from './helpers.js';

/** A rubric whose overall score is the `nilai` input itself, with the given predicate block. */
const valueRubric = (predicate: string, extra = '') => `
kinerja: 1
id: band-test
version: 1.0.0
label: { id: Uji pita, en: Band test }
${extra}
groups:
  nilai:
    label: { id: Nilai, en: Score }
    indicators:
      nilai: { label: { id: Nilai, en: Score }, measure: { kind: value, input: x } }
score:
  weights: { nilai: 1 }
predicate:
${predicate}
`;

const pp46Levels = `  levels:
    - { id: sangat-baik, label: { id: Sangat Baik, en: Very good } }
    - { id: baik, label: { id: Baik, en: Good } }
    - { id: cukup, label: { id: Cukup, en: Fair } }
    - { id: kurang, label: { id: Kurang, en: Poor } }
    - { id: buruk, label: { id: Buruk, en: Bad } }
  bands:
    - { id: sangat-baik, range: "[91, inf)" }
    - { id: baik, range: "[76, 90]" }
    - { id: cukup, range: "[61, 75]" }
    - { id: kurang, range: "[51, 60]" }
    - { id: buruk, range: "(-inf, 50]" }`;

const pp46 = (gaps: string) => load(valueRubric(`${pp46Levels}\n  gaps: ${gaps}`));
const at = (r: ReturnType<typeof load>, x: number) => r.evaluate(appraisal({ inputs: { nilai: { x } } }));

describe('PP 46/2011 bands: 91+ / 76–90 / 61–75 / 51–60 / ≤ 50', () => {
  it('bands with integer gaps and no gap policy do not load (band-gap)', () => {
    const r = (() => {
      try {
        load(valueRubric(pp46Levels));
        return 'loaded';
      } catch (e) {
        return String(e);
      }
    })();
    expect(r).toMatch(/band-gap/);
  });

  const lower = pp46('{ policy: lower }');
  it.each([
    [91, 'sangat-baik'], // [91, inf) includes 91
    [90, 'baik'], // [76, 90] includes 90
    [76, 'baik'], // [76, 90] includes 76
    [75, 'cukup'],
    [61, 'cukup'],
    [60, 'kurang'],
    [51, 'kurang'], // [51, 60] includes 51
    [50, 'buruk'], // (-inf, 50] includes 50
    [0, 'buruk'],
    [120, 'sangat-baik'],
  ])('exact boundary %d → %s (whatever the gap policy)', (x, expected) => {
    for (const r of [lower, pp46('{ policy: upper }'), pp46('{ policy: reject }')]) {
      const e = at(r, x);
      expectComplete(e);
      expect(e.predicate?.id).toBe(expected);
    }
  });

  it('lower: 90.5 → baik (lower band), 75.5 → cukup, 50.5 → buruk', () => {
    expect(at(lower, 90.5).predicate?.id).toBe('baik');
    expect(at(lower, 75.5).predicate?.id).toBe('cukup');
    expect(at(lower, 50.5).predicate?.id).toBe('buruk');
    expect(at(lower, 90.5).predicateTrace?.band?.gap).toBe('lower');
  });

  it('upper: 90.5 → sangat-baik, 75.5 → baik, 50.5 → kurang', () => {
    const upper = pp46('{ policy: upper }');
    expect(at(upper, 90.5).predicate?.id).toBe('sangat-baik');
    expect(at(upper, 75.5).predicate?.id).toBe('baik');
    expect(at(upper, 50.5).predicate?.id).toBe('kurang');
    expect(at(upper, 90.5).predicateTrace?.band?.gap).toBe('upper');
  });

  it('round half-up to 0 dp first: 90.5 → 91 → sangat-baik, 75.5 → 76 → baik, 90.4 → 90 → baik', () => {
    const round = pp46('{ policy: round, round: { decimals: 0, mode: half-up } }');
    const a = at(round, 90.5);
    expect(a.predicate?.id).toBe('sangat-baik');
    expect(a.predicateTrace?.band?.roundedScore).toBe(91);
    expect(at(round, 75.5).predicate?.id).toBe('baik');
    expect(at(round, 90.4).predicate?.id).toBe('baik');
  });

  it('round half-even to 0 dp first: 90.5 → 90 (even) → baik, 75.5 → 76 (even) → baik', () => {
    const round = pp46('{ policy: round, round: { decimals: 0, mode: half-even } }');
    expect(at(round, 90.5).predicate?.id).toBe('baik');
    expect(at(round, 75.5).predicate?.id).toBe('baik');
  });

  it('reject: 90.5 and 75.5 are score-in-gap diagnostics, status invalid, no predicate', () => {
    const reject = pp46('{ policy: reject }');
    for (const x of [90.5, 75.5]) {
      const e = at(reject, x);
      expect(e.status).toBe('invalid');
      expect(e.predicate).toBeUndefined();
      expect(codes(e)).toContain('score-in-gap');
    }
  });

  it('half-open bands need no gap policy: [76, 91) holds 90.5 and 90.999999', () => {
    const r = load(
      valueRubric(`  levels:
    - { id: sangat-baik, label: { id: Sangat Baik, en: Very good } }
    - { id: baik, label: { id: Baik, en: Good } }
    - { id: cukup, label: { id: Cukup, en: Fair } }
  bands:
    - { id: sangat-baik, range: "[91, inf)" }
    - { id: baik, range: "[76, 91)" }
    - { id: cukup, range: "(-inf, 76)" }`),
    );
    expect(at(r, 90.5).predicate?.id).toBe('baik');
    expect(at(r, 90.999999).predicate?.id).toBe('baik');
    expect(at(r, 91).predicate?.id).toBe('sangat-baik');
    expect(at(r, 75.999999).predicate?.id).toBe('cukup');
  });
});

describe('PP 30/2019 art. 41(5): Sangat Baik needs 110 ≤ x ≤ 120 and an innovation; otherwise Baik', () => {
  const rubric = load(
    valueRubric(
      `  levels:
    - { id: sangat-baik, label: { id: Sangat Baik, en: Very good } }
    - { id: baik, label: { id: Baik, en: Good } }
    - { id: cukup, label: { id: Cukup, en: Fair } }
    - { id: kurang, label: { id: Kurang, en: Poor } }
    - { id: sangat-kurang, label: { id: Sangat Kurang, en: Very poor } }
  bands:
    - id: sangat-baik
      range: "[110, 120]"
      requires: { fact: facts, path: $.innovation, operator: equal, value: true }
      otherwise: baik
    - { id: baik, range: "[90, 110)" }
    - { id: cukup, range: "[70, 90)" }
    - { id: kurang, range: "[50, 70)" }
    - { id: sangat-kurang, range: "(-inf, 50)" }`,
      'facts:\n  innovation: { type: boolean, required: false }',
    ),
  );
  const run = (x: number, innovation?: boolean) =>
    rubric.evaluate(
      appraisal({ inputs: { nilai: { x } }, ...(innovation === undefined ? {} : { facts: { innovation } }) }),
    );

  it('110 with an innovation → sangat-baik', () => {
    const e = run(110, true);
    expectComplete(e);
    expect(e.predicate?.id).toBe('sangat-baik');
  });

  it('110 without an innovation (innovation: false) → baik', () => {
    const e = run(110, false);
    expectComplete(e);
    expect(e.predicate?.id).toBe('baik');
    expect(e.predicateTrace?.band?.band).toBe('sangat-baik'); // the band crossed, before `otherwise`
  });

  it('120 with an innovation → sangat-baik; 109.99 with one → baik (band [90, 110))', () => {
    expect(run(120, true).predicate?.id).toBe('sangat-baik');
    expect(run(109.99, true).predicate?.id).toBe('baik');
  });

  it('the other boundaries: 90 → baik, 89.99 → cukup, 70 → cukup, 50 → kurang, 49.99 → sangat-kurang', () => {
    expect(run(90, false).predicate?.id).toBe('baik');
    expect(run(89.99, false).predicate?.id).toBe('cukup');
    expect(run(70, false).predicate?.id).toBe('cukup');
    expect(run(50, false).predicate?.id).toBe('kurang');
    expect(run(49.99, false).predicate?.id).toBe('sangat-kurang');
  });

  it('110 with the innovation fact missing: undetermined (missing-fact), never a silent Baik', () => {
    const e = run(110);
    expect(e.status).toBe('invalid');
    expect(e.predicate).toBeUndefined();
    expect(codes(e)).toContain('missing-fact');
  });

  it('a score below 110 never reads the innovation fact: 95 without it → baik', () => {
    const e = run(95);
    expectComplete(e);
    expect(e.predicate?.id).toBe('baik');
  });
});

describe('PermenPAN-RB 6/2022 3×3 matrix (§3.5), ratings given by the supervisor in spelling variants', () => {
  const matrix = load(`
kinerja: 1
id: permenpan-6-2022
version: 1.0.0
label: { id: Predikat kinerja, en: Performance predicate }
ratings:
  - { id: di-atas, label: { id: Di atas ekspektasi, en: Above expectation }, aliases: [Diatas Ekspektasi, di atas, diatas] }
  - { id: sesuai, label: { id: Sesuai ekspektasi, en: Meets expectation }, aliases: [sesuai] }
  - { id: di-bawah, label: { id: Di bawah ekspektasi, en: Below expectation }, aliases: [Dibawah Ekspektasi, di bawah, dibawah] }
groups:
  hasil:
    label: { id: Hasil kerja, en: Work results }
    indicators:
      catatan: { label: { id: Catatan, en: Note }, measure: { kind: constant, value: 0 } }
    rating: { from: supervisor }
  perilaku:
    label: { id: Perilaku kerja, en: Work behaviour }
    indicators:
      catatan-perilaku: { label: { id: Catatan, en: Note }, measure: { kind: constant, value: 0 } }
    rating: { from: supervisor }
predicate:
  levels:
    - { id: sangat-baik, label: { id: Sangat Baik, en: Very good } }
    - { id: baik, label: { id: Baik, en: Good } }
    - { id: butuh-perbaikan, label: { id: Butuh Perbaikan, en: Needs improvement } }
    - { id: kurang, label: { id: Kurang/Misconduct, en: Poor / misconduct } }
    - { id: sangat-kurang, label: { id: Sangat Kurang, en: Very poor } }
  matrix:
    rows: hasil
    columns: perilaku
    cells:
      di-atas: { di-bawah: kurang, sesuai: baik, di-atas: sangat-baik }
      sesuai: { di-bawah: kurang, sesuai: baik, di-atas: baik }
      di-bawah: { di-bawah: sangat-kurang, sesuai: butuh-perbaikan, di-atas: butuh-perbaikan }
`);
  const run = (hasil: string, perilaku: string) =>
    matrix.evaluate(appraisal({ supervisorRatings: { hasil, perilaku } }));

  // Rows: Hasil Kerja; columns: Perilaku Kerja; the table of §3.5 cell by cell, each written in a variant.
  it.each([
    ['Diatas Ekspektasi', 'di atas', 'sangat-baik'],
    ['di atas', 'Sesuai Ekspektasi', 'baik'],
    ['DIATAS EKSPEKTASI', 'Dibawah Ekspektasi', 'kurang'],
    ['sesuai', 'Di Atas Ekspektasi', 'baik'],
    ['Sesuai Ekspektasi', 'sesuai', 'baik'],
    ['sesuai-ekspektasi', 'di bawah', 'kurang'],
    ['Dibawah Ekspektasi', 'diatas', 'butuh-perbaikan'],
    ['di bawah', 'Sesuai Ekspektasi', 'butuh-perbaikan'],
    ['dibawah', 'Di bawah ekspektasi', 'sangat-kurang'],
  ])('hasil %j × perilaku %j → %s', (hasil, perilaku, expected) => {
    const e = run(hasil, perilaku);
    expectComplete(e);
    expect(e.predicate?.id).toBe(expected);
  });

  it('an unknown spelling is an unknown-rating diagnostic ("Tidak valid" is never a predicate)', () => {
    const e = run('luar biasa', 'sesuai');
    expect(e.status).toBe('invalid');
    expect(codes(e)).toContain('unknown-rating');
  });

  it('a missing supervisor rating is a missing-input diagnostic', () => {
    const e = matrix.evaluate(appraisal({ supervisorRatings: { hasil: 'sesuai' } }));
    expect(e.status).toBe('invalid');
    expect(codes(e)).toContain('missing-input');
  });
});
