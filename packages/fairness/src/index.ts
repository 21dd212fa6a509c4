/**
 * @kinerja/fairness — fairness laws for Kinerja rubrics: fast-check properties any rubric must pass before it
 * reaches people's careers (monotonicity, protected attributes, identity, determinism, bounds, reachability,
 * band boundaries), and the appraisal generator they share. Pure: no node:*, no vitest; the vitest helper is
 * `@kinerja/fairness/vitest`.
 *
 * @packageDocumentation
 */
export { type AppraisalArbitraryOptions, arbitraryAppraisal } from './arbitrary/arbitraryAppraisal.js';
export { type Difference, firstDifference } from './evaluation/firstDifference.js';
export { type Verdict, verdictOf } from './evaluation/verdictOf.js';
export { type BoundaryViolation, boundaries } from './laws/boundaries.js';
export { bounds } from './laws/bounds.js';
export { type CheckLawsOptions, checkLaws } from './laws/checkLaws.js';
export { determinism } from './laws/determinism.js';
export { formatLawResult } from './laws/formatLawResult.js';
export { identity } from './laws/identity.js';
export type { Law, LawName, LawOptions, LawResult } from './laws/LawResult.js';
export { laws } from './laws/laws.js';
export { monotonicity } from './laws/monotonicity.js';
export { protectedAttributes } from './laws/protectedAttributes.js';
export { reachability } from './laws/reachability.js';
export { findProtectedReads, type ProtectedRead } from './rubric/findProtectedReads.js';
export { type MonotoneHandle, monotoneHandles } from './rubric/monotoneHandles.js';
