import { Rational } from '../numeric/rational.js';

// Facts come from callers; a pathological value must not make a trace unbounded.
const MAX_DEPTH = 32;

/**
 * Copies a fact value into something `JSON.stringify` renders faithfully, for traces.
 *
 * `Rational` becomes its nearest number, bigint a number (or a string beyond 2^53), a non-finite
 * number its name (`"NaN"`), a `Date` its ISO text; arrays and objects are copied through their own
 * enumerable properties, with cycles shown as `"[Circular]"`. Functions and symbols become
 * `undefined` (or `null` inside arrays, as JSON would). `undefined` stays `undefined`.
 */
export function toJsonSafe(value: unknown): unknown {
  // Most values are primitives or Rationals, which never touch the ancestor list: no list is made for them.
  if (typeof value !== 'object' || value === null || value instanceof Rational)
    return copy(value, NO_ANCESTORS, 0);
  return copy(value, [], 0);
}

const NO_ANCESTORS: object[] = [];

function copy(value: unknown, ancestors: object[], depth: number): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'bigint':
      return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
    case 'object':
      break;
    default:
      return undefined;
  }
  if (value === null) return null;
  if (value instanceof Rational) return value.toNumber();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (ancestors.includes(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[…]';
  ancestors.push(value);
  let out: unknown;
  if (Array.isArray(value)) {
    const list: unknown[] = [];
    for (let i = 0; i < value.length; i++) list.push(copy(value[i], ancestors, depth + 1) ?? null);
    out = list;
  } else {
    const record: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const v = copy((value as Record<string, unknown>)[key], ancestors, depth + 1);
      // defineProperty, because assigning an own "__proto__" key would replace the prototype.
      if (v !== undefined)
        Object.defineProperty(record, key, {
          value: v,
          enumerable: true,
          writable: true,
          configurable: true,
        });
    }
    out = record;
  }
  ancestors.pop();
  return out;
}
