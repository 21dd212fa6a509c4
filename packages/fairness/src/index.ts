/**
 * @kinerja/fairness — fairness laws for Kinerja rubrics: fast-check properties any rubric must pass before it
 * reaches people's careers (monotonicity, protected attributes, identity, determinism, bounds, reachability,
 * band boundaries), the appraisal generator they share, and audits of scored cohorts (rater bias, agreement,
 * group disparity, the SE 3/2023 curve). Pure: no node:*, no vitest; the vitest helper is
 * `@kinerja/fairness/vitest`.
 *
 * @packageDocumentation
 */
export { type AppraisalArbitraryOptions, arbitraryAppraisal } from './arbitrary/arbitraryAppraisal.js';
export { attributeNames, attributeOf, nearestName } from './audit/attributeOf.js';
export { type AuditOptions, type AuditReport, auditCohort, type Finding } from './audit/auditCohort.js';
export type { Cohort, RatingObservation } from './audit/Cohort.js';
export {
  type CentralTendencyAudit,
  type CentralTendencyOptions,
  centralTendency,
  type RaterSpread,
} from './audit/centralTendency.js';
export { decimalText } from './audit/decimalText.js';
export { type DisparityWarning, smallGroupWarning, tooFewGroupsWarning } from './audit/disparityWarning.js';
export {
  type BoundCheck,
  type CurveAudit,
  type CurveCheck,
  type CurveOptions,
  distributionCurve,
} from './audit/distributionCurve.js';
export {
  distributionPattern,
  type EmployeePredicate,
  employeePredicates,
  type OrganisationPredicate,
  organisationPredicates,
  type PatternBound,
} from './audit/distributionPattern.js';
export { type ExtractRatingsOptions, extractRatings } from './audit/extractRatings.js';
export { formatAuditMarkdown } from './audit/formatAuditMarkdown.js';
export {
  type DisparityAudit,
  type DisparityOptions,
  type GroupRate,
  groupDisparity,
  type OutcomeDisparity,
} from './audit/groupDisparity.js';
export { type HaloAudit, halo, type RaterHalo } from './audit/halo.js';
export { type HeadCountRounding, headCount } from './audit/headCount.js';
export {
  type AgreementAudit,
  type AgreementOptions,
  type IndicatorAgreement,
  interRaterAgreement,
} from './audit/interRaterAgreement.js';
export { type AlphaMetric, type AlphaResult, krippendorffAlpha } from './audit/krippendorffAlpha.js';
export { fitRaterEffects, type RaterEffect, type RaterEffectsFit } from './audit/raterEffects.js';
export {
  type LeniencyAudit,
  type RaterAuditOptions,
  type RaterLeniency,
  raterLeniency,
} from './audit/raterLeniency.js';
export { type RaterWarning, smallSampleRatees, smallSampleWarning } from './audit/raterWarning.js';
export {
  type SimulatedCohort,
  type SimulationOptions,
  simulateCohort,
  simulationRubric,
} from './audit/simulateCohort.js';
export { simulationIndicators, simulationRubricYaml } from './audit/simulationRubric.js';
export { spreadDf } from './audit/spreadDf.js';
export { fisherExact, fisherMidP } from './audit/stats/fisherExact.js';
export type { Interval } from './audit/stats/Interval.js';
export { normalCdf, normalQuantile } from './audit/stats/normal.js';
export { type OverdispersionFit, overdispersion, overdispersionFit } from './audit/stats/overdispersion.js';
export { type SpreadTest, satterthwaiteDf, spreadTest } from './audit/stats/spreadTest.js';
export {
  type DivergenceAudit,
  type DivergenceOptions,
  type SupervisorGap,
  supervisorDivergence,
} from './audit/supervisorDivergence.js';
export { supervisorSmallSampleWarning } from './audit/supervisorWarning.js';
export { type Difference, firstDifference } from './evaluation/firstDifference.js';
export { type Verdict, verdictOf } from './evaluation/verdictOf.js';
export { type BoundaryViolation, boundaries } from './laws/boundaries.js';
export { bounds } from './laws/bounds.js';
export { type CheckLawsOptions, checkLaws } from './laws/checkLaws.js';
export { determinism } from './laws/determinism.js';
export { type FormatLawResultOptions, formatLawResult } from './laws/formatLawResult.js';
export { identity } from './laws/identity.js';
export type { Law, LawName, LawOptions, LawResult, LawText } from './laws/LawResult.js';
export { lawLabels } from './laws/lawLabels.js';
export { laws } from './laws/laws.js';
export { monotonicity } from './laws/monotonicity.js';
export { protectedAttributes } from './laws/protectedAttributes.js';
export { reachability } from './laws/reachability.js';
export { findProtectedReads, type ProtectedRead } from './rubric/findProtectedReads.js';
export { type MonotoneHandle, monotoneHandles } from './rubric/monotoneHandles.js';
