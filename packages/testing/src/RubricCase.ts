/** What a golden case expects. Only the keys given are checked; at least one must be given. */
export interface CaseExpectation {
  /** complete, pending or invalid. */
  status?: 'complete' | 'pending' | 'invalid';
  /** The overall score. */
  score?: number;
  /** The predikat id. */
  predicate?: string;
  /** Per group: score, rating and/or suggested rating. */
  groups?: Record<string, { score?: number; rating?: string; suggestedRating?: string }>;
  /** Per indicator (any group): its score, or null when it dropped out. */
  indicators?: Record<string, number | null>;
  /** Per outcome: met (true/false) or undetermined (null). */
  outcomes?: Record<string, boolean | null>;
  /** Per outcome: its computed value. */
  outcomeValues?: Record<string, number>;
  /** Flags, exactly (sorted). */
  flags?: string[];
  /** Codes of error and warning diagnostics, exactly (as a set). */
  diagnostics?: string[];
}

/** One golden case: an appraisal and what the rubric must make of it, with the hand arithmetic in `note`. */
export interface RubricCase {
  /** Unique name. */
  name: string;
  /** How the expected numbers were computed by hand, from the regulation. */
  note: string;
  /** The appraisal, merged over the file's `defaults.appraisal` (RFC 7396). */
  appraisal: Record<string, unknown>;
  /** The expectation. */
  expect: CaseExpectation;
}

/** A cases file after loading. */
export interface RubricCaseFile {
  /** The rubric file, resolved against the cases file. */
  rubric: string;
  /** The cases, appraisals already merged with the defaults. */
  cases: RubricCase[];
}
