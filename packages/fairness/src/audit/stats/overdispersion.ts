import { normalCdf } from './normal.js';

/** Huber's usual clipping point: 95% efficiency at the normal, yet one outlier moves the estimate by little. */
const k = 1.5;
/** E[ψ_k(Z)²] for a standard normal Z, ψ_k(x) = max(−k, min(k, x)): 2Φ(k) − 1 − 2kφ(k) + 2k²(1 − Φ(k)). */
const beta = (() => {
  const density = Math.exp((-k * k) / 2) / Math.sqrt(2 * Math.PI);
  const tail = normalCdf(-k);
  return 1 - 2 * tail - 2 * k * density + 2 * k * k * tail;
})();

/** τ̂² with what is known of its precision: see {@link overdispersionFit}. */
export interface OverdispersionFit {
  /** τ̂², the between-unit variance (0 when the estimates spread no more than their sampling variances explain). */
  tau2: number;
  /**
   * Sandwich (M-estimator) variance of τ̂² with the sampling variances taken as known:
   * Σ g_i(τ̂²)² / (Σ ∂g_i/∂τ²)², g_i = ψ_k(y_i/√(v_i + τ²))² − E[ψ_k(Z)²]. At τ̂² = 0 it is evaluated at 0 all
   * the same: the bound says nothing about how precisely the spread is known, and a spread that came out 0 could
   * have been well above it. +∞ when no unit is unclipped (the equation does not move with τ²); 0 with fewer than
   * two units (nothing estimated, nothing to be uncertain about).
   */
  variance: number;
  /**
   * How τ̂² moves when every sampling variance is scaled by the same factor s (as an error in σ̂², which they are
   * all proportional to, scales them): dτ̂²/d ln s = −Σ w_i v_i / Σ w_i, w_i = y_i²/(v_i + τ̂²)² over the unclipped
   * units (implicit differentiation of the equation). ≤ 0: a larger σ̂² explains more of the spread. 0 at τ̂² = 0,
   * where the bound holds τ̂² still.
   */
  scaleSensitivity: number;
}

/**
 * The between-unit variance τ² of estimates y_i that are 0 under the null, each with a known sampling variance v_i:
 * the random-effects ("additive over-dispersion") model y_i ~ N(0, v_i + τ²) of D. J. Spiegelhalter, "Handling
 * over-dispersion of performance indicators", Quality and Safety in Health Care 14 (2005) 347–351, with τ² fitted
 * robustly: it solves Huber's Proposal 2 scale equation (P. J. Huber, "Robust estimation of a location parameter",
 * Annals of Mathematical Statistics 35 (1964) 73–101) on the standardised estimates,
 * (1/I) Σ ψ_k(y_i/√(v_i + τ²))² = E[ψ_k(Z)²], ψ_k clipping at k = 1.5.
 *
 * Why not Spiegelhalter's own estimator (DerSimonian–Laird on z-scores Winsorised at 10%/90%): Winsorising without a
 * consistency correction shrinks Σz² by about a third under normality, so a modest spread (raters differ by about
 * as much as their sampling error) comes out as τ² = 0 and every rater is then judged against 0. Why robust at
 * all: the raters the audit looks for would otherwise inflate the very spread they are judged against; clipped at
 * 1.5 standard deviations, one supervisor half a point off moves τ̂² by little.
 *
 * Why the variance too: τ̂² comes from one cohort and varies from cohort to cohort; a unit with a small v_i is
 * judged almost entirely against it, so a test that took τ̂² as known would flag such units more often than its
 * alpha. The M-estimator's sandwich variance lets the test carry that uncertainty (see {@link spreadTest}).
 *
 * Units with v ≤ 0 or a non-finite estimate are left out; fewer than two units give τ̂² = 0 with variance 0.
 */
export function overdispersionFit(
  estimates: readonly number[],
  variances: readonly number[],
): OverdispersionFit {
  const units = estimates
    .map((y, i) => ({ y, v: variances[i] as number }))
    .filter((u) => Number.isFinite(u.y) && Number.isFinite(u.v) && u.v > 0);
  if (units.length < 2) return { tau2: 0, variance: 0, scaleSensitivity: 0 };
  const excess = (tau2: number): number => {
    let s = 0;
    for (const u of units) s += Math.min(k, Math.abs(u.y) / Math.sqrt(u.v + tau2)) ** 2;
    return s / units.length - beta;
  };
  let tau2 = 0;
  if (excess(0) > 0) {
    let hi = Math.max(...units.map((u) => u.y * u.y));
    while (excess(hi) > 0) hi *= 2;
    let lo = 0;
    for (let i = 0; i < 200 && hi - lo > 1e-14 * Math.max(1, hi); i++) {
      const mid = (lo + hi) / 2;
      if (excess(mid) > 0) lo = mid;
      else hi = mid;
    }
    tau2 = (lo + hi) / 2;
  }
  let meat = 0;
  let slope = 0;
  let weightedV = 0;
  for (const u of units) {
    const total = u.v + tau2;
    const z2 = (u.y * u.y) / total;
    meat += (Math.min(k * k, z2) - beta) ** 2;
    // A clipped unit's g is constant in τ², so only the unclipped ones carry the derivative.
    if (z2 < k * k) {
      const w = z2 / total;
      slope += w;
      weightedV += w * u.v;
    }
  }
  return {
    tau2,
    variance: slope > 0 ? meat / (slope * slope) : Number.POSITIVE_INFINITY,
    scaleSensitivity: tau2 > 0 && slope > 0 ? -weightedV / slope : 0,
  };
}

/**
 * τ̂² alone, by {@link overdispersionFit}: the between-unit variance of estimates that are 0 under the null, each
 * with a known sampling variance (Spiegelhalter 2005's additive over-dispersion, fitted by Huber's Proposal 2).
 */
export function overdispersion(estimates: readonly number[], variances: readonly number[]): number {
  return overdispersionFit(estimates, variances).tau2;
}
