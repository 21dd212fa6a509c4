import { isMap, isScalar, isSeq } from 'yaml';
import { Rational } from '../numeric/rational.js';

/** A number literal whose value cannot be held exactly. */
export interface ImpreciseNumber {
  /** Its text. */
  text: string;
  /** Start offset. */
  start: number;
  /** End offset. */
  end: number;
}

const DECIMAL = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** True when the literal, read as a decimal, is exactly the number the parser made of it. */
export function numberIsExact(text: string, value: number): boolean {
  if (!Number.isFinite(value)) return true;
  if (!DECIMAL.test(text)) return Number.isSafeInteger(value) || !/^[-+]?0[xo]/i.test(text);
  let t = text.replace(/^\+/, '');
  if (/^-?\./.test(t)) t = t.replace('.', '0.');
  t = t.replace(/\.(?=$|[eE])/, '.0');
  // Underflow to zero (1e-400) is caught without reading an exponent Rational refuses to expand.
  if (value === 0) return !/[1-9]/.test(t.split(/[eE]/)[0] as string);
  try {
    return Rational.from(t).eq(Rational.from(value));
  } catch {
    // An exponent beyond Rational's bound on a non-zero value: it cannot be checked, so it is not taken as exact.
    return false;
  }
}

/**
 * Finds number literals that a double cannot hold exactly (e.g. 0.60000000000000001, which parses to 0.6):
 * the exact-decimal checks that follow would otherwise check a different number from the one written.
 * Non-recursive: depth was bounded earlier, but a stack keeps this independent of that.
 */
export function findImpreciseNumbers(root: unknown): ImpreciseNumber[] {
  const out: ImpreciseNumber[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) for (const pair of node.items) stack.push(pair.value);
    else if (isSeq(node)) for (const item of node.items) stack.push(item);
    else if (isScalar(node) && typeof node.value === 'number' && typeof node.source === 'string') {
      if (!numberIsExact(node.source, node.value) && node.range) {
        out.push({ text: node.source, start: node.range[0], end: node.range[1] });
      }
    }
  }
  return out;
}
