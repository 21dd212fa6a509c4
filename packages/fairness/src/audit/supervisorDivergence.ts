import type { Role } from '@kinerja/core';
import type { RatingObservation } from './Cohort.js';
import { compareText } from './compareText.js';
import { fitRaterEffects } from './raterEffects.js';
import { auditedRatings, flagOf, type RaterAuditOptions } from './raterLeniency.js';
import type { RaterWarning } from './raterWarning.js';
import { spreadDf } from './spreadDf.js';
import { mean, median, variance } from './stats/describe.js';
import type { Interval } from './stats/Interval.js';
import { type SpreadTest, spreadTest } from './stats/spreadTest.js';
import { studentTQuantile } from './stats/studentT.js';
import { supervisorSmallSampleWarning } from './supervisorWarning.js';
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
  /**
   * The baseline subtracted: 0 (`baseline: 'zero'`), or the median of the other supervisors' mean gaps. Absent
   * when the `cohort` baseline has no other supervisor to come from: then nothing is estimated or tested.
   */
  baseline?: number;
  /**
   * gap − baseline, with a t interval from the pooled residual variance of the crossed rater model (its standard
   * error includes the baseline's).
   */
  interval?: Interval;
  /**
   * The two one-sided tests of gap − baseline against the normal spread of leniency between raters, referred to
   * Student's t on `test.df` degrees of freedom (the uncertainty of τ̂², σ̂² and the baseline's variance carried in).
   */
  test?: SpreadTest;
  /** `above-consensus` when `test.pAbove` < alpha/2, `below-consensus` when `test.pBelow` < alpha/2. */
  flag?: 'above-consensus' | 'below-consensus';
  /**
   * Cautions on the flag, present only when there is one: `small-sample` when it rests on fewer people than the
   * audit's power was measured on (`smallSampleRatees`, 4), each person's gap carrying the supervisor's view of
   * that person as much as any habit. They change no flag.
   */
  warnings?: RaterWarning[];
}

/** The supervisor-versus-peer divergence audit. */
export interface DivergenceAudit {
  /** How it was computed. */
  method: string;
  /** Tolerated difference beyond the normal spread, in rating points (default 0). */
  margin: number;
  /** False-positive rate per supervisor, both directions together; each one-sided test runs at alpha/2. */
  alpha: number;
  /** The probability of a flag each supervisor's `test.detectable` is computed for. */
  power: number;
  /** τ̂: standard deviation of leniency between raters (from the crossed model over all raters). */
  spread: number;
  /** Standard error of τ̂² (sandwich, given σ̂²), as in the leniency audit. */
  spread2Se: number;
  /** Mean gap of all supervisors (the role effect), when any. */
  roleGap?: number;
  /** Supervisors, ranked by |gap − baseline| descending. */
  supervisors: SupervisorGap[];
}

/**
 * Supervisor-versus-peer divergence (the relationship-bias signal): for each supervisor and each person they rate,
 * the mean over shared indicators of (supervisor's value − mean of the consensus raters' values); averaged over
 * the people they rate (all indicators and all consensus raters count; the person, not the rating, is the unit).
 * Against the `cohort` baseline, the median of the other supervisors' mean gaps is subtracted and its variance
 * ((π/2)·var/k, a median of normals) added; with one other supervisor, that supervisor's own variance (their
 * sampling variance plus τ̂²); with none, there is no baseline and no test. The sampling variance is σ̂² Σ (1 + 1/c_i) / n² with σ̂² the pooled
 * residual variance of the crossed rater × ratee model and c_i the consensus raters of person i; the interval is
 * t-based on its degrees of freedom. The flag is two one-sided tests, each at alpha/2 (default alpha 0.05), of
 * "more than `margin` beyond the normal spread of leniency between raters" (τ̂ from the crossed model over all
 * raters: a supervisor's normal leniency is assumed to vary as much as any rater's; Spiegelhalter 2005), referred
 * to Student's t with Satterthwaite's effective degrees of freedom ({@link spreadDf}): τ̂², σ̂² and the baseline's
 * variance (from k − 1 degrees of freedom over k other supervisors) are all estimates.
 */
