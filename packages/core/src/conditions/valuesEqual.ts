import { Rational } from '../numeric/rational.js';
import { compareNumeric, isNumeric } from './compareNumeric.js';

/**
 * Equality used by equal/notEqual/in/notIn/contains/doesNotContain: numerics by exact value (a
 * `Rational` 3/2 equals `1.5`), everything else by `===`, as json-rules-engine does (objects and
 * arrays only equal themselves).
 */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (a instanceof Rational || b instanceof Rational) {
    return isNumeric(a) && isNumeric(b) && compareNumeric(a, b) === 0;
  }
  return a === b;
}
