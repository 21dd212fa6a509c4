import type { RatingObservation } from './Cohort.js';
import { type AlphaMetric, type AlphaResult, krippendorffAlpha } from './krippendorffAlpha.js';
import { auditedRatings, type RaterAuditOptions } from './raterLeniency.js';
import { unitsOf } from './unitsOf.js';

/** Options of {@link interRaterAgreement}. */
export interface AgreementOptions extends Pick<RaterAuditOptions, 'excludeRoles'> {
  /** Metrics to compute (default interval and ordinal). */
  metrics?: readonly AlphaMetric[];
}

/** Krippendorff's alpha of one indicator (or of all indicators pooled). */
export interface IndicatorAgreement {
  /** `group/indicator`, or `*` for every indicator pooled (units = ratee × indicator). */
  indicator: string;
  /** Units (ratees) with at least two ratings. */
  units: number;
  /** Distinct raters. */
  raters: number;
  /** Alpha per metric. */
  alpha: Partial<Record<AlphaMetric, AlphaResult>>;
}

/** Inter-rater agreement of the cohort. */
export interface AgreementAudit {
  /** How it was computed. */
  method: string;
  /** Per indicator, then `*` (pooled). */
  indicators: IndicatorAgreement[];
}

function agreement(
  indicator: string,
  units: ReturnType<typeof unitsOf>,
  metrics: readonly AlphaMetric[],
): IndicatorAgreement {
  const raters = [...new Set(units.flatMap((u) => [...u.values.keys()]))].sort();
  const matrix = units.map((u) => raters.map((r) => u.values.get(r)));
  const alpha: Partial<Record<AlphaMetric, AlphaResult>> = {};
  for (const m of metrics) alpha[m] = krippendorffAlpha(matrix, m);
  return { indicator, units: units.filter((u) => u.values.size >= 2).length, raters: raters.length, alpha };
}

/**
 * Inter-rater agreement: Krippendorff's alpha per indicator, over a units × raters reliability matrix (units =
 * the people rated; a rater who did not rate someone is a hole, which alpha handles), and for all indicators
 * pooled. Self-ratings are left out by default. Reads: α ≥ 0.8 reliable, 0.667–0.8 tentative, below: not reliable
 * (Krippendorff 2004, §11.4).
 */
export function interRaterAgreement(
  ratings: readonly RatingObservation[],
  options: AgreementOptions = {},
): AgreementAudit {
  const metrics = options.metrics ?? ['interval', 'ordinal'];
  const units = unitsOf(auditedRatings(ratings, options));
  const indicators = [...new Set(units.map((u) => u.indicator))].sort();
  return {
    method:
      "Krippendorff's alpha (coincidence matrix; missing ratings allowed; units with < 2 ratings dropped; not computed from fewer than 2 units)",
    indicators: [
      ...indicators.map((i) =>
        agreement(
          i,
          units.filter((u) => u.indicator === i),
          metrics,
        ),
      ),
      ...(indicators.length > 1 ? [agreement('*', units, metrics)] : []),
    ],
  };
}
