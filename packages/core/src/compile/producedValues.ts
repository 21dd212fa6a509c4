import type { FactShape } from '../conditions/FactCatalogue.js';
import type { Measure } from '../schema/measureSchema.js';
import type { Group, Rubric } from '../schema/rubricSchema.js';

/**
 * A catalogue shape may say, besides the values a fact may hold (`values`, what a rubric constant is checked
 * against), which of them the engine can actually produce for this rubric (`produced`): the predikat levels some
 * band or matrix cell gives, the ratings a group's bands or rules give, the flags something can raise. Only
 * {@link findUnreachable} reads it, to call a condition that needs anything else dead.
 */
export interface ProducedShape {
  readonly produced: readonly string[];
}

/** The values a shape says the engine can produce, if it says (own property only). */
export function producedOf(shape: FactShape | undefined): readonly string[] | undefined {
  if (!shape || !Object.hasOwn(shape, 'produced')) return undefined;
  return (shape as FactShape & ProducedShape).produced;
}

function unique(ids: Iterable<string>): string[] {
  return [...new Set(ids)];
}

/**
 * The predikat levels an evaluation can end on: every band's `id` and `otherwise`, or every matrix cell.
 * Undefined when the predicate has neither (a structure error reported elsewhere).
 */
export function producedLevels(rubric: Rubric): string[] | undefined {
  const p = rubric.predicate;
  if (p.bands)
    return unique(p.bands.flatMap((b) => (b.otherwise !== undefined ? [b.id, b.otherwise] : [b.id])));
  if (p.matrix) return unique(Object.values(p.matrix.cells).flatMap((row) => Object.values(row)));
  return undefined;
}

/** The ratings a group's own bands or rules can give (its derived rating, or the supervisor's suggestion). */
export function derivedRatings(group: Group): string[] | undefined {
  const r = group.rating;
  if (!r) return undefined;
  if (r.bands)
    return unique(r.bands.flatMap((b) => (b.otherwise !== undefined ? [b.id, b.otherwise] : [b.id])));
  if (r.rules)
    return unique([...r.rules.map((x) => x.id), ...(r.otherwise !== undefined ? [r.otherwise] : [])]);
  return undefined;
}

/** Whether a measure tree takes ratings anywhere in it (a `raters` measure may sit inside a product or mean). */
export function hasRaters(m: Measure): boolean {
  return m.kind === 'raters' || ('of' in m && m.of.some(hasRaters));
}

/**
 * Every flag an evaluation can raise: `needs-review:<indicator>` for an indicator measured by raters (when the
 * supervisor departs from the others), `rating-departs:<group>` for a group the supervisor rates and whose bands
 * or rules suggest a rating.
 */
export function raisableFlags(rubric: Rubric): string[] {
  const out: string[] = [];
  for (const [gid, g] of Object.entries(rubric.groups)) {
    for (const [iid, ind] of Object.entries(g.indicators ?? {}))
      if (hasRaters(ind.measure)) out.push(`needs-review:${iid}`);
    if (g.rating?.from === 'supervisor' && derivedRatings(g) !== undefined) out.push(`rating-departs:${gid}`);
  }
  return out;
}
