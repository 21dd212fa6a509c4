/** Types of score.mjs (the main job). */
import type { Appraisal, CompiledRubric } from '@kinerja/core';
import type { Cohort, CohortEmployee } from './generate.mjs';

export const AGENCY_PACKS: string[];
export const NATIONAL_PACK: string;

/** One employee's verdict. */
export interface Row {
  nip: string;
  name: string;
  unit: string;
  pack: string;
  scenario: string[];
  status: 'complete' | 'pending' | 'invalid';
  predicate: string | null;
  /** The outcomes met, with their value when they have one (angka kredit). */
  outcomes: Array<{ id: string; value?: number }>;
  flags: string[];
  /** Rater roles still short, when pending. */
  pending: string[];
  /** Error codes and pointers, when invalid. */
  errors: string[];
  national?: { status: string; predicate: string | null };
  differsFromNational?: boolean;
}

/** Counts of one unit (or the total). */
export interface UnitSummary {
  unit: string;
  name: string;
  pack: string;
  count: number;
  predicates: Record<string, number>;
  pending: number;
  invalid: number;
  coaching: number;
  flaggedForReview: number;
  differsFromNational: number;
}

export function readCohort(file?: string): Cohort;
export function loadPacks(ids?: string[]): Record<string, CompiledRubric>;
export function agencyAppraisal(record: CohortEmployee, cohort: Cohort): Appraisal;
export function nationalAppraisal(record: CohortEmployee, cohort: Cohort): Appraisal;
export function scoreCohort(
  cohort: Cohort,
  packs: Record<string, CompiledRubric>,
  options?: { compare?: boolean },
): Row[];
export function summarise(rows: Row[], cohort: Cohort): { units: UnitSummary[]; total: UnitSummary };
export function renderText(
  rows: Row[],
  summary: { units: UnitSummary[]; total: UnitSummary },
  cohort: Cohort,
): string;

/** Each agency pack's appraisals as NDJSON (one appraisal per line, cohort order), by pack id. */
export function appraisalsNdjson(cohort: Cohort): Record<string, string>;
/** Writes {@link appraisalsNdjson} to `<dir>/<pack>.ndjson`, creating the folder; returns what it wrote. */
export function writeAppraisals(
  cohort: Cohort,
  dir: string,
): Array<{ pack: string; file: string; appraisals: number }>;
