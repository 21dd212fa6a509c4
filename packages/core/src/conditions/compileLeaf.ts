import type { DiagnosticInit } from '../diagnostics/createDiagnostic.js';
import { createDiagnostic } from '../diagnostics/createDiagnostic.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { joinPointer } from '../diagnostics/pointer.js';
import { Rational } from '../numeric/rational.js';
import type { FactCondition } from '../schema/conditionSchema.js';
import { checkOperands } from './checkOperands.js';
import { isNumeric } from './compareNumeric.js';
import { compileFactRead, type FactRead } from './compileFactRead.js';
import type { CompiledNode, ConditionContext, ConditionTrace, Truth } from './conditionTypes.js';
import type { FactSource } from './FactCatalogue.js';
import { isOperatorName, OPERATOR_NAMES, type OperandKind, operators } from './operators.js';
import { readFactPath } from './readFactPath.js';
import { toJsonSafe } from './toJsonSafe.js';

const REF_KEYS: ReadonlySet<string> = new Set(['fact', 'path']);

/**
 * Compiles one `{ fact, path?, operator, value }` leaf at `pointer`.
 *
 * At run time a missing fact, path or referenced value makes the leaf undetermined with
 * `missing-fact`, and a side of the wrong type (`contains` over a non-list, a numeric operator over a
 * non-number) makes it undetermined with `fact-type` — json-rules-engine would answer `false` (or,
 * for numbers, coerce text with `parseFloat`). `params` and `name` are accepted for compatibility and
 * ignored: Kinerja facts take no parameters. Returns undefined after reporting when refused.
 */
export function compileLeaf(
  leaf: FactCondition,
  pointer: string,
  ctx: ConditionContext,
): CompiledNode | undefined {
  const lhs = compileFactRead(leaf.fact, leaf.path, pointer, ctx);

  const operator = leaf.operator;
  const known = isOperatorName(operator);
  if (!known) {
    ctx.report({
      code: 'unknown-operator',
      pointer: joinPointer(pointer, 'operator'),
      received: operator,
      expected: [...OPERATOR_NAMES],
    });
  }

  const value: unknown = leaf.value;
  let rhs: FactRead | undefined;
  let rhsOk = true;
  if (isFactRef(value)) {
    const valueAt = joinPointer(pointer, 'value');
    const extra = Object.keys(value).filter((k) => !REF_KEYS.has(k));
    if (extra.length > 0) {
      ctx.report({
        code: 'operator-value',
        pointer: valueAt,
        expected: '{ fact, path? }',
        received: extra,
        params: { operator: String(operator) },
      });
      rhsOk = false;
    } else {
      rhs = compileFactRead(value.fact, value.path, valueAt, ctx);
      rhsOk = rhs !== undefined;
    }
  }
  if (!lhs || !known || !rhsOk) return undefined;
  const compileTimeValue = rhs
    ? { kind: 'fact' as const, shape: rhs.shape }
    : { kind: 'constant' as const, value };
  if (!checkOperands(operator, lhs.shape, compileTimeValue, pointer, ctx)) return undefined;

  const def = operators[operator];
  const source = ctx.source;
  const read = (facts: FactSource, r: FactRead): unknown => readFactPath(facts(r.fact), r.segments);
  const right = (facts: FactSource): unknown => (rhs ? read(facts, rhs) : value);
  const constantForTrace = rhs ? undefined : toJsonSafe(value);
  const decide = (a: unknown, b: unknown): Truth => {
    if (a === undefined || b === undefined) return undefined;
    if (!fits(a, def.fact) || (rhs && !fits(b, def.value))) return undefined;
    return def.compare(a, b);
  };
  const diagnostic = (init: Omit<DiagnosticInit, 'pointer'>): Diagnostic =>
    createDiagnostic(source === undefined ? { ...init, pointer } : { ...init, pointer, source });

  return {
    test: (facts) => decide(read(facts, lhs), right(facts)),
    run(facts, diagnostics) {
      const a = read(facts, lhs);
      const b = right(facts);
      if (a === undefined) diagnostics.push(diagnostic({ code: 'missing-fact', expected: lhs.text }));
      else if (!fits(a, def.fact)) diagnostics.push(typeProblem(def.fact, a));
      if (rhs) {
        if (b === undefined) diagnostics.push(diagnostic({ code: 'missing-fact', expected: rhs.text }));
        else if (!fits(b, def.value)) diagnostics.push(typeProblem(def.value, b));
      }
      const trace: ConditionTrace = {
        kind: 'fact',
        pointer,
        fact: lhs.fact,
        operator,
        expected: rhs ? toJsonSafe(b) : constantForTrace,
        actual: toJsonSafe(a),
        value: decide(a, b),
      };
      if (lhs.path !== undefined) trace.path = lhs.path;
      return trace;
    },
  };

  function typeProblem(needs: OperandKind, received: unknown): Diagnostic {
    return diagnostic({
      code: 'fact-type',
      expected: needs,
      received: toJsonSafe(received),
      params: { operator },
    });
  }
}

// json-rules-engine treats any object with an own `fact` key as a reference (almanac.getValue).
function isFactRef(value: unknown): value is { fact: unknown; path?: unknown } {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    !(value instanceof Rational) &&
    Object.hasOwn(value, 'fact')
  );
}

function fits(x: unknown, kind: OperandKind): boolean {
  if (kind === 'number') return isNumeric(x);
  if (kind === 'array') return Array.isArray(x);
  return true;
}
