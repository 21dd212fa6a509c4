/**
 * Seeded pseudo-random numbers, inline so the cohorts never depend on a package version.
 * Appraisal i of a cohort is drawn from its own stream, seeded by hash(seed, i): any prefix of a cohort is the
 * smaller cohort (the 1k cohort is the first 1k of the 10k one), and a 1M cohort can be produced lazily, chunk by
 * chunk, without keeping it in memory.
 */

/** SplitMix32-style integer hash of (seed, index). */
export function hashSeed(seed, index) {
  let h = (seed ^ Math.imul(index + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** mulberry32: a small, fast 32-bit generator; returns a function giving floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Helpers over one stream. */
export function rng(seed) {
  const next = mulberry32(seed);
  return {
    next,
    /** Integer in [lo, hi]. */
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    /** One element. */
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    /** true with probability p. */
    chance: (p) => next() < p,
  };
}
