import {
  type Appraisal,
  type Interval,
  inInterval,
  type Measure,
  parseInterval,
  Rational,
  type Role,
} from '@kinerja/core';
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

/**
 * The values a rater may give, worst first: the `map` labels by their numbers; else the whole numbers of the
 * indicator's promised range (raters scoring 0–120 directly, as PP 30/2019 has it); else 1…5.
 */
export function ratingValues(m: RatersMeasure, range?: string): ReadonlyArray<string | number> {
  if (m.map) {
    return Object.entries(m.map)
      .sort(([, a], [, b]) => a - b)
      .map(([k]) => k);
  }
  const iv = range !== undefined ? parseInterval(range) : undefined;
  const lo = iv?.min ? Math.ceil(iv.min.toNumber()) : undefined;
  const hi = iv?.max ? Math.floor(iv.max.toNumber()) : undefined;
  if (lo !== undefined && hi !== undefined && hi >= lo && hi - lo <= 1000) {
    return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i).filter((x) =>
      inInterval(iv as Interval, Rational.from(x)),
    );
  }
  return [1, 2, 3, 4, 5];
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
  range?: string,
): fc.Arbitrary<GeneratedRating[]> {
  const values = ratingValues(m, range);
  const value =
    quality === undefined
      ? fc.constantFrom(...values)
      : fc.integer(tiltWindow(0, values.length - 1, quality)).map((i) => values[i] as string | number);
  const roles = ROLES.filter((r) => m.roles[r] !== undefined);
  return fc
    .tuple(
      ...roles.map((role) => {
        // One self-rating at most: it can only come from the employee.
        const lo = role === 'self' ? 1 : Math.max(m.roles[role]?.min ?? 1, 1);
        const hi = role === 'self' ? 1 : lo + 3;
        return fc
          .array(value, { minLength: lo, maxLength: hi })
          .map((vs) =>
            vs.map((v, i) => ({ rater: `${RATER_PREFIX[role]}-${i + 1}`, role, indicator, value: v })),
          );
      }),
    )
    .map((lists) => lists.flat());
}
