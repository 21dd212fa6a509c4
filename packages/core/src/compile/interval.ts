import { Rational } from '../numeric/rational.js';

/** A parsed interval with exact bounds; `undefined` bounds are infinite. */
export interface Interval {
  /** Lower bound, or undefined for −∞. */
  readonly min: Rational | undefined;
  /** Whether the lower bound belongs to the interval. */
  readonly minIncluded: boolean;
  /** Upper bound, or undefined for +∞. */
  readonly max: Rational | undefined;
  /** Whether the upper bound belongs to the interval. */
  readonly maxIncluded: boolean;
  /** The text it was parsed from. */
  readonly text: string;
}

const NUM = '([+-]?(?:\\d+(?:\\.\\d+)?|inf|∞)|-inf|-∞|\\+inf)';
const RANGE = new RegExp(`^\\s*([\\[(])\\s*${NUM}\\s*,\\s*${NUM}\\s*([\\])])\\s*$`, 'i');

function bound(text: string): Rational | undefined | null {
  const t = text.toLowerCase().replace('∞', 'inf');
  if (t === 'inf' || t === '+inf' || t === '-inf') return undefined;
  try {
    return Rational.from(text);
  } catch {
    return null;
  }
}

/** Why a text is not an interval: the `problem` an invalid-range diagnostic carries. */
export type IntervalProblem =
  | 'form'
  | 'exponent'
  | 'reversed'
  | 'empty'
  | 'infinite-included'
  | 'infinite-reversed';

// A number in exponent notation (1e3), which the form refuses: told apart to say so. Linear: no nested repeats.
const EXPONENT = /\d[eE][+-]?\d/;

/**
 * Reads interval notation like {@link parseInterval}, and says why when the text is not a valid, non-empty
 * interval, so the author is told what to change.
 */
export function checkInterval(text: string): Interval | { problem: IntervalProblem } {
  const m = RANGE.exec(text);
  if (!m) return { problem: /^\s*[[(]/.test(text) && EXPONENT.test(text) ? 'exponent' : 'form' };
  const [, open, lo = '', hi = '', close] = m;
  const loT = lo.toLowerCase().replace('∞', 'inf');
  const hiT = hi.toLowerCase().replace('∞', 'inf');
  // A lower bound of +inf or an upper bound of -inf is an empty interval, never what an author meant.
  if (loT === 'inf' || loT === '+inf' || hiT === '-inf') return { problem: 'infinite-reversed' };
  const min = bound(lo);
  const max = bound(hi);
  if (min === null || max === null) return { problem: 'form' };
  const minIncluded = open === '[' && min !== undefined;
  const maxIncluded = close === ']' && max !== undefined;
  if ((open === '[' && min === undefined) || (close === ']' && max === undefined))
    return { problem: 'infinite-included' };
  if (min && max) {
    const c = min.cmp(max);
    if (c > 0) return { problem: 'reversed' };
    if (c === 0 && !(minIncluded && maxIncluded)) return { problem: 'empty' };
  }
  return { min, minIncluded, max, maxIncluded, text };
}

/**
 * Parses interval notation: `[76, 91)` includes 76 and excludes 91; `(-inf, 50]` has no lower bound.
 * Returns undefined when the text is not a valid, non-empty interval (`checkInterval` says why).
 */
export function parseInterval(text: string): Interval | undefined {
  const r = checkInterval(text);
  return 'problem' in r ? undefined : r;
}

/** True when `x` lies in the interval. */
export function inInterval(iv: Interval, x: Rational): boolean {
  if (iv.min) {
    const c = x.cmp(iv.min);
    if (c < 0 || (c === 0 && !iv.minIncluded)) return false;
  }
  if (iv.max) {
    const c = x.cmp(iv.max);
    if (c > 0 || (c === 0 && !iv.maxIncluded)) return false;
  }
  return true;
}

/** Orders intervals by lower bound (−∞ first; an included bound before an excluded one). */
export function compareLower(a: Interval, b: Interval): number {
  if (!a.min) return b.min ? -1 : 0;
  if (!b.min) return 1;
  const c = a.min.cmp(b.min);
  if (c !== 0) return c;
  return a.minIncluded === b.minIncluded ? 0 : a.minIncluded ? -1 : 1;
}
