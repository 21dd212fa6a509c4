/**
 * `employee.previousYearPredicate`: the predikat the history gives for the year before the period's (its end's
 * year − 1). "At least Baik in each of the last two years" (Peraturan BKN 4/2023) must read that year, never an
 * older entry standing in for a year missing from the history.
 */
import { describe, expect, it } from 'vitest';
import { appraisal, codes, load } from './helpers.js';

const rubric = load(`
kinerja: 1
id: tahun-sebelumnya
version: 1.0.0
label: { id: Predikat tahun sebelumnya, en: Previous year's predikat }
groups:
  nilai:
    label: { id: Nilai, en: Score }
    indicators:
      nilai: { label: { id: Nilai, en: Score }, measure: { kind: constant, value: 100 } }
score:
  weights: { nilai: 1 }
predicate:
  levels:
    - { id: baik, label: { id: Baik, en: Good }, aliases: [Good] }
    - { id: cukup, label: { id: Cukup, en: Fair } }
  bands:
    - { id: baik, range: "[90, inf)" }
    - { id: cukup, range: "(-inf, 90)" }
outcomes:
  last-year-good:
    label: { id: Tahun lalu baik, en: Good last year }
    kind: other
    when: { fact: employee, path: $.previousYearPredicate, operator: equal, value: baik }
    event: { type: tahun-lalu-baik }
`);

const annual2024 = (history: Array<{ year: number; predicate: string }>) => ({
  ...appraisal({}, { history }),
  period: { kind: 'annual', start: '2024-01-01', end: '2024-12-31' },
});

describe('employee.previousYearPredicate', () => {
  it('is the predikat of the period year − 1, read through the level aliases', () => {
    const e = rubric.evaluate(
      annual2024([
        { year: 2021, predicate: 'cukup' },
        { year: 2023, predicate: 'Good' },
      ]),
    );
    expect(e.status).toBe('complete');
    expect(e.outcomes['last-year-good']?.met).toBe(true);
  });

  it('is false-making when that year is below: 2023 Cukup, 2022 Baik', () => {
    const e = rubric.evaluate(
      annual2024([
        { year: 2022, predicate: 'baik' },
        { year: 2023, predicate: 'cukup' },
      ]),
    );
    expect(e.outcomes['last-year-good']?.met).toBe(false);
  });

  it('has no value when the history skips the previous year: an older Baik does not stand in', () => {
    const e = rubric.evaluate(annual2024([{ year: 2022, predicate: 'baik' }]));
    expect(e.outcomes['last-year-good']?.met).toBeNull();
    expect(e.status).toBe('invalid');
    expect(codes(e)).toContain('missing-fact');
  });

  it("has no value when the history holds only the period's own year", () => {
    const e = rubric.evaluate(annual2024([{ year: 2024, predicate: 'baik' }]));
    expect(e.outcomes['last-year-good']?.met).toBeNull();
  });

  it('counts from the year the period ends in: December 2023 – February 2024 looks at 2023', () => {
    // An annual period lies within one calendar year (period-too-long otherwise); a quarter may straddle two.
    const e = rubric.evaluate({
      ...annual2024([{ year: 2023, predicate: 'baik' }]),
      period: { kind: 'quarterly', start: '2023-12-01', end: '2024-02-29' },
    });
    expect(e.outcomes['last-year-good']?.met).toBe(true);
  });
});
