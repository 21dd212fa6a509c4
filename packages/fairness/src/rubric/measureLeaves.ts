import type { Measure } from '@kinerja/core';

/** A measure that reads inputs itself (not a combination of other measures). */
export type LeafMeasure = Exclude<
  Measure,
  { kind: 'mean' | 'sum' | 'min' | 'max' | 'product' | 'quotient' | 'one-of' }
>;

/** Which alternative of which `one-of` a leaf sits in: `choice` numbers the one-of measures of a tree in walk order. */
export interface LeafAlternative {
  readonly choice: number;
  readonly alternative: number;
}

/** One leaf of a measure tree, with what its position in the tree implies. */
export interface MeasureLeaf {
  /** The leaf measure. */
  readonly measure: LeafMeasure;
  /** Whether the leaf sits in a quotient's divisor: its inputs must not be zero and its direction flips. */
  readonly divisor: boolean;
  /** The `one-of` alternatives it sits in, outermost first: a record gives it only when it gives each of them. */
  readonly alternatives: readonly LeafAlternative[];
}

/**
 * Walks a measure tree (`mean`/`sum`/`min`/`max`/`product`/`quotient`/`one-of` over `of`) down to the measures
 * that read inputs, because what an appraisal must supply is decided by the leaves alone.
 */
export function measureLeaves(measure: Measure): MeasureLeaf[] {
  let choices = 0;
  const walk = (m: Measure, divisor: boolean, alternatives: readonly LeafAlternative[]): MeasureLeaf[] => {
    switch (m.kind) {
      case 'mean':
      case 'sum':
      case 'min':
      case 'max':
      case 'product':
        return m.of.flatMap((c) => walk(c, divisor, alternatives));
      case 'quotient':
        return m.of.flatMap((c, i) => walk(c, i === 1 ? !divisor : divisor, alternatives));
      case 'one-of': {
        const choice = choices++;
        return m.of.flatMap((c, alternative) => walk(c, divisor, [...alternatives, { choice, alternative }]));
      }
      default:
        return [{ measure: m, divisor, alternatives }];
    }
  };
  return walk(measure, false, []);
}
