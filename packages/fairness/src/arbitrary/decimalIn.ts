import fc from 'fast-check';
import type { Better } from '../rubric/recordPlan.js';
import { tiltPosition, tiltWindow } from './tilt.js';

/** `n / 10^places` as the double nearest the decimal (IEEE division is correctly rounded, like parsing). */
export function fromScaled(n: number, places: number): number {
  return places === 0 ? n : n / 10 ** places;
}

/** Options of {@link decimalIn}. */
export interface DecimalOptions {
  /** 0 (worst) … 1 (best): tilt values toward one end; undefined: spread over the whole range. */
  readonly quality?: number | undefined;
  /** Where good values lie. */
  readonly better?: Better;
  /** Values worth hitting exactly (bounds, table points), tried now and then. */
  readonly exact?: readonly number[];
}

/**
 * Decimals in [lo, hi] with at most 6 places, mostly 0 or 2 places (as people type them) and sometimes 6 (to
 * stress exact decimal arithmetic). With a quality, values gather around the tilted position instead.
 */
export function decimalIn(lo: number, hi: number, options: DecimalOptions = {}): fc.Arbitrary<number> {
  const scaled = (places: number) => {
    const s = 10 ** places;
    return { min: Math.ceil(lo * s), max: Math.max(Math.ceil(lo * s), Math.floor(hi * s)) };
  };
  if (options.quality !== undefined) {
    const r = scaled(2);
    const w = tiltWindow(r.min, r.max, tiltPosition(options.quality, options.better ?? 'up'));
    return fc.integer(w).map((n) => fromScaled(n, 2));
  }
  const parts: Array<fc.WeightedArbitrary<number>> = [];
  for (const [places, weight] of [
    [0, 2],
    [2, 4],
    [6, 1],
  ] as const) {
    // A narrow range may hold no whole number: leave that precision out rather than step outside [lo, hi].
    const r = scaled(places);
    if (r.min <= hi * 10 ** places)
      parts.push({ arbitrary: fc.integer(r).map((n) => fromScaled(n, places)), weight });
  }
  const exact = (options.exact ?? []).filter((x) => x >= lo && x <= hi);
  if (exact.length > 0) parts.push({ arbitrary: fc.constantFrom(...exact), weight: 1 });
  return fc.oneof(...parts);
}
