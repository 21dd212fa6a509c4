import type { Appraisal, CompiledRubric, Evaluation, Role } from '@kinerja/core';

/** A scored cohort: the appraisals, their evaluations (same order) and the rubric that scored them. */
export interface Cohort {
  /** The appraisals, as submitted. */
  readonly appraisals: readonly Appraisal[];
  /** `evaluations[i]` is the evaluation of `appraisals[i]` (auditor's view: with `measure.raters`). */
  readonly evaluations: readonly Evaluation[];
  /** The rubric: labels of indicators, predicate levels and outcomes. Optional for the rater audits. */
  readonly rubric?: CompiledRubric;
  /**
   * Where the appraisals were read from (file names, `-` for standard input), echoed in the report so it says what
   * it was made from.
   */
  readonly inputs?: readonly string[];
}

/** One rating as an audit sees it: who rated whom on what, with which value. */
export interface RatingObservation {
  /** The person rated: appraisal id, else NIP, else `#index` (with `@period start` when the NIP repeats). */
  readonly ratee: string;
  /** Index of the appraisal in the cohort. */
  readonly index: number;
  /** Group id. */
  readonly group: string;
  /** Indicator id. */
  readonly indicator: string;
  /** Rater id. */
  readonly rater: string;
  /** Rater role. */
  readonly role: Role;
  /** The rating as a number (labels mapped; `raw` unless the audit asked for `counted`). */
  readonly value: number;
}
