/**
 * Dates that contradict each other are refused, never read as a number: a period longer than its kind (three
 * years as `annual` gave three years' angka kredit), and a rank that begins after the period ends (it became 0
 * years in rank).
 */
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../src/index.js';
import { appraisal, constantRubric, expectComplete } from '../golden/helpers.js';

const rubric = constantRubric(
  'periode',
  `outcomes:
  lama:
    label: { id: Masa kerja, en: Years in rank }
    kind: other
    when: { fact: employee, path: $.yearsInRank, operator: greaterThanInclusive, value: 0 }
    event: { type: masa-kerja }
`,
);

const evaluatePeriod = (kind: string, start: string, end: string, employee: Record<string, unknown> = {}) =>
  rubric.evaluate({
    ...appraisal({}, { rankSince: '2020-01-01', ...employee }),
    period: { kind, start, end },
  });

const tooLong = (e: Evaluation) => e.diagnostics.filter((d) => d.code === 'period-too-long');

describe('a period longer than its kind', () => {
  it.each([
    ['annual', '2022-01-01', '2024-12-31', 'at most 12 months, within one calendar year'],
    ['annual', '2023-07-01', '2024-06-30', 'at most 12 months, within one calendar year'],
    ['annual', '2023-12-31', '2024-01-01', 'at most 12 months, within one calendar year'],
    ['quarterly', '2024-01-01', '2024-04-01', 'at most 3 months'],
    ['quarterly', '2024-01-15', '2024-06-30', 'at most 3 months'],
    ['monthly', '2024-01-01', '2024-02-01', 'at most 1 month'],
    ['monthly', '2024-01-15', '2024-02-15', 'at most 1 month'],
  ])('%s %s – %s is an error at /period', (kind, start, end, expected) => {
    const e = evaluatePeriod(kind, start, end);
    expect(e.status).toBe('invalid');
    expect(e.predicate).toBeUndefined();
    expect(tooLong(e)).toHaveLength(1);
    expect(tooLong(e)[0]).toMatchObject({
      severity: 'error',
      pointer: '/period',
      expected,
      received: `${start} – ${end}`,
    });
  });

  it('says which kind and what it allows, in both languages', () => {
    const [d] = tooLong(evaluatePeriod('quarterly', '2024-01-01', '2024-12-31'));
    expect(d?.message.en).toBe(
      'Period "2024-01-01 – 2024-12-31" is too long for a quarterly period: it must be at most 3 months long.',
    );
    expect(d?.message.id).toContain('triwulanan');
    const [a] = tooLong(evaluatePeriod('annual', '2022-01-01', '2024-12-31'));
    expect(a?.message.en).toContain('an annual period: it must be within one calendar year');
  });

  it.each([
    ['annual', '2024-01-01', '2024-12-31'],
    ['annual', '2024-03-18', '2024-12-31'], // joined mid-year: shorter is allowed
    ['quarterly', '2024-01-01', '2024-03-31'],
    ['quarterly', '2024-02-15', '2024-05-14'],
    ['quarterly', '2024-05-01', '2024-05-31'],
    ['monthly', '2024-02-01', '2024-02-29'],
    ['monthly', '2024-01-15', '2024-02-14'],
    ['monthly', '2024-02-10', '2024-02-10'],
  ])('%s %s – %s is within its kind', (kind, start, end) => {
    const e = evaluatePeriod(kind, start, end);
    expectComplete(e);
    expect(tooLong(e)).toEqual([]);
  });

  it('a period that ends before it starts is only invalid-date, not also too long', () => {
    const e = evaluatePeriod('monthly', '2024-05-01', '2023-01-01');
    expect(e.diagnostics.map((d) => d.code)).toEqual(['invalid-date']);
  });
});

describe('a rank that begins after the period ends', () => {
  it('is invalid-date at /employee/rankSince, not 0 years in rank', () => {
    const e = evaluatePeriod('annual', '2024-01-01', '2024-12-31', { rankSince: '2025-06-01' });
    expect(e.status).toBe('invalid');
    expect(e.outcomes).toEqual({});
    const d = e.diagnostics.find((x) => x.pointer === '/employee/rankSince');
    expect(d).toMatchObject({ code: 'invalid-date', severity: 'error', received: '2025-06-01' });
    expect(d?.message.en).toBe(
      'Date "2025-06-01" is not valid: the rank begins after the period ends (2024-12-31).',
    );
    expect(d?.message.id).toBe(
      'Tanggal "2025-06-01" tidak sah: pangkat dimulai setelah periode berakhir (2024-12-31).',
    );
  });

  it('a date-time read in the office zone: 2024-12-31T20:00:00Z is 1 January 2025 in Kupang', () => {
    const e = evaluatePeriod('annual', '2024-01-01', '2024-12-31', { rankSince: '2024-12-31T20:00:00Z' });
    expect(e.diagnostics.map((d) => [d.code, d.pointer])).toEqual([['invalid-date', '/employee/rankSince']]);
  });

  it('beginning on the last day of the period is 0 years, as before', () => {
    const e = evaluatePeriod('annual', '2024-01-01', '2024-12-31', { rankSince: '2024-12-31' });
    expectComplete(e);
    expect(e.outcomes.lama?.met).toBe(true);
  });
});
