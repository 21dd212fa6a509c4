import { describe, expect, it } from 'vitest';
import { auditCohort } from '../../src/audit/auditCohort.js';
import { extractRatings } from '../../src/audit/extractRatings.js';
import { fitRaterEffects } from '../../src/audit/raterEffects.js';
import { flagOf, raterLeniency } from '../../src/audit/raterLeniency.js';
import { simulateCohort, simulationRubric } from '../../src/audit/simulateCohort.js';
import { spreadDf } from '../../src/audit/spreadDf.js';
import { normalCdf } from '../../src/audit/stats/normal.js';
import { overdispersion, overdispersionFit } from '../../src/audit/stats/overdispersion.js';
import { seededRandom } from '../../src/audit/stats/seededRandom.js';
import { satterthwaiteDf, spreadTest } from '../../src/audit/stats/spreadTest.js';
import { studentTCdf } from '../../src/audit/stats/studentT.js';
import { supervisorDivergence } from '../../src/audit/supervisorDivergence.js';

// β = E[ψ_1.5(Z)²], from tables as in stats.test.ts: Φ(1.5) = 0.9331928, φ(1.5) = 0.1295176.
const beta = 0.8663856 - 3 * 0.1295176 + 4.5 * (1 - 0.9331928);
const k2 = 2.25;

/** Σ g_i(τ²), the estimating equation τ̂² solves (unscaled), for a numerical derivative independent of the code. */
function equation(ys: readonly number[], vs: readonly number[], tau2: number): number {
  let s = 0;
  ys.forEach((y, i) => {
    s += Math.min(k2, (y * y) / ((vs[i] as number) + tau2)) - beta;
  });
  return s;
}

