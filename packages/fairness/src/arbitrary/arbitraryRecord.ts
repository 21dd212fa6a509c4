import fc from 'fast-check';
import type { RecordPlan } from '../rubric/recordPlan.js';
import { arbitraryFieldRaw, resolveField } from './arbitraryField.js';

/**
 * One input record (`inputs.<id>` or the fields of one listed target) as its measure reads it. A leaf marked
 * `optional` leaves out all its fields now and then, so the drop-out path (a mean of 4 aspects becoming 3) is
 * exercised too.
 */
export function arbitraryRecord(plan: RecordPlan, quality?: number): fc.Arbitrary<Record<string, number | string>> {
  return fc
    .record({
      raws: fc.tuple(...plan.fields.map((f) => arbitraryFieldRaw(f, quality))),
      omit: fc.tuple(...plan.optionalLeaves.map(() => fc.integer({ min: 0, max: 3 }).map((n) => n === 0))),
    })
    .map(({ raws, omit }) => {
      // About one time in four an optional leaf is left out.
      const dropped = new Set(plan.optionalLeaves.filter((_, i) => omit[i]));
      const record: Record<string, number | string> = {};
      // Plain values first, realisations after, because a realisation is a share of its target.
      const order = plan.fields.map((f, i) => [f, i] as const).sort(([a], [b]) => (a.domain.kind === 'share' ? 1 : 0) - (b.domain.kind === 'share' ? 1 : 0));
      for (const [field, i] of order) {
        if (dropped.has(field.leaf)) continue;
        const v = resolveField(field, raws[i] as number | string, record);
        if (v !== undefined) record[field.name] = v;
      }
      return record;
    });
}
