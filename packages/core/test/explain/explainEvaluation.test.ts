/** The readable explanation: worded in the reader's language, and whole for a full evaluation only. */
import { describe, expect, it } from 'vitest';
import { explainEvaluation } from '../../src/index.js';
import { appraisal, load, measureOnce } from '../golden/helpers.js';

const rubric = load(`
kinerja: 1
id: explain-test
version: 1.0.0
label: { id: Uji penjelasan, en: Explanation test }
groups:
  nilai:
    label: { id: Nilai, en: Score }
    indicators:
      nilai: { label: { id: Nilai, en: Score }, measure: { kind: value, input: x } }
score:
  weights: { nilai: 1 }
predicate:
  levels:
    - { id: baik, label: { id: Baik, en: Good } }
    - { id: kurang, label: { id: Kurang, en: Poor } }
  bands:
    - { id: baik, range: "[76, inf)" }
    - { id: kurang, range: "(-inf, 76)" }
outcomes:
  coaching:
    label: { id: Pembinaan, en: Coaching }
    kind: coaching
    when: { fact: predicate, operator: equal, value: kurang }
    event: { type: pembinaan }
`);

describe('explainEvaluation', () => {
  const input = appraisal({ inputs: { nilai: { x: 60 } } });

  it('names the period kind in the reader’s language', () => {
    const e = rubric.evaluate(input);
    expect(explainEvaluation(e, 'id')).toContain('Periode: tahunan 2023-01-01 – 2023-12-31');
    expect(explainEvaluation(e, 'en')).toContain('Period: annual 2023-01-01 – 2023-12-31');
  });

  it('shows why an outcome follows when the evaluation has its conditions, and only its verdict without', () => {
    const full = explainEvaluation(rubric.evaluate(input), 'en');
    expect(full).toContain('Coaching: yes');
    expect(full).toMatch(/✓ predicate equal "kurang"/);
    const quick = explainEvaluation(rubric.evaluate(input, { scoreOnly: true }), 'en');
    expect(quick).toContain('Coaching: yes');
    expect(quick).not.toContain('predicate equal');
  });
});

describe('explainEvaluation in Indonesian says no English word of its own', () => {
  it('statuses, severities, calibration and divergence notes', async () => {
    const { loadRaters, appraisalOf } = await import('../raters/helpers.js');
    const calibrated = loadRaters(
      '{ kind: raters, roles: { supervisor: { weight: 0.5 }, peer: { weight: 0.5 } }, calibration: { method: z-score, mean: 3, sd: 1 }, divergence: { threshold: 3 } }',
    );
    const text = explainEvaluation(
      calibrated.evaluate(
        appraisalOf(
          [
            ['s', 'supervisor', 4],
            ['p', 'peer', 4],
          ],
          { raterStats: { s: { mean: 3, sd: 1, n: 10 } } },
        ),
      ),
      'id',
    );
    expect(text).toContain('skor-z terhadap riwayat penilai, n = 10 (rata-rata 3, sd 1)');
    expect(text).toContain('tidak dikalibrasi: riwayat penilai tidak ada di raterStats; dipakai apa adanya');
    expect(text).toContain('  info rater-uncalibrated');
    expect(text).toContain('s (atasan): 4 →');

    const waiting = loadRaters(
      '{ kind: raters, roles: { supervisor: { weight: 0.5 }, peer: { weight: 0.5 } }, divergence: { threshold: 1 } }',
    ).evaluate(appraisalOf([['p', 'peer', 4]]));
    const id = explainEvaluation(waiting, 'id');
    expect(id).toContain(': menunggu ←');
    expect(id).toContain('tidak diperiksa (tidak ada rating atasan)');
    expect(id).toContain('  peringatan role-short');
    expect(id).not.toMatch(/\b(pending|warning|error|no supervisor rating)\b/);
    expect(explainEvaluation(waiting, 'en')).toContain('  warning role-short');
  });
});

