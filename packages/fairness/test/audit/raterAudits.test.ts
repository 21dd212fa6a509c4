import type { Role } from '@kinerja/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RatingObservation } from '../../src/audit/Cohort.js';
import { centralTendency } from '../../src/audit/centralTendency.js';
import { halo } from '../../src/audit/halo.js';
import { interRaterAgreement } from '../../src/audit/interRaterAgreement.js';
import { fitRaterEffects } from '../../src/audit/raterEffects.js';
import { raterLeniency } from '../../src/audit/raterLeniency.js';
import { studentTQuantile } from '../../src/audit/stats/studentT.js';
import { supervisorDivergence } from '../../src/audit/supervisorDivergence.js';

/** [ratee, indicator, rater, role, value] → observations. */
const obs = (rows: Array<[string, string, string, Role, number]>): RatingObservation[] =>
  rows.map(([ratee, indicator, rater, role, value], index) => ({
    ratee,
    index,
    group: 'perilaku',
    indicator,
    rater,
    role,
    value,
  }));

describe('rater leniency, by hand', () => {
  // One indicator, every rater rates every ratee: the crossed model is the two-way ANOVA without replication.
  //        A  B  C   ratee mean
  //   x:   4  3  3   10/3
  //   y:   5  4  4   13/3
  //   z:   4  2  2    8/3
  // rater means 13/3, 3, 3; grand mean 31/9. Residuals y − row − column + grand: x (−2/9, 1/9, 1/9),
  // y (−2/9, 1/9, 1/9), z (4/9, −2/9, −2/9) → RSS 36/81 = 4/9 on (3 − 1)(3 − 1) = 4 df → σ̂² = 1/9.
  // A against the mean of B and C: 13/3 − 3 = 4/3, variance σ̂² · 3 · (3/2) / 3² = 1/18;
  // 95% interval 4/3 ± t(0.975, 4) · √(1/18) = 4/3 ± 2.776445 · 0.2357023 = [0.678922, 1.987744].
  // Spread: estimates 4/3, −2/3, −2/3, each with variance 1/18; none clipped at 1.5, so Huber's equation reads
  // (16/9 + 4/9 + 4/9) / (3 s²) = β = 0.7784652 → s² = v + τ² = (8/9)/β = 1.1418483 → τ² = 1.0862927;
  // z of A = (4/3)/√1.1418483 = 1.333333/1.068573 = 1.247770: not flagged (needs p < 0.025, z > 1.96).
  const ratings = obs([
    ['x', 'k', 'A', 'peer', 4],
    ['x', 'k', 'B', 'peer', 3],
    ['x', 'k', 'C', 'peer', 3],
    ['y', 'k', 'A', 'peer', 5],
    ['y', 'k', 'B', 'peer', 4],
    ['y', 'k', 'C', 'peer', 4],
    ['z', 'k', 'A', 'peer', 4],
    ['z', 'k', 'B', 'peer', 2],
    ['z', 'k', 'C', 'peer', 2],
  ]);
  it('estimates each rater against the others with the crossed model and a pooled t interval', () => {
    const audit = raterLeniency(ratings);
    const a = audit.raters.find((r) => r.rater === 'A');
    expect(audit.raters[0]?.rater).toBe('A');
    expect(audit.df).toBe(4);
    expect(audit.residualSd).toBeCloseTo(1 / 3, 12);
    expect(a?.interval?.estimate).toBeCloseTo(4 / 3, 9);
    expect(a?.interval?.lower).toBeCloseTo(0.678922, 5);
    expect(a?.interval?.upper).toBeCloseTo(1.987744, 5);
    expect(a?.interval?.method).toBe('crossed model, pooled t (df 4)');
    expect(audit.raters.find((r) => r.rater === 'B')?.interval?.estimate).toBeCloseTo(-2 / 3, 9);
  });
  it('tests against the normal spread between raters: A is not beyond it', () => {
    const audit = raterLeniency(ratings);
    const a = audit.raters.find((r) => r.rater === 'A');
    expect(audit.spread ** 2).toBeCloseTo(1.0862927, 6);
    expect(a?.test?.z).toBeCloseTo(1.24777, 5);
    expect(a?.flag).toBeUndefined();
    expect(audit.alpha).toBe(0.05);
    expect(audit.margin).toBe(0);
  });
  it('flags a rater far beyond the spread of many others, and nobody in a fair group', () => {
    // 12 raters × 10 ratees, one indicator; rater effects from a fixed list, a deterministic wobble as noise;
    // rater L adds 2 points. Everyone else differs by at most 0.1.
    const raters = ['L', ...Array.from({ length: 11 }, (_, r) => `R${r}`)];
    const rows: Array<[string, string, string, Role, number]> = [];
    for (let i = 0; i < 10; i++)
      raters.forEach((rater, r) => {
        const effect = rater === 'L' ? 2 : ((r % 3) - 1) * 0.05;
        rows.push([`p${i}`, 'k', rater, 'peer', 3 + (i % 4) * 0.3 + effect + Math.sin(7 * i + 3 * r) * 0.4]);
      });
    const audit = raterLeniency(obs(rows));
    expect(audit.raters[0]?.rater).toBe('L');
    expect(audit.raters[0]?.flag).toBe('lenient');
    expect(audit.raters.filter((r) => r.flag).map((r) => r.rater)).toEqual(['L']);
    // Without L, nobody.
    expect(raterLeniency(obs(rows.filter((x) => x[2] !== 'L'))).raters.some((r) => r.flag)).toBe(false);
  });
  it('a margin shifts the test; self-ratings are left out by default', () => {
    const withSelf = [...ratings, ...obs([['x', 'k', 'x', 'self', 5]])];
    expect(raterLeniency(withSelf).raters.map((r) => r.rater)).not.toContain('x');
    const a = raterLeniency(ratings, { margin: 0.5 }).raters.find((r) => r.rater === 'A');
    expect(a?.test?.z).toBeCloseTo((4 / 3 - 0.5) / Math.sqrt(1.1418483), 5);
  });
});

