import { normalCdf } from './normal.js';

/** Huber's usual clipping point: 95% efficiency at the normal, yet one outlier moves the estimate by little. */
const k = 1.5;
/** E[ψ_k(Z)²] for a standard normal Z, ψ_k(x) = max(−k, min(k, x)): 2Φ(k) − 1 − 2kφ(k) + 2k²(1 − Φ(k)). */
const beta = (() => {
  const density = Math.exp((-k * k) / 2) / Math.sqrt(2 * Math.PI);
  const tail = normalCdf(-k);
  return 1 - 2 * tail - 2 * k * density + 2 * k * k * tail;
})();

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
 * Units with v ≤ 0 or a non-finite estimate are left out; fewer than two units give 0; τ² = 0 when the estimates
 * spread no more than their sampling variances explain.
 */
export function overdispersion(estimates: readonly number[], variances: readonly number[]): number {
  const units = estimates
    .map((y, i) => ({ y, v: variances[i] as number }))
    .filter((u) => Number.isFinite(u.y) && Number.isFinite(u.v) && u.v > 0);
  if (units.length < 2) return 0;
  const excess = (tau2: number): number => {
    let s = 0;
    for (const u of units) s += Math.min(k, Math.abs(u.y) / Math.sqrt(u.v + tau2)) ** 2;
    return s / units.length - beta;
  };
  if (excess(0) <= 0) return 0;
  let hi = Math.max(...units.map((u) => u.y * u.y));
  while (excess(hi) > 0) hi *= 2;
  let lo = 0;
  for (let i = 0; i < 200 && hi - lo > 1e-14 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (excess(mid) > 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
