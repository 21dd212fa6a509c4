/**
 * How a share of a small unit becomes a head count. `exact` (default) is the literal inequality with no rounding:
 * "max p%" allows floor(p·N/100) people and "min p%" needs ceil(p·N/100) (10% of 7 = 0.7 → at most 0 Sangat Baik,
 * at least 1 Butuh Perbaikan). `nearest` rounds p·N/100 half up for both. `lenient` gives the unit the benefit of
 * the doubt: ceil for maxima, floor for minima (10% of 7 → at most 1; at least 0).
 */
export type HeadCountRounding = 'exact' | 'nearest' | 'lenient';

/** The head-count bound of a percentage of n, computed in integers (no floating-point 0.1 × 70 = 7.000…01). */
export function headCount(
  percent: number,
  n: number,
  kind: 'max' | 'min',
  rounding: HeadCountRounding,
): number {
  const scaled = Math.round(percent * 1000) * n; // in 1/100 000 of a person, exact for whole-thousandth percents
  const unit = 100 * 1000;
  const floor = Math.floor(scaled / unit);
  const ceil = Math.ceil(scaled / unit);
  if (rounding === 'nearest') return Math.floor((2 * scaled + unit) / (2 * unit));
  if (rounding === 'lenient') return kind === 'max' ? ceil : floor;
  return kind === 'max' ? floor : ceil;
}
