import type { Role } from '@kinerja/core';
import { describe, expect, it } from 'vitest';
import type { RatingObservation } from '../../src/audit/Cohort.js';
import { extractRatings } from '../../src/audit/extractRatings.js';
import { fitRaterEffects } from '../../src/audit/raterEffects.js';
import { simulateCohort, simulationRubric } from '../../src/audit/simulateCohort.js';
import { contrastVariances } from '../../src/audit/stats/contrastVariances.js';
import { type DesignUnit, raterDesign } from '../../src/audit/stats/raterDesign.js';
import { seededRandom } from '../../src/audit/stats/seededRandom.js';

/** [ratee, indicator, rater, value] → observations (role from the rater's name). */
const obs = (rows: ReadonlyArray<readonly [string, string, string, number]>): RatingObservation[] =>
  rows.map(([ratee, indicator, rater, value], index) => ({
    ratee,
    index,
    group: 'perilaku',
    indicator,
    rater,
    role: (rater.startsWith('S') ? 'supervisor' : 'peer') as Role,
    value,
  }));

/**
 * A supervisor S of 8 people; person t is also rated by the peers P(t+1) and P(t+2) of the same team, so each
 * peer rates 2 people: their own leniency is estimated from 2 people only, which is what the paired formula left
 * out. Two indicators; the values are a person level plus a deterministic wobble (the variance does not depend on
 * them, only σ̂² does). `skip` drops one peer's rating of one person on one indicator, so that person's two units
 * have different raters (the noise matrix is then not proportional to the normal matrix).
 */
function team(skip = false): RatingObservation[] {
  const rows: Array<[string, string, string, number]> = [];
  for (let t = 0; t < 8; t++) {
    const raters = ['S', `P${(t + 1) % 8}`, `P${(t + 2) % 8}`];
    raters.forEach((rater, r) => {
      for (const [k, indicator] of ['k1', 'k2'].entries()) {
        if (skip && t === 3 && r === 2 && k === 1) continue;
        rows.push([`p${t}`, indicator, rater, 3 + (t % 3) * 0.4 + Math.sin(5 * t + 3 * r + 7 * k) * 0.5]);
      }
    });
  }
  return obs(rows);
}

/**
 * Var(estimate_r)/σ² straight from the least squares, independently of the variance code: the estimate is linear
 * in the ratings, so adding 1 to every rating of one rater × ratee cell (one cell error) moves it by that cell's
 * weight, and the variance with independent cell errors of variance σ² is σ² Σ weight².
 */
function byPerturbation(ratings: readonly RatingObservation[]): Map<string, number> {
  const base = new Map(fitRaterEffects(ratings).raters.map((r) => [r.rater, r.estimate]));
  const cells = [...new Set(ratings.map((r) => `${r.rater}\u0000${r.ratee}`))];
  const out = new Map([...base.keys()].map((r) => [r, 0]));
  for (const cell of cells) {
    const moved = ratings.map((r) =>
      `${r.rater}\u0000${r.ratee}` === cell ? { ...r, value: r.value + 1 } : r,
    );
    for (const r of fitRaterEffects(moved).raters)
      out.set(r.rater, (out.get(r.rater) as number) + (r.estimate - (base.get(r.rater) as number)) ** 2);
  }
  return out;
}

/** The paired formula this package used before, over σ̂²: Σ_i k_i/(k_i − 1) / n² over the n people each rated. */
function pairedFactors(ratings: readonly RatingObservation[]): Map<string, number> {
  const ratersOf = new Map<string, Set<string>>();
  for (const r of ratings) ratersOf.set(r.ratee, (ratersOf.get(r.ratee) ?? new Set()).add(r.rater));
  const sums = new Map<string, { sum: number; n: number }>();
  for (const raters of ratersOf.values())
    for (const rater of raters) {
      const s = sums.get(rater) ?? { sum: 0, n: 0 };
      s.sum += raters.size / (raters.size - 1);
      s.n += 1;
      sums.set(rater, s);
    }
  return new Map([...sums].map(([rater, s]) => [rater, s.sum / (s.n * s.n)]));
}

