import type { RaterEffectsFit } from './raterEffects.js';
import { satterthwaiteDf } from './stats/spreadTest.js';

/**
 * Effective degrees of freedom of the variance a rater audit divides by, sampling + copies·τ̂² + other, when
 * `sampling` is σ̂² times a design factor and `other` an independent estimate with variance `otherVariance`:
 * Satterthwaite's 2·S²/Var(S) with, by the delta method,
 * Var(S) = 2(sampling + copies·dτ̂²/d ln σ̂²)²/df_σ + copies²·Var(τ̂²) + otherVariance.
 * The first term is σ̂²'s χ²_df error (Var(σ̂²) = 2σ̂⁴/df) through both places it enters: directly, and through
 * τ̂², which it moves the other way (the fitted effects and the residuals are independent under the model, so
 * the two terms add). For a rater, `copies` is 1; a supervisor measured against a single other supervisor carries
 * τ̂² twice.
 */
export function spreadDf(
  fit: Pick<RaterEffectsFit, 'spread2' | 'spread2Variance' | 'spread2Sensitivity' | 'df'>,
  sampling: number,
  copies = 1,
  other = 0,
  otherVariance = 0,
): number {
  const total = sampling + copies * fit.spread2 + other;
  const throughSigma = sampling + copies * fit.spread2Sensitivity;
  const sigmaPart = fit.df > 0 ? (2 * throughSigma * throughSigma) / fit.df : Number.POSITIVE_INFINITY;
  return satterthwaiteDf(total, sigmaPart + copies * copies * fit.spread2Variance + otherVariance);
}
