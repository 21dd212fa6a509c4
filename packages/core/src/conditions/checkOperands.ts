import type { DiagnosticInit } from '../diagnostics/createDiagnostic.js';
import { joinPointer } from '../diagnostics/pointer.js';
import { Rational } from '../numeric/rational.js';
import { isNumeric } from './compareNumeric.js';
import type { ConditionContext } from './conditionTypes.js';
import type { FactShape } from './FactCatalogue.js';
import type { OperatorName } from './operators.js';

/** The right-hand side of a leaf as known at compile time. */
export type CompileTimeValue = { kind: 'constant'; value: unknown } | { kind: 'fact'; shape: FactShape };

const SCALAR = 'string|number|boolean|null';
const ANY: FactShape = { type: 'any' };

/**
 * Checks that a leaf's two sides suit its operator, reporting `operator-value` at `/operator` when
 * the fact's shape cannot work and at `/value` (or `/value/i`) when the value cannot.
 *
 * The json-rules-engine behaviours refused here all end in a silent `false`: `in` over a non-list,
 * numeric operators over text, objects compared by identity, a non-finite constant, a constant the
 * fact's type or `values` list can never equal. An empty `in` list is refused like an empty `any`.
 * Returns false when something was reported.
 */
export function checkOperands(
  operator: OperatorName,
  factShape: FactShape,
  value: CompileTimeValue,
  pointer: string,
  ctx: ConditionContext,
): boolean {
  let ok = true;
  const report = (at: string, expected: unknown, received: unknown): void => {
    const init: DiagnosticInit = {
      code: 'operator-value',
      pointer: at,
      expected,
      received: describe(received),
      params: { operator },
    };
    ctx.report(init);
    ok = false;
  };
  const opAt = joinPointer(pointer, 'operator');
  const valueAt = joinPointer(pointer, 'value');

  switch (operator) {
    case 'equal':
    case 'notEqual': {
      if (!isScalarShape(factShape)) report(opAt, SCALAR, factShape.type);
      else if (value.kind === 'constant') checkScalar(factShape, value.value, valueAt, report);
      else checkScalarRef(factShape, value.shape, valueAt, report);
      break;
    }
    case 'in':
    case 'notIn': {
      if (!isScalarShape(factShape)) report(opAt, SCALAR, factShape.type);
      else if (value.kind === 'constant') {
        const list = value.value;
        if (!Array.isArray(list)) report(valueAt, 'array', describe(list));
        else if (list.length === 0) report(valueAt, 'non-empty array', list);
        else {
          list.forEach((item, i) => {
            checkScalar(factShape, item, joinPointer(valueAt, i), report);
          });
        }
      } else if (value.shape.type === 'array') checkScalarRef(factShape, value.shape.items, valueAt, report);
      else if (value.shape.type !== 'any') report(valueAt, 'array', value.shape.type);
      break;
    }
    case 'contains':
    case 'doesNotContain': {
      const items = factShape.type === 'array' ? factShape.items : factShape.type === 'any' ? ANY : undefined;
      if (!items) report(opAt, 'array', factShape.type);
      else if (!isScalarShape(items)) report(opAt, `array of ${SCALAR}`, `array of ${items.type}`);
      else if (value.kind === 'constant') checkScalar(items, value.value, valueAt, report);
      else checkScalarRef(items, value.shape, valueAt, report);
      break;
    }
    default: {
      if (factShape.type !== 'number' && factShape.type !== 'any') report(opAt, 'number', factShape.type);
      if (value.kind === 'constant') {
        if (!isNumeric(value.value)) report(valueAt, 'number', describe(value.value));
      } else if (value.shape.type !== 'number' && value.shape.type !== 'any') {
        report(valueAt, 'number', value.shape.type);
      }
    }
  }
  return ok;
}

type Report = (at: string, expected: unknown, received: unknown) => void;

function isScalarShape(shape: FactShape): boolean {
  return (
    shape.type === 'number' || shape.type === 'string' || shape.type === 'boolean' || shape.type === 'any'
  );
}

// A constant that can be compared by value: objects and arrays would only ever be !== a fact.
function isScalar(x: unknown): boolean {
  return x === null || typeof x === 'string' || typeof x === 'boolean' || isNumeric(x);
}

function checkScalar(shape: FactShape, x: unknown, at: string, report: Report): void {
  if (!isScalar(x)) {
    report(at, SCALAR, describe(x));
    return;
  }
  switch (shape.type) {
    case 'number':
      if (!isNumeric(x)) report(at, 'number', x);
      break;
    case 'boolean':
      if (typeof x !== 'boolean') report(at, 'boolean', x);
      break;
    case 'string':
      if (typeof x !== 'string') report(at, shape.values ?? 'string', x);
      else if (shape.values && !shape.values.includes(x)) report(at, shape.values, x);
      break;
    default:
  }
}

// Two fact sides of different known scalar types can never be equal.
function checkScalarRef(shape: FactShape, other: FactShape, at: string, report: Report): void {
  if (!isScalarShape(other)) report(at, SCALAR, other.type);
  else if (shape.type !== 'any' && other.type !== 'any' && shape.type !== other.type)
    report(at, shape.type, other.type);
}

// Non-JSON values (NaN, Rational, undefined) would print badly in a message; name them instead.
function describe(x: unknown): unknown {
  if (x === undefined) return 'undefined';
  if (typeof x === 'number' && !Number.isFinite(x)) return String(x);
  if (x instanceof Rational) return x.toNumber();
  if (typeof x === 'bigint') return `${x}n`;
  return x;
}
