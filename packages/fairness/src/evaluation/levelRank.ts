import type { Level } from '@kinerja/core';

/**
 * The rank of a level in a best-first list (0 = best), or undefined for no level. Comparing ranks, not ids, is how
 * laws say "worse": rubrics list predicates and ratings best first.
 */
export function levelRank(levels: readonly Level[], id: string | undefined): number | undefined {
  if (id === undefined) return undefined;
  const i = levels.findIndex((l) => l.id === id);
  return i < 0 ? undefined : i;
}