describe('the crossed rater × ratee model', () => {
  it('recovers additive rater effects exactly on an incomplete design, blaming co-raters less than pairs do', () => {
    // A supervisor S rates 4 people; each of 4 peers rates 2 of them. Ratings are exactly level + effect on two
    // indicators: S is +1, the peers 0, 0.2, −0.2, 0. Each estimate is the rater's effect minus the mean of the
    // four other raters'. The paired contrast "rater − mean of the others on the same unit" would put P1 at
    // mean(0 − (1 + 0.2)/2, 0 − (1 + 0)/2) = −0.55; the model at 0 − (1 + 0.2 − 0.2 + 0)/4 = −0.25.
    const level: Record<string, number> = { a: 3, b: 2.5, c: 4, d: 3.5 };
    const effect: Record<string, number> = { S: 1, P1: 0, P2: 0.2, P3: -0.2, P4: 0 };
    const plan: Array<[string, string[]]> = [
      ['a', ['S', 'P1', 'P2']],
      ['b', ['S', 'P2', 'P3']],
      ['c', ['S', 'P3', 'P4']],
      ['d', ['S', 'P4', 'P1']],
    ];
    const rows: Array<[string, string, string, Role, number]> = [];
    for (const [ratee, raters] of plan)
      for (const rater of raters)
        for (const [k, shift] of [
          ['k1', 0],
          ['k2', 0.5],
        ] as const)
          rows.push([
            ratee,
            k,
            rater,
            rater === 'S' ? 'supervisor' : 'peer',
            (level[ratee] as number) + shift + (effect[rater] as number),
          ]);
    const fit = fitRaterEffects(obs(rows));
    expect(fit.converged).toBe(true);
    const estimate = (r: string) => fit.raters.find((x) => x.rater === r)?.estimate;
    expect(estimate('S')).toBeCloseTo(1 - 0 / 4, 9);
    expect(estimate('P1')).toBeCloseTo(0 - 1 / 4, 9);
    expect(estimate('P2')).toBeCloseTo(0.2 - 0.8 / 4, 9);
    expect(estimate('P3')).toBeCloseTo(-0.2 - 1.2 / 4, 9);
    expect(estimate('P4')).toBeCloseTo(0 - 1 / 4, 9);
    expect(fit.residualVariance).toBeCloseTo(0, 12);
    // Cells 12, ratees 4, raters 5, one component: df = 12 − 4 − 5 + 1 = 4.
    expect(fit.df).toBe(4);
  });
  it('centres each group of connected raters on its own: two teams that share nobody', () => {
    const rows: Array<[string, string, string, Role, number]> = [
      ['a', 'k', 'S1', 'supervisor', 5],
      ['a', 'k', 'P1', 'peer', 4],
      ['b', 'k', 'S1', 'supervisor', 4],
      ['b', 'k', 'P1', 'peer', 3],
      ['c', 'k', 'S2', 'supervisor', 2],
      ['c', 'k', 'P2', 'peer', 2],
      ['d', 'k', 'S2', 'supervisor', 3],
      ['d', 'k', 'P2', 'peer', 3],
    ];
    const fit = fitRaterEffects(obs(rows));
    const byId = new Map(fit.raters.map((r) => [r.rater, r]));
    expect(byId.get('S1')?.estimate).toBeCloseTo(1, 9);
    expect(byId.get('P1')?.estimate).toBeCloseTo(-1, 9);
    expect(byId.get('S2')?.estimate).toBeCloseTo(0, 9);
    expect(byId.get('S1')?.component).toBe(2);
  });
  it('agrees with the closed-form two-way ANOVA on complete designs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 3, max: 6 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 36, maxLength: 36 }),
        (I, R, values) => {
          const y = (i: number, r: number) => values[(i * R + r) % values.length] as number;
          const rows: Array<[string, string, string, Role, number]> = [];
          for (let i = 0; i < I; i++)
            for (let r = 0; r < R; r++) rows.push([`p${i}`, 'k', `r${r}`, 'peer', y(i, r)]);
          const fit = fitRaterEffects(obs(rows));
          const col = (r: number) =>
            Array.from({ length: I }, (_, i) => y(i, r)).reduce((a, b) => a + b, 0) / I;
          const row = (i: number) =>
            Array.from({ length: R }, (_, r) => y(i, r)).reduce((a, b) => a + b, 0) / R;
          const grand = Array.from({ length: R }, (_, r) => col(r)).reduce((a, b) => a + b, 0) / R;
          let rss = 0;
          for (let i = 0; i < I; i++)
            for (let r = 0; r < R; r++) rss += (y(i, r) - row(i) - col(r) + grand) ** 2;
          expect(fit.df).toBe((I - 1) * (R - 1));
          expect(fit.residualVariance).toBeCloseTo(rss / ((I - 1) * (R - 1)), 8);
          for (let r = 0; r < R; r++) {
            const others = (grand * R - col(r)) / (R - 1);
            const e = fit.raters.find((x) => x.rater === `r${r}`);
            expect(e?.estimate).toBeCloseTo(col(r) - others, 8);
            expect(e?.variance).toBeCloseTo(((rss / ((I - 1) * (R - 1))) * R) / (R - 1) / I, 8);
          }
        },
      ),
      { seed: 5, numRuns: 60 },
    );
  });
});

