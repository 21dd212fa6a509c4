/**
 * The complementary error function erfc(x), by the Chebyshev-fitted rational approximation `erfcc` of Press et al.,
 * Numerical Recipes in C, 2nd ed. (1992), §6.2: fractional error below 1.2e-7 everywhere, which is ample for
 * p-values compared with 0.025.
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** P(Z ≤ z) for a standard normal Z. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/**
 * The z with {@link normalCdf}(z) = p, by bisection on normalCdf itself: the quantile then agrees with the
 * p-values the tests compare against alpha (a flag at p < alpha/2 is exactly z beyond this quantile), to within
 * the approximation's 1.2e-7. −∞ at 0 and +∞ at 1 (alpha 0 flags nothing, so no shift is detectable).
 *
 * @throws RangeError when p is not in [0, 1].
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`normalQuantile needs 0 ≤ p ≤ 1, got ${p}`);
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  let lo = -40;
  let hi = 40;
  for (let k = 0; k < 100 && hi - lo > 1e-12; k++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
