import type { FactCatalogue, FactShape } from '../conditions/FactCatalogue.js';
import type { FactDecl, Rubric } from '../schema/rubricSchema.js';
import { derivedRatings, type ProducedShape, producedLevels, raisableFlags } from './producedValues.js';

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

/** A string shape that also says which of its values this rubric's evaluation can produce. */
function producing(shape: FactShape, produced: readonly string[] | undefined): FactShape {
  if (!produced || shape.type !== 'string') return shape;
  const out: FactShape & ProducedShape = { ...shape, produced };
  return out;
}

/**
 * The facts a rubric's conditions and measures may read:
 * `predicate`, `score`, `groups`, `indicators`, `employee`, `period` and `facts` (the declared appraisal facts;
 * protected ones are present in the shape only so that reading them is refused by name).
 *
 * The predikat, group ratings and flags also carry the values this rubric can actually produce (see
 * `producedValues.ts`), so that a condition needing any other can be called unreachable.
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
    // A rating from the score is only ever one its bands or rules give; a supervisor may give any rating, and
    // only a supervisor-rated group has a suggestion (from its bands or rules, when it has them).
    const derived = derivedRatings(g) ?? [];
    const props: Record<string, FactShape> = {
      score: num,
      rating: producing(rating, g.rating?.from === 'supervisor' ? undefined : derived),
      suggestedRating: producing(rating, g.rating?.from === 'supervisor' ? derived : []),
    };
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
      // Not the shape of `employee.previousPredicates`: an earlier appraisal may hold any declared level.
      predicate: producing(predicateShape, producedLevels(rubric)),
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
          previousYearPredicate: predicateShape,
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
      flags: { type: 'array', items: producing(str, raisableFlags(rubric)) },
      facts: {
        type: 'object',
        properties: Object.fromEntries(Object.entries(rubric.facts ?? {}).map(([k, d]) => [k, declShape(d)])),
      },
    },
  };
}
