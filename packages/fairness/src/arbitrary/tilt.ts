import type { Better } from '../rubric/recordPlan.js';

/**
 * Where in an ordered domain (0 = start, 1 = end) an appraisal of the given quality (0 = worst, 1 = best) puts its
 * values. Tilting every field the same way is how reachability finds the extreme predicates: uniform sampling of
 * many independent inputs averages out and rarely reaches the top or bottom band.
 */
export function tiltPosition(quality: number, better: Better): number {
  if (better === 'up') return quality;
  if (better === 'down') return 1 - quality;
  return quality * better.peak;
}

/** An integer window of about ±8% of [lo, hi] around the tilted position, so tilted values still vary. */
export function tiltWindow(lo: number, hi: number, position: number): { min: number; max: number } {
  const center = lo + position * (hi - lo);
  const w = Math.max(1, Math.round((hi - lo) * 0.08));
  const min = Math.max(lo, Math.min(hi, Math.floor(center - w)));
  const max = Math.min(hi, Math.max(min, Math.ceil(center + w)));
  return { min, max };
}
