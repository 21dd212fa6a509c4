/**
 * The small-number fast path of `Rational` (safe-integer numerator and denominator held as doubles)
 * must be unobservable: every operation agrees value-for-value, string-for-string and
 * instance-sharing-for-instance-sharing with the pure-bigint implementation it replaced, kept
 * verbatim in test/support/referenceRational.ts. Generators lean on the edges where the fast path
 * hands over to bigints: operands and products around 2^26, 2^53 and beyond, powers of ten, zero,
 * negatives and rounding ties.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational, type RoundingMode } from '../../src/numeric/rational.js';
import { Rational as Ref } from '../support/referenceRational.js';

const MODES: readonly RoundingMode[] = [
  'half-up',
  'half-down',
  'half-even',
  'up',
  'down',
  'ceiling',
  'floor',
];
const PARAMS = { seed: 20240611, numRuns: 2000 } as const;

const TWO_53 = 2n ** 53n;
const TWO_26 = 2n ** 26n;

// --- generators -----------------------------------------------------------------------------

/** Magnitudes clustered where the representation or an intermediate product changes form. */
const edgeMagnitude = fc.oneof(
  fc.constantFrom(0n, 1n, 2n, 3n, 5n, 10n, 100n, 1000n, 10n ** 6n, 10n ** 15n, 10n ** 16n, 10n ** 20n),
  fc.bigInt({ min: -8n, max: 8n }).map((k) => TWO_53 + k),
  fc.bigInt({ min: -8n, max: 8n }).map((k) => TWO_26 + k),
  fc.bigInt({ min: -8n, max: 8n }).map((k) => 2n ** 48n + k),
  fc.bigInt({ min: -8n, max: 8n }).map((k) => 2n ** 64n + k),
  fc.integer({ min: 0, max: 30 }).map((k) => 10n ** BigInt(k)),
  fc.integer({ min: 0, max: 30 }).map((k) => 2n ** BigInt(k) * 5n ** BigInt(Math.max(0, 20 - k))),
);
const magnitude = fc.oneof(
  { weight: 4, arbitrary: fc.bigInt({ min: 0n, max: 1000n }) },
  { weight: 3, arbitrary: fc.bigInt({ min: 0n, max: 2n ** 32n }) },
  { weight: 3, arbitrary: fc.bigInt({ min: 0n, max: TWO_53 + 1000n }) },
  { weight: 3, arbitrary: edgeMagnitude },
  { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: 2n ** 200n }) },
);
const signed = fc.tuple(magnitude, fc.boolean()).map(([m, neg]) => (neg ? -m : m));
const positive = magnitude.map((m) => (m === 0n ? 1n : m));
/** Raw, unreduced parts; the denominator may be negative so fromParts' sign handling is exercised. */
const parts = fc.tuple(signed, positive, fc.boolean()).map(([n, d, neg]) => [n, neg ? -d : d] as const);
/** Short decimals so rounding ties are common. */
const decimalParts = fc
  .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 9 }))
  .map(([n, k]) => [n, 10n ** BigInt(k)] as const);
const anyParts = fc.oneof(parts, decimalParts);
const mode = fc.constantFrom(...MODES);

// --- comparison helpers ---------------------------------------------------------------------

type Pair = { fast: Rational; ref: Ref };