describe('the sampling variance of a rater’s estimate', () => {
  it('is the variance of the least-squares contrast, the co-raters’ estimation error included', () => {
    for (const skip of [false, true]) {
      const ratings = team(skip);
      const fit = fitRaterEffects(ratings);
      expect(fit.converged).toBe(true);
      const exact = byPerturbation(ratings);
      for (const r of fit.raters)
        expect(r.variance / fit.residualVariance).toBeCloseTo(exact.get(r.rater) as number, 7);
    }
  });

  it('equals σ² c′M⁺c of the cell-level model when every person’s indicators have the same raters', () => {
    // M = Σ over people of (I − J/k) on their k raters (the normal matrix of rater × ratee cell means after the
    // person means are absorbed); one component, so M⁺ = (M + J/m)⁻¹ − J/m. c: the rater minus the mean of the
    // other m − 1. Computed densely here, by Gauss–Jordan.
    const ratings = team();
    const fit = fitRaterEffects(ratings);
    const ids = fit.raters.map((r) => r.rater);
    const m = ids.length;
    const at = new Map(ids.map((id, i) => [id, i]));
    const M = Array.from({ length: m }, () => new Array<number>(m).fill(1 / m));
    const ratersOf = new Map<string, Set<string>>();
    for (const r of ratings) ratersOf.set(r.ratee, (ratersOf.get(r.ratee) ?? new Set()).add(r.rater));
    for (const raters of ratersOf.values()) {
      const k = raters.size;
      for (const a of raters)
        for (const b of raters) {
          const row = M[at.get(a) as number] as number[];
          row[at.get(b) as number] = (row[at.get(b) as number] as number) + (a === b ? 1 : 0) - 1 / k;
        }
    }
    const inverse = ids.map((_, i) => ids.map((_, j) => (i === j ? 1 : 0)));
    for (let c = 0; c < m; c++) {
      const pivot = (M[c] as number[])[c] as number;
      for (let j = 0; j < m; j++) {
        (M[c] as number[])[j] = ((M[c] as number[])[j] as number) / pivot;
        (inverse[c] as number[])[j] = ((inverse[c] as number[])[j] as number) / pivot;
      }
      for (let r = 0; r < m; r++) {
        if (r === c) continue;
        const f = (M[r] as number[])[c] as number;
        for (let j = 0; j < m; j++) {
          (M[r] as number[])[j] = ((M[r] as number[])[j] as number) - f * ((M[c] as number[])[j] as number);
          (inverse[r] as number[])[j] =
            ((inverse[r] as number[])[j] as number) - f * ((inverse[c] as number[])[j] as number);
        }
      }
    }
    const pinv = (i: number, j: number) => ((inverse[i] as number[])[j] as number) - 1 / m;
    for (const r of fit.raters) {
      const i = at.get(r.rater) as number;
      const c = ids.map((_, j) => (j === i ? 1 : -1 / (m - 1)));
      let quadratic = 0;
      for (let a = 0; a < m; a++)
        for (let b = 0; b < m; b++) quadratic += (c[a] as number) * pinv(a, b) * (c[b] as number);
      expect(r.variance / fit.residualVariance).toBeCloseTo(quadratic, 10);
    }
  });

  it('is larger than the paired formula when co-raters rate few people', () => {
    // Each peer rates 2 people: their own effects are poorly known, and so is the mean each peer is compared with.
    // The paired formula left that out: the exact variance is 1.149 times it for every peer here. (For S it is the
    // same: the design is balanced around S — every person has two peers who each rate two of S's people — and
    // the least squares reduce to the paired contrast.)
    const ratings = team();
    const fit = fitRaterEffects(ratings);
    const paired = pairedFactors(ratings);
    const exact = byPerturbation(ratings);
    for (const r of fit.raters) {
      const ratio = (exact.get(r.rater) as number) / (paired.get(r.rater) as number);
      if (r.rater === 'S') expect(ratio).toBeCloseTo(1, 7);
      else expect(ratio).toBeGreaterThan(1.14);
      expect(r.variance / fit.residualVariance / (paired.get(r.rater) as number)).toBeCloseTo(ratio, 7);
    }
  });

  it('is the paired formula on complete designs, where that one is exact', () => {
    // Every rater rates every person: k/(k − 1)/n for everyone, as the two-way ANOVA gives.
    const rows: Array<[string, string, string, number]> = [];
    for (let i = 0; i < 5; i++)
      for (const rater of ['S', 'P1', 'P2', 'P3'])
        rows.push([`p${i}`, 'k', rater, 3 + Math.sin(3 * i + rater.length)]);
    const fit = fitRaterEffects(obs(rows));
    for (const r of fit.raters) expect(r.variance / fit.residualVariance).toBeCloseTo(4 / 3 / 5, 12);
  });
});

