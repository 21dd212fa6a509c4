import type { Evaluation, IndicatorResult } from '@kinerja/core';

/** The parts of an evaluation a person's career depends on, without traces and positions. */
export interface Verdict {
  status: Evaluation['status'];
  pending?: string[];
  score?: number;
  predicate?: string;
  groups: Record<string, unknown>;
  outcomes: Record<string, { met: boolean | null; value?: number; event?: unknown }>;
  flags: string[];
}

const part = (r: IndicatorResult) => ({ status: r.status, score: r.score, rating: r.rating, main: r.main });
const byId = (a: { id?: string }, b: { id?: string }) =>
  (a.id ?? '') < (b.id ?? '') ? -1 : a.id === b.id ? 0 : 1;

/**
 * The verdict of an evaluation: status, scores, ratings, predicate, outcomes and flags. Listed targets are sorted
 * by id because results keep the appraisal's order of targets (so the explanation reads like the form), which is
 * presentation, not verdict. Laws that reorder inputs compare verdicts; laws that must not change anything at all
 * compare the whole evaluation.
 */
export function verdictOf(e: Evaluation): Verdict {
  const groups: Record<string, unknown> = {};
  for (const [id, g] of Object.entries(e.groups)) {
    groups[id] = {
      score: g.score,
      rating: g.rating,
      suggestedRating: g.suggestedRating,
      indicators: Object.fromEntries(Object.entries(g.indicators ?? {}).map(([k, r]) => [k, part(r)])),
      additions: Object.fromEntries(Object.entries(g.additions ?? {}).map(([k, r]) => [k, part(r)])),
      items: [...(g.items ?? [])].sort(byId).map((r) => ({ id: r.id, ...part(r) })),
    };
  }
  const outcomes: Verdict['outcomes'] = {};
  for (const [id, o] of Object.entries(e.outcomes)) {
    outcomes[id] = { met: o.met, ...(o.value !== undefined ? { value: o.value } : {}), event: o.event };
  }
  const v: Verdict = { status: e.status, groups, outcomes, flags: [...e.flags].sort() };
  if (e.pending) v.pending = [...e.pending].sort();
  if (e.score !== undefined) v.score = e.score;
  if (e.predicate) v.predicate = e.predicate.id;
  return v;
}
