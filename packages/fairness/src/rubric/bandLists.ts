import type { Band, Gaps, Level, Rubric } from '@kinerja/core';

/** One list of score bands in a rubric, with the levels its ids name and its gap policy. */
export interface BandList {
  /** Where it is, as a JSON pointer into the rubric. */
  readonly pointer: string;
  /** The levels the bands name (predicate levels, or the rubric's ratings). */
  readonly levels: readonly Level[];
  /** The bands as written. */
  readonly bands: readonly Band[];
  /** The gap policy, if any. */
  readonly gaps?: Gaps;
}

/** Every band list of a rubric: the predicate's, each group rating's and each item rating's. */
export function bandLists(rubric: Readonly<Rubric>): BandList[] {
  const out: BandList[] = [];
  const p = rubric.predicate;
  if (p.bands)
    out.push({
      pointer: '/predicate/bands',
      levels: p.levels,
      bands: p.bands,
      ...(p.gaps ? { gaps: p.gaps } : {}),
    });
  const ratings = rubric.ratings ?? [];
  for (const [gid, g] of Object.entries(rubric.groups)) {
    const r = g.rating;
    if (r?.bands)
      out.push({
        pointer: `/groups/${gid}/rating/bands`,
        levels: ratings,
        bands: r.bands,
        ...(r.gaps ? { gaps: r.gaps } : {}),
      });
    const i = g.items?.rating;
    if (i)
      out.push({
        pointer: `/groups/${gid}/items/rating/bands`,
        levels: ratings,
        bands: i.bands,
        ...(i.gaps ? { gaps: i.gaps } : {}),
      });
  }
  return out;
}