describe('supervisor divergence, by hand', () => {
  // Two indicators. S1 rates p, q; S2 rates r, s; peers P1, P2 rate everyone.
  //   p: S1 (5, 4), peers (4,4) and (3,3) → consensus (3.5, 3.5) → gaps (1.5, 0.5) → 1.0
  //   q: S1 (4, 4), peers (3,4),(3,4) → consensus (3, 4) → gaps (1, 0) → 0.5
  //   r: S2 (3, 3), peers (3,3),(3,3) → 0;  s: S2 (2, 4), peers (3,3),(3,3) → (−1, 1) → 0
  // S1: gap 0.75. Its sampling variance: σ̂² (of the crossed model over all four raters) · Σ_i (1 + 1/2) / 2²,
  // two consensus raters per person.
  const ratings = obs([
    ['p', 'a', 'S1', 'supervisor', 5],
    ['p', 'b', 'S1', 'supervisor', 4],
    ['p', 'a', 'P1', 'peer', 4],
    ['p', 'b', 'P1', 'peer', 4],
    ['p', 'a', 'P2', 'peer', 3],
    ['p', 'b', 'P2', 'peer', 3],
    ['q', 'a', 'S1', 'supervisor', 4],
    ['q', 'b', 'S1', 'supervisor', 4],
    ['q', 'a', 'P1', 'peer', 3],
    ['q', 'b', 'P1', 'peer', 4],
    ['q', 'a', 'P2', 'peer', 3],
    ['q', 'b', 'P2', 'peer', 4],
    ['r', 'a', 'S2', 'supervisor', 3],
    ['r', 'b', 'S2', 'supervisor', 3],
    ['r', 'a', 'P1', 'peer', 3],
    ['r', 'b', 'P1', 'peer', 3],
    ['r', 'a', 'P2', 'peer', 3],
    ['r', 'b', 'P2', 'peer', 3],
    ['s', 'a', 'S2', 'supervisor', 2],
    ['s', 'b', 'S2', 'supervisor', 4],
    ['s', 'a', 'P1', 'peer', 3],
    ['s', 'b', 'P1', 'peer', 3],
    ['s', 'a', 'P2', 'peer', 3],
    ['s', 'b', 'P2', 'peer', 3],
  ]);
  it('averages supervisor − consensus per ratee, then over ratees, ranked by size', () => {
    const audit = supervisorDivergence(ratings, { baseline: 'zero' });
    expect(audit.supervisors.map((s) => [s.supervisor, s.gap])).toEqual([
      ['S1', 0.75],
      ['S2', 0],
    ]);
    expect(audit.roleGap).toBeCloseTo(0.375, 12);
    const s1 = audit.supervisors[0];
    const fit = fitRaterEffects(ratings);
    const se = Math.sqrt((fit.residualVariance * 2 * 1.5) / 4);
    expect(s1?.interval?.lower).toBeCloseTo(0.75 - studentTQuantile(0.975, fit.df) * se, 9);
    expect(s1?.interval?.method).toBe(`pooled t (df ${fit.df})`);
    expect(s1?.test?.z).toBeCloseTo(0.75 / Math.sqrt(se * se + fit.spread2), 9);
  });
  it('against the cohort baseline subtracts the median of the other supervisors’ gaps', () => {
    const audit = supervisorDivergence(ratings);
    const s1 = audit.supervisors.find((s) => s.supervisor === 'S1');
    expect(s1?.baseline).toBe(0);
    expect(audit.supervisors.find((s) => s.supervisor === 'S2')?.baseline).toBe(0.75);
    expect(s1?.interval?.estimate).toBe(0.75);
  });
});