describe('contrastVariances', () => {
  /** 12 teams of 6 (a supervisor, each person rated by 2 team peers), chained: the last peer also rates the next team. */
  function chained(): { units: DesignUnit[]; raters: number } {
    const units: DesignUnit[] = [];
    let ratee = 0;
    const teams = 12;
    const size = 6;
    const supervisor = (s: number) => s * (size + 1);
    const peer = (s: number, t: number) => s * (size + 1) + 1 + (t % size);
    for (let s = 0; s < teams; s++)
      for (let t = 0; t < size; t++) {
        const raters = [supervisor(s), peer(s, t + 1), peer(s, t + 2)];
        if (t === 0 && s > 0) raters.push(peer(s - 1, size - 1));
        for (let k = 0; k < 3; k++) units.push({ ratee, raters });
        ratee += 1;
      }
    return { units, raters: teams * (size + 1) };
  }

  /** c'M⁺BM⁺c / σ² by dense algebra: M and B summed person by person, M⁺ by Gauss–Jordan on M + J/m. */
  function dense(units: readonly DesignUnit[], raters: readonly number[]): Map<number, number> {
    const m = raters.length;
    const at = new Map(raters.map((r, i) => [r, i]));
    const M = Array.from({ length: m }, () => new Float64Array(m));
    const B = Array.from({ length: m }, () => new Float64Array(m));
    const byRatee = new Map<number, DesignUnit[]>();
    for (const u of units) byRatee.set(u.ratee, [...(byRatee.get(u.ratee) ?? []), u]);
    for (const list of byRatee.values()) {
      const Mi = Array.from({ length: m }, () => new Float64Array(m));
      for (const u of list)
        for (const a of u.raters)
          for (const b of u.raters) {
            const row = Mi[at.get(a) as number] as Float64Array;
            const j = at.get(b) as number;
            row[j] = (row[j] as number) + (a === b ? 1 : 0) - 1 / u.raters.length;
          }
      for (let i = 0; i < m; i++)
        for (let j = 0; j < m; j++) {
          let square = 0;
          for (let k = 0; k < m; k++)
            square += ((Mi[i] as Float64Array)[k] as number) * ((Mi[k] as Float64Array)[j] as number);
          (M[i] as Float64Array)[j] =
            ((M[i] as Float64Array)[j] as number) + ((Mi[i] as Float64Array)[j] as number);
          (B[i] as Float64Array)[j] = ((B[i] as Float64Array)[j] as number) + square;
        }
    }
    const A = M.map((row) => row.map((x) => x + 1 / m));
    const inverse = Array.from({ length: m }, (_, i) =>
      Float64Array.from({ length: m }, (_, j) => (i === j ? 1 : 0)),
    );
    for (let c = 0; c < m; c++) {
      const rowC = A[c] as Float64Array;
      const invC = inverse[c] as Float64Array;
      const pivot = rowC[c] as number;
      for (let j = 0; j < m; j++) {
        rowC[j] = (rowC[j] as number) / pivot;
        invC[j] = (invC[j] as number) / pivot;
      }
      for (let r = 0; r < m; r++) {
        if (r === c) continue;
        const f = (A[r] as Float64Array)[c] as number;
        for (let j = 0; j < m; j++) {
          (A[r] as Float64Array)[j] = ((A[r] as Float64Array)[j] as number) - f * (rowC[j] as number);
          (inverse[r] as Float64Array)[j] =
            ((inverse[r] as Float64Array)[j] as number) - f * (invC[j] as number);
        }
      }
    }
    const out = new Map<number, number>();
    raters.forEach((r, i) => {
      // w = M⁺c with c = e_r − (1 − e_r)/(m − 1); M⁺ = (M + J/m)⁻¹ − J/m and J c = 0.
      const w = Float64Array.from({ length: m }, (_, a) => {
        let sum = 0;
        for (let b = 0; b < m; b++)
          sum += ((inverse[a] as Float64Array)[b] as number) * (b === i ? 1 : -1 / (m - 1));
        return sum;
      });
      let quadratic = 0;
      for (let a = 0; a < m; a++)
        for (let b = 0; b < m; b++)
          quadratic += (w[a] as number) * ((B[a] as Float64Array)[b] as number) * (w[b] as number);
      out.set(r, quadratic);
    });
    return out;
  }

  /** 60 people in teams of 6, each rated by their supervisor and 3 peers drawn from all 60 (seeded). */
  function mixed(): DesignUnit[] {
    const random = seededRandom(4);
    const units: DesignUnit[] = [];
    for (let i = 0; i < 60; i++) {
      const raters = new Set([60 + Math.floor(i / 6)]);
      while (raters.size < 4) {
        const p = random.int(60);
        if (p !== i) raters.add(p);
      }
      for (let k = 0; k < 3; k++) units.push({ ratee: i, raters: [...raters] });
    }
    return units;
  }

  it('agrees with dense algebra, through the pair table and the dense stage alike', () => {
    // The chain is eliminated mostly rater by rater through the pair table; the mixed design mostly densely.
    const { units, raters } = chained();
    const all = Array.from({ length: raters }, (_, r) => r);
    const chain = contrastVariances(raterDesign(raters, units)).variances;
    for (const [r, v] of dense(units, all)) expect((chain[r] as number) / v).toBeCloseTo(1, 10);
    const mixedUnits = mixed();
    const rated = [...new Set(mixedUnits.flatMap((u) => u.raters))].sort((a, b) => a - b);
    const mix = contrastVariances(raterDesign(70, mixedUnits)).variances;
    for (const [r, v] of dense(mixedUnits, rated)) expect((mix[r] as number) / v).toBeCloseTo(1, 10);
  });

  it('computes every rater exactly within the budget, and deterministically', () => {
    const { units, raters } = chained();
    const a = contrastVariances(raterDesign(raters, units));
    const b = contrastVariances(raterDesign(raters, units));
    expect([...a.exact].every((e) => e === 1)).toBe(true);
    expect(Buffer.from(a.variances.buffer).equals(Buffer.from(b.variances.buffer))).toBe(true);
  });

  it('beyond the budget, the co-rater approximation: a little below the exact variance on a well-mixed design', () => {
    // Peers drawn across the whole cohort: raters more than one step away are well tied to the rest, so taking
    // them as known misses little.
    const units = mixed();
    const rated = [...new Set(units.flatMap((u) => u.raters))];
    const design = raterDesign(70, units);
    const exact = contrastVariances(design);
    const local = contrastVariances(design, 0);
    expect(rated.every((r) => exact.exact[r] === 1 && local.exact[r] === 0)).toBe(true);
    for (const r of rated) {
      const ratio = (local.variances[r] as number) / (exact.variances[r] as number);
      expect(ratio).toBeLessThanOrEqual(1 + 1e-9);
      expect(ratio).toBeGreaterThan(0.95);
    }
  });

  it('on weakly linked teams the approximation misses most of it, but those are cheap to compute exactly', () => {
    // The chain: a rater's estimate is measured against raters up to 11 teams away, linked by one peer each.
    const { units, raters } = chained();
    const design = raterDesign(raters, units);
    const exact = contrastVariances(design);
    const local = contrastVariances(design, 0);
    const ratios = [...local.variances].map((v, r) => v / (exact.variances[r] as number));
    expect(Math.min(...ratios)).toBeLessThan(0.3);
    expect([...exact.exact].every((e) => e === 1)).toBe(true);
  });

  it('the co-rater approximation is exact when the co-raters are the whole component', () => {
    const units: DesignUnit[] = [];
    for (let i = 0; i < 4; i++) units.push({ ratee: i, raters: [0, 1, 2] }, { ratee: i, raters: [0, 1, 2] });
    units.push({ ratee: 4, raters: [0, 3] }, { ratee: 5, raters: [1, 3] });
    const design = raterDesign(4, units);
    const exact = contrastVariances(design).variances;
    const local = contrastVariances(design, 0).variances;
    // Rater 0 and 1 share people with everyone; 2 and 3 do not.
    for (const r of [0, 1]) expect(local[r]).toBeCloseTo(exact[r] as number, 12);
  });
});

