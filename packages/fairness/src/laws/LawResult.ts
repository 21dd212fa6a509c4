import type { CompiledRubric } from '@kinerja/core';
import type { AppraisalArbitraryOptions } from '../arbitrary/arbitraryAppraisal.js';

/** The names of the fairness laws. */
export type LawName =
  | 'monotonicity'
  | 'protectedAttributes'
  | 'identity'
  | 'determinism'
  | 'bounds'
  | 'reachability'
  | 'boundaries';

/**
 * A sentence of a law's result in Bahasa Indonesia and English, as the audit's warnings carry theirs: a report
 * written for an Indonesian reader must not fall back to English halfway.
 */
export interface LawText {
  /** Bahasa Indonesia. */
  id: string;
  /** English. */
  en: string;
}

/** What one law found. */
export interface LawResult {
  /** Which law. */
  law: LawName;
  /** Whether the rubric passed. */
  ok: boolean;
  /**
   * True when the law had nothing to check and ran no case (no protected fact, no input with a direction, no
   * band list): it passes, but proves nothing, and reports say "skipped", not "✓". `message` says why.
   */
  skipped?: boolean;
  /** How many cases were tried (appraisals, or bounds for `boundaries`). */
  runs: number;
  /** The seed to replay the run with (`{ seed }` in the options). */
  seed: number;
  /** fast-check's path to the shrunk counterexample; with the seed, replays it directly (`{ seed, path }`). */
  path?: string;
  /** The shrunk counterexample, as readable data (an appraisal and what was changed in it). */
  counterexample?: unknown;
  /** What went wrong, or a note on what was (not) checked, in English (`text.en`). */
  message?: string;
  /** `message` in Bahasa Indonesia and English; present whenever `message` is. */
  text?: LawText;
  /**
   * For `monotonicity`: how many compared cases moved each checked part of the verdict (`predicate`, `score`,
   * `group:<id>:score`, `group:<id>:rating`, `outcome:<id>`). A part at 0 was never tested.
   */
  coverage?: Record<string, number>;
  /** For `reachability`: one appraisal reaching each predicate level and outcome (`predicate:<id>`, `outcome:<id>`). */
  witnesses?: Record<string, unknown>;
}

/** Options every law takes. */
export interface LawOptions {
  /** Seed of the random generator; the result reports the one used, so a failure can be replayed. */
  seed?: number;
  /** Number of generated cases. Defaults differ per law (100; reachability 600). */
  numRuns?: number;
  /** fast-check replay path (from a failed result), used with `seed`. */
  path?: string;
  /**
   * Facts to treat as protected in addition to those the rubric marks `protected: true` — e.g. a proxy (a copy of
   * gender under another name) the rubric reads. The protected law then proves the rubric ignores them too.
   */
  protectedFacts?: readonly string[];
  /** Options passed to the appraisal generator. */
  appraisal?: AppraisalArbitraryOptions;
}

/** A fairness law: a check of a compiled rubric. */
export type Law = (compiled: CompiledRubric, options?: LawOptions) => LawResult;
