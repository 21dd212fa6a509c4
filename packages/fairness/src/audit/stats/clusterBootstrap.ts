import type { Interval } from './Interval.js';
import { seededRandom } from './seededRandom.js';

/** Options of {@link clusterBootstrap}. */
export interface BootstrapOptions {
  /** Resamples (default 1000). */
  resamples?: number;
  /** PRNG seed (default 1): the same seed, the same interval. */
  seed?: number;
  /** Confidence level (default 0.95). */
  level?: number;
}

/**
 * Percentile bootstrap interval of a statistic over clusters (e.g. ratees): resamples whole clusters with
 * replacement, using the seeded mulberry32 PRNG. Resamples where the statistic is not finite are skipped.
 */
export function clusterBootstrap<C>(
  clusters: readonly C[],
  statistic: (sample: readonly C[]) => number,
  options: BootstrapOptions = {},
): Interval | undefined {
  const estimate = statistic(clusters);
  if (clusters.length < 2 || !Number.isFinite(estimate)) return undefined;
  const resamples = options.resamples ?? 1000;
  const level = options.level ?? 0.95;
  const random = seededRandom(options.seed ?? 1);
  const stats: number[] = [];
  for (let b = 0; b < resamples; b++) {
    const sample = clusters.map(() => clusters[random.int(clusters.length)] as C);
    const s = statistic(sample);
    if (Number.isFinite(s)) stats.push(s);
  }
  if (stats.length === 0) return undefined;
  stats.sort((a, b) => a - b);
  const at = (q: number) =>
    stats[Math.min(stats.length - 1, Math.max(0, Math.floor(q * stats.length)))] as number;
  return {
    estimate,
    lower: at((1 - level) / 2),
    upper: at(1 - (1 - level) / 2),
    level,
    n: clusters.length,
    method: `cluster bootstrap, percentile (${resamples} resamples, seed ${options.seed ?? 1})`,
  };
}
