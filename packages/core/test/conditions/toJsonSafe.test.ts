import { describe, expect, it } from 'vitest';
import { toJsonSafe } from '../../src/conditions/toJsonSafe.js';
import { Rational } from '../../src/numeric/rational.js';

describe('toJsonSafe', () => {
  it('keeps JSON values and converts the rest', () => {
    expect(toJsonSafe(undefined)).toBeUndefined();
    expect(toJsonSafe({ a: [1, 'x', true, null] })).toEqual({ a: [1, 'x', true, null] });
    expect(toJsonSafe(Rational.from('3/4'))).toBe(0.75);
    expect(toJsonSafe(2n ** 80n)).toBe((2n ** 80n).toString());
    expect(toJsonSafe([Number.NaN, Number.NEGATIVE_INFINITY, undefined, () => 1])).toEqual([
      'NaN',
      '-Infinity',
      null,
      null,
    ]);
    expect(toJsonSafe(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
  });

  it('survives cycles and a "__proto__" key', () => {
    const a: Record<string, unknown> = { x: 1 };
    a.self = a;
    expect(toJsonSafe(a)).toEqual({ x: 1, self: '[Circular]' });
    const tricky = JSON.parse('{"__proto__": {"polluted": 1}}');
    const copy = toJsonSafe(tricky) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.hasOwn(copy, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
