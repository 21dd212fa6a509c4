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
  /** Name of the appraisal document, for diagnostics. */
  readonly source?: string;
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
}

/** Result of running a measure. */
export type MeasureResult =
  | { readonly status: 'ok'; readonly value: Rational; readonly trace: MeasureTrace }
  | { readonly status: 'dropped'; readonly trace: MeasureTrace }
  | { readonly status: 'pending'; readonly trace: MeasureTrace; readonly missing: readonly string[] }
  | { readonly status: 'error'; readonly trace: MeasureTrace };

/** A compiled measure. */
export type CompiledMeasure = (env: MeasureEnv) => MeasureResult;
