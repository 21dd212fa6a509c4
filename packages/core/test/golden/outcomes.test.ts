/**
 * Outcomes (tindak lanjut): met, not met and undetermined (never a silent false), and angka kredit computed as
 * % predikat × koefisien (PermenPAN-RB 1/2023, Peraturan BKN 3/2023; regulations §4.2), rounded half-up to 2 dp.
 */
import { describe, expect, it } from 'vitest';
import { appraisal, codes, expectComplete, load } from './helpers.js';

describe('outcome met / not met / undetermined', () => {
  const rubric = load(`
kinerja: 1
id: outcomes-pp46
version: 1.0.0
label: { id: Tindak lanjut, en: Outcomes }
facts:
  innovation: { type: boolean, required: false }
groups:
  nilai:
    label: { id: Nilai, en: Score }
    indicators:
      nilai: { label: { id: Nilai, en: Score }, measure: { kind: value, input: x } }
score:
  weights: { nilai: 1 }
predicate:
  levels:
    - { id: sangat-baik, label: { id: Sangat Baik, en: Very good } }
    - { id: baik, label: { id: Baik, en: Good } }
    - { id: cukup, label: { id: Cukup, en: Fair } }
    - { id: kurang, label: { id: Kurang, en: Poor } }
    - { id: buruk, label: { id: Buruk, en: Bad } }
  bands:
    - { id: sangat-baik, range: "[91, inf)" }
    - { id: baik, range: "[76, 91)" }
    - { id: cukup, range: "[61, 76)" }
    - { id: kurang, range: "[51, 61)" }
    - { id: buruk, range: "(-inf, 51)" }
outcomes:
  coaching:
    label: { id: Pembinaan, en: Coaching }
    kind: coaching
    when: { fact: predicate, operator: in, value: [kurang, buruk] }
    event: { type: pembinaan, params: { months: 6 } }
  award:
    label: { id: Penghargaan, en: Award }
    kind: award
    when:
      all:
        - { fact: predicate, operator: equal, value: sangat-baik }
        - { fact: facts, path: $.innovation, operator: equal, value: true }
    event: { type: penghargaan }
`);
  const run = (x: number, facts?: Record<string, unknown>) =>
    rubric.evaluate(appraisal({ inputs: { nilai: { x } }, ...(facts ? { facts } : {}) }));

  it('55 → kurang ([51, 61)) → coaching met with its event; award not met', () => {
    const e = run(55, { innovation: false });
    expectComplete(e);
    expect(e.predicate?.id).toBe('kurang');
    expect(e.outcomes.coaching?.met).toBe(true);
    expect(e.outcomes.coaching?.event).toEqual({ type: 'pembinaan', params: { months: 6 } });
    expect(e.outcomes.award?.met).toBe(false);
    expect(e.outcomes.award?.event).toBeUndefined();
  });

  it('80 → baik → coaching not met', () => {
    const e = run(80, { innovation: true });
    expectComplete(e);
    expect(e.outcomes.coaching?.met).toBe(false);
    expect(e.outcomes.coaching?.event).toBeUndefined();
  });

  it('55 without the (optional) innovation fact: award is decided by Kleene logic, false ∧ unknown = false', () => {
    const e = run(55);
    expect(e.predicate?.id).toBe('kurang');
    expect(e.outcomes.award?.met).toBe(false);
    expect(e.outcomes.coaching?.met).toBe(true);
  });

  // CORE BUG (compile/compileOutcomes.ts): every diagnostic of an outcome's condition run is pushed into the
  // evaluation, even when Kleene logic decided the outcome (here `all` is false because the predikat is not
  // sangat-baik). The `missing-fact` error ("the outcome cannot be decided") then turns a verdict whose every
  // outcome is determined into status 'invalid'. Band `requires` (compileBands.place) and group rating rules
  // (compileGroup.rate) keep the condition's diagnostics only when it is undetermined; outcomes should too.
  // The fact is declared `required: false`, so the appraisal is valid as given.
  it('55 without the optional innovation fact: every outcome is decided, so the evaluation is complete', () => {
    const e = run(55);
    expect(e.outcomes.award?.met).toBe(false);
    expect(codes(e)).not.toContain('missing-fact');
    expect(e.status).toBe('complete');
  });

  it('95 with innovation → sangat-baik → award met', () => {
    const e = run(95, { innovation: true });
    expectComplete(e);
    expect(e.outcomes.award?.met).toBe(true);
  });

  it('95 with the innovation fact missing → award undetermined: met null, status invalid, missing-fact', () => {
    const e = run(95);
    expect(e.predicate?.id).toBe('sangat-baik');
    expect(e.outcomes.award?.met).toBeNull();
    expect(e.status).toBe('invalid');
    const d = e.diagnostics.find((x) => x.code === 'missing-fact');
    expect(d?.severity).toBe('error');
    // At the appraisal field to fill in, naming the rubric rule that needed it.
    expect(d?.pointer).toBe('/facts/innovation');
    expect(d?.message.en).toMatch(/rule at \/outcomes\/award\/when/);
    expect(codes(e)).toContain('missing-fact');
  });
});

