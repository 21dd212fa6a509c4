import type { Role } from '@kinerja/core';
import type { RatingObservation } from './Cohort.js';
import { compareText } from './compareText.js';
import { auditedRatings, defaultMargin, type RaterAuditOptions } from './raterLeniency.js';
import { mean, median, variance } from './stats/describe.js';
import { beyondMargin, type Interval } from './stats/Interval.js';
import { studentTQuantile } from './stats/studentT.js';
import { unitsOf } from './unitsOf.js';

/** Options of {@link supervisorDivergence}. */
export interface DivergenceOptions extends RaterAuditOptions {
  /** Roles whose ratings make the consensus (default peer, subordinate, third-party). */
  consensusRoles?: readonly Role[];
  /**
   * What a gap is measured against: `cohort` (default) — the median gap of the other supervisors, so a unit-wide
   * habit of supervisors rating above peers is reported once (as `roleGap`) and not flagged against every
   * supervisor; `zero` — the raw gap.
   */
  baseline?: 'cohort' | 'zero';
}

/** One supervisor's gap to the peer/third-party consensus over the people they rate. */
export interface SupervisorGap {
  /** Supervisor (rater) id. */
  supervisor: string;
  /** People rated by them and by the consensus roles. */
  ratees: number;
  /** Mean raw gap: supervisor − consensus, averaged over indicators per ratee, then over ratees. */
  gap: number;
  /** The baseline subtracted (0, or the median of the other supervisors' mean gaps). */
  baseline: number;
  /** gap − baseline, with a t interval over ratees (its standard error includes the baseline's). */
  interval?: Interval;
  /** Set when the interval lies wholly beyond ±margin. */
  flag?: 'above-consensus' | 'below-consensus';
}

/** The supervisor-versus-peer divergence audit. */
export interface DivergenceAudit {
  /** How it was computed. */
  method: string;
  /** Margin in rating points. */
  margin: number;
  /** Mean gap of all supervisors (the role effect), when any. */
  roleGap?: number;
  /** Supervisors, ranked by |gap − baseline| descending. */
  supervisors: SupervisorGap[];
}

/**
 * Supervisor-versus-peer divergence (the relationship-bias signal): for each supervisor and each person they rate,
 * the mean over shared indicators of (supervisor's value − mean of the consensus raters' values); averaged over
 * the people they rate. Against the `cohort` baseline, the median of the other supervisors' mean gaps is subtracted
 * and its standard error ((π/2)·var/k) added in quadrature; the interval is t-based with df = ratees − 1. Flagged when the interval
 * lies wholly beyond ±margin (default 2.5% of the range of ratings seen).
 */
export function supervisorDivergence(
  ratings: readonly RatingObservation[],
  options: DivergenceOptions = {},
): DivergenceAudit {
  const audited = auditedRatings(ratings, options);
  const margin = options.margin ?? defaultMargin(audited);
  const level = options.level ?? 0.95;
  const consensus = new Set<Role>(options.consensusRoles ?? ['peer', 'subordinate', 'third-party']);
  const gaps = new Map<string, Map<string, number[]>>();
  for (const unit of unitsOf(audited)) {
    const others = [...unit.values]
      .filter(([r]) => consensus.has(unit.roles.get(r) as Role))
      .map(([, v]) => v);
    if (others.length === 0) continue;
    const c = mean(others);
    for (const [rater, v] of unit.values) {
      if (unit.roles.get(rater) !== 'supervisor') continue;
      const byRatee = gaps.get(rater) ?? new Map<string, number[]>();
      const list = byRatee.get(unit.ratee) ?? [];
      list.push(v - c);
      byRatee.set(unit.ratee, list);
      gaps.set(rater, byRatee);
    }
  }
  const perRatee = new Map([...gaps].map(([s, byRatee]) => [s, [...byRatee.values()].map(mean)]));
  const all = [...perRatee.values()].flat();
  const useCohort = (options.baseline ?? 'cohort') === 'cohort';
  const supervisors: SupervisorGap[] = [...perRatee].map(([supervisor, values]) => {
    const gap = mean(values);
    // The other supervisors' mean gaps; their median is the baseline, so one biased supervisor does not shift
    // everyone else's. Its variance is taken as that of a median of normals: (π/2)·var/k.
    const rest = [...perRatee].filter(([s]) => s !== supervisor).map(([, v]) => mean(v));
    const baseline = useCohort && rest.length > 0 ? median(rest) : 0;
    const baselineVar = useCohort && rest.length > 1 ? ((Math.PI / 2) * variance(rest)) / rest.length : 0;
    let interval: Interval | undefined;
    if (values.length >= 2) {
      const se = Math.sqrt(variance(values) / values.length + baselineVar);
      const half = studentTQuantile(1 - (1 - level) / 2, values.length - 1) * se;
      const estimate = gap - baseline;
      interval = {
        estimate,
        lower: estimate - half,
        upper: estimate + half,
        level,
        n: values.length,
        method: `t (df ${values.length - 1})${baselineVar > 0 ? ', baseline se added' : ''}`,
      };
    }
    const side = interval ? beyondMargin(interval, margin) : undefined;
    return {
      supervisor,
      ratees: values.length,
      gap,
      baseline,
      ...(interval ? { interval } : {}),
      ...(side
        ? { flag: side === 'above' ? ('above-consensus' as const) : ('below-consensus' as const) }
        : {}),
    };
  });
  supervisors.sort(
    (a, b) =>
      Math.abs(b.gap - b.baseline) - Math.abs(a.gap - a.baseline) || compareText(a.supervisor, b.supervisor),
  );
  return {
    method:
      'per ratee: mean over indicators of (supervisor − mean of consensus raters); mean over ratees minus baseline; t interval; flag beyond ±margin',
    margin,
    ...(all.length > 0 ? { roleGap: mean(all) } : {}),
    supervisors,
  };
}
