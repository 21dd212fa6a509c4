import { nearestSpelling } from '../diagnostics/nearestSpelling.js';
import { joinPointer } from '../diagnostics/pointer.js';
import { validateSchema } from '../validate/validateSchema.js';

/** An entry `overrides` adds that is probably a misspelling of an inherited one. */
export interface MisspeltAddition {
  /** Path of the added key in the resolved rubric (and so, under `/overrides`, in the child). */
  path: readonly string[];
  /** What the map holds: `indicator`, `addition`, `group`, `outcome` or `fact`. */
  what: 'indicator' | 'addition' | 'group' | 'outcome' | 'fact';
  /** The inherited id it most likely meant. */
  nearest: string;
  /** The ids the base's map has, in its order. */
  inherited: readonly string[];
  /** The properties a new entry needs that it lacks, in the schema's order. */
  missing: readonly string[];
}

type Obj = Record<string, unknown>;
const isMap = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (m: unknown, k: string): unknown => (isMap(m) && Object.hasOwn(m, k) ? m[k] : undefined);

/**
 * The keys `overrides` adds to an id-keyed map of the base (facts, groups, a group's indicators and additions,
 * outcomes) that lack what a new entry needs and are spelt close to an inherited id. Merge patch cannot tell a
 * new entry from a misspelt override, so without this a typo of `kolaboratif` reads as a new indicator missing its
 * `label` and `measure`: advice to complete an entry the author never meant to add. A complete entry, or one far
 * from every inherited id, is a genuine addition and is left to the schema. Lists (ratings, predicate levels) are
 * replaced whole, so no key of theirs can slip this way; weights and matrix cells have no required part.
 */
export function findMisspeltAdditions(base: Obj, overrides: Obj, merged: Obj): MisspeltAddition[] {
  const candidates: Array<Omit<MisspeltAddition, 'missing'>> = [];
  const scan = (path: readonly string[], what: MisspeltAddition['what']) => {
    let from: unknown = base;
    let patch: unknown = overrides;
    for (const t of path) {
      from = own(from, t);
      patch = own(patch, t);
    }
    if (!isMap(from) || !isMap(patch)) return;
    const inherited = Object.keys(from);
    for (const [key, value] of Object.entries(patch)) {
      if (value === null || Object.hasOwn(from, key)) continue;
      const nearest = nearestSpelling(key, inherited);
      if (nearest !== undefined) candidates.push({ path: [...path, key], what, nearest, inherited });
    }
  };
  scan(['facts'], 'fact');
  scan(['groups'], 'group');
  const groups = own(overrides, 'groups');
  if (isMap(groups)) {
    for (const g of Object.keys(groups)) {
      scan(['groups', g, 'indicators'], 'indicator');
      scan(['groups', g, 'additions'], 'addition');
    }
  }
  scan(['outcomes'], 'outcome');
  if (candidates.length === 0) return [];
  // Only a required property missing at the entry itself marks it as not meant to be new.
  const missing = new Map<string, string[]>();
  for (const e of validateSchema('rubric', merged)) {
    if (e.code !== 'schema-required' || typeof e.expected !== 'string') continue;
    const list = missing.get(e.pointer) ?? [];
    list.push(e.expected);
    missing.set(e.pointer, list);
  }
  const out: MisspeltAddition[] = [];
  for (const c of candidates) {
    const lacks = missing.get(joinPointer('', ...c.path));
    if (lacks !== undefined) out.push({ ...c, missing: lacks });
  }
  return out;
}