describe('central tendency and halo, by hand', () => {
  // M gives 3 to everyone on everything; O1 and O2 spread 1–5 and vary across indicators.
  const people = ['a', 'b', 'c', 'd', 'e', 'f'];
  const levels = [1, 2, 3, 4, 5, 3];
  const rows: Array<[string, string, string, Role, number]> = [];
  people.forEach((p, i) => {
    const l = levels[i] as number;
    rows.push([p, 'k1', 'M', 'peer', 3], [p, 'k2', 'M', 'peer', 3]);
    rows.push([p, 'k1', 'O1', 'peer', l], [p, 'k2', 'O1', 'peer', Math.max(1, l - 1)]);
    rows.push([p, 'k1', 'O2', 'peer', Math.min(5, l + 1)], [p, 'k2', 'O2', 'peer', l]);
  });
  const ratings = obs(rows);
  it('central tendency: M’s SD is 0 against the others’, flagged', () => {
    const audit = centralTendency(ratings, { seed: 3 });
    const m = audit.raters.find((r) => r.rater === 'M');
    expect(m?.sd).toBe(0);
    expect(m?.interval?.estimate).toBe(0);
    expect(m?.flag).toBe('central-tendency');
    expect(audit.raters.find((r) => r.rater === 'O1')?.flag).toBeUndefined();
  });
  it('halo: M straight-lines every ratee (spread 0 where the others see 0.71), flagged', () => {
    const audit = halo(ratings);
    const m = audit.raters.find((r) => r.rater === 'M');
    expect(m?.straightLined).toBe(1);
    expect(audit.raters[0]?.rater).toBe('M');
    expect(m?.flag).toBe('halo');
  });
  it('agreement is computed per indicator and pooled', () => {
    const audit = interRaterAgreement(ratings);
    expect(audit.indicators.map((i) => i.indicator)).toEqual(['perilaku/k1', 'perilaku/k2', '*']);
    expect(audit.indicators[0]?.raters).toBe(3);
    expect(audit.indicators[0]?.units).toBe(6);
  });
});
