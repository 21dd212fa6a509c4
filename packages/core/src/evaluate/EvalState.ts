import type { RatingEntry } from '../compile/measures/MeasureRuntime.js';
import type { FactSource } from '../conditions/FactCatalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Appraisal } from '../schema/appraisalSchema.js';

/** The facts of one evaluation as they fill in, stage by stage. */
export interface FactValues {
  predicate?: string;
  score?: unknown;
  groups: Record<string, Record<string, unknown>>;
  indicators: Record<string, Record<string, unknown>>;
  employee: Record<string, unknown>;
  period: Record<string, unknown>;
  facts: Record<string, unknown>;
  /** Flags raised so far (divergence, departures), readable by outcomes. */
  flags: string[];
}

/** Mutable state of one evaluation. Lives only for that call. */
export interface EvalState {
  /** The validated appraisal. */
  readonly appraisal: Appraisal;
  /** Name of the appraisal document. */
  readonly source?: string;
  /** Diagnostics found so far. */
  readonly diagnostics: Diagnostic[];
  /** Measures' notes of what they already reported once (see `MeasureEnv.notes`). */
  readonly notes: Set<number | string>;
  /** Ratings per indicator id, after conflict and self-rating exclusions. */
  readonly ratings: ReadonlyMap<string, readonly RatingEntry[]>;
  /** Fact values. */
  readonly values: FactValues;
  /** Reads a root fact. */
  readonly facts: FactSource;
  /** What a pending verdict waits for. */
  readonly pending: string[];
  /** Flags for review. */
  readonly flags: string[];
  /** False when the caller asked for scores only: traces need not be built. */
  readonly explain: boolean;
}

/** Builds the fact reader over the fact values (own properties only). */
export function factSourceOf(values: FactValues): FactSource {
  return (root) =>
    Object.hasOwn(values, root) ? (values as unknown as Record<string, unknown>)[root] : undefined;
}
