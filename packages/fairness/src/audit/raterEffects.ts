import type { Role } from '@kinerja/core';
import type { RatingObservation } from './Cohort.js';
import { conjugateGradient } from './stats/conjugateGradient.js';
import { contrastVariances } from './stats/contrastVariances.js';
import { overdispersionFit } from './stats/overdispersion.js';
import { type DesignUnit, raterDesign } from './stats/raterDesign.js';
import { unitsOf } from './unitsOf.js';

/** One rater's effect in the crossed rater × ratee model. */
export interface RaterEffect {
  /** Rater id. */
  rater: string;
  /** The roles they rated in. */
  roles: Role[];
  /** People they rated that someone else also rated on the same indicator. */
  ratees: number;
  /** Ratings that entered the model. */
  ratings: number;
  /** τ̂ of this rater minus the mean τ̂ of the other raters connected to them (same people, directly or not). */
  estimate: number;
  /**
   * Sampling variance of `estimate` under the crossed model with one error per rater × ratee cell (variance σ²,
   * estimated by `residualVariance`): σ̂² · c'M⁻BM⁻c for the contrast c (this rater minus the mean of the others),
   * M the model's normal matrix for the rater effects once the person × indicator means are absorbed and σ²B the
   * covariance the cell errors give its right-hand side. It includes the estimation error of every other rater's
   * effect, not only this rater's own sampling error: the others are estimated from their people too. Exact
   * (computed from the design by sparse elimination) unless the component is too costly — more than about 800
   * raters all linked to each other — where raters two or more steps away are taken as known (the co-rater
   * approximation: their error left out, a slight underestimate there). On complete designs it is σ̂² k/(k − 1)/n.
   */
  variance: number;
  /** Raters in their connected component (the raters the estimate is measured against, plus themselves). */
  component: number;
}

/** The fitted crossed model. */
export interface RaterEffectsFit {
  /** Raters, in first-seen order. */
  raters: RaterEffect[];
  /** σ̂²: variance of a rater × ratee mean around the additive model (impression + noise averaged over indicators). */
  residualVariance: number;
  /** Degrees of freedom of σ̂²: cells − ratees − raters + components. */
  df: number;
  /** τ̂²: variance of raters' true effects around each other (normal leniency), by {@link overdispersionFit}. */
  spread2: number;
  /**
   * Sandwich variance of τ̂² given σ̂² (`OverdispersionFit.variance`): τ̂² is estimated from this one
   * cohort, and a rater with a small sampling variance is judged almost wholly against it.
   */
  spread2Variance: number;
  /**
   * dτ̂²/d ln σ̂² (`OverdispersionFit.scaleSensitivity`, ≤ 0): every sampling variance is σ̂² times a design
   * factor, so an error in σ̂² moves τ̂² the other way, and the two errors partly cancel in v + τ̂².
   */
  spread2Sensitivity: number;
  /** Whether the solve of the normal equations (conjugate gradients) met its tolerance within the iteration cap. */
  converged: boolean;
}

/** Relative residual of the normal equations at which the solve stops: far below any digit the audit reports. */
const tolerance = 1e-12;

const add = (array: number[], i: number, x: number): void => {
  array[i] = (array[i] as number) + x;
};
/** Conjugate gradients end in at most R steps in exact arithmetic; rounding can ask for a few more. */
const maxIterations = (raters: number) => 2 * raters + 100;

