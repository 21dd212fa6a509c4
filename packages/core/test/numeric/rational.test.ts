import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational, type RoundingMode } from '../../src/numeric/rational.js';

const MODES: readonly RoundingMode[] = [
  'half-up',
  'half-down',
  'half-even',
  'up',
  'down',
  'ceiling',
  'floor',
];
const HALF_MODES = new Set<RoundingMode>(['half-up', 'half-down', 'half-even']);
const PARAMS = { seed: 42, numRuns: 500 } as const;

const R = (x: number | bigint | string): Rational => Rational.from(x);
const pow10 = (k: number): bigint => 10n ** BigInt(k);

// --- generators -----------------------------------------------------------------------------

const bigNum = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n });
const posDen = fc.bigInt({ min: 1n, max: 10n ** 6n });
/** Raw (unreduced) parts, for checking against references that work on the raw fraction. */
const parts = fc.tuple(bigNum, posDen);
/** Short decimals hit rounding ties often; arbitrary fractions hit the non-terminating cases. */
const decimalRational = fc
  .tuple(fc.bigInt({ min: -(10n ** 10n), max: 10n ** 10n }), fc.integer({ min: 0, max: 8 }))
  .map(([n, k]) => Rational.fromParts(n, pow10(k)));
const rational = fc.oneof(
  parts.map(([n, d]) => Rational.fromParts(n, d)),
  decimalRational,
);
const nonZero = rational.filter((r) => !r.isZero());
const mode = fc.constantFrom(...MODES);
const places = fc.integer({ min: 0, max: 6 });

// --- independent references -----------------------------------------------------------------

const gcdRef = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcdRef(b, a % b));
const absRef = (x: bigint): bigint => (x < 0n ? -x : x);

/** Sign of n1/d1 − n2/d2 for positive denominators, by cross-multiplication. */
function cmpRef(n1: bigint, d1: bigint, n2: bigint, d2: bigint): number {
  const diff = n1 * d2 - n2 * d1;
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}

/** Floor division for d > 0 (bigint `/` truncates). */
function floorDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d !== 0n && n < 0n ? q - 1n : q;
}

/**
 * Reference rounding built differently from the implementation: it works with the floor/ceiling
 * neighbours and a non-negative remainder, and picks a neighbour by explicit case analysis.
 * Returns the scaled integer (result × 10^decimals).
 */
function roundRef(num: bigint, den: bigint, decimals: number, m: RoundingMode): bigint {
  const n = num * pow10(decimals);
  const lo = floorDiv(n, den);
  const rem = n - lo * den; // 0 ≤ rem < den
  if (rem === 0n) return lo;
  const hi = lo + 1n;
  const towardZero = n > 0n ? lo : hi;
  const awayFromZero = n > 0n ? hi : lo;
  const c = cmpRef(rem * 2n, 1n, den, 1n); // where rem sits relative to the midpoint
  switch (m) {
    case 'floor':
      return lo;
    case 'ceiling':
      return hi;
    case 'down':
      return towardZero;
    case 'up':
      return awayFromZero;
    case 'half-up':
      return c < 0 ? lo : c > 0 ? hi : awayFromZero;
    case 'half-down':
      return c < 0 ? lo : c > 0 ? hi : towardZero;
    case 'half-even':
      return c < 0 ? lo : c > 0 ? hi : lo % 2n === 0n ? lo : hi;
  }
}

function isNormalised(r: Rational): boolean {
  return r.den > 0n && gcdRef(absRef(r.num), r.den) === 1n;
}

// --- hand-computed examples -----------------------------------------------------------------

