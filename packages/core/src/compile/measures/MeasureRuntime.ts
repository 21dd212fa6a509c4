import type { FactSource } from '../../conditions/FactCatalogue.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Rational } from '../../numeric/rational.js';
import type { Role } from '../../schema/measureSchema.js';

/** One rating as the engine sees it, after validation. */
export interface RatingEntry {
  /** Rater id. */
  readonly rater: string;
  /** Rater role. */
  readonly role: Role;
  /** The value as given. */
  readonly value: number | string;
  /** Where it is in the appraisal. */
  readonly pointer: string;
}

/** The ratings of a record no rater rates (targets, additions, outcome values): one list for all, never written. */
export const NO_RATINGS: readonly RatingEntry[] = [];

/** What a measure reads while it runs. */
export interface MeasureEnv {
  /** The input record: an indicator's `inputs` entry or one target item. */
  readonly record: Readonly<Record<string, unknown>> | undefined;
  /** Appraisal pointer of the record (for diagnostics). */
  readonly recordPointer: string;
  /** Facts. */
  readonly facts: FactSource;
  /** Ratings for the indicator being measured (after exclusions). */
  readonly ratings: readonly RatingEntry[];
  /** Where diagnostics go. */
  readonly diagnostics: Diagnostic[];
  /** What this evaluation has already said once and need not repeat (role shortfalls); shared by all its measures. */
  readonly notes?: Set<number | string>;
  /** Name of the appraisal document, for diagnostics. */
  readonly source?: string;
  /** Id of the indicator being measured (names review flags such as `needs-review:<id>`). */
  readonly indicatorId?: string;
  /** Where review flags go (the evaluation's `flags`). */
  readonly flags?: string[];
  /** Each rater's history, for rubrics that calibrate ratings. */
  readonly raterStats?: Readonly<Record<string, RaterStats>>;
  /**
   * False when the trace will be thrown away (score-only evaluation), so a measure may skip its costly parts.
   * The value, status and diagnostics must not depend on it.
   */
  readonly explain?: boolean;
}

/** A rater's history: the mean and standard deviation of the ratings they gave, over n ratings. */
export interface RaterStats {
  readonly mean: number;
  readonly sd: number;
  readonly n: number;
}

/** One rater as a `raters` measure counted them (the auditor's view; the employee's view drops it). */
export interface RaterTrace {
  /** Rater id. */
  rater: string;
  /** Role. */
  role: Role;
  /** The label given, when the rater gave a label rather than a number. */
  label?: string;
  /** The rating as a number (labels mapped). */
  raw: number;
  /** The rating after calibration against the rater's history, when calibrated. */
  calibrated?: number;
  /** Why (or why not) it was calibrated. */
  calibration?: string;
  /** The value that counted (after calibration and the influence cap). */
  counted: number;
  /** True when the influence cap moved the rating. */
  capped?: true;
  /** False when the rater's role does not count (weight 0, or short and renormalised away). */
  inScore: boolean;
}

/** How a measure reached its value, for the explanation. Numbers are plain JSON numbers. */
export interface MeasureTrace {
  /** The measure kind. */
  kind: string;
  /** Its value, when it has one. */
  value?: number;
  /** The raw inputs it read. */
  inputs?: Record<string, unknown>;
  /** Which branch of a formula applied (e.g. efficiency `e ≤ 24%`). */
  branch?: string;
  /** Intermediate quantities worth showing (e.g. the efficiency e). */
  detail?: Record<string, unknown>;
  /** Parts of a combining measure. */
  parts?: MeasureTrace[];
  /** True when it dropped out. */
  dropped?: boolean;
  /** Which cap applied. */
  clamped?: 'min' | 'max';
  /** The value before rounding. */
  unrounded?: number;
  /** `raters`: every rater with raw and counted values, sorted by role then id (auditor's view only). */
  raters?: RaterTrace[];
}

/** Result of running a measure. */
export type MeasureResult =
  | { readonly status: 'ok'; readonly value: Rational; readonly trace: MeasureTrace }
  | { readonly status: 'dropped'; readonly trace: MeasureTrace }
  | { readonly status: 'pending'; readonly trace: MeasureTrace; readonly missing: readonly string[] }
  | { readonly status: 'error'; readonly trace: MeasureTrace };

/** A compiled measure. */
export type CompiledMeasure = (env: MeasureEnv) => MeasureResult;
