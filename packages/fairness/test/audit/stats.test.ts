import { describe, expect, it } from 'vitest';
import { headCount } from '../../src/audit/headCount.js';
import { clusterBootstrap } from '../../src/audit/stats/clusterBootstrap.js';
import { mean } from '../../src/audit/stats/describe.js';
import { fisherExact } from '../../src/audit/stats/fisherExact.js';
import { holm } from '../../src/audit/stats/holm.js';
import { meanInterval } from '../../src/audit/stats/meanInterval.js';
import { studentTQuantile } from '../../src/audit/stats/studentT.js';

/** Two-sided Fisher p by brute force in BigInt, an independent check of the log-gamma version. */
function fisherBig(a: number, b: number, c: number, d: number): number {
  const choose = (n: number, k: number): bigint => {
    let r = 1n;
    for (let i = 1; i <= k; i++) r = (r * BigInt(n - k + i)) / BigInt(i);
    return r;
  };
  const r1 = a + b;
  const r2 = c + d;
  const c1 = a + c;
  const ways = (x: number) => choose(r1, x) * choose(r2, c1 - x);
  const observed = ways(a);
  let sum = 0n;
  for (let x = Math.max(0, c1 - r2); x <= Math.min(r1, c1); x++) if (ways(x) <= observed) sum += ways(x);
  return Number((sum * 10n ** 15n) / choose(r1 + r2, c1)) / 1e15;
}

describe('statistics', () => {
  it("Student's t quantiles match the tables: t(0.975, 7) = 2.3646, t(0.975, 1) = 12.7062, t(0.975, 30) = 2.0423", () => {
    expect(studentTQuantile(0.975, 7)).toBeCloseTo(2.364624, 5);
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706205, 4);
    expect(studentTQuantile(0.975, 30)).toBeCloseTo(2.042272, 5);
  });
  it('t interval of 1, 1, 2: mean 4/3 ± 4.3027 · 0.5774/√3', () => {
    const i = meanInterval([1, 1, 2]);
    expect(i?.lower).toBeCloseTo(4 / 3 - (4.302653 * Math.sqrt(1 / 3)) / Math.sqrt(3), 5);
    expect(i?.upper).toBeCloseTo(4 / 3 + (4.302653 * Math.sqrt(1 / 3)) / Math.sqrt(3), 5);
    expect(meanInterval([5])).toBeUndefined();
  });
  it('Fisher exact: the lady tasting tea [[3,1],[1,3]] gives p = 34/70 = 0.4857', () => {
    expect(fisherExact(3, 1, 1, 3)).toBeCloseTo(34 / 70, 10);
    expect(fisherExact(10, 0, 0, 10)).toBeCloseTo(2 / 184756, 12);
  });
  it('Fisher exact agrees with a BigInt brute force on larger tables', () => {
    for (const [a, b, c, d] of [
      [8, 32, 20, 20],
      [3, 27, 12, 18],
      [50, 110, 60, 100],
    ] as const)
      expect(fisherExact(a, b, c, d)).toBeCloseTo(fisherBig(a, b, c, d), 9);
  });
  it('Holm: 0.01, 0.04, 0.03 → 0.03, 0.06, 0.06', () => {
    const h = holm([0.01, 0.04, undefined, 0.03]);
    expect(h[0]).toBeCloseTo(0.03, 12);
    expect(h[1]).toBeCloseTo(0.06, 12);
    expect(h[2]).toBeUndefined();
    expect(h[3]).toBeCloseTo(0.06, 12);
  });
  it('head counts: 10% of 7 is at most 0 (exact), 1 (nearest, lenient); 60% of 7 is at least 5 (exact), 4 (nearest, lenient)', () => {
    expect(headCount(10, 7, 'max', 'exact')).toBe(0);
    expect(headCount(10, 7, 'max', 'nearest')).toBe(1);
    expect(headCount(10, 7, 'max', 'lenient')).toBe(1);
    expect(headCount(60, 7, 'min', 'exact')).toBe(5);
    expect(headCount(60, 7, 'min', 'nearest')).toBe(4);
    expect(headCount(60, 7, 'min', 'lenient')).toBe(4);
    // No floating-point drift: 70% of 10 is exactly 7 either way.
    expect(headCount(70, 10, 'max', 'exact')).toBe(7);
    expect(headCount(70, 10, 'min', 'exact')).toBe(7);
  });
  it('the cluster bootstrap is seeded: same seed, same interval', () => {
    const data = [1, 4, 2, 8, 5, 7, 3, 3];
    const a = clusterBootstrap(data, mean, { seed: 9 });
    expect(a).toEqual(clusterBootstrap(data, mean, { seed: 9 }));
    expect(a?.lower).toBeLessThan(a?.estimate as number);
    expect(a?.upper).toBeGreaterThan(a?.estimate as number);
  });
});