describe('the uncertainty of the normal spread τ̂²', () => {
  it('sandwich variance by hand: 19 estimates ±1 and one clipped outlier, all with variance 1', () => {
    // τ̂² = 19/(20β − 2.25) − 1 (stats.test.ts). The 19 unclipped units have z² = 1/(1 + τ̂²) = (20β − 2.25)/19,
    // g = z² − β and ∂g/∂τ² = −z⁴; the outlier's g is 2.25 − β and does not move with τ².
    const ys = [...Array.from({ length: 19 }, (_, i) => (i % 2 === 0 ? 1 : -1)), 100];
    const fit = overdispersionFit(
      ys,
      ys.map(() => 1),
    );
    const z2 = (20 * beta - 2.25) / 19;
    expect(fit.tau2).toBeCloseTo(1 / z2 - 1, 6);
    const meat = 19 * (z2 - beta) ** 2 + (2.25 - beta) ** 2;
    const bread = 19 * z2 * z2;
    expect(fit.variance).toBeCloseTo(meat / (bread * bread), 6);
    // With every v equal, the equation fixes v + τ², so scaling v by s moves τ̂² by −v per unit of ln s.
    expect(fit.scaleSensitivity).toBeCloseTo(-1, 6);
    expect(
      overdispersion(
        ys,
        ys.map(() => 1),
      ),
    ).toBe(fit.tau2);
  });

  it('at τ̂² = 0 the variance is still the sandwich (evaluated at 0), and τ̂² does not move with σ̂²', () => {
    // 0.5, −0.5, 0.3 with variance 1: Σ min(z², 2.25)/3 = 0.1967 < β, so τ̂² = 0. z² = 0.25, 0.25, 0.09.
    const fit = overdispersionFit([0.5, -0.5, 0.3], [1, 1, 1]);
    expect(fit.tau2).toBe(0);
    const meat = 2 * (0.25 - beta) ** 2 + (0.09 - beta) ** 2;
    // β from 7-digit tables here, from the erfc approximation in the code: agreement to about 1e-7.
    expect(fit.variance).toBeCloseTo(meat / (0.25 + 0.25 + 0.09) ** 2, 6);
    expect(fit.scaleSensitivity).toBe(0);
    // Nothing estimated from fewer than two units: nothing uncertain either.
    expect(overdispersionFit([3], [1])).toEqual({ tau2: 0, variance: 0, scaleSensitivity: 0 });
  });

  it('sandwich: its derivative is the estimating equation’s, checked numerically on a seeded design', () => {
    const random = seededRandom(7);
    const vs = Array.from({ length: 120 }, (_, i) => [0.004, 0.02, 0.035][i % 3] as number);
    const ys = vs.map((v) => Math.sqrt(v + 0.01) * random.normal());
    const fit = overdispersionFit(ys, vs);
    expect(fit.tau2).toBeGreaterThan(0);
    // Zero up to the table β's last digit (about 1e-8 per unit).
    expect(Math.abs(equation(ys, vs, fit.tau2))).toBeLessThan(1e-5);
    // Central difference of Σ g_i at τ̂² (h small enough that no unit crosses the clipping point).
    const h = 1e-7;
    const slope = (equation(ys, vs, fit.tau2 + h) - equation(ys, vs, fit.tau2 - h)) / (2 * h);
    let meat = 0;
    ys.forEach((y, i) => {
      meat += (Math.min(k2, (y * y) / ((vs[i] as number) + fit.tau2)) - beta) ** 2;
    });
    expect(fit.variance / (meat / (slope * slope))).toBeCloseTo(1, 5);
    // The scale sensitivity against re-solving with every variance scaled by 1 ± ε.
    const eps = 1e-5;
    const scaled = (s: number) =>
      overdispersion(
        ys,
        vs.map((v) => v * s),
      );
    expect((scaled(1 + eps) - scaled(1 - eps)) / (2 * eps)).toBeCloseTo(fit.scaleSensitivity, 5);
  });

  it('sandwich: matches the spread of τ̂² over 400 seeded draws of a known design (within 15%)', () => {
    // 250 units as in the validation cohorts (a few precise, most not), true τ² 0.0104.
    const random = seededRandom(20261129);
    const vs = Array.from({ length: 250 }, (_, i) => (i < 10 ? 0.004 : i % 2 === 0 ? 0.02 : 0.03));
    const taus: number[] = [];
    let sandwich = 0;
    for (let r = 0; r < 400; r++) {
      const ys = vs.map((v) => Math.sqrt(v + 0.0104) * random.normal());
      const fit = overdispersionFit(ys, vs);
      taus.push(fit.tau2);
      sandwich += fit.variance / 400;
    }
    const m = taus.reduce((a, b) => a + b, 0) / taus.length;
    const empirical = taus.reduce((a, b) => a + (b - m) ** 2, 0) / (taus.length - 1);
    // The sd of an empirical variance from 400 draws is about 7%; the sandwich is a large-sample figure.
    expect(sandwich / empirical).toBeGreaterThan(0.85);
    expect(sandwich / empirical).toBeLessThan(1.15);
  });
});

