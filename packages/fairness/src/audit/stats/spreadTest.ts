import { normalCdf, normalQuantile } from './normal.js';
import { studentTCdf, studentTQuantile } from './studentT.js';

/**
 * Beyond this many degrees of freedom t and the normal differ by less than the normal CDF's own error (1.2e-7),
 * while the incomplete beta behind t starts losing digits: the normal is then the better figure of the two.
 */
const normalBeyond = 1e6;

/**
 * One rater's estimate tested against the normal spread between raters: is it further from 0 than raters differ
 * anyway? Under the null, estimate ~ N(0, variance + spread²); each direction is a one-sided test, referred to
 * Student's t with {@link SpreadTest.df} degrees of freedom (the normal when the variance is taken as known).
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
   * probability `power`: margin + (t₁₋α/₂ + t_power)·√(sampling variance + spread²), t on {@link SpreadTest.df}
   * degrees of freedom (z quantiles when it is absent). A rater shifted by less can go unflagged more often than
   * 1 − power: below it, "not flagged" does not clear anyone. It shrinks as the rater rates more people, down to
   * what the normal spread alone allows. +∞ (null in JSON) when alpha is 0 or power 1: then no shift is sure to be
   * flagged.
   */
  detectable: number;
  /**
   * Effective (Satterthwaite) degrees of freedom of the estimated variance the estimate is divided by: the
   * uncertainty of τ̂² and σ̂² carried into the test, so `z` is referred to Student's t rather than the normal.
   * Absent when that variance is taken as known (normal reference, as before this field existed).
   */
  df?: number;
}

/**
 * Satterthwaite's effective degrees of freedom of an estimated variance S: 2·E[S]²/Var(S), which makes
 * S/E[S] ~ χ²_df/df match in mean and variance. +∞ when Var(S) is 0 (S known), 0 when it is +∞ (S unknown).
 */
export function satterthwaiteDf(total: number, varianceOfTotal: number): number {
  if (!(varianceOfTotal > 0)) return Number.POSITIVE_INFINITY;
  return (2 * total * total) / varianceOfTotal;
}

/**
 * The two one-sided tests of an estimate against a random-effects null N(0, variance + spread²), shifted by the
 * tolerated margin (the additive over-dispersion model of Spiegelhalter 2005: a rater is judged against how much
 * raters normally differ, not against 0). Undefined when the total variance is not positive.
 *
 * With `df` finite the statistic is referred to Student's t on df degrees of freedom, because variance + spread²
 * is itself estimated (τ̂² from one cohort, σ̂² from its residuals): a rater with a small sampling variance is
 * judged almost wholly against τ̂², and a normal reference would flag such raters more often than alpha whenever
 * τ̂² came out low. With df = +∞ it is the z test, to the byte (and beyond a million df, the normal figures). With
 * df = 0 (a variance nothing is known about) or NaN nothing can be flagged: both p-values are 1/2 (the limit of t
 * as df → 0) and no shift is detectable.
 *
 * @param alpha - Both directions together; each test runs at alpha/2, as the audits flag.
 * @param power - The probability of a flag that {@link SpreadTest.detectable} is computed for.
 * @param df - Effective degrees of freedom of variance + spread² ({@link satterthwaiteDf}); default +∞ (known).
 */
export function spreadTest(
  estimate: number,
  variance: number,
  spread2: number,
  margin: number,
  alpha = 0.05,
  power = 0.95,
  df = Number.POSITIVE_INFINITY,
): SpreadTest | undefined {
  const total = variance + spread2;
  if (!(total > 0) || !Number.isFinite(estimate)) return undefined;
  const sd = Math.sqrt(total);
  const zAbove = (estimate - margin) / sd;
  const zBelow = (estimate + margin) / sd;
  const z = estimate >= 0 ? zAbove : zBelow;
  const known = df === Number.POSITIVE_INFINITY;
  if (known || df > normalBeyond) {
    return {
      z,
      pAbove: normalCdf(-zAbove),
      pBelow: normalCdf(zBelow),
      detectable: margin + (normalQuantile(1 - alpha / 2) + normalQuantile(power)) * sd,
      ...(known ? {} : { df }),
    };
  }
  if (!(df > 0)) return { z, pAbove: 0.5, pBelow: 0.5, detectable: Number.POSITIVE_INFINITY, df };
  return {
    z,
    pAbove: studentTCdf(-zAbove, df),
    pBelow: studentTCdf(zBelow, df),
    detectable: margin + (studentTQuantile(1 - alpha / 2, df) + studentTQuantile(power, df)) * sd,
    df,
  };
}
