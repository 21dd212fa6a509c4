import fc from 'fast-check';

/** An appraisal period: kind with real first and last days. */
export interface GeneratedPeriod {
  kind: 'annual' | 'monthly' | 'quarterly';
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function span(year: number, firstMonth: number, lastMonth: number): { start: string; end: string } {
  return {
    start: `${year}-${pad(firstMonth)}-01`,
    end: `${year}-${pad(lastMonth)}-${pad(lastDay(year, lastMonth))}`,
  };
}

/**
 * An annual, monthly or quarterly period with real dates (29 February only in leap years), in the years the
 * caller allows (the rubric's `effective` years, when it declares them).
 */
export function arbitraryPeriod(years: { from: number; to: number }): fc.Arbitrary<GeneratedPeriod> {
  const year = fc.integer({ min: years.from, max: Math.max(years.from, years.to) });
  return fc.oneof(
    year.map((y) => ({ kind: 'annual' as const, ...span(y, 1, 12) })),
    fc
      .tuple(year, fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => ({ kind: 'monthly' as const, ...span(y, m, m) })),
    fc
      .tuple(year, fc.integer({ min: 1, max: 4 }))
      .map(([y, q]) => ({ kind: 'quarterly' as const, ...span(y, 3 * q - 2, 3 * q) })),
  );
}