function pair([n, d]: readonly [bigint, bigint]): Pair {
  return { fast: Rational.fromParts(n, d), ref: Ref.fromParts(n, d) };
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Whether the instance uses the double form (a private detail this file alone looks at). */
function isSmallForm(r: Rational): boolean {
  return (r as unknown as { d: number }).d !== 0;
}

/** Same value, and the fast instance is in the single canonical form for that value. */
function expectSame(fast: Rational, ref: Ref): void {
  expect([fast.num, fast.den]).toEqual([ref.num, ref.den]);
  // The form is a function of the value alone: doubles exactly when both parts are safe integers.
  expect(isSmallForm(fast)).toBe(ref.num >= -MAX_SAFE && ref.num <= MAX_SAFE && ref.den <= MAX_SAFE);
  // Two independently built instances of one value must be structurally identical, or `eq`
  // (and any structural comparison by callers) would break.
  expect(fast).toEqual(Rational.fromParts(ref.num, ref.den));
  expect(fast.eq(Rational.fromParts(ref.num, ref.den))).toBe(true);
}

/** Which shared instances / operands a result is, which callers can observe through `===`. */
function identity(r: unknown, k: { ZERO: unknown; ONE: unknown }, ...operands: unknown[]): boolean[] {
  return [r === k.ZERO, r === k.ONE, ...operands.map((o) => r === o)];
}

function expectSameOutcome<T, U>(fast: () => T, ref: () => U, check: (f: T, r: U) => void): void {
  let refError: unknown;
  let refValue: U | undefined;
  try {
    refValue = ref();
  } catch (e) {
    refError = e;
  }
  if (refError !== undefined) {
    expect(fast).toThrow(refError as Error);
    expect(() => fast()).toThrow((refError as Error).constructor as ErrorConstructor);
    return;
  }
  check(fast(), refValue as U);
}

// --- properties -----------------------------------------------------------------------------

describe('Rational fast path agrees with the bigint reference', () => {
  it('fromParts', () => {
    fc.assert(
      fc.property(anyParts, ([n, d]) => {
        expectSameOutcome(
          () => Rational.fromParts(n, d),
          () => Ref.fromParts(n, d),
          (f, r) => {
            expectSame(f, r);
            expect(identity(f, Rational)).toEqual(identity(r, Ref));
          },
        );
      }),
      PARAMS,
    );
  });

  it('add, sub, mul, div (results, canonical form and instance sharing)', () => {
    fc.assert(
      fc.property(anyParts, anyParts, (p, q) => {
        const a = pair(p);
        const b = pair(q);
        for (const op of ['add', 'sub', 'mul', 'div'] as const) {
          expectSameOutcome(
            () => a.fast[op](b.fast),
            () => a.ref[op](b.ref),
            (f, r) => {
              expectSame(f, r);
              expect(identity(f, Rational, a.fast, b.fast)).toEqual(identity(r, Ref, a.ref, b.ref));
            },
          );
        }
      }),
      PARAMS,
    );
  });

  it('every pair from a grid of boundary values, under every operation', () => {
    const MAX = TWO_53 - 1n;
    const nums = [0n, 1n, 7n, TWO_26 - 1n, TWO_26, 2n ** 31n, 2n ** 52n, MAX - 1n, MAX, TWO_53];
    const dens = [1n, 2n, 3n, TWO_26 + 1n, 2n ** 31n - 1n, 10n ** 15n, MAX - 1n, MAX, TWO_53 + 1n];
    const values: Pair[] = [];
    for (const n of nums) for (const d of dens) for (const s of [1n, -1n]) values.push(pair([s * n, d]));
    // A plain check per result keeps the ~17,000 combinations fast; expectSame reports a mismatch.
    const check = (f: Rational, r: Ref): void => {
      const canonical = Rational.fromParts(r.num, r.den);
      const small = r.num >= -MAX_SAFE && r.num <= MAX_SAFE && r.den <= MAX_SAFE;
      if (f.num !== r.num || f.den !== r.den || isSmallForm(f) !== small || !f.eq(canonical))
        expectSame(f, r);
    };
    for (const a of values) {
      for (const b of values) {
        check(a.fast.add(b.fast), a.ref.add(b.ref));
        check(a.fast.sub(b.fast), a.ref.sub(b.ref));
        check(a.fast.mul(b.fast), a.ref.mul(b.ref));
        if (!b.ref.isZero()) check(a.fast.div(b.fast), a.ref.div(b.ref));
        if (a.fast.cmp(b.fast) !== a.ref.cmp(b.ref)) expect(a.fast.cmp(b.fast)).toBe(a.ref.cmp(b.ref));
      }
      for (const m of MODES) {
        check(a.fast.round(2, m), a.ref.round(2, m));
        expect(a.fast.toFixed(3, m)).toBe(a.ref.toFixed(3, m));
      }
      expect(a.fast.toDecimalString()).toBe(a.ref.toDecimalString());
      expect(Object.is(a.fast.toNumber(), a.ref.toNumber())).toBe(true);
    }
  });

  it('chains of operations stay in agreement (results feed back across both forms)', () => {
    const op = fc.constantFrom('add', 'sub', 'mul', 'div', 'neg', 'abs') as fc.Arbitrary<
      'add' | 'sub' | 'mul' | 'div' | 'neg' | 'abs'
    >;
    fc.assert(
      fc.property(anyParts, fc.array(fc.tuple(op, anyParts), { maxLength: 12 }), (start, steps) => {
        let { fast, ref } = pair(start);
        for (const [o, p] of steps) {
          if (o === 'neg' || o === 'abs') {
            fast = fast[o]();
            ref = ref[o]();
          } else {
            const b = pair(p);
            if (o === 'div' && b.ref.isZero()) continue;
            fast = fast[o](b.fast);
            ref = ref[o](b.ref);
            // Keep chains from growing without bound, which only slows the run down.
            if (ref.den > 2n ** 400n || absBig(ref.num) > 2n ** 400n) ({ fast, ref } = pair(start));
          }
          expectSame(fast, ref);
        }
      }),
      { ...PARAMS, numRuns: 500 },
    );
  });

  it('neg, abs, sign, isZero, isInteger, toNumber, toString, toJSON', () => {
    fc.assert(
      fc.property(anyParts, (p) => {
        const { fast, ref } = pair(p);
        expectSame(fast.neg(), ref.neg());
        expectSame(fast.abs(), ref.abs());
        expect(identity(fast.neg(), Rational, fast)).toEqual(identity(ref.neg(), Ref, ref));
        expect(identity(fast.abs(), Rational, fast)).toEqual(identity(ref.abs(), Ref, ref));
        expect(fast.sign()).toBe(ref.sign());
        expect(fast.isZero()).toBe(ref.isZero());
        expect(fast.isInteger()).toBe(ref.isInteger());
        expect(Object.is(fast.toNumber(), ref.toNumber())).toBe(true);
        expect(fast.toString()).toBe(ref.toString());
        expect(JSON.stringify({ v: fast })).toBe(JSON.stringify({ v: ref }));
      }),
      PARAMS,
    );
  });

  it('cmp, eq, lt, lte, gt, gte, min, max', () => {
    fc.assert(
      fc.property(anyParts, anyParts, (p, q) => {
        const a = pair(p);
        const b = pair(q);
        expect(a.fast.cmp(b.fast)).toBe(a.ref.cmp(b.ref));
        expect(a.fast.eq(b.fast)).toBe(a.ref.eq(b.ref));
        expect(a.fast.lt(b.fast)).toBe(a.ref.lt(b.ref));
        expect(a.fast.lte(b.fast)).toBe(a.ref.lte(b.ref));
        expect(a.fast.gt(b.fast)).toBe(a.ref.gt(b.ref));
        expect(a.fast.gte(b.fast)).toBe(a.ref.gte(b.ref));
        expect(Rational.min(a.fast, b.fast) === a.fast).toBe(Ref.min(a.ref, b.ref) === a.ref);
        expect(Rational.max(a.fast, b.fast) === a.fast).toBe(Ref.max(a.ref, b.ref) === a.ref);
      }),
      PARAMS,
    );
  });

  it('cmp of values whose cross products overflow but whose quotients round alike', () => {
    // Neighbouring fractions with denominators near 2^53: the double quotients coincide, so the
    // exact fallback has to decide.
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 2n ** 20n }), fc.bigInt({ min: -4n, max: 4n }), (k, e) => {
        const d = TWO_53 - 1n - k;
        const a = pair([d - 1n + e, d]);
        const b = pair([d - 2n, d - 1n]);
        expect(a.fast.cmp(b.fast)).toBe(a.ref.cmp(b.ref));
        expect(b.fast.cmp(a.fast)).toBe(b.ref.cmp(a.ref));
      }),
      PARAMS,
    );
  });

  it('round and toFixed at every mode and 0..20 places, including ties', () => {
    const tie = fc
      .tuple(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), fc.integer({ min: 0, max: 20 }))
      .map(([n, k]) => [n * 10n + 5n, 10n ** BigInt(k + 1)] as const);
    fc.assert(
      fc.property(fc.oneof(anyParts, tie), fc.integer({ min: 0, max: 20 }), mode, (p, d, m) => {
        const { fast, ref } = pair(p);
        const fr = fast.round(d, m);
        const rr = ref.round(d, m);
        expectSame(fr, rr);
        expect(identity(fr, Rational, fast)).toEqual(identity(rr, Ref, ref));
        expect(fast.toFixed(d, m)).toBe(ref.toFixed(d, m));
      }),
      PARAMS,
    );
  });

  it('toDecimalString at 0..40 places and the default', () => {
    fc.assert(
      fc.property(anyParts, fc.integer({ min: 0, max: 40 }), (p, d) => {
        const { fast, ref } = pair(p);
        expect(fast.toDecimalString(d)).toBe(ref.toDecimalString(d));
        expect(fast.toDecimalString()).toBe(ref.toDecimalString());
      }),
      PARAMS,
    );
  });

  it('rejects bad arguments exactly like the reference', () => {
    const one = pair([1n, 3n]);
    for (const d of [-1, 1.5, 21, Number.NaN, 0, 20]) {
      for (const m of [...MODES, 'nearest' as RoundingMode]) {
        expectSameOutcome(
          () => one.fast.round(d, m),
          () => one.ref.round(d, m),
          () => undefined,
        );
        expectSameOutcome(
          () => one.fast.toFixed(d, m),
          () => one.ref.toFixed(d, m),
          () => undefined,
        );
      }
    }
    expectSameOutcome(
      () => Rational.ONE.div(Rational.ZERO),
      () => Ref.ONE.div(Ref.ZERO),
      () => undefined,
    );
    expectSameOutcome(
      () => Rational.fromParts(1n, 0n),
      () => Ref.fromParts(1n, 0n),
      () => undefined,
    );
  });
});

