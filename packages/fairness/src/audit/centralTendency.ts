import type { Role } from '@kinerja/core';
import type { RatingObservation } from './Cohort.js';
import { byEstimateThenRater } from './compareText.js';
import { auditedRatings, type RaterAuditOptions } from './raterLeniency.js';
import { clusterBootstrap } from './stats/clusterBootstrap.js';
import { sd } from './stats/describe.js';
import type { Interval } from './stats/Interval.js';
import { unitsOf } from './unitsOf.js';

/** Options of {@link centralTendency}. */
export interface CentralTendencyOptions extends RaterAuditOptions {
  /** Flag when the SD ratio is below this (default 0.5: a quarter of the variance) and its interval below 1. */
  maxSdRatio?: number;
  /** Bootstrap seed (default 1). */
  seed?: number;
  /** Bootstrap resamples (default 1000). */
  resamples?: number;
}

/** One rater's spread against the others' spread on the same people. */
export interface RaterSpread {
  /** Rater id. */
  rater: string;
  /** Roles. */
  roles: Role[];
  /** Ratees shared with other raters. */
  ratees: number;
  /** SD of the rater's values over the shared (ratee, indicator) units. */
  sd: number;
  /** SD of the other raters' values over the same units. */
  othersSd: number;
  /** sd ÷ othersSd with a cluster-bootstrap interval over ratees. */
  interval?: Interval;
  /** Set when the ratio is below `maxSdRatio` and its interval wholly below 1. */
  flag?: 'central-tendency';
}

/** The central-tendency audit. */
export interface CentralTendencyAudit {
  /** How it was computed. */
  method: string;
  /** The threshold on the SD ratio. */
  maxSdRatio: number;
  /** Raters, lowest ratio first. */
  raters: RaterSpread[];
}

/** Count, sum and sum of squares: enough for an SD, and cheap to add up per bootstrap resample. */
type Moments = [n: number, sum: number, squares: number];

const momentsOf = (values: readonly number[]): Moments => [
  values.length,
  values.reduce((s, v) => s + v, 0),
  values.reduce((s, v) => s + v * v, 0),
];

function sdOf(n: number, sum: number, squares: number): number {
  return n < 2 ? Number.NaN : Math.sqrt(Math.max(0, (squares - (sum * sum) / n) / (n - 1)));
}

function ratio(sample: ReadonlyArray<{ own: Moments; others: Moments }>): number {
  const o: Moments = [0, 0, 0];
  const t: Moments = [0, 0, 0];
  for (const c of sample)
    for (let i = 0; i < 3; i++) {
      o[i] = (o[i] as number) + (c.own[i] as number);
      t[i] = (t[i] as number) + (c.others[i] as number);
    }
  return sdOf(...o) / sdOf(...t);
}

/**
 * Central tendency: a rater whose values hug the middle. For each rater, the SD of their values over the units
 * (ratee × indicator) they share with other raters is divided by the SD of the other raters' values on the same
 * units. The ratio gets a percentile bootstrap interval resampling ratees (seeded). Flagged when the ratio is below
 * `maxSdRatio` (default 0.5) and the interval's upper end below 1.
 */
export function centralTendency(
  ratings: readonly RatingObservation[],
  options: CentralTendencyOptions = {},
): CentralTendencyAudit {
  const maxSdRatio = options.maxSdRatio ?? 0.5;
  const perRater = new Map<
    string,
    { roles: Set<Role>; byRatee: Map<string, { own: number[]; others: number[] }> }
  >();
  for (const unit of unitsOf(auditedRatings(ratings, options))) {
    if (unit.values.size < 2) continue;
    for (const [rater, v] of unit.values) {
      const e = perRater.get(rater) ?? { roles: new Set<Role>(), byRatee: new Map() };
      e.roles.add(unit.roles.get(rater) as Role);
      const cell = e.byRatee.get(unit.ratee) ?? { own: [], others: [] };
      cell.own.push(v);
      for (const [other, w] of unit.values) if (other !== rater) cell.others.push(w);
      e.byRatee.set(unit.ratee, cell);
      perRater.set(rater, e);
    }
  }
  const raters: RaterSpread[] = [...perRater].map(([rater, e]) => {
    const clusters = [...e.byRatee.values()];
    const own = sd(clusters.flatMap((c) => c.own));
    const others = sd(clusters.flatMap((c) => c.others));
    const moments = clusters.map((c) => ({ own: momentsOf(c.own), others: momentsOf(c.others) }));
    const interval = clusterBootstrap(moments, ratio, {
      level: options.level ?? 0.95,
      seed: options.seed ?? 1,
      resamples: options.resamples ?? 1000,
    });
    const flagged = interval !== undefined && interval.estimate < maxSdRatio && interval.upper < 1;
    return {
      rater,
      roles: [...e.roles].sort(),
      ratees: clusters.length,
      sd: own,
      othersSd: others,
      ...(interval ? { interval } : {}),
      ...(flagged ? { flag: 'central-tendency' as const } : {}),
    };
  });
  raters.sort(byEstimateThenRater);
  return {
    method:
      'SD of the rater’s values ÷ SD of the other raters’ values on the same (ratee, indicator) units; cluster bootstrap over ratees',
    maxSdRatio,
    raters,
  };
}
