import { logGamma } from './logGamma.js';

const logChoose = (n: number, k: number): number => logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);

/**
 * Two-sided Fisher exact test of a 2×2 table [[a, b], [c, d]] (rows: groups; columns: selected, not selected).
 * Sums the hypergeometric probabilities of every table with the same margins that is no more likely than the
 * observed one (relative tolerance 1e-7, as R's `fisher.test`). Exact up to floating point; no library.
 */
export function fisherExact(a: number, b: number, c: number, d: number): number {
  const row1 = a + b;
  const row2 = c + d;
  const col1 = a + c;
  const n = row1 + row2;
  const lo = Math.max(0, col1 - row2);
  const hi = Math.min(row1, col1);
  const logDenominator = logChoose(n, col1);
  const p = (x: number) => Math.exp(logChoose(row1, x) + logChoose(row2, col1 - x) - logDenominator);
  const observed = p(a);
  let total = 0;
  for (let x = lo; x <= hi; x++) {
    const px = p(x);
    if (px <= observed * (1 + 1e-7)) total += px;
  }
  return Math.min(1, total);
}
