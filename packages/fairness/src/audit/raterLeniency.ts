import type { Role } from '@kinerja/core';
import type { RatingObservation } from './Cohort.js';
import { compareText } from './compareText.js';
import { fitRaterEffects } from './raterEffects.js';
import { type RaterWarning, smallSampleWarning } from './raterWarning.js';
import { spreadDf } from './spreadDf.js';
import type { Interval } from './stats/Interval.js';
import { type SpreadTest, spreadTest } from './stats/spreadTest.js';
import { studentTQuantile } from './stats/studentT.js';

/** Options shared by the rater audits. */
export interface RaterAuditOptions {
  /** Confidence level of intervals (default 0.95). */
  level?: number;
  /**
   * Differences smaller than this (in rating points) are tolerated. Leniency and divergence: beyond the normal
   * spread between raters (default 0, the spread being estimated from the cohort). Halo: a flag needs the whole
   * interval below −margin (default 1.25% of the range of the ratings seen).
   */
  margin?: number;
  /**
   * Leniency and divergence: the false-positive rate per rater, lenient and severe together (default 0.05); each
   * direction is a one-sided test at alpha/2, the same as asking the two-sided 1 − alpha range to exclude the rater.
   */
  alpha?: number;
  /**
   * Leniency and divergence: the probability of a flag for which each rater's `test.detectable` shift is given,
   * in [0, 1] (default 0.95, the audit's validation target).
   */
  power?: number;
  /** Roles left out of the audit (default: `self`, which is not a judgement of someone else). */
  excludeRoles?: readonly Role[];
}

/** One rater's leniency (> 0) or severity (< 0) against the other raters of the same people. */
export interface RaterLeniency {
  /** Rater id. */
  rater: string;
  /** The roles they rated in. */
  roles: Role[];
  /** People they rated that someone else also rated on the same indicator. */
  ratees: number;
  /** Ratings compared. */
  ratings: number;
  /**
   * The rater's effect in the crossed rater × ratee model, minus the mean effect of the raters they are compared
   * with; a t interval from the pooled residual variance and the design, the estimation error of the raters they
   * are compared with included (what this rater did on these people, beyond chance).
   */
  interval?: Interval;
  /**
   * The two one-sided tests against the normal spread of leniency between raters, referred to Student's t on
   * `test.df` degrees of freedom (the uncertainty of τ̂² and σ̂² carried in).
   */
  test?: SpreadTest;
  /** `lenient` when `test.pAbove` < alpha/2, `severe` when `test.pBelow` < alpha/2. */
  flag?: 'lenient' | 'severe';
  /**
   * Cautions on the flag, present only when there is one: `small-sample` when it rests on fewer people than the
   * audit's power was measured on (`smallSampleRatees`, 4). They change no flag.
   */
  warnings?: RaterWarning[];
}

/** The leniency audit: every rater, most lenient first. */
export interface LeniencyAudit {
  /** How it was computed. */
  method: string;
  /**
   * Whether the crossed model's solver converged. When false every estimate is approximate; the method says so
   * too, but a program should not have to read English to know.
   */
  converged: boolean;
  /** The tolerated difference beyond the normal spread, in rating points (default 0). */
  margin: number;
  /** False-positive rate per rater, both directions together; each one-sided test runs at alpha/2. */
  alpha: number;
  /** The probability of a flag each rater's `test.detectable` is computed for. */
  power: number;
  /** τ̂: standard deviation of leniency between raters, estimated from the cohort (the normal spread). */
  spread: number;
  /**
   * Standard error of τ̂² (sandwich, given σ̂²): how far the normal spread could be off in this cohort. The tests
   * carry it (with σ̂²'s) as each rater's `test.df`; it weighs most on raters with small sampling variances.
   */
  spread2Se: number;
  /** σ̂: standard deviation of one rater × ratee mean around the crossed model (impression + noise). */
  residualSd: number;
  /** Degrees of freedom of σ̂. */
  df: number;
  /** Raters, by estimate descending (raters without an interval last). */
  raters: RaterLeniency[];
}

/** 2.5% of the range of the values seen (0 when all are equal); halo tolerates half of it by default. */
export function defaultMargin(ratings: readonly RatingObservation[]): number {
  if (ratings.length === 0) return 0;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const r of ratings) {
    lo = Math.min(lo, r.value);
    hi = Math.max(hi, r.value);
  }
  return 0.025 * (hi - lo);
}