/**
 * Fits the additive crossed model y_rik = μ_ik + τ_r + ε on every (ratee, indicator) rated by at least two raters:
 * μ_ik absorbs what the person deserves on the indicator (their level and profile), τ_r is rater r's leniency.
 * The rater effects solve the normal equations once μ is absorbed (a weighted graph Laplacian of the raters), by
 * preconditioned conjugate gradients ({@link conjugateGradient}); τ is centred per connected component of raters
 * since only differences between raters who share people, directly or through others, are identified. Alternating
 * least squares, used before, needs steps in proportion to the square of how many links apart raters are: on a
 * city's hierarchy of loosely linked teams it stopped unconverged at its cap after seconds.
 *
 * Why the crossed model rather than "rater − mean of the others on the same unit": a rater's co-raters are
 * themselves lenient or severe. With the paired contrast, one supervisor who adds half a point makes each of the
 * peers who share their people look 0.5/(raters − 1) severe; the crossed model attributes the shift to the
 * supervisor. (With equal rater counts per person the two give the same supervisor estimate up to the reference:
 * the least-squares normal equations reduce to the paired contrast.)
 *
 * Variance (method of moments, "REML-lite"): residuals are averaged per rater × ratee cell first — a rater's
 * ratings of one person share that rater's impression of them, so the cell, not the rating, is the independent
 * unit (clustering by ratee) — and σ̂² = Σ cell residual² / (cells − ratees − raters + components). A rater's
 * estimate is a linear contrast of the fitted effects, and its variance is computed from the design
 * ({@link contrastVariances}): the estimation error of the raters it is measured against counts as well as its
 * own. The paired formula used before, σ̂² Σ k_i/(k_i − 1) / n² over the n people rated, k_i raters each, left
 * that out: exact for complete designs and for a rater whose co-raters are balanced around them, it ran small when
 * co-raters rate few people (in the validation's cohorts, where peers rate about 4 people each, the exact variance
 * is 4% larger at 8 ratees per supervisor to 7% at 24 on average, up to a fifth for some supervisors and peers) and
 * badly so in loosely linked hierarchies, where a team is compared with raters many links away (a quarter of the
 * true variance and less). σ̂² is pooled over all raters: this assumes raters are equally consistent; its gain is the degrees of
 * freedom (hundreds instead of n − 1 per rater). The normal spread of leniency between raters, τ̂², is the robust
 * random-effects estimate over all raters ({@link overdispersion}).
 */
