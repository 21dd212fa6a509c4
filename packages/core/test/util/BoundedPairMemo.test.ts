import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createOfficeCalendar } from '../../src/evaluate/createOfficeCalendar.js';
import { BoundedPairMemo } from '../../src/util/BoundedPairMemo.js';

describe('BoundedPairMemo', () => {
  it('answers as the function does, computing each pair once while it is kept', () => {
    const calls: string[] = [];
    const memo = new BoundedPairMemo((a, b) => {
      calls.push(`${a}|${b}`);
      return `${a}+${b}`;
    });
    expect(memo.get('a', 'b')).toBe('a+b');
    expect(memo.get('a', 'b')).toBe('a+b');
    expect(memo.get('b', 'a')).toBe('b+a');
    expect(calls).toEqual(['a|b', 'b|a']);
  });

  it('keeps the two texts apart: no cut between them can be shifted', () => {
    const memo = new BoundedPairMemo((a, b) => [a, b]);
    expect(memo.get('1:a', 'b')).toEqual(['1:a', 'b']);
    expect(memo.get('1:', 'ab')).toEqual(['1:', 'ab']);
    expect(memo.get('', '1:ab')).toEqual(['', '1:ab']);
  });

  it('remembers undefined as an answer', () => {
    let n = 0;
    const memo = new BoundedPairMemo(() => {
      n++;
      return undefined;
    });
    memo.get('x', 'y');
    memo.get('x', 'y');
    expect(n).toBe(1);
  });

  it('never holds more than its limit, and still answers correctly after starting over', () => {
    let n = 0;
    const memo = new BoundedPairMemo((a, b) => {
      n++;
      return a + b;
    }, 4);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.string()), { maxLength: 30 }), (pairs) => {
        for (const [a, b] of pairs) expect(memo.get(a, b)).toBe(a + b);
      }),
    );
    n = 0;
    const fresh = new BoundedPairMemo((a, b) => {
      n++;
      return a + b;
    }, 4);
    for (let i = 0; i < 5; i++) fresh.get(String(i), '');
    // The fifth pair found the memo full and started it over; the first is computed again.
    fresh.get('0', '');
    expect(n).toBe(6);
  });
});

describe('createOfficeCalendar', () => {
  it('gives the same differences whichever order the pairs are first asked in', () => {
    const a = createOfficeCalendar('Asia/Makassar');
    const b = createOfficeCalendar('Asia/Makassar');
    const days = ['2020-04-01', '2020-10-01', '2024-12-31', '2024-01-01', '2023-03-31', '2024-02-29'];
    const pairs = days.flatMap((x) => days.map((y) => [x, y] as const));
    const ask = (
      c: ReturnType<typeof createOfficeCalendar>,
      list: ReadonlyArray<readonly [string, string]>,
    ) => list.map(([x, y]) => [x, y, c.between(x, y), c.span(y, x)]);
    const forward = ask(a, pairs);
    const backward = ask(b, [...pairs].reverse()).reverse();
    expect(backward).toEqual(forward);
    expect(a.between('2024-12-31', '2020-04-01')).toEqual({ years: 4, months: 56 });
    expect(a.span('2024-01-01', '2024-12-31')).toEqual({
      months: 12,
      year: 2024,
      startYear: 2024,
      length: 12,
    });
    expect(a.span('2020-10-01', '2024-02-29')).toEqual({
      months: 41,
      year: 2024,
      startYear: 2020,
      length: 41,
    });
  });
});