describe('Rational: motivating examples', () => {
  it('100 − 9.12/12×100 is exactly 24 (while the float expression is not)', () => {
    const float = 100 - (9.12 / 12) * 100;
    expect(float).not.toBe(24);
    expect(float <= 24).toBe(false);

    const exact = Rational.from(100).sub(Rational.from(9.12).div(Rational.from(12)).mul(Rational.HUNDRED));
    expect(exact.cmp(Rational.from(24))).toBe(0);
    expect(exact.lte(Rational.from(24))).toBe(true);
    expect(exact.eq(Rational.from(24))).toBe(true);
    expect(exact.isInteger()).toBe(true);
    expect(exact.toString()).toBe('24');
  });

  it('0.7×96 + 0.3×76 is exactly 90', () => {
    const v = R(0.7)
      .mul(R(96))
      .add(R(0.3).mul(R(76)));
    expect(v.cmp(R(90))).toBe(0);
    expect(v.num).toBe(90n);
    expect(v.den).toBe(1n);
    expect(0.7 * 96 + 0.3 * 76).not.toBe(90); // 89.99999999999999
  });

  it('reads 9.12 as 912/100, not as its binary approximation', () => {
    const r = R(9.12);
    expect([r.num, r.den]).toEqual([228n, 25n]);
  });
});

describe('Rational: rounding table', () => {
  // [value, decimals, expected per mode in MODES order:
  //  half-up, half-down, half-even, up, down, ceiling, floor]
  const table: [string, number, [string, string, string, string, string, string, string]][] = [
    ['3.125', 2, ['3.13', '3.12', '3.12', '3.13', '3.12', '3.13', '3.12']],
    ['-3.125', 2, ['-3.13', '-3.12', '-3.12', '-3.13', '-3.12', '-3.12', '-3.13']],
    ['2.5', 0, ['3', '2', '2', '3', '2', '3', '2']],
    ['-2.5', 0, ['-3', '-2', '-2', '-3', '-2', '-2', '-3']],
    ['9.375', 2, ['9.38', '9.37', '9.38', '9.38', '9.37', '9.38', '9.37']],
    ['28.125', 2, ['28.13', '28.12', '28.12', '28.13', '28.12', '28.13', '28.12']],
    ['1/3', 2, ['0.33', '0.33', '0.33', '0.34', '0.33', '0.34', '0.33']],
    ['-1/3', 2, ['-0.33', '-0.33', '-0.33', '-0.34', '-0.33', '-0.33', '-0.34']],
    ['2/3', 2, ['0.67', '0.67', '0.67', '0.67', '0.66', '0.67', '0.66']],
    ['266/3', 2, ['88.67', '88.67', '88.67', '88.67', '88.66', '88.67', '88.66']],
    ['3.135', 2, ['3.14', '3.13', '3.14', '3.14', '3.13', '3.14', '3.13']],
    ['7', 2, ['7.00', '7.00', '7.00', '7.00', '7.00', '7.00', '7.00']],
  ];

  for (const [value, decimals, expected] of table) {
    MODES.forEach((m, i) => {
      it(`${value} → ${decimals} places, ${m} = ${expected[i]}`, () => {
        const x = R(value);
        expect(x.toFixed(decimals, m)).toBe(expected[i]);
        expect(x.round(decimals, m).eq(R(expected[i] as string))).toBe(true);
      });
    });
  }

  it('never prints negative zero', () => {
    expect(R('-0.001').toFixed(2, 'half-even')).toBe('0.00');
    expect(R('-0.001').toFixed(2, 'floor')).toBe('-0.01');
    expect(R('-0.001').toDecimalString(2)).toBe('0');
    expect(R('-1/3').toFixed(0, 'down')).toBe('0');
    expect(R(-0).toString()).toBe('0');
  });

  it('toFixed defaults to half-even', () => {
    expect(R('28.125').toFixed(2)).toBe('28.12');
    expect(R('28.135').toFixed(2)).toBe('28.14');
  });
});

