import type { Role } from '@kinerja/core';
import type { RatingObservation } from './Cohort.js';
import { byEstimateThenRater } from './compareText.js';
import { auditedRatings, defaultMargin, type RaterAuditOptions } from './raterLeniency.js';
import { mean, sd } from './stats/describe.js';
import { beyondMargin, type Interval } from './stats/Interval.js';
import { meanInterval } from './stats/meanInterval.js';

/** One rater's spread across the indicators of the same person, against the other raters of that person. */
export interface RaterHalo {
  /** Rater id. */
  rater: string;
  /** Roles. */
  roles: Role[];
  /** Ratees compared (rated on ≥ 2 indicators by this rater and by someone else). */
  ratees: number;
  /** Share of those ratees given the same value on every indicator (straight-lining). */
  straightLined: number;
  /** Mean over ratees of (their SD across indicators − the other raters' mean SD across indicators); t interval. */
  interval?: Interval;
  /** Set when the interval lies wholly below −margin: less spread across indicators than the others see. */
  flag?: 'halo';
}

/** The halo audit. */
export interface HaloAudit {
  /** How it was computed. */
  method: string;
  /** Margin, in rating points of SD. */
  margin: number;
  /** Raters, least spread first. */
  raters: RaterHalo[];
}

/**
 * Halo: a rater who sees one person as uniformly good or bad, whatever the indicator. For each rater and ratee
 * rated on at least two indicators by them and by another rater, s = the SD of the rater's values across that
 * person's indicators; the difference to the other raters' mean s for the same person is averaged over ratees with
 * a t interval. Flagged when the interval lies wholly below −margin (default margin: half the leniency default,
 * i.e. 1.25% of the range seen).
 */
export function halo(ratings: readonly RatingObservation[], options: RaterAuditOptions = {}): HaloAudit {
  const audited = auditedRatings(ratings, options);
  const margin = options.margin ?? defaultMargin(audited) / 2;
  const profiles = new Map<string, Map<string, { role: Role; values: Map<string, number> }>>();
  for (const r of audited) {
    const byRater = profiles.get(r.ratee) ?? new Map();
    const p = byRater.get(r.rater) ?? { role: r.role, values: new Map<string, number>() };
    p.values.set(`${r.group}/${r.indicator}`, r.value);
    byRater.set(r.rater, p);
    profiles.set(r.ratee, byRater);
  }
  const perRater = new Map<string, { roles: Set<Role>; diffs: number[]; flat: number }>();
  for (const byRater of profiles.values()) {
    const spreads = new Map<string, number>();
    for (const [rater, p] of byRater) if (p.values.size >= 2) spreads.set(rater, sd([...p.values.values()]));
    if (spreads.size < 2) continue;
    for (const [rater, s] of spreads) {
      const others = [...spreads].filter(([r]) => r !== rater).map(([, v]) => v);
      const e = perRater.get(rater) ?? { roles: new Set<Role>(), diffs: [], flat: 0 };
      e.roles.add(byRater.get(rater)?.role as Role);
      e.diffs.push(s - mean(others));
      if (s === 0) e.flat += 1;
      perRater.set(rater, e);
    }
  }
  const raters: RaterHalo[] = [...perRater].map(([rater, e]) => {
    const interval = meanInterval(e.diffs, options.level ?? 0.95);
    const flagged = interval !== undefined && beyondMargin(interval, margin) === 'below';
    return {
      rater,
      roles: [...e.roles].sort(),
      ratees: e.diffs.length,
      straightLined: e.flat / e.diffs.length,
      ...(interval ? { interval } : {}),
      ...(flagged ? { flag: 'halo' as const } : {}),
    };
  });
  raters.sort(byEstimateThenRater);
  return {
    method:
      'mean over ratees of (SD across indicators − other raters’ mean SD across indicators); t interval over ratees; flag when wholly below −margin',
    margin,
    raters,
  };
}
