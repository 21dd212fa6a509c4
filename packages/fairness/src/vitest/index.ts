/**
 * @kinerja/fairness/vitest — the fairness laws as a one-line vitest suite for any rubric pack.
 *
 * @packageDocumentation
 */
export { fairnessSuite } from './fairnessSuite.js';
