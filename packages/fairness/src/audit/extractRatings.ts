import type { Evaluation, IndicatorResult, MeasureTrace } from '@kinerja/core';
import type { Cohort, RatingObservation } from './Cohort.js';

/** Options of {@link extractRatings}. */
export interface ExtractRatingsOptions {
  /** `raw` (default): the rating as given, labels mapped — what the rater meant. `counted`: after calibration and caps. */
  value?: 'raw' | 'counted';
}

function walk(trace: MeasureTrace | undefined, visit: (t: MeasureTrace) => void): void {
  if (!trace) return;
  visit(trace);
  for (const part of trace.parts ?? []) walk(part, visit);
}

/** Evaluation statuses whose ratings are audited (see {@link extractRatings}). */
export const auditedStatuses: ReadonlySet<string> = new Set(['complete', 'pending']);

/** A key per person rated: appraisal id, else NIP (with the period start when a NIP repeats), else `#index`. */
export function rateeKeys(evaluations: readonly Evaluation[]): string[] {
  const nipCount = new Map<string, number>();
  for (const e of evaluations) {
    const nip = e.appraisal.nip;
    if (nip !== undefined) nipCount.set(nip, (nipCount.get(nip) ?? 0) + 1);
  }
  return evaluations.map((e, i) => {
    if (e.appraisal.id !== undefined) return e.appraisal.id;
    const nip = e.appraisal.nip;
    if (nip === undefined) return `#${i}`;
    return (nipCount.get(nip) ?? 0) > 1 ? `${nip}@${e.appraisal.period?.start ?? i}` : nip;
  });
}

/**
 * Every rating a `raters` measure traced in the cohort's evaluations (indicators, additions and listed targets,
 * nested measures included), one row per rater, ratee and indicator. Which evaluations count:
 * - `complete`: yes.
 * - `pending` (a role is short and the rubric waits for it): yes — the ratings it has were given by real raters to
 *   a real person and say as much about those raters as any others; only the verdict waits.
 * - `invalid`: no — the appraisal broke the rubric's rules (a value off the scale, a rater or indicator it does not
 *   know, …), so its ratings cannot be trusted to mean what the rubric says, even when traces were kept.
 * Evaluations without traces (the employee's redacted view) contribute nothing either.
 */
export function extractRatings(cohort: Cohort, options: ExtractRatingsOptions = {}): RatingObservation[] {
  const use = options.value ?? 'raw';
  const keys = rateeKeys(cohort.evaluations);
  const out: RatingObservation[] = [];
  cohort.evaluations.forEach((evaluation, index) => {
    if (!auditedStatuses.has(evaluation.status)) return;
    const ratee = keys[index] as string;
    for (const [group, result] of Object.entries(evaluation.groups)) {
      const entries: Array<[string, IndicatorResult]> = [
        ...Object.entries(result.indicators ?? {}),
        ...Object.entries(result.additions ?? {}),
        ...(result.items ?? []).map((item, i): [string, IndicatorResult] => [item.id ?? `item-${i}`, item]),
      ];
      for (const [indicator, r] of entries) {
        walk(r.measure, (t) => {
          for (const rater of t.raters ?? []) {
            const value = use === 'counted' ? rater.counted : rater.raw;
            if (!Number.isFinite(value)) continue;
            out.push({ ratee, index, group, indicator, rater: rater.rater, role: rater.role, value });
          }
        });
      }
    }
  });
  return out;
}
