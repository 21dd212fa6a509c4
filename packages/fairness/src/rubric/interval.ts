import { Rational } from '@kinerja/core';

/** An interval as a rubric writes it (`[76, 91)`), with exact bounds; `undefined` bounds are infinite. */
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

const BOUND = '([+-]?(?:\\d+(?:\\.\\d+)?|inf|∞))';
const RANGE = new RegExp(`^\\s*([\\[(])\\s*${BOUND}\\s*,\\s*${BOUND}\\s*([\\])])\\s*$`, 'i');

function bound(text: string): Rational | undefined {
  return /inf|∞/i.test(text) ? undefined : Rational.from(text);
}

/**
 * Parses interval notation. Core has its own parser but keeps it internal; the laws need the bounds themselves
 * (to probe them and to check promised ranges), and a rubric that loaded has already passed core's stricter parse,
 * so this one only has to read what core accepted. Returns undefined for text it cannot read.
 */
export function parseInterval(text: string): Interval | undefined {
  const m = RANGE.exec(text);
  if (!m) return undefined;
  const [, open, lo = '', hi = '', close] = m;
  const min = bound(lo);
  const max = bound(hi);
  return { min, minIncluded: open === '[' && !!min, max, maxIncluded: close === ']' && !!max, text };
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
