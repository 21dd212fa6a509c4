/** A confidence interval around an estimate. */
export interface Interval {
  /** The point estimate. */
  estimate: number;
  /** Lower end. */
  lower: number;
  /** Upper end. */
  upper: number;
  /** Confidence level, e.g. 0.95. */
  level: number;
  /** How many independent units it rests on. */
  n: number;
  /** How it was computed, e.g. `t (df 7)`. */
  method: string;
}

/**
 * Whether an interval lies wholly beyond ±margin: `lower > margin` (above) or `upper < −margin` (below). A
 * difference smaller than the margin is tolerated however sure we are of it.
 */
export function beyondMargin(interval: Interval, margin: number): 'above' | 'below' | undefined {
  if (interval.lower > margin) return 'above';
  if (interval.upper < -margin) return 'below';
  return undefined;
}