describe('Rational: parsing and formatting', () => {
  it.each([
    ['-12.50', -25n, 2n],
    ['1e3', 1000n, 1n],
    ['+2.5E-4', 1n, 4000n],
    ['0.000', 0n, 1n],
    ['007', 7n, 1n],
    ['6/8', 3n, 4n],
    ['-6/8', -3n, 4n],
    ['0/5', 0n, 1n],
  ])('from(%j) = %s/%s', (s, n, d) => {
    const r = R(s);
    expect([r.num, r.den]).toEqual([n, d]);
  });

  it('reads numbers via their shortest round-trip string, including exponent forms', () => {
    expect(R(1e-7).eq(Rational.fromParts(1n, 10n ** 7n))).toBe(true);
    expect(R(1.5e21).eq(R(1500000000000000000000n))).toBe(true);
    expect(R(-2.5e-8).eq(Rational.fromParts(-25n, 10n ** 9n))).toBe(true);
    expect(R(0.1).add(R(0.2)).eq(R(0.3))).toBe(true);
    // 2^60 prints as 1152921504606847000, and that is the decimal we take.
    expect(R(2 ** 60).num).toBe(1152921504606847000n);
  });

  it('fromParts normalises sign and common factors', () => {
    const r = Rational.fromParts(10n, -4n);
    expect([r.num, r.den]).toEqual([-5n, 2n]);
    expect(Rational.fromParts(0n, -7n).den).toBe(1n);
  });

  it('shares constants', () => {
    expect(R(0)).toBe(Rational.ZERO);
    expect(R(1)).toBe(Rational.ONE);
    expect(R(3).sub(R(3))).toBe(Rational.ZERO);
  });

  it('toDecimalString: shortest terminating form, else half-even at maxDecimals', () => {
    expect(R('12.500').toDecimalString()).toBe('12.5');
    expect(R('-0.125').toDecimalString()).toBe('-0.125');
    expect(R('1/3').toDecimalString()).toBe('0.333333333333');
    expect(R('2/3').toDecimalString()).toBe('0.666666666667');
    expect(R('2/3').toDecimalString(3)).toBe('0.667');
    expect(R('1/8').toDecimalString(2)).toBe('0.12'); // half-even tie
    expect(R('0.999').toDecimalString(2)).toBe('1');
    expect(R('1/3').toDecimalString(0)).toBe('0');
    expect(R('-1e-20').toDecimalString()).toBe('0');
    expect(R(0).toDecimalString()).toBe('0');
    expect(String(R('266/3'))).toBe('88.666666666667');
  });

  it('toNumber / toJSON', () => {
    expect(R('88.67').toNumber()).toBe(88.67);
    expect(R('1/3').toNumber()).toBe(1 / 3);
    expect(JSON.stringify({ score: R('24.0') })).toBe('{"score":24}');
    // Reference is a correctly rounded literal; `1 / 3 / 1e30` would round twice and differ.
    expect(Rational.fromParts(1n, 3n * 10n ** 30n).toNumber()).toBe(Number(`0.${'3'.repeat(60)}e-30`));
    expect(Rational.fromParts(-(2n ** 80n) - 1n, 3n).toNumber()).toBe(Number(`-${(2n ** 80n + 1n) / 3n}`));
    expect(R('1e400').toNumber()).toBe(Infinity);
    expect(R('-1e-400').toNumber()).toBe(-0);
  });

  it('sign, abs, neg, min, max', () => {
    expect(R(-3).sign()).toBe(-1);
    expect(R(0).sign()).toBe(0);
    expect(R('1/9').sign()).toBe(1);
    expect(R('-1/9').abs().eq(R('1/9'))).toBe(true);
    expect(R('1/9').neg().eq(R('-1/9'))).toBe(true);
    expect(Rational.min(R(3), R('-1/2'), R(2)).eq(R('-0.5'))).toBe(true);
    expect(Rational.max(R(3), R('-1/2'), R('7/2')).eq(R(3.5))).toBe(true);
  });
});

describe('Rational: error cases', () => {
  it.each([NaN, Infinity, -Infinity])('from(%s) throws RangeError', (x) => {
    expect(() => R(x)).toThrow(RangeError);
  });

  it.each(['abc', '', '.5', '1.', '1e', '- 1', '1/0', '1/-2', '1.5/2', '0x10', ' 1', '1e99999'])(
    'from(%j) throws RangeError',
    (s) => {
      expect(() => R(s)).toThrow(RangeError);
    },
  );

  it('division by zero and zero denominators throw RangeError', () => {
    expect(() => R(1).div(Rational.ZERO)).toThrow(RangeError);
    expect(() => Rational.fromParts(1n, 0n)).toThrow(RangeError);
  });

  it('bad decimals, modes and empty min/max throw RangeError', () => {
    expect(() => R(1).round(21, 'half-up')).toThrow(RangeError);
    expect(() => R(1).round(-1, 'half-up')).toThrow(RangeError);
    expect(() => R(1).round(1.5, 'half-up')).toThrow(RangeError);
    expect(() => R(1).round(2, 'nearest' as RoundingMode)).toThrow(RangeError);
    expect(() => R('1/3').toFixed(2, 'nearest' as RoundingMode)).toThrow(RangeError);
    expect(() => Rational.min()).toThrow(RangeError);
    expect(() => Rational.max()).toThrow(RangeError);
  });
});

