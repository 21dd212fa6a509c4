import type { FactCatalogue, FactShape } from '../conditions/FactCatalogue.js';
import { parseFactPath } from '../conditions/parseFactPath.js';
import type { Condition } from '../schema/conditionSchema.js';
import { producedOf } from './producedValues.js';

function shapeOf(catalogue: FactCatalogue, fact: string, path: string | undefined): FactShape | undefined {
  let shape = Object.hasOwn(catalogue.roots, fact) ? catalogue.roots[fact] : undefined;
  if (!shape) return undefined;
  if (path === undefined) return shape;
  const parsed = parseFactPath(path);
  if (!parsed.ok) return undefined;
  for (const s of parsed.segments) {
    if (shape.type === 'object' && typeof s === 'string' && Object.hasOwn(shape.properties, s))
      shape = shape.properties[s] as FactShape;
    else if (shape.type === 'array' && typeof s === 'number') shape = shape.items;
    else return undefined;
  }
  return shape;
}

/**
 * Finds why a condition can never be true, or undefined when it may be. It reasons over facts with a closed set
 * of values (the predikat, ratings, enums): inside one `all`, the values each such fact may take are intersected;
 * an empty intersection means the rule is dead. Where the catalogue says which values this rubric can produce
 * (the predikat levels its bands or matrix give, a group's derived ratings), only those count: a declared level
 * no band gives is never the predikat. A list of flags `contains` only a flag something can raise. It is sound
 * (never calls a reachable rule dead), not complete.
 */
export function findUnreachable(
  condition: Condition,
  catalogue: FactCatalogue,
): { id: string; en: string } | undefined {
  const allowed = (c: Condition, env: Map<string, Set<string>>): boolean => {
    if ('all' in c) {
      const local = new Map([...env].map(([k, v]) => [k, new Set(v)]));
      return c.all.every((child) => allowed(child, local)) && [...local.values()].every((s) => s.size > 0);
    }
    if ('any' in c)
      return c.any.some((child) => allowed(child, new Map([...env].map(([k, v]) => [k, new Set(v)]))));
    if ('not' in c) return true;
    const shape = shapeOf(catalogue, c.fact, c.path);
    if (typeof c.value === 'object' && c.value !== null && !Array.isArray(c.value)) return true;
    if (shape?.type === 'array') {
      // A list holds any number of values at once, so only `contains` of one it can never hold is dead.
      const raised = producedOf(shape.items);
      return !(
        c.operator === 'contains' &&
        raised &&
        typeof c.value === 'string' &&
        !raised.includes(c.value)
      );
    }
    if (shape?.type !== 'string') return true;
    const domain = producedOf(shape) ?? shape.values;
    if (!domain) return true;
    const key = `${c.fact}${c.path ?? ''}`;
    const current = env.get(key) ?? new Set(domain);
    let keep: (v: string) => boolean;
    switch (c.operator) {
      case 'equal':
        keep = (v) => v === c.value;
        break;
      case 'notEqual':
        keep = (v) => v !== c.value;
        break;
      case 'in':
        keep = (v) => Array.isArray(c.value) && c.value.includes(v);
        break;
      case 'notIn':
        keep = (v) => Array.isArray(c.value) && !c.value.includes(v);
        break;
      default:
        return true;
    }
    const next = new Set([...current].filter(keep));
    env.set(key, next);
    return next.size > 0;
  };
  return allowed(condition, new Map())
    ? undefined
    : {
        id: 'tidak ada nilai fakta yang dibandingkannya yang dapat memenuhi semua bagian',
        en: 'no value of the facts it compares can satisfy every part',
      };
}
