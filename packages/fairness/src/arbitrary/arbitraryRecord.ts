import fc from 'fast-check';
import { leafComponents } from '../rubric/leafComponents.js';
import type { RecordPlan } from '../rubric/recordPlan.js';
import { arbitraryFieldRaw, resolveField } from './arbitraryField.js';

/** A record and whether it takes the alternative holding the measure's `raters` (if any). */
export interface ChosenRecord {
  /** The record. */
  readonly record: Record<string, number | string>;
  /**
   * False when the measure's `raters` sit in a `one-of` alternative the record does not take: the indicator must
   * then have no ratings (they would give that alternative too: ambiguous-input). True otherwise.
   */
  readonly ratersTaken: boolean;
}

/**
 * One input record (`inputs.<id>` or the fields of one listed target) as its measure reads it. Optional leaves
 * leave out all their fields now and then (about one time in four), so the drop-out path (a mean of 4 aspects
 * becoming 3) is exercised too; leaves sharing fields drop together, and one set always stays. Each `one-of`
 * gives one of its alternatives, drawn uniformly.
 */
export function arbitraryRecord(
  plan: RecordPlan,
  quality?: number,
): fc.Arbitrary<Record<string, number | string>> {
  return arbitraryChosenRecord(plan, quality).map((c) => c.record);
}

/**
 * {@link arbitraryRecord}, saying too whether the record takes the alternative of a `one-of` that holds the
 * measure's `raters`, so that ratings are drawn only then.
 */
export function arbitraryChosenRecord(plan: RecordPlan, quality?: number): fc.Arbitrary<ChosenRecord> {
  const optional = new Set(plan.optionalLeaves);
  const droppable = leafComponents(plan).filter((c) => c.every((l) => optional.has(l)));
  return fc
    .record({
      raws: fc.tuple(...plan.fields.map((f) => arbitraryFieldRaw(f, quality))),
      omit: fc.tuple(...droppable.map(() => fc.integer({ min: 0, max: 3 }).map((n) => n === 0))),
      chosen: fc.tuple(...plan.choices.map((alts) => fc.nat({ max: alts.length - 1 }))),
    })
    .map(({ raws, omit, chosen }) => {
      const dropped = new Set(droppable.filter((_, i) => omit[i]).flat());
      // A one-of takes exactly one alternative: the others' leaves are left out (giving two is ambiguous-input).
      const unchosen = new Set(
        plan.choices.flatMap((alts, c) => alts.filter((_, a) => a !== chosen[c]).flat()),
      );
      // When every leaf is optional (alternative field sets, as PP 30/2019 targets have), one set must stay: a
      // record with nothing in it is a data error, not a drop.
      const leaves = new Set(plan.fields.flatMap((f) => f.leaves));
      if ([...leaves].every((l) => dropped.has(l))) for (const l of droppable[0] ?? []) dropped.delete(l);
      const record: Record<string, number | string> = {};
      // Plain values first, realisations after, because a realisation is a share of its target.
      const shareLast = (k: string) => (k === 'share' ? 1 : 0);
      const order = plan.fields
        .map((f, i) => [f, i] as const)
        .sort(([a], [b]) => shareLast(a.domain.kind) - shareLast(b.domain.kind));
      for (const [field, i] of order) {
        if (field.leaves.every((l) => dropped.has(l) || unchosen.has(l))) continue;
        const v = resolveField(field, raws[i] as number | string, record);
        if (v !== undefined) record[field.name] = v;
      }
      return { record, ratersTaken: plan.ratersLeaves.every((l) => !unchosen.has(l)) };
    });
}