describe('calibration on simulated cohorts (fixed seeds)', () => {
  it('the squared estimates of raters with no leniency average their stated variance', () => {
    // 30 seeded cohorts, 10 teams of 24, 4 peers per person, no normal leniency (b = 0): every estimate is pure
    // sampling error, so Σ estimate² / Σ variance should be 1; over about 7 500 raters it printed 0.997. The paired
    // formula, which leaves out the error of the peers' own effects (each peer rates about 4 people), printed
    // 1.057: its variances run 5–6% small. Raters are correlated within a cohort (σ̂², shared people), so the
    // bounds are wider than 7 500 independent raters would need.
    const rubric = simulationRubric();
    let squares = 0;
    let stated = 0;
    let paired = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const ratings = extractRatings(simulateCohort({ seed, rubric, rateesPerSupervisor: 24, raterSd: 0 }));
      const fit = fitRaterEffects(ratings);
      const factors = pairedFactors(ratings);
      for (const r of fit.raters) {
        squares += r.estimate ** 2;
        stated += r.variance;
        paired += fit.residualVariance * (factors.get(r.rater) as number);
      }
    }
    expect(squares / stated).toBeGreaterThan(0.97);
    expect(squares / stated).toBeLessThan(1.03);
    expect(squares / paired).toBeGreaterThan(1.03);
  }, 120_000);
});