describe('explainEvaluation of a one-of', () => {
  const items = load(`
kinerja: 1
id: explain-one-of
version: 1.0.0
label: { id: Uji penjelasan, en: Explanation test }
groups:
  skp:
    label: { id: SKP, en: Work targets }
    items:
      measure:
        kind: one-of
        clamp: { max: 120 }
        of:
          - { kind: ratio, target: target, realisation: realisation }
          - kind: max
            of:
              - { kind: ratio, target: targetMax, realisation: realisationRange }
              - { kind: ratio, target: targetMin, realisation: realisationRange, clamp: { max: 100 } }
          - { kind: inverse-ratio, target: khususTarget, realisation: khususRealisation }
score:
  weights: { skp: 1 }
predicate:
  levels:
    - { id: baik, label: { id: Baik, en: Good } }
    - { id: kurang, label: { id: Kurang, en: Poor } }
  bands:
    - { id: baik, range: "[76, inf)" }
    - { id: kurang, range: "(-inf, 76)" }
`);

  it('shows the alternative taken in its place, with its inputs and parts and the one-of’s own cap', () => {
    const e = items.evaluate(
      appraisal({
        targets: {
          skp: [
            { id: 'a', target: 50, realisation: 45 },
            { id: 'b', targetMin: 80, targetMax: 90, realisationRange: 70 },
            { id: 'c', khususTarget: 10, khususRealisation: 2 },
          ],
        },
      }),
    );
    const text = explainEvaluation(e, 'en');
    expect(text).toContain('target a: 90 ← ratio; target=50, realisation=45\n');
    // The range alternative is a max of two ratios: both are listed under it, as for any max.
    expect(text).toContain('target b: 87.5 ← max\n');
    expect(text).toContain('· 87.5 ← ratio; target=80, realisation=70');
    // (2 − 2/10) × 100 = 180, capped at 120 by the one-of.
    expect(text).toContain('target c: 120 ← inverse-ratio; target=10, realisation=2; cap max (180)');
    expect(text).not.toContain('← one-of');
  });
});