export function fitRaterEffects(audited: readonly RatingObservation[]): RaterEffectsFit {
  const units = unitsOf(audited).filter((u) => u.values.size >= 2);
  const raterIndex = new Map<string, number>();
  const raterIds: string[] = [];
  const roles: Array<Set<Role>> = [];
  const unitOf: number[] = [];
  const raterOf: number[] = [];
  const ratingOf: number[] = [];
  const rateeOf: string[] = [];
  const rateeIndex = new Map<string, number>();
  const designUnits: DesignUnit[] = [];
  units.forEach((unit, u) => {
    let ratee = rateeIndex.get(unit.ratee);
    if (ratee === undefined) {
      ratee = rateeIndex.size;
      rateeIndex.set(unit.ratee, ratee);
    }
    const unitRaters: number[] = [];
    designUnits.push({ ratee, raters: unitRaters });
    for (const [rater, value] of unit.values) {
      let r = raterIndex.get(rater);
      if (r === undefined) {
        r = raterIds.length;
        raterIndex.set(rater, r);
        raterIds.push(rater);
        roles.push(new Set());
      }
      roles[r]?.add(unit.roles.get(rater) as Role);
      unitRaters.push(r);
      unitOf.push(u);
      raterOf.push(r);
      ratingOf.push(value);
      rateeOf.push(unit.ratee);
    }
  });
  const R = raterIds.length;
  const U = units.length;
  const N = ratingOf.length;

  // Connected components of raters (sharing people, directly or not), as the design finds them for the variances.
  const design = raterDesign(R, designUnits);
  const componentOf = new Array<number>(R).fill(-1);
  const componentSize = new Map<number, number>();
  design.components.forEach((members, c) => {
    for (const r of members) componentOf[r] = c;
    componentSize.set(c, members.length);
  });

  const unitCount = new Array<number>(U).fill(0);
  const raterCount = new Array<number>(R).fill(0);
  for (let o = 0; o < N; o++) {
    add(unitCount, unitOf[o] as number, 1);
    add(raterCount, raterOf[o] as number, 1);
  }
  // The rater effects solve the normal equations with the person × indicator means absorbed, M τ = b:
  // (M τ)_r = Σ over r's ratings of (τ_r − mean τ of that unit's raters), b_r = Σ (y − unit mean of y). M is a
  // weighted graph Laplacian of the raters (singular by one constant per component, b orthogonal to those).
  const unitMean = new Float64Array(U);
  for (let o = 0; o < N; o++) {
    const u = unitOf[o] as number;
    unitMean[u] = (unitMean[u] as number) + (ratingOf[o] as number);
  }
  for (let u = 0; u < U; u++) unitMean[u] = (unitMean[u] as number) / (unitCount[u] as number);
  const b = new Float64Array(R);
  const diagonal = new Float64Array(R);
  for (let o = 0; o < N; o++) {
    const r = raterOf[o] as number;
    const u = unitOf[o] as number;
    b[r] = (b[r] as number) + (ratingOf[o] as number) - (unitMean[u] as number);
    diagonal[r] = (diagonal[r] as number) + 1 - 1 / (unitCount[u] as number);
  }
  const tauMean = new Float64Array(U);
  const applyM = (t: Float64Array, out: Float64Array) => {
    tauMean.fill(0);
    for (let o = 0; o < N; o++) {
      const u = unitOf[o] as number;
      tauMean[u] = (tauMean[u] as number) + (t[raterOf[o] as number] as number);
    }
    for (let u = 0; u < U; u++) tauMean[u] = (tauMean[u] as number) / (unitCount[u] as number);
    out.fill(0);
    for (let o = 0; o < N; o++) {
      const r = raterOf[o] as number;
      out[r] = (out[r] as number) + (t[r] as number) - (tauMean[unitOf[o] as number] as number);
    }
  };
  const solved = conjugateGradient(applyM, b, diagonal, tolerance, maxIterations(R));
  const converged = solved.converged;
  // Only differences within a component are identified: centred per component, as reported.
  const centre = new Array<number>(componentSize.size).fill(0);
  for (let r = 0; r < R; r++) {
    const c = componentOf[r] as number;
    centre[c] = (centre[c] as number) + (solved.x[r] as number);
  }
  const tau = new Array<number>(R);
  for (let r = 0; r < R; r++) {
    const c = componentOf[r] as number;
    tau[r] = (solved.x[r] as number) - (centre[c] as number) / (componentSize.get(c) as number);
  }
  const mu = new Array<number>(U).fill(0);
  for (let o = 0; o < N; o++)
    add(mu, unitOf[o] as number, (ratingOf[o] as number) - (tau[raterOf[o] as number] as number));
  for (let u = 0; u < U; u++) mu[u] = (mu[u] as number) / (unitCount[u] as number);

  // Rater × ratee cells: residual sums and sizes; raters per ratee (within a component).
  const cells = new Map<string, { r: number; ratee: string; sum: number; n: number }>();
  for (let o = 0; o < N; o++) {
    const r = raterOf[o] as number;
    const ratee = rateeOf[o] as string;
    const key = `${r}\u0000${ratee}`;
    const cell = cells.get(key) ?? { r, ratee, sum: 0, n: 0 };
    cell.sum += (ratingOf[o] as number) - (mu[unitOf[o] as number] as number) - (tau[r] as number);
    cell.n += 1;
    cells.set(key, cell);
  }
  const ratersOfRatee = new Map<string, number>();
  for (const cell of cells.values()) {
    const key = `${componentOf[cell.r]}\u0000${cell.ratee}`;
    ratersOfRatee.set(key, (ratersOfRatee.get(key) ?? 0) + 1);
  }
  let rss = 0;
  for (const cell of cells.values()) rss += (cell.sum / cell.n) ** 2;
  const df = cells.size - ratersOfRatee.size - R + componentSize.size;
  const residualVariance = df > 0 ? rss / df : Number.NaN;

  const rateesOf = new Array<number>(R).fill(0);
  for (const cell of cells.values()) add(rateesOf, cell.r, 1);
  const { variances } = contrastVariances(design);
  const raters: RaterEffect[] = raterIds.map((rater, r) => {
    const size = componentSize.get(componentOf[r] as number) as number;
    const n = rateesOf[r] as number;
    return {
      rater,
      roles: [...(roles[r] as Set<Role>)].sort(),
      ratees: n,
      ratings: raterCount[r] as number,
      // τ is centred per component, so the mean of the others is −τ_r/(size − 1).
      estimate: ((tau[r] as number) * size) / (size - 1),
      variance: residualVariance * (variances[r] as number),
      component: size,
    };
  });
  const spread = Number.isFinite(residualVariance)
    ? overdispersionFit(
        raters.map((r) => r.estimate),
        raters.map((r) => r.variance),
      )
    : { tau2: 0, variance: 0, scaleSensitivity: 0 };
  return {
    raters,
    residualVariance,
    df,
    spread2: spread.tau2,
    spread2Variance: spread.variance,
    spread2Sensitivity: spread.scaleSensitivity,
    converged,
  };
}