describe('effective degrees of freedom and the t reference', () => {
  const fit = { spread2: 0.01, spread2Variance: 1.6e-5, spread2Sensitivity: -0.012, df: 400 };

  it('Satterthwaite by hand: 2·E[S]²/Var(S)', () => {
    // v 0.004: S = 0.014; Var(S) = 1.6e-5 + 2·(0.004 − 0.012)²/400 = 1.6e-5 + 3.2e-7 = 1.632e-5;
    // df = 2·0.014²/1.632e-5 = 3.92e-4/1.632e-5 = 24.01961.
    expect(spreadDf(fit, 0.004)).toBeCloseTo(24.01961, 4);
    expect(satterthwaiteDf(0.014, 1.632e-5)).toBeCloseTo(24.01961, 4);
    // A supervisor measured against one other: S = 0.006 + 2·0.01 = 0.026;
    // Var(S) = 2·(0.006 − 0.024)²/400 + 4·1.6e-5 = 1.62e-6 + 6.4e-5 = 6.562e-5; df = 2·0.026²/6.562e-5 = 20.60347.
    expect(spreadDf(fit, 0.006, 2)).toBeCloseTo(20.60347, 4);
    // Plus an independent baseline variance 0.002 on 8 df (variance 2·0.002²/8 = 1e-6):
    // S = 0.016, Var(S) = 2·(0.004 − 0.012)²/400 + 1.6e-5 + 1e-6 = 1.732e-5; df = 2·0.016²/1.732e-5 = 29.56120.
    expect(spreadDf(fit, 0.004, 1, 0.002, 1e-6)).toBeCloseTo(29.5612, 4);
    // Nothing uncertain: the normal reference.
    expect(satterthwaiteDf(0.014, 0)).toBe(Number.POSITIVE_INFINITY);
  });

  it('a rater with small v against an uncertain τ̂² gets a larger p than the normal reference', () => {
    const df = spreadDf(fit, 0.004);
    // 0.237 against √0.014 = 0.1183216: z = 2.003016. Normal: p = 0.022588 < 0.025, flagged lenient. Student's t
    // on 24.01961 df (scipy.stats.t.sf): p = 0.028292, not flagged.
    const t = spreadTest(0.237, 0.004, 0.01, 0, 0.05, 0.95, df);
    const z = 0.237 / Math.sqrt(0.014);
    expect(t?.z).toBeCloseTo(2.003016, 6);
    expect(t?.df).toBe(df);
    expect(t?.pAbove).toBeCloseTo(studentTCdf(-z, df), 12);
    expect(t?.pAbove).toBeCloseTo(0.028292, 5);
    expect(normalCdf(-z)).toBeCloseTo(0.022588, 5);
    expect(flagOf(t, 0.05)).toBeUndefined();
    expect(flagOf(spreadTest(0.237, 0.004, 0.01, 0), 0.05)).toBe('above');
    // Without df, byte for byte the z test it was.
    expect(spreadTest(0.237, 0.004, 0.01, 0)).toEqual({
      z,
      pAbove: normalCdf(-z),
      pBelow: normalCdf(z),
      detectable: spreadTest(0, 0.004, 0.01, 0)?.detectable,
    });
  });

  it('detectable shift with t quantiles, by hand: (t₀.₉₇₅ + t₀.₉₅ on 24 df)·√(v + τ²)', () => {
    // Tables: t₀.₉₇₅,₂₄ = 2.063899, t₀.₉₅,₂₄ = 1.710882; √0.014 = 0.1183216 → 3.774781 × 0.1183216 = 0.446638.
    expect(spreadTest(0, 0.004, 0.01, 0, 0.05, 0.95, 24)?.detectable).toBeCloseTo(0.446638, 5);
    // The normal figure is smaller: (1.959964 + 1.644854)·0.1183216 = 0.426530.
    expect(spreadTest(0, 0.004, 0.01, 0)?.detectable).toBeCloseTo(0.42653, 5);
    // df 0: nothing is known of the variance, so nothing can be flagged.
    expect(spreadTest(2, 0.004, 0.01, 0, 0.05, 0.95, 0)).toMatchObject({
      pAbove: 0.5,
      pBelow: 0.5,
      detectable: Number.POSITIVE_INFINITY,
    });
  });

  it('size: an estimated variance on ν df is flagged at alpha with the t reference, above it with the normal', () => {
    // The test's own model: estimate ~ N(0, S₀) and the variance it is divided by S₀·χ²_ν/ν, ν = 12.
    const random = seededRandom(11);
    const nu = 12;
    const draws = 20_000;
    let withT = 0;
    let withNormal = 0;
    for (let d = 0; d < draws; d++) {
      const estimate = Math.sqrt(0.014) * random.normal();
      let chi2 = 0;
      for (let j = 0; j < nu; j++) chi2 += random.normal() ** 2;
      const s = (0.014 * chi2) / nu;
      const t = spreadTest(estimate, s, 0, 0, 0.05, 0.95, nu);
      const z = spreadTest(estimate, s, 0, 0);
      if ((t?.pAbove as number) < 0.025 || (t?.pBelow as number) < 0.025) withT++;
      if ((z?.pAbove as number) < 0.025 || (z?.pBelow as number) < 0.025) withNormal++;
    }
    // Binomial sd at 20,000 draws ≈ 0.0015. The normal reference on 12 df: P(|t₁₂| > 1.96) = 0.0736 (scipy).
    expect(Math.abs(withT / draws - 0.05)).toBeLessThan(0.005);
    expect(withNormal / draws).toBeGreaterThan(0.065);
  });
});

