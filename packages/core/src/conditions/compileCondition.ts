import type { DiagnosticInit } from '../diagnostics/createDiagnostic.js';
import { createDiagnostic } from '../diagnostics/createDiagnostic.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { joinPointer } from '../diagnostics/pointer.js';
import type { Condition, FactCondition } from '../schema/conditionSchema.js';
import { compileLeaf } from './compileLeaf.js';
import type {
  CompiledCondition,
  CompiledNode,
  ConditionContext,
  ConditionRun,
  ConditionTrace,
  Truth,
} from './conditionTypes.js';
import type { FactCatalogue, FactSource } from './FactCatalogue.js';
import { kleeneAnd, kleeneNot, kleeneOr } from './kleene.js';

export type { CompiledCondition, ConditionRun, ConditionTrace, Truth } from './conditionTypes.js';
export type { FactSource } from './FactCatalogue.js';

/** Options of {@link compileCondition}. */
export interface CompileConditionOptions {
  /** JSON pointer of the condition in the rubric; diagnostics and traces point below it. */
  pointer: string;
  /** The facts the condition may read. */
  catalogue: FactCatalogue;
  /** Rubric document name, copied into every diagnostic. */
  source?: string;
}

/** Result of {@link compileCondition}. */
export type CompileConditionResult =
  | { ok: true; value: CompiledCondition }
  | { ok: false; diagnostics: Diagnostic[] };

const BOOLEAN_KEYS = ['all', 'any', 'not'] as const;

/**
 * Compiles a json-rules-engine condition into a synchronous evaluator, without its silent pitfalls.
 *
 * Compile time refuses (with every problem reported, not just the first): unknown or protected facts
 * and paths, non-plain paths, unknown operators, values that cannot suit their operator, and empty
 * `all`/`any` (json-rules-engine treats both as `true`). Unlike json-rules-engine, a bare leaf is
 * accepted at the top.
 *
 * Evaluation uses Kleene three-valued logic: a leaf whose fact or path is missing, or whose fact has
 * the wrong type, is `undefined` with a diagnostic — never a silent `false` — and `all`/`any`/`not`
 * propagate it (`all` is false if any child is false, `any` true if any child is true). Every child
 * is evaluated so the trace is complete; use `.test` for a trace-free fast path.
 */
export function compileCondition(
  condition: Condition,
  options: CompileConditionOptions,
): CompileConditionResult {
  const diagnostics: Diagnostic[] = [];
  const { source } = options;
  const ctx: ConditionContext = {
    catalogue: options.catalogue,
    ...(source === undefined ? {} : { source }),
    report(init: DiagnosticInit) {
      diagnostics.push(createDiagnostic(init, source));
    },
  };
  const root = compileNode(condition, options.pointer, ctx);
  if (!root || diagnostics.length > 0) return { ok: false, diagnostics };

  const run = (facts: FactSource): ConditionRun => {
    const found: Diagnostic[] = [];
    const trace = root.run(facts, found);
    return { value: trace.value, trace, diagnostics: found };
  };
  const compiled: CompiledCondition = Object.assign(run, { test: (facts: FactSource) => root.test(facts) });
  return { ok: true, value: compiled };
}

function compileNode(node: unknown, pointer: string, ctx: ConditionContext): CompiledNode | undefined {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) {
    ctx.report({ code: 'schema-invalid', stage: 'compile', pointer, expected: 'condition', received: node });
    return undefined;
  }
  const keys = BOOLEAN_KEYS.filter((k) => Object.hasOwn(node, k));
  const isLeaf = Object.hasOwn(node, 'fact');
  // Untyped callers can send {all, any} or {all, fact}; json-rules-engine silently picks one.
  if (keys.length + (isLeaf ? 1 : 0) !== 1) {
    ctx.report({ code: 'schema-invalid', stage: 'compile', pointer, expected: 'one of all, any, not, fact' });
    return undefined;
  }
  const key = keys[0];
  if (key === undefined) return compileLeaf(node as FactCondition, pointer, ctx);
  const body = (node as Record<string, unknown>)[key];
  const at = joinPointer(pointer, key);
  if (key === 'not') {
    const child = compileNode(body, at, ctx);
    return child && notNode(child, pointer);
  }
  if (!Array.isArray(body)) {
    ctx.report({ code: 'schema-invalid', stage: 'compile', pointer: at, expected: 'array' });
    return undefined;
  }
  if (body.length === 0) {
    ctx.report({ code: 'empty-condition', pointer: at });
    return undefined;
  }
  const children = body.map((child, i) => compileNode(child, joinPointer(at, i), ctx));
  if (children.some((c) => c === undefined)) return undefined;
  return groupNode(key, children as CompiledNode[], pointer);
}

function notNode(child: CompiledNode, pointer: string): CompiledNode {
  return {
    test: (facts) => kleeneNot(child.test(facts)),
    run(facts, diagnostics) {
      const inner = child.run(facts, diagnostics);
      return { kind: 'not', pointer, value: kleeneNot(inner.value), child: inner };
    },
  };
}

function groupNode(kind: 'all' | 'any', children: readonly CompiledNode[], pointer: string): CompiledNode {
  const combine = kind === 'all' ? kleeneAnd : kleeneOr;
  // The identity of AND is true, of OR false; the value that decides the group is its negation.
  const start = kind === 'all';
  return {
    test(facts) {
      let value: Truth = start;
      for (const child of children) {
        const v = child.test(facts);
        if (v === !start) return v;
        value = combine(value, v);
      }
      return value;
    },
    run(facts, diagnostics) {
      const traces: ConditionTrace[] = [];
      let value: Truth = start;
      for (const child of children) {
        const trace = child.run(facts, diagnostics);
        traces.push(trace);
        value = combine(value, trace.value);
      }
      return { kind, pointer, value, children: traces };
    },
  };
}
