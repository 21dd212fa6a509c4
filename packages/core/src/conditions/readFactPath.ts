import { Rational } from '../numeric/rational.js';
import type { PathSegment } from './parseFactPath.js';

/**
 * Follows parsed path segments into a value, reading own properties only.
 *
 * Names step into non-array objects, indexes into arrays (in range, no holes). Anything else —
 * an inherited property, a name on an array (`length`), a step into a primitive or into a
 * `Rational` (a number, not a record) — means the path is absent and yields `undefined`.
 */
export function readFactPath(value: unknown, segments: readonly PathSegment[]): unknown {
  let current = value;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    if (typeof segment === 'number') {
      if (!Array.isArray(current) || segment >= current.length || !Object.hasOwn(current, segment)) {
        return undefined;
      }
      current = current[segment];
    } else {
      if (Array.isArray(current) || current instanceof Rational || !Object.hasOwn(current, segment)) {
        return undefined;
      }
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return current;
}
