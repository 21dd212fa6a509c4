import { mean, sd } from './describe.js';
import type { Interval } from './Interval.js';
import { studentTQuantile } from './studentT.js';

/**
 * The t-based confidence interval of a mean: mean ± t(1 − (1 − level)/2, n − 1) · s/√n. Returns undefined for
 * fewer than two values (no spread to estimate). With `pooled` the standard deviation and degrees of freedom come
 * from elsewhere (a pooled within-group estimate): mean ± t(df) · sd/√n.
 */
export function meanInterval(
  values: readonly number[],
  level = 0.95,
  pooled?: { sd: number; df: number },
): Interval | undefined {
  const n = values.length;
  const spread = pooled ? pooled.sd : sd(values);
  const df = pooled ? pooled.df : n - 1;
  if (n < 1 || df < 1 || !Number.isFinite(spread)) return undefined;
  const m = mean(values);
  const half = studentTQuantile(1 - (1 - level) / 2, df) * (spread / Math.sqrt(n));
  return {
    estimate: m,
    lower: m - half,
    upper: m + half,
    level,
    n,
    method: pooled ? `t, pooled sd (df ${df})` : `t (df ${df})`,
  };
}
