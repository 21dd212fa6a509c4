/**
 * Measures may read what the engine computed before them: the overall score for an outcome's value, an earlier
 * group's score for a later group's indicator. Those values are exact (Rational), and a measure reads them as such.
 */
import { describe, expect, it } from 'vitest';
import { appraisal, expectComplete, indicator, load } from './helpers.js';

const rubric = load(`
kinerja: 1
id: derived-inputs
version: 1.0.0
label: { id: Masukan turunan, en: Derived inputs }
groups:
  a-skp:
    label: { id: SKP, en: SKP }
    indicators:
      x: { label: { id: X, en: X }, measure: { kind: value, input: x } }
      y: { label: { id: Y, en: Y }, measure: { kind: value, input: x } }
      z: { label: { id: Z, en: Z }, measure: { kind: value, input: x } }
  b-bonus:
    label: { id: Bonus, en: Bonus }
    indicators:
      dari-skp:
        label: { id: Dari SKP, en: From SKP }
        measure: { kind: value, input: { fact: groups, path: $.a-skp.score } }
score:
  weights: { a-skp: 0.5, b-bonus: 0.5 }
predicate:
  levels:
    - { id: baik, label: { id: Baik, en: Good } }
    - { id: kurang, label: { id: Kurang, en: Poor } }
  bands:
    - { id: baik, range: "[5, inf)" }
    - { id: kurang, range: "(-inf, 5)" }
outcomes:
  angka-kredit:
    label: { id: Angka kredit, en: Credit points }
    kind: credit-points
    when: { fact: predicate, operator: equal, value: baik }
    event: { type: angka-kredit }
    value: { kind: value, input: { fact: score }, round: { decimals: 2, mode: half-up } }
`);

describe('measures reading engine-computed values', () => {
  it('a later group reads an earlier group’s exact score; an outcome value reads the overall score', () => {
    // a-skp = (10 + 10 + 11) / 3 = 31/3 = 10.333…, kept exact; b-bonus reads exactly 31/3; score = 0.5 × 31/3 +
    // 0.5 × 31/3 = 31/3 ≥ 5 → baik; credit points = 31/3 rounded half-up to 2 dp = 10.33.
    const e = rubric.evaluate(
      appraisal({ inputs: { x: { x: 10 }, y: { x: 10 }, z: { x: 11 }, 'dari-skp': {} } }),
    );
    expect(e.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expectComplete(e);
    expect(indicator(e, 'b-bonus', 'dari-skp').score).toBe(e.groups['a-skp']?.score);
    expect(e.score).toBe(31 / 3);
    expect(e.outcomes['angka-kredit']).toMatchObject({ met: true, value: 10.33 });
  });
});
