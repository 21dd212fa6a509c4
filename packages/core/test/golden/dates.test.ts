/**
 * Years in rank at the period's end, in the office's time zone (default Asia/Makassar, UTC+8, Kota Kupang):
 * rankSince 2020-03-31T20:00:00Z is 1 April 2020 04:00 in Kupang, so at 31 March 2024 it is 3 full years
 * (1 April 2020 + 3 years = 1 April 2023 ≤ 31 March 2024 < 1 April 2024), not 4 as a UTC reading
 * (31 March 2020) would give.
 *
 * On process.env.TZ: Node re-reads the zone when `process.env.TZ` is assigned (it resets ICU's default zone),
 * so `vi.stubEnv('TZ', …)` changes what `new Date(…).getTimezoneOffset()` reports within this process. The
 * test checks that the switch really took effect before trusting the result; the engine uses TZDate with the
 * rubric's zone and should not care.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConditionTrace } from '../../src/index.js';
import { appraisal, expectComplete, load } from './helpers.js';

/** The value a leaf condition read (here: yearsInRank or monthsInRank). */
const actual = (t: ConditionTrace | undefined): unknown => (t && 'actual' in t ? t.actual : undefined);

const rubricYaml = (timeZone?: string) => `
kinerja: 1
id: masa-kerja
version: 1.0.0
label: { id: Masa kerja golongan, en: Years in rank }
${timeZone ? `timeZone: ${timeZone}` : ''}
groups:
  nilai:
    label: { id: Nilai, en: Score }
    indicators:
      nilai: { label: { id: Nilai, en: Score }, measure: { kind: constant, value: 100 } }
score:
  weights: { nilai: 1 }
predicate:
  levels:
    - { id: baik, label: { id: Baik, en: Good } }
    - { id: cukup, label: { id: Cukup, en: Fair } }
  bands:
    - { id: baik, range: "[90, inf)" }
    - { id: cukup, range: "(-inf, 90)" }
outcomes:
  promotion:
    label: { id: Kenaikan pangkat, en: Promotion }
    kind: promotion
    when: { fact: employee, path: $.yearsInRank, operator: greaterThanInclusive, value: 4 }
    event: { type: naik-pangkat }
  years:
    label: { id: Tahun, en: Years }
    kind: other
    when: { fact: employee, path: $.yearsInRank, operator: equal, value: 3 }
    event: { type: tiga-tahun }
  months:
    label: { id: Bulan, en: Months }
    kind: other
    when: { fact: employee, path: $.monthsInRank, operator: equal, value: 47 }
    event: { type: empat-puluh-tujuh-bulan }
`;

const kupangAppraisal = (rankSince = '2020-03-31T20:00:00Z') => ({
  ...appraisal({}, { rank: 'III/b', rankSince }),
  // An annual period lies within one calendar year; what counts here is its end.
  period: { kind: 'annual', start: '2024-01-01', end: '2024-03-31' },
});

const check = (timeZone?: string, rankSince?: string) => {
  const e = load(rubricYaml(timeZone)).evaluate(kupangAppraisal(rankSince));
  expectComplete(e);
  return e;
};

describe('years in rank at the period end in Asia/Makassar', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('2020-03-31T20:00:00Z is 1 April 2020 in Kupang → 3 full years at 2024-03-31, not 4', () => {
    const e = check();
    expect(e.outcomes.years?.met).toBe(true);
    expect(actual(e.outcomes.years?.conditions)).toBe(3);
    expect(e.outcomes.promotion?.met).toBe(false);
  });

  it('47 full months: 1 April 2020 + 47 months = 1 March 2024 ≤ 31 March 2024 < 1 April 2024', () => {
    const e = check();
    expect(actual(e.outcomes.months?.conditions)).toBe(47);
    expect(e.outcomes.months?.met).toBe(true);
  });

  it('the same instant read in UTC (timeZone: UTC) is 31 March 2020 → 4 full years', () => {
    const e = check('UTC');
    expect(actual(e.outcomes.years?.conditions)).toBe(4);
    expect(e.outcomes.promotion?.met).toBe(true);
  });

  it('a plain date 2020-04-01 is the same calendar day: 3 years', () => {
    expect(actual(check(undefined, '2020-04-01').outcomes.years?.conditions)).toBe(3);
  });

  it.each(['America/New_York', 'Pacific/Kiritimati', 'Etc/GMT+12', 'UTC'])(
    'does not depend on the process zone (TZ=%s)',
    (tz) => {
      vi.stubEnv('TZ', tz);
      // Make sure the stub reached the Date implementation (Node resets its zone when TZ is assigned).
      const jan = new Date(2020, 0, 15).getTimezoneOffset();
      const expected = { 'America/New_York': 300, 'Pacific/Kiritimati': -840, 'Etc/GMT+12': 720, UTC: 0 }[tz];
      expect(jan).toBe(expected);
      const e = check();
      expect(actual(e.outcomes.years?.conditions)).toBe(3);
      expect(actual(e.outcomes.months?.conditions)).toBe(47);
      expect(e.outcomes.promotion?.met).toBe(false);
    },
  );
});
