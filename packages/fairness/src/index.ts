/**
 * @kinerja/fairness — fairness laws for Kinerja rubrics.
 *
 * @packageDocumentation
 */
export { type AppraisalArbitraryOptions, arbitraryAppraisal } from './arbitrary/arbitraryAppraisal.js';