// --- properties -----------------------------------------------------------------------------

describe('Rational: field laws', () => {
  it('addition and multiplication are commutative', () => {
    fc.assert(
      fc.property(rational, rational, (a, b) => a.add(b).eq(b.add(a)) && a.mul(b).eq(b.mul(a))),
      PARAMS,
    );
  });

  it('addition and multiplication are associative', () => {
    fc.assert(
      fc.property(
        rational,
        rational,
        rational,
        (a, b, c) =>
          a
            .add(b)
            .add(c)
            .eq(a.add(b.add(c))) &&
          a
            .mul(b)
            .mul(c)
            .eq(a.mul(b.mul(c))),
      ),
      PARAMS,
    );
  });

  it('multiplication distributes over addition', () => {
    fc.assert(
      fc.property(rational, rational, rational, (a, b, c) => a.mul(b.add(c)).eq(a.mul(b).add(a.mul(c)))),
      PARAMS,
    );
  });

  it('a − a is zero; a + (−a) is zero', () => {
    fc.assert(
      fc.property(rational, (a) => a.sub(a).isZero() && a.add(a.neg()).isZero()),
      PARAMS,
    );
  });

  it('(a ÷ b) × b = a for b ≠ 0', () => {
    fc.assert(
      fc.property(rational, nonZero, (a, b) => a.div(b).mul(b).eq(a)),
      PARAMS,
    );
  });

  it('results stay in lowest terms with a positive denominator', () => {
    fc.assert(
      fc.property(rational, nonZero, (a, b) =>
        [a.add(b), a.sub(b), a.mul(b), a.div(b), a.neg(), a.abs()].every(isNormalised),
      ),
      PARAMS,
    );
  });

  it('arithmetic agrees with the textbook formulas on raw parts', () => {
    fc.assert(
      fc.property(parts, parts, ([n1, d1], [n2, d2]) => {
        const a = Rational.fromParts(n1, d1);
        const b = Rational.fromParts(n2, d2);
        const same = (r: Rational, n: bigint, d: bigint): boolean => r.num * d === n * r.den;
        return same(a.add(b), n1 * d2 + n2 * d1, d1 * d2) && same(a.mul(b), n1 * n2, d1 * d2);
      }),
      PARAMS,
    );
  });
});

describe('Rational: conversion properties', () => {
  it('from(int / 10^k) as a number equals fromParts(int, 10^k) for ≤ 6 places', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 6 }),
        (n, k) => {
          const expected = Rational.fromParts(BigInt(n), pow10(k));
          return R(n / 10 ** k).eq(expected);
        },
      ),
      PARAMS,
    );
  });

  it('toNumber(from(x)) round-trips every finite double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(R(x).toNumber()).toBe(x === 0 ? 0 : x);
      }),
      PARAMS,
    );
  });

  it('toDecimalString(17) parsed back is within half a unit of the 17th place', () => {
    fc.assert(
      fc.property(rational, (a) => {
        const back = R(a.toDecimalString(17));
        return back
          .sub(a)
          .abs()
          .mul(Rational.fromParts(2n * pow10(17), 1n))
          .lte(Rational.ONE);
      }),
      PARAMS,
    );
  });
});