describe('angka kredit = % predikat × koefisien, half-up 2 dp (§4.2)', () => {
  const rubric = load(`
kinerja: 1
id: angka-kredit
version: 1.0.0
label: { id: Angka kredit, en: Credit points }
ratings:
  - { id: di-atas, label: { id: Di atas ekspektasi, en: Above expectation } }
  - { id: sesuai, label: { id: Sesuai ekspektasi, en: Meets expectation } }
  - { id: di-bawah, label: { id: Di bawah ekspektasi, en: Below expectation } }
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
outcomes:
  angka-kredit:
    label: { id: Angka kredit, en: Credit points }
    kind: credit-points
    when: { fact: employee, path: $.positionType, operator: equal, value: fungsional }
    event: { type: angka-kredit }
    value:
      kind: product
      round: { decimals: 2, mode: half-up }
      of:
        - kind: scale
          input: { fact: predicate }
          map: { sangat-baik: 1.5, baik: 1, butuh-perbaikan: 0.75, kurang: 0.5, sangat-kurang: 0.25 }
        - kind: scale
          input: { fact: employee, path: $.functionalLevel }
          map: { Pemula: 3.75, Terampil: 5, Mahir: 12.5, Penyelia: 25, Ahli Pertama: 12.5, Ahli Muda: 25, Ahli Madya: 37.5, Ahli Utama: 50 }
`);
  const run = (hasil: string, perilaku: string, functionalLevel: string) =>
    rubric.evaluate(
      appraisal({ supervisorRatings: { hasil, perilaku } }, { positionType: 'fungsional', functionalLevel }),
    );

  it.each([
    ['di-atas', 'di-atas', 'Ahli Pertama', 'sangat-baik', 18.75], // 1.5 × 12.5 = 18.75
    ['sesuai', 'sesuai', 'Ahli Pertama', 'baik', 12.5], // 1 × 12.5
    ['di-bawah', 'sesuai', 'Ahli Pertama', 'butuh-perbaikan', 9.38], // 0.75 × 12.5 = 9.375 → 9.38
    ['sesuai', 'di-bawah', 'Ahli Pertama', 'kurang', 6.25], // 0.5 × 12.5
    ['di-bawah', 'di-bawah', 'Ahli Pertama', 'sangat-kurang', 3.13], // 0.25 × 12.5 = 3.125 → 3.13
    ['di-bawah', 'di-atas', 'Ahli Madya', 'butuh-perbaikan', 28.13], // 0.75 × 37.5 = 28.125 → 28.13
    ['di-atas', 'di-atas', 'Pemula', 'sangat-baik', 5.63], // 1.5 × 3.75 = 5.625 → 5.63
    ['di-bawah', 'di-bawah', 'Pemula', 'sangat-kurang', 0.94], // 0.25 × 3.75 = 0.9375 → 0.94
  ])('hasil %s × perilaku %s, %s → %s → %d', (hasil, perilaku, level, predicate, expected) => {
    const e = run(hasil, perilaku, level);
    expectComplete(e);
    expect(e.predicate?.id).toBe(predicate);
    const o = e.outcomes['angka-kredit'];
    expect(o?.met).toBe(true);
    expect(o?.value).toBe(expected);
  });

  it('not a functional position → not met, no value', () => {
    const e = rubric.evaluate(
      appraisal(
        { supervisorRatings: { hasil: 'sesuai', perilaku: 'sesuai' } },
        { positionType: 'pelaksana' },
      ),
    );
    expectComplete(e);
    expect(e.outcomes['angka-kredit']?.met).toBe(false);
    expect(e.outcomes['angka-kredit']?.value).toBeUndefined();
  });

  it('a functional position with no jenjang → the value cannot be computed: met null, status invalid', () => {
    const e = rubric.evaluate(
      appraisal(
        { supervisorRatings: { hasil: 'sesuai', perilaku: 'sesuai' } },
        { positionType: 'fungsional' },
      ),
    );
    expect(e.outcomes['angka-kredit']?.met).toBeNull();
    expect(e.status).toBe('invalid');
    expect(codes(e)).toContain('missing-input');
  });
});