describe('the audits carry it', () => {
  const rubric = simulationRubric();

  it('leniency: every rater is tested on t with Satterthwaite df; supervisors of 24 have the fewest', () => {
    const c = simulateCohort({ seed: 5, rubric, rateesPerSupervisor: 24, biasedSupervisor: 2 });
    const ratings = extractRatings(c);
    const audit = raterLeniency(ratings);
    const fit = fitRaterEffects(ratings.filter((r) => r.role !== 'self'));
    expect(audit.spread2Se).toBeCloseTo(Math.sqrt(fit.spread2Variance), 15);
    expect(audit.spread2Se).toBeGreaterThan(0);
    expect(audit.method).toContain('Satterthwaite');
    const supervisors = audit.raters.filter((r) => r.roles.includes('supervisor'));
    const peers = audit.raters.filter((r) => !r.roles.includes('supervisor'));
    for (const r of audit.raters) {
      const test = r.test;
      expect(test?.df).toBeDefined();
      const df = test?.df as number;
      const e = fit.raters.find((x) => x.rater === r.rater);
      expect(df).toBeCloseTo(spreadDf(fit, e?.variance as number), 9);
      expect(test?.pAbove).toBeCloseTo(studentTCdf(-(test?.z as number), df), 12);
    }
    // A supervisor of 24 people (v ≈ 0.004) rests on τ̂²: tens of df. A peer (v several times τ²) on hundreds.
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    const supervisorDf = median(supervisors.map((r) => r.test?.df as number));
    expect(supervisorDf).toBeLessThan(60);
    expect(median(peers.map((r) => r.test?.df as number))).toBeGreaterThan(2 * supervisorDf);
    // Each supervisor's two-sided p is larger than the normal reference gave.
    for (const r of supervisors) {
      const z = r.test?.z as number;
      expect(Math.min(r.test?.pAbove as number, r.test?.pBelow as number)).toBeGreaterThan(
        normalCdf(-Math.abs(z)),
      );
    }
  });

  it('divergence: tested on t too, the biased supervisor still flagged', () => {
    const c = simulateCohort({ seed: 5, rubric, rateesPerSupervisor: 24, biasedSupervisor: 2 });
    const audit = supervisorDivergence(extractRatings(c));
    expect(audit.spread2Se).toBeGreaterThan(0);
    for (const s of audit.supervisors) {
      expect(s.test?.df).toBeGreaterThan(1);
      expect(Number.isFinite(s.test?.df)).toBe(true);
    }
    expect(audit.supervisors.find((s) => s.supervisor === c.truth.biasedSupervisor)?.flag).toBe(
      'above-consensus',
    );
  });

  it('determinism: the same cohort gives the same audit, byte for byte, t tests and all', () => {
    const c = simulateCohort({ seed: 9, rubric, rateesPerSupervisor: 12, biasedSupervisor: 1 });
    const report = auditCohort(c, {});
    const again = auditCohort(
      simulateCohort({ seed: 9, rubric, rateesPerSupervisor: 12, biasedSupervisor: 1 }),
      {},
    );
    expect(JSON.stringify(again)).toBe(JSON.stringify(report));
    // What is compared includes the new figures: every tested rater's df and the spread's standard error.
    const tested = report.leniency.raters.filter((r) => r.test);
    expect(tested.length).toBeGreaterThan(0);
    expect(tested.every((r) => Number.isFinite(r.test?.df))).toBe(true);
    expect(report.leniency.spread2Se).toBeGreaterThan(0);
  });
});