export function supervisorDivergence(
  ratings: readonly RatingObservation[],
  options: DivergenceOptions = {},
): DivergenceAudit {
  const audited = auditedRatings(ratings, options);
  const margin = options.margin ?? 0;
  const level = options.level ?? 0.95;
  const alpha = options.alpha ?? 0.05;
  const power = options.power ?? 0.95;
  const consensus = new Set<Role>(options.consensusRoles ?? ['peer', 'subordinate', 'third-party']);
  const fit = fitRaterEffects(audited);
  const usable = fit.df > 0 && fit.residualVariance > 0;
  const gaps = new Map<string, Map<string, { d: number[]; c: number }>>();
  for (const unit of unitsOf(audited)) {
    const others = [...unit.values]
      .filter(([r]) => consensus.has(unit.roles.get(r) as Role))
      .map(([, v]) => v);
    if (others.length === 0) continue;
    const c = mean(others);
    for (const [rater, v] of unit.values) {
      if (unit.roles.get(rater) !== 'supervisor') continue;
      const byRatee = gaps.get(rater) ?? new Map<string, { d: number[]; c: number }>();
      const cell = byRatee.get(unit.ratee) ?? { d: [], c: 0 };
      cell.d.push(v - c);
      cell.c = Math.max(cell.c, others.length);
      byRatee.set(unit.ratee, cell);
      gaps.set(rater, byRatee);
    }
  }
  const perRatee = new Map([...gaps].map(([s, byRatee]) => [s, [...byRatee.values()].map((x) => mean(x.d))]));
  const all = [...perRatee.values()].flat();
  const useCohort = (options.baseline ?? 'cohort') === 'cohort';
  /** A supervisor's sampling variance of their mean gap: σ̂² Σ (1 + 1/c_i) / n². */
  const samplingOf = (supervisor: string): number => {
    const cells = [...(gaps.get(supervisor)?.values() ?? [])];
    let design = 0;
    for (const cell of cells) design += 1 + 1 / cell.c;
    return (fit.residualVariance * design) / (cells.length * cells.length);
  };
  const supervisors: SupervisorGap[] = [...perRatee].map(([supervisor, values]) => {
    const gap = mean(values);
    // The other supervisors' mean gaps; their median is the baseline, so one biased supervisor does not shift
    // everyone else's. Its variance is taken as that of a median of normals: (π/2)·var/k, var being the spread
    // of their mean gaps — each one's sampling variance plus the normal spread of leniency between raters.
    // With one other supervisor that spread cannot be estimated from the gaps, so it is that supervisor's own:
    // their sampling variance plus τ̂² (with 0 here, fair supervisors of a two-supervisor unit were flagged 14%
    // of the time at a nominal 5%). With none, there is no baseline: no estimate, no test.
    const rest = [...perRatee].filter(([s]) => s !== supervisor);
    const restMeans = rest.map(([, v]) => mean(v));
    const noBaseline = useCohort && rest.length === 0;
    const baseline = useCohort && rest.length > 0 ? median(restMeans) : 0;
    let baselineVar = 0;
    // How each part of the variance is estimated, for the test's degrees of freedom: σ̂²-proportional sampling,
    // τ̂² (once, or twice with a single other supervisor), and the spread of the other supervisors' gaps (a
    // sample variance on k − 1 degrees of freedom: Var = 2·B²/(k − 1)).
    let spreadCopies = 1;
    let fromGaps = 0;
    const ownSampling = usable ? samplingOf(supervisor) : Number.NaN;
    let sigmaSampling = ownSampling;
    if (useCohort && rest.length > 1) {
      baselineVar = ((Math.PI / 2) * variance(restMeans)) / rest.length;
      fromGaps = baselineVar;
    } else if (useCohort && rest.length === 1 && usable) {
      const other = samplingOf((rest[0] as [string, number[]])[0]);
      baselineVar = other + fit.spread2;
      sigmaSampling += other;
      spreadCopies = 2;
    }
    const n = values.length;
    const sampling = usable ? ownSampling + baselineVar : Number.NaN;
    const estimate = gap - baseline;
    let interval: Interval | undefined;
    let test: SpreadTest | undefined;
    if (usable && !noBaseline) {
      const half = studentTQuantile(1 - (1 - level) / 2, fit.df) * Math.sqrt(sampling);
      interval = {
        estimate,
        lower: estimate - half,
        upper: estimate + half,
        level,
        n,
        method: `pooled t (df ${fit.df})${baselineVar > 0 ? ', baseline se added' : ''}`,
      };
      const fromGapsVariance = fromGaps > 0 ? (2 * fromGaps * fromGaps) / (rest.length - 1) : 0;
      const df = spreadDf(fit, sigmaSampling, spreadCopies, fromGaps, fromGapsVariance);
      test = spreadTest(estimate, sampling, fit.spread2, margin, alpha, power, df);
    }
    const side = flagOf(test, alpha);
    const caution = side
      ? supervisorSmallSampleWarning(supervisor, n, estimate, test?.detectable, power)
      : undefined;
    return {
      supervisor,
      ratees: n,
      gap,
      ...(noBaseline ? {} : { baseline }),
      ...(interval ? { interval } : {}),
      ...(test ? { test } : {}),
      ...(side
        ? { flag: side === 'above' ? ('above-consensus' as const) : ('below-consensus' as const) }
        : {}),
      ...(caution ? { warnings: [caution] } : {}),
    };
  });
  const shift = (s: SupervisorGap) => Math.abs(s.gap - (s.baseline ?? 0));
  supervisors.sort((a, b) => shift(b) - shift(a) || compareText(a.supervisor, b.supervisor));
  return {
    method:
      'per ratee: mean over indicators of (supervisor − mean of consensus raters); mean over ratees minus baseline; pooled t interval (crossed rater model); flag: one-sided t test at alpha/2 per direction against the normal spread between raters, Satterthwaite df from the uncertainty of the spread, the residual variance and the baseline',
    margin,
    alpha,
    power,
    spread: Math.sqrt(fit.spread2),
    spread2Se: Math.sqrt(fit.spread2Variance),
    ...(all.length > 0 ? { roleGap: mean(all) } : {}),
    supervisors,
  };
}
