import type { Level } from '@kinerja/core';
import fc from 'fast-check';
import { tiltWindow } from './tilt.js';

/**
 * A rating the supervisor gives a group: one of the rubric's ratings (best first), written as its id or one of its
 * aliases, both of which the engine accepts. With a quality, good appraisals get good ratings.
 */
export function arbitrarySupervisorRating(ratings: readonly Level[], quality?: number): fc.Arbitrary<string> {
  const index =
    quality === undefined
      ? fc.integer({ min: 0, max: ratings.length - 1 })
      : fc.integer(tiltWindow(0, ratings.length - 1, 1 - quality));
  return index.chain((i) => {
    const level = ratings[i] as Level;
    return fc.constantFrom(level.id, level.id, ...(level.aliases ?? []));
  });
}
