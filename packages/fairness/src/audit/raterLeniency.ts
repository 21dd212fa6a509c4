import type { Role } from '@kinerja/core';
import type { RatingObservation } from './Cohort.js';
import { compareText } from './compareText.js';
import { mean } from './stats/describe.js';
import { beyondMargin, type Interval } from './stats/Interval.js';
import { meanInterval } from './stats/meanInterval.js';
import { unitsOf } from './unitsOf.js';

/** Options shared by the rater audits. */
export interface RaterAuditOptions {
  /** Confidence level of intervals (default 0.95). */
  level?: number;
  /**
   * Differences smaller than this (in rating points) are tolerated: a flag needs the whole interval beyond ±margin.
   * Default: 2.5% of the range of the ratings seen in the cohort (0.1 on a 1–5 scale).
   */
  margin?: number;
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
  /** Mean over ratees of (their value − mean of the others' values), averaged over the shared indicators first. */
  interval?: Interval;
  /** Set when the interval lies wholly beyond ±margin. */
  flag?: 'lenient' | 'severe';
}

/** The leniency audit: every rater, most lenient first. */
export interface LeniencyAudit {
  /** How it was computed. */
  method: string;
  /** The margin used, in rating points. */
  margin: number;
  /** Raters, by estimate descending (raters without an interval last). */
  raters: RaterLeniency[];
}

/** The default margin: 2.5% of the range of the values seen (0 when all are equal). */
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

/**
 * Rater leniency/severity: for each rater and each (ratee, indicator) they share with at least one other rater,
 * d = their value − mean of the other raters' values; d is averaged over the indicators of one ratee (ratings of
 * one person are not independent), and the per-ratee means get a t-based interval (df = ratees − 1). A rater is
 * flagged lenient (severe) when the interval lies wholly above +margin (below −margin).
 */
export function raterLeniency(
  ratings: readonly RatingObservation[],
  options: RaterAuditOptions = {},
): LeniencyAudit {
  const audited = auditedRatings(ratings, options);
  const margin = options.margin ?? defaultMargin(audited);
  const level = options.level ?? 0.95;
  const perRater = new Map<string, { roles: Set<Role>; byRatee: Map<string, number[]> }>();
  for (const unit of unitsOf(audited)) {
    if (unit.values.size < 2) continue;
    let total = 0;
    for (const v of unit.values.values()) total += v;
    for (const [rater, v] of unit.values) {
      const d = v - (total - v) / (unit.values.size - 1);
      const entry = perRater.get(rater) ?? { roles: new Set<Role>(), byRatee: new Map<string, number[]>() };
      entry.roles.add(unit.roles.get(rater) as Role);
      const list = entry.byRatee.get(unit.ratee) ?? [];
      list.push(d);
      entry.byRatee.set(unit.ratee, list);
      perRater.set(rater, entry);
    }
  }
  const raters: RaterLeniency[] = [...perRater].map(([rater, e]) => {
    const perRatee = [...e.byRatee.values()].map(mean);
    const interval = meanInterval(perRatee, level);
    const flag = interval ? beyondMargin(interval, margin) : undefined;
    return {
      rater,
      roles: [...e.roles].sort(),
      ratees: perRatee.length,
      ratings: [...e.byRatee.values()].reduce((n, l) => n + l.length, 0),
      ...(interval ? { interval } : {}),
      ...(flag ? { flag: flag === 'above' ? ('lenient' as const) : ('severe' as const) } : {}),
    };
  });
  raters.sort(byEstimate((r) => r.rater));
  return {
    method:
      'mean over ratees of (rater − mean of other raters) on shared indicators; t interval over ratees; flag when the interval lies beyond ±margin',
    margin,
    raters,
  };
}