describe('explainEvaluation names every indicator and speaks one language', () => {
  const rubric = load(`
kinerja: 1
id: explain-words
version: 1.0.0
label: { id: Uji kata, en: Words test }
ratings:
  - { id: sangat-baik, label: { id: Sangat Baik, en: Very good } }
  - { id: kurang, label: { id: Kurang, en: Poor } }
groups:
  perilaku:
    label: { id: Perilaku, en: Behaviour }
    indicators:
      disiplin: { label: { id: Disiplin, en: Discipline }, measure: { kind: value, input: score } }
      kepemimpinan:
        label: { id: Kepemimpinan, en: Leadership }
        appliesWhen: { fact: employee, path: $.positionType, operator: equal, value: struktural }
        measure: { kind: value, input: score }
    rating:
      from: score
      bands:
        - { id: sangat-baik, range: "[76, inf)" }
        - { id: kurang, range: "(-inf, 76)" }
  skp:
    label: { id: SKP, en: Work targets }
    items:
      measure:
        kind: mean
        of:
          - { kind: ratio, target: qt, realisation: q }
          - { kind: ratio, target: ct, realisation: c, dropWhen: target-zero }
score:
  weights: { perilaku: 0.5, skp: 0.5 }
predicate:
  levels:
    - { id: baik, label: { id: Baik, en: Good } }
    - { id: kurang, label: { id: Kurang, en: Poor } }
  bands:
    - { id: baik, range: "[76, inf)" }
    - { id: kurang, range: "(-inf, 76)" }
`);
  const e = rubric.evaluate(
    appraisal(
      {
        inputs: { disiplin: { score: 80 } },
        targets: { skp: [{ id: 't1', qt: 10, q: 10, ct: 0, c: 0 }] },
      },
      { positionType: 'pelaksana' },
    ),
  );

  it('gives a not-applicable indicator its label, and no arrow to a measure that never ran', () => {
    expect(e.groups.perilaku?.indicators?.kepemimpinan).toEqual({
      label: { id: 'Kepemimpinan', en: 'Leadership' },
      status: 'not-applicable',
    });
    expect(explainEvaluation(e, 'en')).toContain('  - Leadership: not applicable\n');
    expect(explainEvaluation(e, 'id')).toContain('  - Kepemimpinan: tidak berlaku\n');
  });

  it('gives an indicator whose condition cannot be decided its label too', () => {
    const undecided = load(`
kinerja: 1
id: explain-undecided
version: 1.0.0
label: { id: Uji, en: Test }
groups:
  g:
    label: { id: G, en: G }
    indicators:
      a: { label: { id: A, en: A }, measure: { kind: value, input: score } }
      b:
        label: { id: Pemimpin, en: Leader }
        appliesWhen: { fact: employee, path: $.positionType, operator: equal, value: struktural }
        measure: { kind: value, input: score }
score:
  weights: { g: 1 }
predicate:
  levels:
    - { id: ada, label: { id: Ada, en: Present } }
    - { id: lain, label: { id: Lain, en: Other } }
  bands:
    - { id: ada, range: "(-inf, inf)" }
`).evaluate(appraisal({ inputs: { a: { score: 80 } } }));
    expect(undecided.groups.g?.indicators?.b).toEqual({
      label: { id: 'Pemimpin', en: 'Leader' },
      status: 'error',
    });
    expect(explainEvaluation(undecided, 'en')).toContain('  - Leader: error\n');
  });

  it('words measure kinds, combinations and a dropped part in Indonesian, and leaves the English as it was', () => {
    const id = explainEvaluation(e, 'id');
    expect(id).toContain('Aspek skp — SKP: 100 (rata-rata)');
    expect(id).toContain('  - target t1: 100 ← rata-rata\n');
    expect(id).toContain('      · 100 ← rasio; target=10, realisation=10\n');
    expect(id).toContain(
      '      · tidak dihitung ← rasio; target=0, realisation=0; tidak dihitung (target nol)\n',
    );
    expect(id).toContain('  - Disiplin: 80 ← nilai; score=80\n');
    expect(id).not.toMatch(/\b(mean|ratio|value|dropped|target-zero)\b/);
    const en = explainEvaluation(e, 'en');
    expect(en).toContain('Group skp — Work targets: 100 (mean)');
    expect(en).toContain('      · left out ← ratio; target=0, realisation=0; dropped (target-zero)\n');
    expect(en).toContain('  - Discipline: 80 ← value; score=80\n');
  });

  it('shows ratings by their label when given the rubric’s scale, by id without it', () => {
    const ratings = rubric.rubric.ratings ?? [];
    expect(explainEvaluation(e, 'id', { ratings })).toContain('(rata-rata); rating Sangat Baik\n');
    expect(explainEvaluation(e, 'en', { ratings })).toContain('(mean); rating Very good\n');
    expect(explainEvaluation(e, 'en')).toContain('(mean); rating sangat-baik\n');
  });
});

describe('explainEvaluation shows the matrix cell the predikat came from', () => {
  const matrix = load(`
kinerja: 1
id: matrix-explain
version: 1.0.0
label: { id: Matriks, en: Matrix }
ratings:
  - { id: di-atas, label: { id: Di atas ekspektasi, en: Above expectation } }
  - { id: sesuai, label: { id: Sesuai ekspektasi, en: Meets expectation } }
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
  matrix:
    rows: hasil
    columns: perilaku
    cells:
      di-atas: { di-atas: sangat-baik, sesuai: baik }
      sesuai: { di-atas: baik, sesuai: baik }
`);
  const e = matrix.evaluate(appraisal({ supervisorRatings: { hasil: 'di-atas', perilaku: 'sesuai' } }));

  it('by the ratings’ labels when given the rubric’s scale, as the groups’ ratings are', () => {
    const ratings = matrix.rubric.ratings ?? [];
    expect(explainEvaluation(e, 'id', { ratings })).toContain(
      'Predikat: Baik ← Di atas ekspektasi × Sesuai ekspektasi\n',
    );
    expect(explainEvaluation(e, 'en', { ratings })).toContain(
      'Predicate: Good ← Above expectation × Meets expectation\n',
    );
  });

  it('by the ratings’ ids without it', () => {
    expect(explainEvaluation(e, 'en')).toContain('Predicate: Good ← di-atas × sesuai\n');
  });
});

