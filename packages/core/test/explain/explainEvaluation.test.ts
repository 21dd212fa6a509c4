/** The readable explanation: worded in the reader's language, and whole for a full evaluation only. */
import { describe, expect, it } from 'vitest';
import { explainEvaluation } from '../../src/index.js';
import { appraisal, load } from '../golden/helpers.js';

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
