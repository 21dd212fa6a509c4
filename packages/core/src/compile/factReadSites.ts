import { joinPointer } from '../diagnostics/pointer.js';
import type { Condition } from '../schema/conditionSchema.js';
import type { Rubric } from '../schema/rubricSchema.js';

/** A read of a fact by some part of the rubric: the fact, its path as written and where the path is named. */
export interface FactReadSite {
  readonly fact: string;
  readonly path?: string;
  /** The `path` key's pointer, or the `fact` key's when there is no path. */
  readonly pointer: string;
  /** The pointer of the part that reads (decides which step it runs at). */
  readonly reader: string;
}

/** Records a `{ fact, path? }` reference found at `pointer` (a measure input or a condition's value). */
export function factRefSite(ref: unknown, pointer: string, out: FactReadSite[]): void {
  if (ref === null || typeof ref !== 'object' || Array.isArray(ref) || !Object.hasOwn(ref, 'fact')) return;
  const { fact, path } = ref as { fact: unknown; path?: unknown };
  if (typeof fact !== 'string') return;
  if (path !== undefined && typeof path !== 'string') return;
  out.push({
    fact,
    ...(path !== undefined ? { path } : {}),
    pointer: joinPointer(pointer, path !== undefined ? 'path' : 'fact'),
    reader: pointer,
  });
}

/** Every fact a condition reads, its leaves' `fact`/`path` and `value: { fact, path }` alike. */
export function conditionSites(c: Condition, pointer: string, out: FactReadSite[]): void {
  if ('all' in c || 'any' in c) {
    const [key, list] = 'all' in c ? (['all', c.all] as const) : (['any', c.any] as const);
    list.forEach((x, i) => {
      conditionSites(x, joinPointer(pointer, key, i), out);
    });
  } else if ('not' in c) conditionSites(c.not, joinPointer(pointer, 'not'), out);
  else {
    factRefSite(c, pointer, out);
    factRefSite(c.value, joinPointer(pointer, 'value'), out);
  }
}

/** The conditions of a rubric that run before its outcomes, with their pointers. */
export function rubricConditionSites(rubric: Rubric, out: FactReadSite[]): void {
  for (const [gid, g] of Object.entries(rubric.groups)) {
    const at = joinPointer('/groups', gid);
    for (const [iid, ind] of Object.entries(g.indicators ?? {}))
      if (ind.appliesWhen !== undefined)
        conditionSites(ind.appliesWhen, joinPointer(at, 'indicators', iid, 'appliesWhen'), out);
    g.items?.rating?.bands.forEach((b, i) => {
      if (b.requires !== undefined)
        conditionSites(b.requires, joinPointer(at, 'items', 'rating', 'bands', i, 'requires'), out);
    });
    g.rating?.bands?.forEach((b, i) => {
      if (b.requires !== undefined)
        conditionSites(b.requires, joinPointer(at, 'rating', 'bands', i, 'requires'), out);
    });
    g.rating?.rules?.forEach((r, i) => {
      conditionSites(r.when, joinPointer(at, 'rating', 'rules', i, 'when'), out);
    });
  }
  rubric.predicate.bands?.forEach((b, i) => {
    if (b.requires !== undefined)
      conditionSites(b.requires, joinPointer('/predicate', 'bands', i, 'requires'), out);
  });
}
