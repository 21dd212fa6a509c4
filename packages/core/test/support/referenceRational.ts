/**
 * Test-only reference: the pure-bigint `Rational` as it stood before the small-number fast path, kept
 * verbatim (apart from this header) so property tests can check the optimised class value-for-value and
 * string-for-string against it.
 *
 * @module
 */

/**
 * How to resolve a value that falls between two representable results. Semantics follow Java's
 * `BigDecimal` rounding modes:
 *
 * - `half-up`: to nearest; ties away from zero (3.125 → 3.13, −3.125 → −3.13).
 * - `half-down`: to nearest; ties toward zero (3.125 → 3.12).
 * - `half-even`: to nearest; ties to the even neighbour (3.125 → 3.12, 3.135 → 3.14).
 * - `up`: away from zero.
 * - `down`: toward zero (truncation).
 * - `ceiling`: toward +∞.
 * - `floor`: toward −∞.
 */
export type RoundingMode = 'half-up' | 'half-down' | 'half-even' | 'up' | 'down' | 'ceiling' | 'floor';

const MAX_ROUND_DECIMALS = 20;

// Bounds the cost of `10n ** exp` for adversarial strings like "1e999999999"; doubles never need
// more than ~340 and no score needs anywhere near this.
const MAX_EXPONENT = 10_000;

const DECIMAL_RE = /^([+-]?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;
const FRACTION_RE = /^([+-]?)(\d+)\/(\d+)$/;

// Beyond 2^53 a bigint no longer converts to a double exactly, so the fast division path is unsound.
const TWO_POW_53 = 1n << 53n;

const POW10_CACHE: bigint[] = [];
for (let i = 0, p = 1n; i <= 40; i++, p *= 10n) POW10_CACHE.push(p);

function pow10(k: number): bigint {
  return POW10_CACHE[k] ?? 10n ** BigInt(k);
}

function absBig(x: bigint): bigint {
  return x < 0n ? -x : x;
}

function gcd(a: bigint, b: bigint): bigint {
  // Callers pass non-negative values; Euclid is the cheapest option for bigints in practice.
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

// 2^k for |k| ≤ 600, computed exactly (Math.pow is not guaranteed exact by the spec).
function pow2(k: number): number {
  return k >= 0 ? Number(1n << BigInt(k)) : 1 / Number(1n << BigInt(-k));
}

function checkDecimals(decimals: number, max: number, what: string): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > max) {
    throw new RangeError(`${what} must be an integer in 0..${max}, got ${decimals}`);
  }
}

const MODES: ReadonlySet<string> = new Set<RoundingMode>([
  'half-up',
  'half-down',
  'half-even',
  'up',
  'down',
  'ceiling',
  'floor',
]);

// Untyped callers (JSON rubrics) could pass any string; an unknown mode must not silently round.
function checkMode(mode: RoundingMode): void {
  if (!MODES.has(mode)) throw new RangeError(`Unknown rounding mode: ${String(mode)}`);
}

// Integer quotient of n/d (d > 0) rounded per `mode`; the core of every rounding entry point.
function divRound(n: bigint, d: bigint, mode: RoundingMode): bigint {
  const q = n / d; // truncates toward zero
  const r = n % d; // carries the sign of n
  if (r === 0n) return q;
  const negative = n < 0n;
  let awayFromZero: boolean;
  switch (mode) {
    case 'up':
      awayFromZero = true;
      break;
    case 'down':
      awayFromZero = false;
      break;
    case 'ceiling':
      awayFromZero = !negative;
      break;
    case 'floor':
      awayFromZero = negative;
      break;
    default: {
      const twice = absBig(r) * 2n;
      if (twice !== d) awayFromZero = twice > d;
      else if (mode === 'half-up') awayFromZero = true;
      else if (mode === 'half-down') awayFromZero = false;
      else awayFromZero = (q & 1n) !== 0n; // half-even
    }
  }
  if (!awayFromZero) return q;
  return negative ? q - 1n : q + 1n;
}

// Renders `scaled / 10^decimals` with exactly `decimals` places; never emits "-0".
function formatScaled(scaled: bigint, decimals: number): string {
  const sign = scaled < 0n ? '-' : '';
  const digits = absBig(scaled).toString();
  if (decimals === 0) return sign + digits;
  const padded = digits.padStart(decimals + 1, '0');
  const cut = padded.length - decimals;
  return `${sign}${padded.slice(0, cut)}.${padded.slice(cut)}`;
}

