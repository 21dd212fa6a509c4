import { incompleteBeta } from './incompleteBeta.js';
import { logGamma } from './logGamma.js';
import { normalQuantile } from './normal.js';

/** P(T ≤ t) for Student's t with `df` degrees of freedom (through the incomplete beta function). */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/**
 * The quantile of Student's t: the t with P(T ≤ t) = p, by safeguarded Newton steps on the CDF from the normal
 * quantile (Cornish–Fisher's first term), to 1e-12. A handful of CDF evaluations where bisection took about sixty:
 * the leniency test runs it twice for every rater, each on its own degrees of freedom.
 */
export function studentTQuantile(p: number, df: number): number {
  if (p <= 0) return Number.NEGATIVE_INFINITY;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  if (p === 0.5) return 0;
  const logDensityFactor = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  const density = (t: number): number =>
    Math.exp(logDensityFactor - ((df + 1) / 2) * Math.log1p((t * t) / df));
  const z = normalQuantile(p);
  let t = z + (z * z * z + z) / (4 * df);
  let lo = -1e6;
  let hi = 1e6;
  for (let i = 0; i < 200; i++) {
    const f = studentTCdf(t, df) - p;
    if (f < 0) lo = t;
    else hi = t;
    let next = t - f / density(t);
    // A Newton step that leaves the bracket (heavy tails at small df) is replaced by bisection.
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - t) <= 1e-12 * Math.max(1, Math.abs(t))) return next;
    t = next;
  }
  return t;
}
