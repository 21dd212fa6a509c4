import { describe, expect, it } from 'vitest';
import { formatFactPath, parseFactPath } from '../../src/conditions/parseFactPath.js';
import { readFactPath } from '../../src/conditions/readFactPath.js';
import { Rational } from '../../src/numeric/rational.js';

describe('parseFactPath', () => {
  it('parses plain name and index steps', () => {
    expect(parseFactPath('$')).toEqual({ ok: true, segments: [] });
    expect(parseFactPath('$.a')).toEqual({ ok: true, segments: ['a'] });
    expect(parseFactPath('$.hasil[0].rating_2')).toEqual({ ok: true, segments: ['hasil', 0, 'rating_2'] });
    expect(parseFactPath('$[10][0]._x-y')).toEqual({ ok: true, segments: [10, 0, '_x-y'] });
  });

  it.each([
    '',
    'a',
    '$.',
    '$..a',
    '$.*',
    '$[*]',
    '$.a[?(@.b > 1)]',
    '$[(@.length-1)]',
    "$['a']",
    '$["a"]',
    '$.a b',
    '$.1a',
    '$.-a',
    '$[01]',
    '$[-1]',
    '$[1.5]',
    '$[0:2]',
    '$.a,b',
    '@.a',
    '$.a.',
    ' $.a',
    '$.a ',
    '$[99999999999999999999]',
    '$.é',
  ])('refuses %j', (path) => {
    expect(parseFactPath(path)).toEqual({ ok: false, reason: 'syntax' });
  });

  it.each(['$.__proto__', '$.constructor', '$.a.prototype', '$[0].constructor.x'])('forbids %j', (path) => {
    expect(parseFactPath(path)).toEqual({ ok: false, reason: 'forbidden' });
  });

  it('formats segments back', () => {
    expect(formatFactPath('employee', ['a', 0, 'b'])).toBe('employee.a[0].b');
    expect(formatFactPath('employee', [])).toBe('employee');
  });
});

describe('readFactPath', () => {
  it('reads own properties and in-range indexes', () => {
    const v = { a: { b: [10, { c: 'x' }] } };
    expect(readFactPath(v, ['a', 'b', 1, 'c'])).toBe('x');
    expect(readFactPath(v, ['a', 'b', 0])).toBe(10);
    expect(readFactPath(v, [])).toBe(v);
  });

  it('treats inherited, out-of-range, holes and wrong-kind steps as absent', () => {
    expect(readFactPath(Object.create({ inherited: 1 }), ['inherited'])).toBeUndefined();
    expect(readFactPath({}, ['toString'])).toBeUndefined();
    expect(readFactPath([1, 2], [2])).toBeUndefined();
    // biome-ignore lint/suspicious/noSparseArray: a hole is the point of this case
    expect(readFactPath([1, , 3], [1])).toBeUndefined();
    expect(readFactPath([1, 2], ['length'])).toBeUndefined();
    expect(readFactPath({ a: 1 }, [0])).toBeUndefined();
    expect(readFactPath('text', ['length'])).toBeUndefined();
    expect(readFactPath(null, ['a'])).toBeUndefined();
    expect(readFactPath({ a: null }, ['a', 'b'])).toBeUndefined();
    expect(readFactPath(Rational.from('1/2'), ['num'])).toBeUndefined();
  });
});
