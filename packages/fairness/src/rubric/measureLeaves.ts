import type { Measure } from '@kinerja/core';

/** A measure that reads inputs itself (not a combination of other measures). */
export type LeafMeasure = Exclude<Measure, { kind: 'mean' | 'sum' | 'min' | 'max' | 'product' | 'quotient' }>;

/** One leaf of a measure tree, with what its position in the tree implies. */
export interface MeasureLeaf {
  /** The leaf measure. */
  readonly measure: LeafMeasure;
  /** Whether the leaf sits in a quotient's divisor: its inputs must not be zero and its direction flips. */
  readonly divisor: boolean;
}

/**
 * Walks a measure tree (`mean`/`sum`/`min`/`max`/`product`/`quotient` over `of`) down to the measures that read
 * inputs, because what an appraisal must supply is decided by the leaves alone.
 */
export function measureLeaves(measure: Measure, divisor = false): MeasureLeaf[] {
  switch (measure.kind) {
    case 'mean':
    case 'sum':
    case 'min':
    case 'max':
    case 'product':
      return measure.of.flatMap((m) => measureLeaves(m, divisor));
    case 'quotient':
      return measure.of.flatMap((m, i) => measureLeaves(m, i === 1 ? !divisor : divisor));
    default:
      return [{ measure, divisor }];
  }
}
