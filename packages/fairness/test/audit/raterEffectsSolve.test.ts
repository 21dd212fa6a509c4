/**
 * The rater effects are the least-squares solution of the crossed model. These tests check that solution against
 * the normal equations written out densely, on a design where raters are many links apart (teams chained by one
 * peer each, as in a city's hierarchy), which alternating least squares did not solve within its cap.
 */
import type { Role } from '@kinerja/core';
import { describe, expect, it } from 'vitest';
import type { RatingObservation } from '../../src/audit/Cohort.js';
import { fitRaterEffects } from '../../src/audit/raterEffects.js';
import { conjugateGradient } from '../../src/audit/stats/conjugateGradient.js';
import { seededRandom } from '../../src/audit/stats/seededRandom.js';

/**
 * `teams` teams of a supervisor and 7 people; each person is rated by the supervisor and two team peers on three
 * indicators, and the first person of each team also by the last peer of the team before. No rater effect is
 * injected: values are a person level plus noise.
 */
function chained(teams: number): RatingObservation[] {
  const random = seededRandom(teams);
  const out: RatingObservation[] = [];
  const size = 7;
  for (let s = 0; s < teams; s++) {
    for (let t = 0; t < size; t++) {
      const ratee = `p${s}-${t}`;
      const raters: Array<[string, Role]> = [
        [`S${s}`, 'supervisor'],
        [`P${s}-${(t + 1) % size}`, 'peer'],
        [`P${s}-${(t + 2) % size}`, 'peer'],
      ];
      if (t === 0 && s > 0) raters.push([`P${s - 1}-${size - 1}`, 'peer']);
      const level = 3 + random.next();
      for (const [rater, role] of raters)
        for (const indicator of ['k1', 'k2', 'k3'])
          out.push({
            ratee,
            index: out.length,
            group: 'perilaku',
            indicator,
            rater,
            role,
            value: level + (random.next() - 0.5) * 1.2,
          });
    }
  }
  return out;
}

/** ‖Mτ − b‖ / ‖b‖ for the normal equations of the rater effects (person × indicator means absorbed), densely. */
function normalEquationResidual(ratings: readonly RatingObservation[]): number {
  const fit = fitRaterEffects(ratings);
  const index = new Map(fit.raters.map((r, i) => [r.rater, i]));
  const R = fit.raters.length;
  const M = Array.from({ length: R }, () => new Float64Array(R));
  const b = new Float64Array(R);
  const units = new Map<string, RatingObservation[]>();
  for (const o of ratings) {
    const key = `${o.ratee}\u0000${o.indicator}`;
    units.set(key, [...(units.get(key) ?? []), o]);
  }
  for (const unit of units.values()) {
    if (unit.length < 2) continue;
    const mean = unit.reduce((s, o) => s + o.value, 0) / unit.length;
    for (const o of unit) {
      const r = index.get(o.rater) as number;
      b[r] = (b[r] as number) + o.value - mean;
      const row = M[r] as Float64Array;
      row[r] = (row[r] as number) + 1;
      for (const other of unit) {
        const c = index.get(other.rater) as number;
        row[c] = (row[c] as number) - 1 / unit.length;
      }
    }
  }
  // The estimate is τ_r minus the mean of the others in the component: τ_r = estimate · (size − 1) / size.
  const tau = fit.raters.map((r) => (r.estimate * (r.component - 1)) / r.component);
  let residual = 0;
  let norm = 0;
  for (let r = 0; r < R; r++) {
    let s = 0;
    for (let c = 0; c < R; c++) s += ((M[r] as Float64Array)[c] as number) * (tau[c] as number);
    residual += (s - (b[r] as number)) ** 2;
    norm += (b[r] as number) ** 2;
  }
  return Math.sqrt(residual / norm);
}

describe('the crossed model fit', () => {
  it('solves the normal equations on teams chained by one peer each', () => {
    const ratings = chained(20);
    const fit = fitRaterEffects(ratings);
    expect(fit.converged).toBe(true);
    expect(new Set(fit.raters.map((r) => r.component))).toEqual(new Set([160]));
    expect(normalEquationResidual(ratings)).toBeLessThan(1e-9);
  });

  it('solves a long chain (100 teams, 800 raters) too', () => {
    const ratings = chained(100);
    expect(fitRaterEffects(ratings).converged).toBe(true);
    expect(normalEquationResidual(ratings)).toBeLessThan(1e-9);
  });

  it('gives byte-identical estimates for the same ratings', () => {
    const ratings = chained(12);
    expect(JSON.stringify(fitRaterEffects(ratings))).toBe(JSON.stringify(fitRaterEffects(ratings)));
  });
});

describe('conjugateGradient', () => {
  const dense = (M: number[][]) => (p: Float64Array, out: Float64Array) => {
    M.forEach((row, i) => {
      out[i] = row.reduce((s, m, j) => s + m * (p[j] as number), 0);
    });
  };

  it('solves a symmetric positive definite system', () => {
    // [[4, 1], [1, 3]] x = [1, 2]: x = [1/11, 7/11].
    const M = [
      [4, 1],
      [1, 3],
    ];
    const { x, converged } = conjugateGradient(
      dense(M),
      Float64Array.from([1, 2]),
      Float64Array.from([4, 3]),
      1e-14,
      10,
    );
    expect(converged).toBe(true);
    expect(x[0]).toBeCloseTo(1 / 11, 12);
    expect(x[1]).toBeCloseTo(7 / 11, 12);
  });

  it('solves a singular Laplacian system whose right-hand side sums to zero', () => {
    // The path 0 — 1 — 2: L = [[1, −1, 0], [−1, 2, −1], [0, −1, 1]], b = [1, 0, −1]; solutions x = [1, 0, −1] + c.
    const L = [
      [1, -1, 0],
      [-1, 2, -1],
      [0, -1, 1],
    ];
    const { x, converged } = conjugateGradient(
      dense(L),
      Float64Array.from([1, 0, -1]),
      Float64Array.from([1, 2, 1]),
      1e-14,
      10,
    );
    expect(converged).toBe(true);
    const c = (x[1] as number) - 0;
    expect((x[0] as number) - c).toBeCloseTo(1, 12);
    expect((x[2] as number) - c).toBeCloseTo(-1, 12);
  });

  it('says when it stops short of the tolerance', () => {
    const M = [
      [4, 1, 0],
      [1, 3, 1],
      [0, 1, 2],
    ];
    const result = conjugateGradient(
      dense(M),
      Float64Array.from([1, 2, 3]),
      Float64Array.from([1, 1, 1]),
      1e-14,
      1,
    );
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(1);
  });
});
