import { normalCdf, normalQuantile } from './normal.js';

/**
 * One rater's estimate tested against the normal spread between raters: is it further from 0 than raters differ
 * anyway? Under the null, estimate ~ N(0, variance + spread²); each direction is a one-sided test.
 */
export interface SpreadTest {
  /** (estimate ∓ margin) / √(sampling variance + spread²), on the side of the estimate. */
  z: number;
  /** One-sided p-value of "more than margin above the normal spread" (lenient, above the consensus). */
  pAbove: number;
  /** One-sided p-value of "more than margin below the normal spread" (severe, below the consensus). */
  pBelow: number;
  /**
   * The smallest shift beyond the normal spread, in rating points and either way, that these tests flag with
   * probability `power`: margin + (z₁₋α/₂ + z_power)·√(sampling variance + spread²). A rater shifted by less can
   * go unflagged more often than 1 − power: below it, "not flagged" does not clear anyone. It shrinks as the
   * rater rates more people, down to what the normal spread alone allows. +∞ (null in JSON) when alpha is 0 or
   * power 1: then no shift is sure to be flagged.
   */
  detectable: number;
}

/**
 * The two one-sided z tests of an estimate against a random-effects null N(0, variance + spread²), shifted by the
 * tolerated margin (the additive over-dispersion model of Spiegelhalter 2005: a rater is judged against how much
 * raters normally differ, not against 0). Undefined when the total variance is not positive.
 *
 * @param alpha - Both directions together; each test runs at alpha/2, as the audits flag.
 * @param power - The probability of a flag that {@link SpreadTest.detectable} is computed for.
 */
export function spreadTest(
  estimate: number,
  variance: number,
  spread2: number,
  margin: number,
  alpha = 0.05,
  power = 0.95,
): SpreadTest | undefined {
  const total = variance + spread2;
  if (!(total > 0) || !Number.isFinite(estimate)) return undefined;
  const sd = Math.sqrt(total);
  const zAbove = (estimate - margin) / sd;
  const zBelow = (estimate + margin) / sd;
  return {
    z: estimate >= 0 ? zAbove : zBelow,
    pAbove: normalCdf(-zAbove),
    pBelow: normalCdf(zBelow),
    detectable: margin + (normalQuantile(1 - alpha / 2) + normalQuantile(power)) * sd,
  };
}