/**
 * An immutable exact rational number `num / den`, always stored in lowest terms with a positive
 * denominator, so structural equality of `(num, den)` is value equality.
 *
 * Instances are created with {@link Rational.from} or {@link Rational.fromParts}; arithmetic never
 * loses precision, and conversion back to decimals happens only through {@link Rational.round},
 * {@link Rational.toFixed}, {@link Rational.toDecimalString} or {@link Rational.toNumber}.
 */
export class Rational {
  /** Numerator; carries the sign. Coprime with {@link Rational.den}. */
  readonly num: bigint;
  /** Denominator; always strictly positive. */
  readonly den: bigint;

  /** The value 0. */
  static readonly ZERO: Rational = new Rational(0n, 1n);
  /** The value 1. */
  static readonly ONE: Rational = new Rational(1n, 1n);
  /** The value 100, for percentage conversions. */
  static readonly HUNDRED: Rational = new Rational(100n, 1n);

  // Trusts that (num, den) is already normalised; every public path normalises first.
  private constructor(num: bigint, den: bigint) {
    this.num = num;
    this.den = den;
  }

  // Shares the constant instances so hot loops producing 0/1 do not allocate.
  private static make(num: bigint, den: bigint): Rational {
    if (den === 1n) {
      if (num === 0n) return Rational.ZERO;
      if (num === 1n) return Rational.ONE;
    }
    return new Rational(num, den);
  }

  /**
   * Builds `num / den`, reducing to lowest terms and moving the sign to the numerator.
   *
   * @throws RangeError if `den` is `0n`.
   */
  static fromParts(num: bigint, den: bigint): Rational {
    if (den === 0n) throw new RangeError('Rational denominator must not be zero');
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    if (den === 1n) return Rational.make(num, 1n);
    if (num === 0n) return Rational.ZERO;
    const g = gcd(absBig(num), den);
    return g === 1n ? new Rational(num, den) : Rational.make(num / g, den / g);
  }

  /**
   * Converts a number, bigint or string to an exact rational.
   *
   * - A `number` is read as the decimal its shortest round-trip string shows (`String(x)`), so
   *   `Rational.from(9.12)` is exactly `912/100`, not the binary approximation of 9.12.
   * - A `string` is either a decimal (`"-12.50"`, `"1e3"`, `"2.5E-4"`; a leading digit is required,
   *   so `".5"` is rejected) or a fraction `"a/b"` with an optional sign on `a`.
   *
   * Callers are expected to validate input first; failures here indicate a programming error.
   *
   * @throws RangeError for NaN, ±Infinity, malformed strings, a zero fraction denominator, or a
   *   decimal exponent whose magnitude exceeds 10000.
   * @throws TypeError if `x` is not a number, bigint or string.
   */
  static from(x: number | bigint | string): Rational {
    if (typeof x === 'bigint') return Rational.make(x, 1n);
    if (typeof x === 'number') {
      if (!Number.isFinite(x)) throw new RangeError(`Cannot convert ${x} to Rational`);
      // Safe integers print exactly, so String() would yield the same value at greater cost.
      if (Number.isSafeInteger(x)) return Rational.make(BigInt(x), 1n);
      return Rational.parse(String(x));
    }
    if (typeof x === 'string') return Rational.parse(x);
    throw new TypeError(`Cannot convert ${typeof x} to Rational`);
  }

  private static parse(s: string): Rational {
    const dec = DECIMAL_RE.exec(s);
    if (dec) {
      const [, sign, intPart = '', fracPart = '', expPart] = dec;
      const exp = (expPart === undefined ? 0 : Number(expPart)) - fracPart.length;
      if (Math.abs(exp) > MAX_EXPONENT) throw new RangeError(`Exponent out of range in "${s}"`);
      let num = BigInt(intPart + fracPart);
      if (sign === '-') num = -num;
      return exp >= 0 ? Rational.make(num * pow10(exp), 1n) : Rational.fromParts(num, pow10(-exp));
    }
    const frac = FRACTION_RE.exec(s);
    if (frac) {
      const [, sign, a = '', b = ''] = frac;
      const den = BigInt(b);
      if (den === 0n) throw new RangeError(`Zero denominator in "${s}"`);
      return Rational.fromParts(sign === '-' ? -BigInt(a) : BigInt(a), den);
    }
    throw new RangeError(`Malformed rational: ${JSON.stringify(s)}`);
  }

