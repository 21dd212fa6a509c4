/** Types of main.js (the page logic, also exported from the bundle dist/app.js). */
import type { Diagnostic, Lang } from '@kinerja/core';

export interface Shown {
  kind: 'rubric-invalid' | 'appraisal-invalid' | 'verdict';
  heading: string;
  status?: 'complete' | 'pending';
  lines: string[];
  explanation?: string;
}
/** The part of a DOM `Document` the page uses (this repository type-checks without the DOM library). */
export interface PageDocument {
  getElementById(id: string): unknown;
  createElement(tag: string): unknown;
}
export const DEMO_RUBRIC: string;
export const DEMO_APPRAISAL: string;
export function formatDiagnostic(d: Diagnostic, lang?: Lang): string;
export function check(
  rubricText: string,
  appraisalText: string,
  options?: { lang?: Lang; view?: 'employee' | 'auditor' },
): Shown;
export function render(doc: PageDocument, shown: Shown): void;
export function mount(doc: PageDocument): void;
