import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import {
  contains,
  doesNotContain,
  equal,
  greaterThan,
  greaterThanInclusive,
  isIn,
  isOperatorName,
  lessThan,
  lessThanInclusive,
  notEqual,
  notIn,
  OPERATOR_NAMES,
  operators,
} from '../../src/conditions/operators.js';
import { Rational } from '../../src/numeric/rational.js';

describe('operators', () => {
  it('lists exactly json-rules-engine v7 default operators, in its order', () => {
    const engine = new Engine();
    const map = (engine as unknown as { operators: { operators: Map<string, unknown> } }).operators.operators;
    expect([...map.keys()]).toEqual([...OPERATOR_NAMES]);
    expect(Object.keys(operators)).toEqual([...OPERATOR_NAMES]);
  });

  it('isOperatorName accepts only own operator names', () => {
    for (const name of OPERATOR_NAMES) expect(isOperatorName(name)).toBe(true);
    for (const name of [
      'toString',
      'constructor',
      '__proto__',
      'hasOwnProperty',
      'equals',
      '',
      'not:equal',
      1,
    ]) {
      expect(isOperatorName(name)).toBe(false);
    }
  });

  it('equal / notEqual: numbers and Rationals exactly, everything else by ===', () => {
    expect(equal(1.5, 1.5)).toBe(true);
    expect(equal(Rational.from('3/2'), 1.5)).toBe(true);
    expect(equal(1.5, Rational.from('3/2'))).toBe(true);
    expect(equal(Rational.from('1/3'), Rational.from('2/6'))).toBe(true);
    expect(equal(Rational.from('1/3'), 0.3333333333333333)).toBe(false);
    expect(equal(Rational.from('0.1'), 0.1)).toBe(true);
    expect(equal(0, -0)).toBe(true);
    expect(equal(Number.NaN, Number.NaN)).toBe(false);
    expect(equal('1', 1)).toBe(false);
    expect(equal(Rational.from(1), '1')).toBe(false);
    expect(equal(true, 1)).toBe(false);
    expect(equal(null, null)).toBe(true);
    expect(equal([1], [1])).toBe(false);
    expect(equal({}, {})).toBe(false);
    expect(equal('baik', 'baik')).toBe(true);
    expect(notEqual('baik', 'Baik')).toBe(true);
    expect(notEqual(Rational.from('3/2'), 1.5)).toBe(false);
  });

  it('in / notIn use the same equality', () => {
    expect(isIn('b', ['a', 'b'])).toBe(true);
    expect(isIn(Rational.from('0.25'), [0.5, 0.25])).toBe(true);
    expect(isIn(1, ['1'])).toBe(false);
    expect(notIn('c', ['a', 'b'])).toBe(true);
    expect(notIn(2, [1, 2])).toBe(false);
    expect(operators.in.compare('a', ['a'])).toBe(true);
    expect(operators.notIn.compare('a', ['a'])).toBe(false);
  });

  it('contains / doesNotContain look into the fact list', () => {
    expect(contains(['a', 'b'], 'a')).toBe(true);
    expect(contains([Rational.from('7/2')], 3.5)).toBe(true);
    expect(contains([1, 2], '1')).toBe(false);
    expect(doesNotContain([], 'x')).toBe(true);
    expect(doesNotContain(['x'], 'x')).toBe(false);
    expect(operators.contains.fact).toBe('array');
    expect(operators.doesNotContain.compare(['x'], 'y')).toBe(true);
  });

  it('numeric operators compare exactly, mixing numbers and Rationals', () => {
    const r = (s: string) => Rational.from(s);
    expect(lessThan(1, 2)).toBe(true);
    expect(lessThan(2, 2)).toBe(false);
    expect(lessThanInclusive(2, 2)).toBe(true);
    expect(greaterThan(3, 2)).toBe(true);
    expect(greaterThanInclusive(2, 2)).toBe(true);
    // 100 - 9.12/12*100 is 24.000000000000014 as doubles; exactly 24 as a Rational.
    const exact = r('100').sub(r('9.12').div(r('12')).mul(r('100')));
    expect(lessThanInclusive(exact, 24)).toBe(true);
    expect(lessThanInclusive(100 - (9.12 / 12) * 100, 24)).toBe(false);
    // A number is read as its shortest decimal: 0.1 is exactly 1/10, not the binary approximation.
    expect(greaterThanInclusive(r('1/10'), 0.1)).toBe(true);
    expect(lessThanInclusive(r('1/10'), 0.1)).toBe(true);
    expect(greaterThan(r('1/3'), 0.3333333333333333)).toBe(true);
    expect(lessThan(-0.000001, r('0'))).toBe(true);
    for (const name of ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'] as const) {
      expect(operators[name].fact).toBe('number');
      expect(operators[name].value).toBe('number');
    }
  });
});
