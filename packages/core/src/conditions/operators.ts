import { compareNumeric, type Numeric } from './compareNumeric.js';
import { valuesEqual } from './valuesEqual.js';

/**
 * The operators, in json-rules-engine v7's default order. Its operator decorators (`someFact:`,
 * `not:`, …) are deliberately absent: `not` conditions already cover negation.
 */
export const OPERATOR_NAMES = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
] as const;

/** One of the ten condition operators. */
export type OperatorName = (typeof OPERATOR_NAMES)[number];

/** What an operand must be at run time: anything, a finite number or `Rational`, or an array. */
export type OperandKind = 'any' | 'number' | 'array';

/** How an operator checks and compares its two sides. */
export interface OperatorDefinition {
  /** What the fact (left side) must be; otherwise the leaf is undetermined with `fact-type`. */
  readonly fact: OperandKind;
  /** What the value (right side) must be when it comes from a fact reference. */
  readonly value: OperandKind;
  /** The comparison; only called once both sides satisfy {@link fact} and {@link value}. */
  readonly compare: (fact: unknown, value: unknown) => boolean;
}

/** `fact == value`: numerics exactly, everything else by `===`. */
export function equal(fact: unknown, value: unknown): boolean {
  return valuesEqual(fact, value);
}

/** `fact != value`: the negation of {@link equal}. */
export function notEqual(fact: unknown, value: unknown): boolean {
  return !valuesEqual(fact, value);
}

/** `fact ∈ list` (the `in` operator; `in` is a reserved word in JS). */
export function isIn(fact: unknown, list: readonly unknown[]): boolean {
  return list.some((item) => valuesEqual(fact, item));
}

/** `fact ∉ list`. */
export function notIn(fact: unknown, list: readonly unknown[]): boolean {
  return !isIn(fact, list);
}

/** The fact array holds `value`. */
export function contains(list: readonly unknown[], value: unknown): boolean {
  return isIn(value, list);
}

/** The fact array does not hold `value`. */
export function doesNotContain(list: readonly unknown[], value: unknown): boolean {
  return !isIn(value, list);
}

/** `fact < value`, exactly. */
export function lessThan(fact: Numeric, value: Numeric): boolean {
  return compareNumeric(fact, value) < 0;
}

/** `fact ≤ value`, exactly. */
export function lessThanInclusive(fact: Numeric, value: Numeric): boolean {
  return compareNumeric(fact, value) <= 0;
}

/** `fact > value`, exactly. */
export function greaterThan(fact: Numeric, value: Numeric): boolean {
  return compareNumeric(fact, value) > 0;
}

/** `fact ≥ value`, exactly. */
export function greaterThanInclusive(fact: Numeric, value: Numeric): boolean {
  return compareNumeric(fact, value) >= 0;
}

// The casts are safe because the evaluator checks each side's OperandKind before calling compare.
const asList = (x: unknown) => x as readonly unknown[];
const asNum = (x: unknown) => x as Numeric;

/** Every operator's definition, keyed by name. Look names up with {@link isOperatorName} first. */
export const operators: Readonly<Record<OperatorName, OperatorDefinition>> = Object.freeze({
  equal: { fact: 'any', value: 'any', compare: equal },
  notEqual: { fact: 'any', value: 'any', compare: notEqual },
  in: { fact: 'any', value: 'array', compare: (a, b) => isIn(a, asList(b)) },
  notIn: { fact: 'any', value: 'array', compare: (a, b) => notIn(a, asList(b)) },
  contains: { fact: 'array', value: 'any', compare: (a, b) => contains(asList(a), b) },
  doesNotContain: { fact: 'array', value: 'any', compare: (a, b) => doesNotContain(asList(a), b) },
  lessThan: { fact: 'number', value: 'number', compare: (a, b) => lessThan(asNum(a), asNum(b)) },
  lessThanInclusive: {
    fact: 'number',
    value: 'number',
    compare: (a, b) => lessThanInclusive(asNum(a), asNum(b)),
  },
  greaterThan: { fact: 'number', value: 'number', compare: (a, b) => greaterThan(asNum(a), asNum(b)) },
  greaterThanInclusive: {
    fact: 'number',
    value: 'number',
    compare: (a, b) => greaterThanInclusive(asNum(a), asNum(b)),
  },
} satisfies Record<OperatorName, OperatorDefinition>);

/** True when `name` is one of the ten operators (own keys only: `toString` is not an operator). */
export function isOperatorName(name: unknown): name is OperatorName {
  return typeof name === 'string' && Object.hasOwn(operators, name);
}
