import { describe, expect, it } from 'vitest';
import { headCount } from '../../src/audit/headCount.js';
import { clusterBootstrap } from '../../src/audit/stats/clusterBootstrap.js';
import { mean } from '../../src/audit/stats/describe.js';
import { fisherExact, fisherMidP } from '../../src/audit/stats/fisherExact.js';
import { holm } from '../../src/audit/stats/holm.js';
import { meanInterval } from '../../src/audit/stats/meanInterval.js';
import { normalCdf, normalQuantile } from '../../src/audit/stats/normal.js';
import { overdispersion } from '../../src/audit/stats/overdispersion.js';
import { seededRandom } from '../../src/audit/stats/seededRandom.js';
import { spreadTest } from '../../src/audit/stats/spreadTest.js';
import { studentTQuantile } from '../../src/audit/stats/studentT.js';

/** Two-sided Fisher p (or mid-p) by brute force in BigInt, an independent check of the log-gamma version. */
function fisherBig(a: number, b: number, c: number, d: number, mid = false): number {
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
  // In halves, so that mid-p's half weight of the equally likely tables stays an integer.
  let halves = 0n;
  for (let x = Math.max(0, c1 - r2); x <= Math.min(r1, c1); x++) {
    const w = ways(x);
    if (w < observed) halves += 2n * w;
    else if (w === observed) halves += mid ? w : 2n * w;
  }
  return Number((halves * 10n ** 15n) / (2n * choose(r1 + r2, c1))) / 1e15;
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
  it('Fisher mid-p: the tea table gives (1 + 1)/70 + ½ (16 + 16)/70 = 18/70; [[3,7],[6,4]] gives 36920/167960', () => {
    // Hypergeometric weights for the tea table, x = 0..4: 1, 16, 36, 16, 1 (of 70). Less likely than x = 3: x = 0, 4;
    // equally likely: x = 1, 3. For [[3,7],[6,4]], C(10,x)·C(10,9−x) over C(20,9) = 167960: less likely than
    // x = 3 (25200) are 10, 450, 5400 twice (11720); equally likely 25200 twice → 11720 + 25200.
    expect(fisherMidP(3, 1, 1, 3)).toBeCloseTo(18 / 70, 12);
    expect(fisherMidP(3, 7, 6, 4)).toBeCloseTo(36920 / 167960, 12);
    expect(fisherExact(3, 7, 6, 4)).toBeCloseTo(62120 / 167960, 12);
    for (const [a, b, c, d] of [
      [8, 32, 20, 20],
      [3, 27, 12, 18],
      [50, 110, 60, 100],
      [72, 88, 144, 16],
    ] as const) {
      expect(fisherMidP(a, b, c, d)).toBeCloseTo(fisherBig(a, b, c, d, true), 9);
      expect(fisherMidP(a, b, c, d)).toBeLessThan(fisherExact(a, b, c, d));
    }
  });
  it('normal CDF matches the tables (Abramowitz & Stegun 26.1): Φ(1.96) = 0.9750021, Φ(−3) = 0.0013499', () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021, 6);
    expect(normalCdf(1.6448536)).toBeCloseTo(0.95, 6);
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(-3)).toBeCloseTo(0.0013499, 6);
  });
  it('over-dispersion: Huber’s equation solved by hand', () => {
    // β = E[ψ_1.5(Z)²] = 2Φ(1.5) − 1 − 2·1.5·φ(1.5) + 2·1.5²·(1 − Φ(1.5)), with Φ(1.5) = 0.9331928 and
    // φ(1.5) = 0.1295176 (tables): 0.8663856 − 0.3885528 + 0.3006324 = 0.7784652.
    const beta = 0.8663856 - 3 * 0.1295176 + 4.5 * (1 - 0.9331928);
    expect(beta).toBeCloseTo(0.7784652, 6);
    // Estimates ±2 with variance 1, none clipped: 4/(1 + τ²) = β → τ² = 4/β − 1.
    expect(overdispersion([2, -2, 2, -2], [1, 1, 1, 1])).toBeCloseTo(4 / beta - 1, 6);
    // No more spread than sampling explains → 0.
    expect(overdispersion([0.5, -0.5, 0.3], [1, 1, 1])).toBe(0);
    // 19 estimates ±1 and one at 100, all with variance 1: the outlier counts as 1.5² whatever its size:
    // (19/(1 + τ²) + 2.25)/20 = β → τ² = 19/(20β − 2.25) − 1 = 0.4265. Unclipped it would be ≈ 500.
    const ys = [...Array.from({ length: 19 }, (_, i) => (i % 2 === 0 ? 1 : -1)), 100];
    expect(
      overdispersion(
        ys,
        ys.map(() => 1),
      ),
    ).toBeCloseTo(19 / (20 * beta - 2.25) - 1, 6);
    expect(overdispersion([3], [1])).toBe(0);
  });
  it('spread test: z against N(0, v + τ²), shifted by the margin', () => {
    // 0.5 with sampling variance 0.01 and spread² 0.03: z = 0.5/0.2 = 2.5; with margin 0.1, z = 0.4/0.2 = 2.
    const t = spreadTest(0.5, 0.01, 0.03, 0);
    expect(t?.z).toBeCloseTo(2.5, 12);
    expect(t?.pAbove).toBeCloseTo(normalCdf(-2.5), 12);
    expect(t?.pBelow).toBeCloseTo(normalCdf(2.5), 12);
    expect(spreadTest(0.5, 0.01, 0.03, 0.1)?.z).toBeCloseTo(2, 12);
    expect(spreadTest(-0.5, 0.01, 0.03, 0.1)?.pBelow).toBeCloseTo(normalCdf(-2), 12);
    expect(spreadTest(1, 0, 0, 0)).toBeUndefined();
  });
  it('normal quantiles: the table values', () => {
    // z tables: Φ⁻¹(0.975) = 1.959964, Φ⁻¹(0.95) = 1.644854, Φ⁻¹(0.8) = 0.841621, Φ⁻¹(0.01) = −2.326348.
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.95)).toBeCloseTo(1.644854, 5);
    expect(normalQuantile(0.8)).toBeCloseTo(0.841621, 5);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 7);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(() => normalQuantile(1.5)).toThrow(RangeError);
    // alpha 0 flags nobody, so nothing is detectable; the audit still runs.
    expect(spreadTest(0.5, 0.01, 0.03, 0, 0)?.detectable).toBe(Number.POSITIVE_INFINITY);
  });
  it('detectable shift: margin + (z₀.₉₇₅ + z_power)·√(v + τ²), by hand', () => {
    // v 0.0128, τ² 0.01 → sd √0.0228 = 0.1509967; (1.959964 + 1.644854) × 0.1509967 = 0.544316. The information
    // limit of the README at 8 ratees (sd 0.151) says the same: a +0.5 supervisor is caught less than 95% of the time.
    expect(spreadTest(0, 0.0128, 0.01, 0)?.detectable).toBeCloseTo(0.544316, 5);
    // With margin 0.1, alpha 0.1 and power 0.8: 0.1 + (1.644854 + 0.841621) × 0.2 = 0.597295.
    expect(spreadTest(0.3, 0.01, 0.03, 0.1, 0.1, 0.8)?.detectable).toBeCloseTo(0.597295, 5);
  });
  it('detectable shift: a rater shifted by exactly that much is flagged with probability power', () => {
    // Monte Carlo over the tests' own null model: estimate ~ N(shift, v + τ²), flagged when pAbove < alpha/2.
    const random = seededRandom(20261129);
    for (const [v, spread2, margin, power] of [
      [0.0128, 0.01, 0, 0.95],
      [0.04, 0.02, 0.05, 0.8],
    ] as const) {
      const shift = spreadTest(0, v, spread2, margin, 0.05, power)?.detectable as number;
      const draws = 20_000;
      let flagged = 0;
      for (let k = 0; k < draws; k++) {
        const estimate = shift + Math.sqrt(v + spread2) * random.normal();
        if ((spreadTest(estimate, v, spread2, margin)?.pAbove ?? 1) < 0.025) flagged++;
      }
      // Binomial sd at 20,000 draws: ≤ 0.0029 at 0.8, 0.0015 at 0.95; four of them.
      expect(Math.abs(flagged / draws - power)).toBeLessThan(power === 0.95 ? 0.006 : 0.012);
    }
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
