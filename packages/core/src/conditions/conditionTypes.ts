import type { DiagnosticInit } from '../diagnostics/createDiagnostic.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FactCatalogue, FactSource } from './FactCatalogue.js';

/** A three-valued truth: `undefined` means "cannot be decided" (a fact is missing or unusable). */
export type Truth = boolean | undefined;

/**
 * How a condition reached its value, node by node. Every child appears (no short-circuit), and
 * `expected` / `actual` are JSON-safe copies (a `Rational` becomes a number; a missing value stays
 * `undefined`).
 */
export type ConditionTrace =
  | { kind: 'all' | 'any'; pointer: string; value: Truth; children: ConditionTrace[] }
  | { kind: 'not'; pointer: string; value: Truth; child: ConditionTrace }
  | {
      kind: 'fact';
      pointer: string;
      fact: string;
      path?: string;
      operator: string;
      /** The comparison value: the constant, or the referenced fact's value. */
      expected: unknown;
      /** The fact's value at `path`. */
      actual: unknown;
      value: Truth;
    };

/** The outcome of running a compiled condition. */
export interface ConditionRun {
  /** True, false, or undefined when undetermined (see `diagnostics`). */
  value: Truth;
  /** Every node's value. */
  trace: ConditionTrace;
  /** Runtime problems (`missing-fact`, `fact-type`), stage `evaluate`, pointing at the rubric leaf. */
  diagnostics: Diagnostic[];
}

/**
 * A compiled condition. Call it for the value with a trace and diagnostics; call `.test` in bulk
 * scoring for the value alone (same result, no trace or diagnostics built, and `all`/`any` stop at
 * the first deciding child).
 */
export interface CompiledCondition {
  /** Evaluates with trace and diagnostics. */
  (facts: FactSource): ConditionRun;
  /** Evaluates to the value only. */
  test(facts: FactSource): Truth;
}

/** Internal: one compiled node of the condition tree. */
export interface CompiledNode {
  /** Evaluates with a trace, pushing runtime diagnostics into `diagnostics`. */
  run(facts: FactSource, diagnostics: Diagnostic[]): ConditionTrace;
  /** Evaluates to the value only. */
  test(facts: FactSource): Truth;
}

/** Internal: what the condition compilers share. */
export interface ConditionContext {
  /** Facts conditions may read. */
  readonly catalogue: FactCatalogue;
  /** Rubric document name, copied into every diagnostic. */
  readonly source?: string;
  /** Records a compile-time diagnostic. */
  report(init: DiagnosticInit): void;
}
