/** Types of example.mjs. */
import type { CompiledRubric, Diagnostic, Evaluation, KinerjaError, Lang } from '@kinerja/core';

export const RUBRIC_FILE: string;
export const appraisal: Record<string, unknown>;
export const BROKEN_RUBRIC: string;
export function formatDiagnostic(d: Diagnostic, lang?: Lang): string;
export function run(print?: (line: string) => void): {
  rubric: CompiledRubric;
  result: Evaluation;
  explanation: string;
  brokenDiagnostics: Diagnostic[];
  thrown: KinerjaError | undefined;
};