/** Ratings with excluded roles removed. */
export function auditedRatings(
  ratings: readonly RatingObservation[],
  options: RaterAuditOptions,
): RatingObservation[] {
  const excluded = new Set<Role>(options.excludeRoles ?? ['self']);
  return ratings.filter((r) => !excluded.has(r.role));
}

/** Orders intervals by estimate, descending; missing intervals last, then by id. */
export function byEstimate<T extends { interval?: Interval }>(key: (t: T) => string) {
  return (a: T, b: T): number =>
    (b.interval?.estimate ?? Number.NEGATIVE_INFINITY) - (a.interval?.estimate ?? Number.NEGATIVE_INFINITY) ||
    compareText(key(a), key(b));
}

/** The flag of a {@link SpreadTest} at alpha (alpha/2 per direction). */
export function flagOf(test: SpreadTest | undefined, alpha: number): 'above' | 'below' | undefined {
  if (!test) return undefined;
  if (test.pAbove < alpha / 2) return 'above';
  if (test.pBelow < alpha / 2) return 'below';
  return undefined;
}

/**
 * Rater leniency/severity. Each rater's effect comes from the crossed rater × ratee model fitted on every
 * (ratee, indicator) rated by at least two raters ({@link fitRaterEffects}): all indicators and all co-raters are
 * used, each co-rater's own leniency is accounted for, and ratings are clustered by rater × ratee. The interval is
 * t-based on the pooled residual variance, its standard error that of the whole contrast (the other raters'
 * estimation error included). The flag is two one-sided tests, each at alpha/2 (default alpha 0.05:
 * at most 5% of raters who are only as lenient as raters normally are get flagged, either way), of "this rater is
 * more than `margin` beyond the normal spread of raters", that spread τ̂ being estimated from the cohort
 * (Spiegelhalter 2005, additive over-dispersion). A rater whose leniency is within what raters normally differ by
 * is not flagged however precisely it is measured. Because τ̂² and σ̂² are estimates, the statistic is referred to
 * Student's t with Satterthwaite's effective degrees of freedom ({@link spreadDf}) rather than the normal: with
 * τ̂² taken as known, supervisors of 24 people (small sampling variance, judged almost wholly against τ̂²) were
 * flagged 6.1% of the time at a nominal 5% in the validation.
 */
export function raterLeniency(
  ratings: readonly RatingObservation[],
  options: RaterAuditOptions = {},
): LeniencyAudit {
  const audited = auditedRatings(ratings, options);
  const margin = options.margin ?? 0;
  const level = options.level ?? 0.95;
  const alpha = options.alpha ?? 0.05;
  const power = options.power ?? 0.95;
  const fit = fitRaterEffects(audited);
  const usable = fit.df > 0 && fit.residualVariance > 0;
  const quantile = usable ? studentTQuantile(1 - (1 - level) / 2, fit.df) : Number.NaN;
  const raters: RaterLeniency[] = fit.raters.map((e) => {
    const se = Math.sqrt(e.variance);
    const interval: Interval | undefined = usable
      ? {
          estimate: e.estimate,
          lower: e.estimate - quantile * se,
          upper: e.estimate + quantile * se,
          level,
          n: e.ratees,
          method: `crossed model, pooled t (df ${fit.df})`,
        }
      : undefined;
    const test = usable
      ? spreadTest(e.estimate, e.variance, fit.spread2, margin, alpha, power, spreadDf(fit, e.variance))
      : undefined;
    const side = flagOf(test, alpha);
    const caution = side
      ? smallSampleWarning(e.rater, e.ratees, e.estimate, test?.detectable, power)
      : undefined;
    return {
      rater: e.rater,
      roles: e.roles,
      ratees: e.ratees,
      ratings: e.ratings,
      ...(interval ? { interval } : {}),
      ...(test ? { test } : {}),
      ...(side ? { flag: side === 'above' ? ('lenient' as const) : ('severe' as const) } : {}),
      ...(caution ? { warnings: [caution] } : {}),
    };
  });
  raters.sort(byEstimate((r) => r.rater));
  return {
    method: `crossed rater × ratee model (least squares, conjugate gradients${fit.converged ? '' : ', NOT converged'}), clustered by rater × ratee, pooled t interval; flag: one-sided t test at alpha/2 per direction against the normal spread between raters (Spiegelhalter 2005), Satterthwaite df from the uncertainty of the spread and the residual variance`,
    converged: fit.converged,
    margin,
    alpha,
    power,
    spread: Math.sqrt(fit.spread2),
    spread2Se: Math.sqrt(fit.spread2Variance),
    residualSd: Math.sqrt(fit.residualVariance),
    df: fit.df,
    raters,
  };
}