describe('explainEvaluation writes figures as its reader does, never implying a rounding the rubric did not do', () => {
  // A mean of 100, 90 and 100 is 290/3 = 96.666…: the rubric rounds the group (to 2 places), not the target.
  const thirds = load(`
kinerja: 1
id: thirds
version: 1.0.0
label: { id: Pertigaan, en: Thirds }
groups:
  skp:
    label: { id: SKP, en: Work targets }
    items:
      measure:
        kind: mean
        of:
          - { kind: ratio, target: a, realisation: ra }
          - { kind: ratio, target: b, realisation: rb }
          - { kind: ratio, target: c, realisation: rc }
    round: { decimals: 2, mode: half-up }
score:
  weights: { skp: 1 }
predicate:
  levels:
    - { id: baik, label: { id: Baik, en: Good } }
    - { id: kurang, label: { id: Kurang, en: Poor } }
  bands:
    - { id: baik, range: "[50, inf)" }
    - { id: kurang, range: "(-inf, 50)" }
`);
  const e = thirds.evaluate(
    appraisal({ targets: { skp: [{ id: 't1', a: 10, ra: 10, b: 100, rb: 90, c: 8, rc: 8 }] } }),
  );

  it('a figure that does not end within 4 places: "≈" and 4 places; one that does: exact', () => {
    const en = explainEvaluation(e, 'en');
    expect(en).toContain('Group skp — Work targets: 96.67 (mean)\n');
    expect(en).toContain('  - target t1: ≈ 96.6667 ← mean\n');
    expect(en).not.toContain('96.66666');
  });

  it('in Indonesian with a decimal comma, for computed figures and the data read alike', () => {
    const id = explainEvaluation(e, 'id');
    expect(id).toContain('Nilai: 96,67\n');
    expect(id).toContain('Aspek skp — SKP: 96,67 (rata-rata)\n');
    expect(id).toContain('  - target t1: ≈ 96,6667 ← rata-rata\n');
    // The rubric's version (1.0.0, on the first line) is an id, not a figure.
    expect(id.slice(id.indexOf('\n'))).not.toMatch(/\d\.\d/);
    const decimals = thirds.evaluate(
      appraisal({ targets: { skp: [{ id: 't1', a: 10, ra: 9.5, b: 4, rb: 4, c: 8, rc: 8 }] } }),
    );
    // 95, 100, 100: a mean of 295/3 = 98.333…; the first part's realisation 9.5 read as given.
    const text = explainEvaluation(decimals, 'id');
    expect(text).toContain('      · 95 ← rasio; target=10, realisation=9,5\n');
    expect(text).toContain('  - target t1: ≈ 98,3333 ← rata-rata\n');
  });

  it('a value before the rubric rounded it is named as such, not marked "≈"', () => {
    const rounded = measureOnce(
      '{ kind: ratio, target: t, realisation: r, round: { decimals: 1, mode: half-up } }',
      {
        t: 3,
        r: 2,
      },
    );
    // 2 / 3 × 100 = 66.666…, rounded by the measure to 66.7.
    expect(explainEvaluation(rounded, 'id')).toContain(
      '66,7 ← rasio; target=3, realisation=2; sebelum dibulatkan ≈ 66,6667',
    );
    expect(explainEvaluation(rounded, 'en')).toContain(
      '66.7 ← ratio; target=3, realisation=2; before rounding ≈ 66.6667',
    );
  });
});
