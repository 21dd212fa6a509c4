import type { RatingObservation } from './Cohort.js';

/** The ratings of one unit of analysis: one ratee on one indicator, by rater. */
export interface RatingUnit {
  /** The person rated. */
  readonly ratee: string;
  /** Indicator id (group-qualified: `group/indicator`). */
  readonly indicator: string;
  /** Rater id → value (a rater's repeated rating of the same unit is averaged). */
  readonly values: ReadonlyMap<string, number>;
  /** Rater id → role. */
  readonly roles: ReadonlyMap<string, RatingObservation['role']>;
}

/** Groups ratings by (ratee, indicator), in first-seen order. */
export function unitsOf(ratings: readonly RatingObservation[]): RatingUnit[] {
  const byKey = new Map<string, { unit: RatingUnit; sums: Map<string, [number, number]> }>();
  for (const r of ratings) {
    const indicator = `${r.group}/${r.indicator}`;
    const key = `${r.ratee}\u0000${indicator}`;
    let entry = byKey.get(key);
    if (!entry) {
      entry = { unit: { ratee: r.ratee, indicator, values: new Map(), roles: new Map() }, sums: new Map() };
      byKey.set(key, entry);
    }
    const s = entry.sums.get(r.rater) ?? [0, 0];
    s[0] += r.value;
    s[1] += 1;
    entry.sums.set(r.rater, s);
    (entry.unit.values as Map<string, number>).set(r.rater, s[0] / s[1]);
    (entry.unit.roles as Map<string, RatingObservation['role']>).set(r.rater, r.role);
  }
  return [...byKey.values()].map((e) => e.unit);
}
