import { Rational } from '../numeric/rational.js';

/** A number a condition can compare: a finite JS number or an exact {@link Rational}. */
export type Numeric = number | Rational;

/** True for a finite JS number or a {@link Rational}. */
export function isNumeric(x: unknown): x is Numeric {
  return (typeof x === 'number' && Number.isFinite(x)) || x instanceof Rational;
}

/**
 * Compares two numerics exactly as decimals: −1, 0 or 1.
 *
 * Two JS numbers are compared directly: each double's shortest round-trip decimal lies inside the
 * interval of reals that round to that double, and those intervals are disjoint and ordered, so the
 * doubles' order is exactly their decimals' order. Only a mix with a `Rational` needs the exact path,
 * where a number is read as its shortest decimal (`Rational.from(9.12)` is 912/100).
 */
export function compareNumeric(a: Numeric, b: Numeric): -1 | 0 | 1 {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  const ra = typeof a === 'number' ? Rational.from(a) : a;
  const rb = typeof b === 'number' ? Rational.from(b) : b;
  return ra.cmp(rb);
}
