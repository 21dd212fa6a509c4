import type { Measure, Rubric } from '@kinerja/core';
import { ratersOf } from '../arbitrary/arbitraryRatings.js';
import { type RecordPlan, recordPlan } from './recordPlan.js';

type RatersMeasure = Extract<Measure, { kind: 'raters' }>;

/** What an appraisal must hold for a rubric, read once from the rubric's declarations. */
export interface AppraisalPlan {
  /** `inputs.<id>` records: indicators (fixed for everyone) and additions. */
  readonly inputs: ReadonlyArray<{
    readonly id: string;
    readonly group: string;
    readonly addition: boolean;
    readonly plan: RecordPlan;
  }>;
  /** Groups with listed targets (`targets.<group>`). */
  readonly items: ReadonlyArray<{ readonly group: string; readonly plan: RecordPlan; readonly min: number }>;
  /** Indicators scored by raters (`ratings`). */
  readonly rated: ReadonlyArray<{
    readonly id: string;
    readonly group: string;
    readonly measure: RatersMeasure;
    readonly range?: string;
  }>;
  /** Groups whose rating the supervisor gives (`supervisorRatings`). */
  readonly supervisorRated: readonly string[];
}

/** Reads every group of the rubric into the plan an appraisal generator (and the monotonicity law) follows. */
export function appraisalPlan(rubric: Readonly<Rubric>): AppraisalPlan {
  const inputs: Array<AppraisalPlan['inputs'][number]> = [];
  const items: Array<AppraisalPlan['items'][number]> = [];
  const rated: Array<AppraisalPlan['rated'][number]> = [];
  const supervisorRated: string[] = [];
  for (const [group, g] of Object.entries(rubric.groups)) {
    for (const [id, ind] of Object.entries(g.indicators ?? {})) {
      const plan = recordPlan(ind.measure, ind.range);
      if (plan.fields.length > 0) inputs.push({ id, group, addition: false, plan });
      const raters = ratersOf(ind.measure);
      if (raters) rated.push({ id, group, measure: raters, ...(ind.range ? { range: ind.range } : {}) });
    }
    for (const [id, add] of Object.entries(g.additions ?? {})) {
      const plan = recordPlan(add.measure);
      if (plan.fields.length > 0) inputs.push({ id, group, addition: true, plan });
    }
    if (g.items) items.push({ group, plan: recordPlan(g.items.measure), min: g.items.min ?? 1 });
    if (g.rating?.from === 'supervisor') supervisorRated.push(group);
  }
  return { inputs, items, rated, supervisorRated };
}