describe('Rational: comparison properties', () => {
  it('cmp agrees with cross-multiplication on the raw parts', () => {
    fc.assert(
      fc.property(parts, parts, ([n1, d1], [n2, d2]) => {
        const a = Rational.fromParts(n1, d1);
        const b = Rational.fromParts(n2, d2);
        const c = cmpRef(n1, d1, n2, d2);
        return (
          a.cmp(b) === c &&
          a.eq(b) === (c === 0) &&
          a.lt(b) === c < 0 &&
          a.lte(b) === c <= 0 &&
          a.gt(b) === c > 0 &&
          a.gte(b) === c >= 0
        );
      }),
      PARAMS,
    );
  });

  it('min/max agree with cmp', () => {
    fc.assert(
      fc.property(fc.array(rational, { minLength: 1, maxLength: 8 }), (xs) => {
        const lo = Rational.min(...xs);
        const hi = Rational.max(...xs);
        return xs.every((x) => lo.lte(x) && hi.gte(x)) && xs.includes(lo) && xs.includes(hi);
      }),
      PARAMS,
    );
  });
});

describe('Rational: rounding properties', () => {
  it('round(d, mode) agrees with the independent reference', () => {
    fc.assert(
      fc.property(rational, places, mode, (a, d, m) => {
        const expected = Rational.fromParts(roundRef(a.num, a.den, d, m), pow10(d));
        expect(a.round(d, m).eq(expected)).toBe(true);
      }),
      PARAMS,
    );
  });

  it('round agrees with the reference on raw, unreduced parts at up to 20 places', () => {
    fc.assert(
      fc.property(parts, fc.integer({ min: 0, max: 20 }), mode, ([n, dd], d, m) => {
        const expected = Rational.fromParts(roundRef(n, dd, d, m), pow10(d));
        return Rational.fromParts(n, dd).round(d, m).eq(expected);
      }),
      PARAMS,
    );
  });

  it('the rounded value is within half a unit (half-* modes) or one unit (others), on the right side', () => {
    fc.assert(
      fc.property(rational, places, mode, (a, d, m) => {
        const r = a.round(d, m);
        const unit = Rational.fromParts(1n, pow10(d));
        const err = r.sub(a).abs();
        if (HALF_MODES.has(m)) expect(err.lte(unit.div(Rational.from(2)))).toBe(true);
        else expect(err.lt(unit)).toBe(true);
        if (m === 'ceiling') expect(r.gte(a)).toBe(true);
        if (m === 'floor') expect(r.lte(a)).toBe(true);
        if (m === 'down') expect(r.abs().lte(a.abs())).toBe(true);
        if (m === 'up') expect(r.abs().gte(a.abs())).toBe(true);
        // The result really has at most d places.
        expect(pow10(d) % r.den).toBe(0n);
      }),
      PARAMS,
    );
  });

  it('rounding is idempotent (under any mode once rounded)', () => {
    fc.assert(
      fc.property(rational, places, mode, mode, (a, d, m, m2) => {
        const r = a.round(d, m);
        return r.round(d, m).eq(r) && r.round(d, m2).eq(r);
      }),
      PARAMS,
    );
  });

  it('toFixed(d, mode) parses back to round(d, mode) and has exactly d places', () => {
    fc.assert(
      fc.property(rational, places, mode, (a, d, m) => {
        const s = a.toFixed(d, m);
        expect(s).toMatch(d === 0 ? /^-?\d+$/ : new RegExp(`^-?\\d+\\.\\d{${d}}$`));
        expect(s.startsWith('-0') && /^-0(\.0*)?$/.test(s)).toBe(false);
        expect(R(s).eq(a.round(d, m))).toBe(true);
      }),
      PARAMS,
    );
  });

  it('negation mirrors rounding: round(−a, m) = −round(a, mirror(m))', () => {
    const mirror: Record<RoundingMode, RoundingMode> = {
      'half-up': 'half-up',
      'half-down': 'half-down',
      'half-even': 'half-even',
      up: 'up',
      down: 'down',
      ceiling: 'floor',
      floor: 'ceiling',
    };
    fc.assert(
      fc.property(rational, places, mode, (a, d, m) => a.neg().round(d, m).eq(a.round(d, mirror[m]).neg())),
      PARAMS,
    );
  });
});
