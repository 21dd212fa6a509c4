/**
 * @kinerja/testing — the golden-case runner every rubric pack uses.
 *
 * @packageDocumentation
 */
export { checkCase } from './checkCase.js';
export { describeRubricCases } from './describeRubricCases.js';
export { loadCaseFile } from './loadCaseFile.js';
export type { CaseExpectation, RubricCase, RubricCaseFile } from './RubricCase.js';
export { withoutExplanation } from './withoutExplanation.js';
