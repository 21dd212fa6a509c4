import type { FactCatalogue, FactShape } from '../conditions/FactCatalogue.js';
import type { FactDecl, Rubric } from '../schema/rubricSchema.js';

function declShape(d: FactDecl): FactShape {
  if (d.protected) return { type: 'protected' };
  switch (d.type) {
    case 'number':
    case 'integer':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'enum':
      return d.values ? { type: 'string', values: d.values } : { type: 'string' };
    default:
      return { type: 'string' };
  }
}

const num: FactShape = { type: 'number' };
const str: FactShape = { type: 'string' };

/**
 * The facts a rubric's conditions and measures may read:
 * `predicate`, `score`, `groups`, `indicators`, `employee`, `period` and `facts` (the declared appraisal facts;
 * protected ones are present in the shape only so that reading them is refused by name).
 */
export function buildFactCatalogue(rubric: Rubric): FactCatalogue {
  const predicateIds = rubric.predicate.levels.map((l) => l.id);
  const ratingIds = rubric.ratings?.map((l) => l.id);
  const rating: FactShape = ratingIds ? { type: 'string', values: ratingIds } : str;
  const counts: FactShape = {
    type: 'object',
    properties: Object.fromEntries(
      (ratingIds ?? []).map((id) => [id, { type: 'object', properties: { count: num, share: num } }]),
    ),
  };
  const groups: Record<string, FactShape> = {};
  const indicators: Record<string, FactShape> = {};
  for (const [gid, g] of Object.entries(rubric.groups)) {
    const props: Record<string, FactShape> = { score: num, rating, suggestedRating: rating };
    if (g.items) props.items = { type: 'object', properties: { count: num, ratings: counts, main: counts } };
    groups[gid] = { type: 'object', properties: props };
    for (const iid of Object.keys(g.indicators ?? {}))
      indicators[iid] = { type: 'object', properties: { score: num } };
    for (const aid of Object.keys(g.additions ?? {}))
      indicators[aid] = { type: 'object', properties: { score: num } };
  }
  const predicateShape: FactShape = { type: 'string', values: predicateIds };
  return {
    roots: {
      predicate: predicateShape,
      score: num,
      groups: { type: 'object', properties: groups },
      indicators: { type: 'object', properties: indicators },
      employee: {
        type: 'object',
        properties: {
          nip: str,
          unit: str,
          position: str,
          positionType: { type: 'string', values: ['struktural', 'fungsional', 'pelaksana'] },
          functionalLevel: str,
          rank: str,
          yearsInRank: num,
          monthsInRank: num,
          previousPredicates: { type: 'array', items: predicateShape },
        },
      },
      period: {
        type: 'object',
        properties: {
          kind: { type: 'string', values: ['annual', 'monthly', 'quarterly'] },
          months: num,
          year: num,
        },
      },
      flags: { type: 'array', items: str },
      facts: {
        type: 'object',
        properties: Object.fromEntries(Object.entries(rubric.facts ?? {}).map(([k, d]) => [k, declShape(d)])),
      },
    },
  };
}
