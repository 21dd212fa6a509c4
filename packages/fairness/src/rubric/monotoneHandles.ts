import type { Level, Rubric } from '@kinerja/core';
import { ratersOf, ratingValues } from '../arbitrary/arbitraryRatings.js';
import type { FieldPlan } from './recordPlan.js';
import { recordPlan } from './recordPlan.js';

/** An input the rubric says (or whose measure kind implies) has a better direction. */
export type MonotoneHandle =
  | {
      readonly kind: 'input';
      readonly id: string;
      readonly group: string;
      readonly field: FieldPlan;
      readonly direction: 'higher' | 'lower';
    }
  | {
      readonly kind: 'target';
      readonly group: string;
      readonly field: FieldPlan;
      readonly direction: 'higher' | 'lower';
    }
  | {
      readonly kind: 'rating';
      readonly id: string;
      readonly group: string;
      readonly values: ReadonlyArray<string | number>;
      readonly direction: 'higher' | 'lower';
    }
  | {
      /** The rating the supervisor gives a group (`supervisorRatings.<group>`). */
      readonly kind: 'supervisor';
      readonly group: string;
      /** The rubric's ratings, worst first (the rubric lists them best first), with their aliases. */
      readonly levels: readonly Level[];
      /** Always `higher`: a rating further up the rubric's `ratings` list is better. */
      readonly direction: 'higher';
    };

const flip = (d: 'higher' | 'lower' | undefined) => (d === 'higher' ? 'lower' : d === 'lower' ? 'higher' : d);

/**
 * Every input with a direction. An indicator's declared `direction` speaks for its measured fields (realisations,
 * inputs, ratings; never targets); otherwise the measure kind decides: ratio → higher realisation is better,
 * inverse-ratio → lower, value → higher, raters → higher rating, efficiency/scale/lookup/piecewise → no claim
 * (not monotone, or not knowable from the kind). A field in a quotient's divisor flips, declared or inferred. Listed targets and
 * additions cannot declare a direction, so only the kind speaks for them. A group rated by the supervisor
 * (`rating.from: supervisor`) is a handle too: its rating is an input, and the rubric's `ratings` list is best first.
 */
export function monotoneHandles(rubric: Readonly<Rubric>): MonotoneHandle[] {
  const out: MonotoneHandle[] = [];
  const sure = (d: string | undefined): d is 'higher' | 'lower' => d === 'higher' || d === 'lower';
  for (const [group, g] of Object.entries(rubric.groups)) {
    for (const [id, ind] of Object.entries(g.indicators ?? {})) {
      const declared = ind.direction;
      if (declared === 'none') continue;
      for (const field of recordPlan(ind.measure, ind.range).fields) {
        // A declared direction speaks of what is measured; an input in a quotient's divisor (a goal, a
        // denominator) moves the score the other way, so the declaration flips for it.
        const own = field.divisor ? flip(declared) : declared;
        const d = declared !== undefined && field.primary ? own : field.direction;
        if (sure(d)) out.push({ kind: 'input', id, group, field, direction: d });
      }
      const raters = ratersOf(ind.measure);
      if (raters) {
        out.push({
          kind: 'rating',
          id,
          group,
          values: ratingValues(raters, ind.range),
          direction: declared ?? 'higher',
        });
      }
    }
    for (const [id, add] of Object.entries(g.additions ?? {})) {
      for (const field of recordPlan(add.measure).fields) {
        if (sure(field.direction)) out.push({ kind: 'input', id, group, field, direction: field.direction });
      }
    }
    if (g.items) {
      for (const field of recordPlan(g.items.measure).fields) {
        if (sure(field.direction)) out.push({ kind: 'target', group, field, direction: field.direction });
      }
    }
    const ratings = rubric.ratings ?? [];
    if (g.rating?.from === 'supervisor' && ratings.length > 1) {
      out.push({ kind: 'supervisor', group, levels: [...ratings].reverse(), direction: 'higher' });
    }
  }
  return out;
}