  /** Returns `this + o`. */
  add(o: Rational): Rational {
    if (this.den === 1n && o.den === 1n) return Rational.make(this.num + o.num, 1n);
    if (this.den === o.den) return Rational.fromParts(this.num + o.num, this.den);
    return Rational.fromParts(this.num * o.den + o.num * this.den, this.den * o.den);
  }

  /** Returns `this − o`. */
  sub(o: Rational): Rational {
    if (this.den === 1n && o.den === 1n) return Rational.make(this.num - o.num, 1n);
    if (this.den === o.den) return Rational.fromParts(this.num - o.num, this.den);
    return Rational.fromParts(this.num * o.den - o.num * this.den, this.den * o.den);
  }

  /** Returns `this × o`. */
  mul(o: Rational): Rational {
    if (this.den === 1n && o.den === 1n) return Rational.make(this.num * o.num, 1n);
    if (this.num === 0n || o.num === 0n) return Rational.ZERO;
    // Cross-reducing keeps operands small and yields a result already in lowest terms.
    const g1 = gcd(absBig(this.num), o.den);
    const g2 = gcd(absBig(o.num), this.den);
    return Rational.make((this.num / g1) * (o.num / g2), (this.den / g2) * (o.den / g1));
  }

  /**
   * Returns `this ÷ o`.
   *
   * @throws RangeError if `o` is zero.
   */
  div(o: Rational): Rational {
    if (o.num === 0n) throw new RangeError('Division by zero');
    if (this.num === 0n) return Rational.ZERO;
    // Multiply by the reciprocal, cross-reducing as in mul(); the sign moves to the numerator.
    const oNum = o.num < 0n ? -o.den : o.den;
    const oDen = absBig(o.num);
    const g1 = gcd(absBig(this.num), oDen);
    const g2 = gcd(o.den, this.den);
    return Rational.make((this.num / g1) * (oNum / g2), (this.den / g2) * (oDen / g1));
  }

  /** Returns `−this`. */
  neg(): Rational {
    return this.num === 0n ? this : new Rational(-this.num, this.den);
  }

  /** Returns `|this|`. */
  abs(): Rational {
    return this.num < 0n ? new Rational(-this.num, this.den) : this;
  }

  /** Returns −1, 0 or 1 according to the sign of this value. */
  sign(): -1 | 0 | 1 {
    return this.num < 0n ? -1 : this.num > 0n ? 1 : 0;
  }

  /** True if this value is exactly zero. */
  isZero(): boolean {
    return this.num === 0n;
  }

  /** True if this value is a whole number. */
  isInteger(): boolean {
    return this.den === 1n;
  }

  /** Three-way comparison: −1 if `this < o`, 0 if equal, 1 if `this > o`. */
  cmp(o: Rational): -1 | 0 | 1 {
    // Equal denominators (notably both integers) need no cross-multiplication.
    const l = this.den === o.den ? this.num : this.num * o.den;
    const r = this.den === o.den ? o.num : o.num * this.den;
    return l < r ? -1 : l > r ? 1 : 0;
  }

  /** True if `this = o`. */
  eq(o: Rational): boolean {
    // Lowest terms make the representation canonical.
    return this.num === o.num && this.den === o.den;
  }

  /** True if `this < o`. */
  lt(o: Rational): boolean {
    return this.cmp(o) < 0;
  }

  /** True if `this ≤ o`. */
  lte(o: Rational): boolean {
    return this.cmp(o) <= 0;
  }

  /** True if `this > o`. */
  gt(o: Rational): boolean {
    return this.cmp(o) > 0;
  }

  /** True if `this ≥ o`. */
  gte(o: Rational): boolean {
    return this.cmp(o) >= 0;
  }

  /**
   * The smallest of the arguments (the first one on ties).
   *
   * @throws RangeError if called with no arguments.
   */
  static min(...values: Rational[]): Rational {
    let best = values[0];
    if (best === undefined) throw new RangeError('Rational.min requires at least one value');
    for (let i = 1; i < values.length; i++) {
      const v = values[i] as Rational;
      if (v.cmp(best) < 0) best = v;
    }
    return best;
  }

  /**
   * The largest of the arguments (the first one on ties).
   *
   * @throws RangeError if called with no arguments.
   */
  static max(...values: Rational[]): Rational {
    let best = values[0];
    if (best === undefined) throw new RangeError('Rational.max requires at least one value');
    for (let i = 1; i < values.length; i++) {
      const v = values[i] as Rational;
      if (v.cmp(best) > 0) best = v;
    }
    return best;
  }