describe('Rational.from agrees with the bigint reference', () => {
  it('on every finite double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (x) => {
        expectSameOutcome(
          () => Rational.from(x),
          () => Ref.from(x),
          (f, r) => {
            expectSame(f, r);
            expect(identity(f, Rational)).toEqual(identity(r, Ref));
          },
        );
      }),
      { ...PARAMS, numRuns: 10_000 },
    );
  });

  it('on doubles written as short decimals, their neighbours, and values near 2^48 and 2^53', () => {
    const shortDecimal = fc
      .tuple(fc.integer({ min: -(2 ** 53 - 1), max: 2 ** 53 - 1 }), fc.integer({ min: 0, max: 22 }))
      .map(([n, k]) => n / 10 ** k);
    const scaled = fc
      .tuple(fc.integer({ min: -999_999, max: 999_999 }), fc.integer({ min: -30, max: 30 }))
      .map(([n, k]) => Number(`${n}e${k}`));
    const nearPow2 = fc
      .tuple(
        fc.constantFrom(2 ** 48, 2 ** 49, 2 ** 52, 2 ** 53, 2 ** -20, 1, 10, 0.1),
        fc.integer({ min: -64, max: 64 }),
      )
      .map(([b, k]) => b + k * 2 ** -4);
    const neighbour = (x: number, steps: number): number => {
      const buf = new DataView(new ArrayBuffer(8));
      buf.setFloat64(0, x);
      buf.setBigInt64(0, buf.getBigInt64(0) + BigInt(steps));
      return buf.getFloat64(0);
    };
    const value = fc.oneof(shortDecimal, scaled, nearPow2);
    fc.assert(
      fc.property(value, fc.integer({ min: -3, max: 3 }), fc.boolean(), (x, steps, negate) => {
        const y = neighbour(negate ? -x : x, steps);
        if (!Number.isFinite(y)) return;
        expectSame(Rational.from(y), Ref.from(y));
      }),
      { ...PARAMS, numRuns: 20_000 },
    );
  });

  it('on an exhaustive sweep of k / 10^f for small k, and their neighbouring doubles', () => {
    const view = new DataView(new ArrayBuffer(8));
    for (let f = 1; f <= 17; f++) {
      for (let k = -2000; k <= 2000; k += 7) {
        const x = k / 10 ** f;
        view.setFloat64(0, x);
        const bits = view.getBigInt64(0);
        for (const step of [-1n, 0n, 1n]) {
          view.setBigInt64(0, bits + step);
          const y = view.getFloat64(0);
          const a = Rational.from(y);
          const b = Ref.from(y);
          if (a.num !== b.num || a.den !== b.den) expect([y, a.num, a.den]).toEqual([y, b.num, b.den]);
        }
      }
    }
  });

  it('on bigints and on decimal and fraction strings, including malformed ones', () => {
    const digits = fc.oneof(
      fc.stringMatching(/^\d{1,20}$/),
      fc.bigInt({ min: 0n, max: 2n ** 70n }).map(String),
      fc.constantFrom(
        '0',
        '000',
        '9007199254740991',
        '9007199254740992',
        '999999999999999',
        '1000000000000000',
      ),
    );
    const decimal = fc
      .tuple(
        fc.constantFrom('', '+', '-'),
        digits,
        fc.option(fc.stringMatching(/^\d{1,18}$/), { nil: undefined }),
        fc.option(
          fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), fc.integer({ min: 0, max: 40 })),
          { nil: undefined },
        ),
      )
      .map(
        ([s, i, f, e]) =>
          `${s}${i}${f === undefined ? '' : `.${f}`}${e === undefined ? '' : `${e[0]}${e[1]}${e[2]}`}`,
      );
    const fraction = fc
      .tuple(fc.constantFrom('', '+', '-'), digits, digits)
      .map(([s, a, b]) => `${s}${a}/${b}`);
    const junk = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom(
        '.5',
        '1.',
        '1e',
        '- 1',
        '1/-2',
        '1.5/2',
        '0x10',
        ' 1',
        '1e99999',
        '1e-10001',
        '1e10000',
      ),
    );
    fc.assert(
      fc.property(fc.oneof(decimal, fraction, junk), (s) => {
        expectSameOutcome(
          () => Rational.from(s),
          () => Ref.from(s),
          (f, r) => {
            expectSame(f, r);
            expect(identity(f, Rational)).toEqual(identity(r, Ref));
          },
        );
      }),
      { ...PARAMS, numRuns: 5000 },
    );
    fc.assert(
      fc.property(signed, (x) => {
        expectSame(Rational.from(x), Ref.from(x));
        expect(identity(Rational.from(x), Rational)).toEqual(identity(Ref.from(x), Ref));
      }),
      PARAMS,
    );
  });
});

function absBig(x: bigint): bigint {
  return x < 0n ? -x : x;
}
