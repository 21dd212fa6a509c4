import type { Appraisal, Measure, Role } from '@kinerja/core';
import fc from 'fast-check';
import { measureLeaves } from '../rubric/measureLeaves.js';
import { tiltWindow } from './tilt.js';

type RatersMeasure = Extract<Measure, { kind: 'raters' }>;
/** One rating as an appraisal carries it. */
export type GeneratedRating = NonNullable<Appraisal['ratings']>[number];

/** Readable rater ids per role; never all digits, so no rater id can equal an 18-digit NIP. */
export const RATER_PREFIX: Readonly<Record<Role, string>> = {
  supervisor: 'atasan',
  peer: 'rekan',
  subordinate: 'bawahan',
  'third-party': 'mitra',
  self: 'diri',
};
const ROLES: readonly Role[] = ['supervisor', 'peer', 'subordinate', 'third-party', 'self'];

/** The `raters` measure of an indicator, if its measure tree has one. */
export function ratersOf(measure: Measure): RatersMeasure | undefined {
  return measureLeaves(measure)
    .map((l) => l.measure)
    .find((m): m is RatersMeasure => m.kind === 'raters');
}

/** The values a rater may give, worst first: the `map` labels by their numbers, or 1…5. */
export function ratingValues(m: RatersMeasure): ReadonlyArray<string | number> {
  return m.map
    ? Object.entries(m.map)
        .sort(([, a], [, b]) => a - b)
        .map(([k]) => k)
    : [1, 2, 3, 4, 5];
}

/**
 * Ratings for one rated indicator: every declared role with between its minimum (at least 1) and three more
 * raters (one for `self`), each a distinct rater id, values on the measure's scale. With a quality, values gather
 * at that end of the scale so that reachability sees panels that all agree high or low.
 */
export function arbitraryRatings(
  indicator: string,
  m: RatersMeasure,
  quality?: number,
): fc.Arbitrary<GeneratedRating[]> {
  const values = ratingValues(m);
  const value =
    quality === undefined
      ? fc.constantFrom(...values)
      : fc.integer(tiltWindow(0, values.length - 1, quality)).map((i) => values[i] as string | number);
  const roles = ROLES.filter((r) => m.roles[r] !== undefined);
  return fc
    .tuple(
      ...roles.map((role) => {
        const lo = Math.max(m.roles[role]?.min ?? 1, 1);
        const hi = role === 'self' ? lo : lo + 3;
        return fc.array(value, { minLength: lo, maxLength: hi }).map((vs) =>
          vs.map((v, i) => ({ rater: `${RATER_PREFIX[role]}-${i + 1}`, role, indicator, value: v })),
        );
      }),
    )
    .map((lists) => lists.flat());
}