  /**
   * Rounds exactly to `decimals` decimal places using `mode`.
   *
   * @param decimals - Number of places after the decimal point, an integer in 0..20.
   * @param mode - How to resolve values between two representable results.
   * @throws RangeError if `decimals` is out of range or `mode` is unknown.
   */
  round(decimals: number, mode: RoundingMode): Rational {
    checkDecimals(decimals, MAX_ROUND_DECIMALS, 'decimals');
    const scale = pow10(decimals);
    checkMode(mode);
    // Already representable with `decimals` places: keep the instance.
    if (scale % this.den === 0n) return this;
    return Rational.fromParts(divRound(this.num * scale, this.den, mode), scale);
  }

  /**
   * Exact decimal string with exactly `decimals` places after rounding with `mode`. The sign is
   * emitted only when the rounded value is non-zero, so the result is never `"-0.00"`.
   *
   * @param decimals - Number of places after the decimal point, an integer in 0..20.
   * @param mode - Rounding mode; defaults to `half-even`.
   * @throws RangeError if `decimals` is out of range or `mode` is unknown.
   */
  toFixed(decimals: number, mode: RoundingMode = 'half-even'): string {
    checkDecimals(decimals, MAX_ROUND_DECIMALS, 'decimals');
    checkMode(mode);
    return formatScaled(divRound(this.num * pow10(decimals), this.den, mode), decimals);
  }

  /**
   * Shortest exact decimal representation when the value terminates within `maxDecimals` places;
   * otherwise the value rounded half-even to `maxDecimals` places. Trailing zeros and a trailing
   * `.` are stripped; zero (including a value that rounds to zero) is `"0"`, never `"-0"`.
   *
   * @param maxDecimals - Maximum number of places after the decimal point, a non-negative integer
   *   (at most 10000).
   * @throws RangeError if `maxDecimals` is out of range.
   */
  toDecimalString(maxDecimals = 12): string {
    checkDecimals(maxDecimals, MAX_EXPONENT, 'maxDecimals');
    if (this.den === 1n) return this.num.toString();
    const s = formatScaled(divRound(this.num * pow10(maxDecimals), this.den, 'half-even'), maxDecimals);
    if (maxDecimals === 0) return s === '-0' ? '0' : s;
    let end = s.length;
    while (s.charCodeAt(end - 1) === 48 /* '0' */) end--;
    if (s.charCodeAt(end - 1) === 46 /* '.' */) end--;
    return s.slice(0, end);
  }

  /**
   * The nearest IEEE double (round-half-even, correctly rounded including the subnormal range;
   * ±Infinity beyond the double range). Deterministic across platforms. Use only at output
   * boundaries: comparisons and rounding must stay on {@link Rational}.
   */
  toNumber(): number {
    const { num, den } = this;
    if (den === 1n) return Number(num); // bigint → number conversion is correctly rounded
    const a = absBig(num);
    // Both operands exact as doubles ⇒ one IEEE division is correctly rounded.
    if (a <= TWO_POW_53 && den <= TWO_POW_53) return Number(num) / Number(den);
    const negative = num < 0n;
    const e = bitLength(a) - bitLength(den); // value lies in [2^(e-1), 2^(e+1))
    if (e > 1025) return negative ? -Infinity : Infinity;
    // Scale so the integer quotient carries 53 significant bits (fewer when subnormal: the
    // smallest double step is 2^-1074), then round once, by hand, using the exact remainder.
    let s = Math.min(53 - e, 1074);
    let q = 0n;
    let r = 0n;
    let d = den;
    for (;;) {
      if (s >= 0) {
        d = den;
        const n = a << BigInt(s);
        q = n / d;
        r = n % d;
      } else {
        d = den << BigInt(-s);
        q = a / d;
        r = a % d;
      }
      if (q < TWO_POW_53) break;
      s -= 1;
    }
    const twice = r * 2n;
    if (twice > d || (twice === d && (q & 1n) === 1n)) q += 1n;
    // q ≤ 2^53 converts exactly; two half-steps keep each power of two finite and normal.
    const half = Math.trunc(s / 2);
    const result = Number(q) * pow2(-half) * pow2(-(s - half));
    return negative ? -result : result;
  }

  /** Same as {@link Rational.toDecimalString} with its default of 12 places. */
  toString(): string {
    return this.toDecimalString();
  }

  /** Serialises as a JSON number via {@link Rational.toNumber}. */
  toJSON(): number {
    return this.toNumber();
  }
}
