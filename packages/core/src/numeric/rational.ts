/**
 * Exact rational arithmetic for score computation.
 *
 * Appraisal boundaries (e.g. "≤ 24") must never be moved by binary floating-point noise:
 * `100 - 9.12 / 12 * 100` is `24.000000000000014` in IEEE doubles but exactly 24 by the
 * regulation. Every intermediate value is therefore kept as a reduced fraction and only
 * rounded at explicitly named points, with an explicit {@link RoundingMode}.
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

// The small form relies on one fact about doubles: an integer result of +, −, × on safe integers is
// exact whenever its magnitude is ≤ MAX_SAFE, and otherwise rounds (monotonically) to ≥ 2^53. So
// "compute in doubles, then check |result| ≤ MAX_SAFE" never accepts a silently rounded value.
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MAX_SAFE_BIG = BigInt(MAX_SAFE);

// 10^k as doubles is exact up to k = 22 (5^22 < 2^53), which covers every `round` scale (≤ 20).
const POW10_NUM: number[] = [];
for (let i = 0, p = 1; i <= 22; i++, p *= 10) POW10_NUM.push(p);
// Largest k with 10^k itself a safe integer, i.e. usable as a small-form denominator.
const MAX_SAFE_POW10 = 15;

// `from(number)` fast path bound: with |x·10^f| ≤ 2^48 the double spacing around x, scaled by
// 10^f, is ≤ 2^-4, so at most one integer m has m/10^f round to x, and Math.round(x·10^f) (error
// ≤ 2^-5) is that m when it exists. See `shortestDecimal`.
const TWO_POW_48 = 2 ** 48;

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

// Same as gcd() for non-negative safe integers; `%` on doubles is exact, so Euclid stays exact.
function gcdNum(a: number, b: number): number {
  while (a > 0x7fffffff || b > 0x7fffffff) {
    if (b === 0) return a;
    const t = a % b;
    a = b;
    b = t;
  }
  // Both fit 32 bits now: integer remainder instruction instead of fmod (see rem()).
  let x = a | 0;
  let y = b | 0;
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
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

// Whether a non-zero remainder r moves the truncated quotient one step away from zero; `half` is
// the sign of 2|r| − d. Shared by the bigint and double paths so the seven modes are decided in
// exactly one place.
function roundsAway(mode: RoundingMode, negative: boolean, half: number, qOdd: boolean): boolean {
  switch (mode) {
    case 'up':
      return true;
    case 'down':
      return false;
    case 'ceiling':
      return !negative;
    case 'floor':
      return negative;
    default:
      if (half !== 0) return half > 0;
      if (mode === 'half-up') return true;
      if (mode === 'half-down') return false;
      return qOdd; // half-even
  }
}

// Integer quotient of n/d (d > 0) rounded per `mode`; the core of every rounding entry point.
function divRound(n: bigint, d: bigint, mode: RoundingMode): bigint {
  const q = n / d; // truncates toward zero
  const r = n % d; // carries the sign of n
  if (r === 0n) return q;
  const negative = n < 0n;
  const twice = absBig(r) * 2n;
  if (!roundsAway(mode, negative, twice < d ? -1 : twice > d ? 1 : 0, (q & 1n) !== 0n)) return q;
  return negative ? q - 1n : q + 1n;
}

// `a % b` for safe integers a and b > 0. Where both fit 32 bits `| 0` lets the JIT use the integer
// remainder instruction: once a field has held a non-Smi number V8 treats these values as doubles,
// and double `%` is a much slower fmod call. A −0 result still compares equal to 0.
function rem(a: number, b: number): number {
  return a >= -0x7fffffff && a <= 0x7fffffff && b <= 0x7fffffff ? (a | 0) % (b | 0) : a % b;
}

// divRound for safe-integer n and 0 < d ≤ MAX_SAFE. fmod is exact, so n − r is an exact multiple of
// d and the division yielding q is exact; |q| ≤ MAX_SAFE / 2 when r ≠ 0 (d ≥ 2), so q ± 1 is safe.
// 2|r| − d lies in (−d, d), so it too is computed exactly.
function divRoundNum(n: number, d: number, mode: RoundingMode): number {
  const r = rem(n, d);
  if (r === 0) return n / d;
  const q = (n - r) / d;
  const negative = n < 0;
  if (!roundsAway(mode, negative, Math.abs(r) * 2 - d, rem(q, 2) !== 0)) return q;
  return negative ? q - 1 : q + 1;
}

// Renders `scaled / 10^decimals` with exactly `decimals` places; never emits "-0".
function formatScaled(negative: boolean, digits: string, decimals: number): string {
  const sign = negative ? '-' : '';
  if (decimals === 0) return sign + digits;
  const padded = digits.padStart(decimals + 1, '0');
  const cut = padded.length - decimals;
  return `${sign}${padded.slice(0, cut)}.${padded.slice(cut)}`;
}

function formatScaledBig(scaled: bigint, decimals: number): string {
  return formatScaled(scaled < 0n, absBig(scaled).toString(), decimals);
}

// Safe integers print all their digits via String(), identical to the bigint's toString().
function formatScaledNum(scaled: number, decimals: number): string {
  return formatScaled(scaled < 0, String(Math.abs(scaled)), decimals);
}

// Strips trailing zeros and a trailing '.' from a formatScaled() result with `decimals` places.
function trimDecimal(s: string, decimals: number): string {
  if (decimals === 0) return s === '-0' ? '0' : s;
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48 /* '0' */) end--;
  if (s.charCodeAt(end - 1) === 46 /* '.' */) end--;
  return s.slice(0, end);
}

function fitsSafe(x: bigint): boolean {
  return x <= MAX_SAFE_BIG && x >= -MAX_SAFE_BIG;
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
  // Two canonical forms, chosen by magnitude alone so that equal values are always stored alike:
  // - small: numerator `n` and denominator `d` > 0 both safe integers (bn = bd = 0n);
  // - big: `d` = 0 (n = 0) and the value is bn / bd, with bn or bd outside the safe range.
  // Scores are overwhelmingly small, and doubles avoid bigint allocation and bigint gcd.
  private readonly n: number;
  private readonly d: number;
  private readonly bn: bigint;
  private readonly bd: bigint;

  /** The value 0. */
  static readonly ZERO: Rational = new Rational(0, 1, 0n, 0n);
  /** The value 1. */
  static readonly ONE: Rational = new Rational(1, 1, 0n, 0n);
  /** The value 100, for percentage conversions. */
  static readonly HUNDRED: Rational = new Rational(100, 1, 0n, 0n);

  // Trusts that the fields are already canonical; every public path normalises first.
  private constructor(n: number, d: number, bn: bigint, bd: bigint) {
    this.n = n;
    this.d = d;
    this.bn = bn;
    this.bd = bd;
  }

  /** Numerator; carries the sign. Coprime with {@link Rational.den}. */
  get num(): bigint {
    return this.d === 0 ? this.bn : BigInt(this.n);
  }

  /** Denominator; always strictly positive. */
  get den(): bigint {
    return this.d === 0 ? this.bd : BigInt(this.d);
  }

  // Small form from reduced safe parts (d > 0). Shares the constant instances so hot loops
  // producing 0/1 do not allocate; `n === 0` also catches −0 so it can never be stored.
  private static small(n: number, d: number): Rational {
    if (d === 1) {
      if (n === 0) return Rational.ZERO;
      if (n === 1) return Rational.ONE;
    }
    return new Rational(n, d, 0n, 0n);
  }

  // Reduces safe-integer parts (d > 0) and builds the small form.
  private static reduceSmall(n: number, d: number): Rational {
    if (d === 1 || n === 0) return Rational.small(n, 1);
    const g = gcdNum(Math.abs(n), d);
    return g === 1 ? new Rational(n, d, 0n, 0n) : Rational.small(n / g, d / g);
  }

  // Canonical instance for already reduced bigint parts (den > 0), switching to the small form
  // whenever both parts fit.
  private static make(num: bigint, den: bigint): Rational {
    if (fitsSafe(num) && den <= MAX_SAFE_BIG) return Rational.small(Number(num), Number(den));
    return new Rational(0, 0, num, den);
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
    if (fitsSafe(num) && den <= MAX_SAFE_BIG) return Rational.reduceSmall(Number(num), Number(den));
    if (den === 1n) return Rational.make(num, 1n);
    if (num === 0n) return Rational.ZERO;
    const g = gcd(absBig(num), den);
    return g === 1n ? Rational.make(num, den) : Rational.make(num / g, den / g);
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
      if (Number.isSafeInteger(x)) return Rational.small(x, 1);
      return Rational.shortestDecimal(x) ?? Rational.parse(String(x));
    }
    if (typeof x === 'string') return Rational.parse(x);
    throw new TypeError(`Cannot convert ${typeof x} to Rational`);
  }

  // The decimal String(x) would print, without printing it, for the usual inputs (≤ 15 places,
  // modest magnitude); undefined means "take the String() route". Sound because, under the
  // TWO_POW_48 bound, each f admits at most one m with m / 10^f rounding to x (m and 10^f are exact
  // doubles, so `m / s === x` is exactly that test), and the decimal with the fewest places among
  // all that round to x is also the one with the fewest significant digits: they all lie within
  // one double spacing of x, hence share their leading digit position, unless that interval holds
  // a power of ten, which then is the candidate found first (and the shortest). That is
  // ECMAScript's Number::toString choice.
  private static shortestDecimal(x: number): Rational | undefined {
    for (let f = 1; f <= MAX_SAFE_POW10; f++) {
      const s = POW10_NUM[f] as number;
      const p = x * s;
      if (!(Math.abs(p) <= TWO_POW_48)) return undefined;
      const m = Math.round(p);
      if (m / s === x) return Rational.reduceSmall(m, s);
    }
    return undefined;
  }

  private static parse(s: string): Rational {
    const dec = DECIMAL_RE.exec(s);
    if (dec) {
      const [, sign, intPart = '', fracPart = '', expPart] = dec;
      const exp = (expPart === undefined ? 0 : Number(expPart)) - fracPart.length;
      if (Math.abs(exp) > MAX_EXPONENT) throw new RangeError(`Exponent out of range in "${s}"`);
      const digits = intPart + fracPart;
      // ≤ 15 digits parse to an exact safe integer, sparing BigInt parsing and bigint gcd.
      if (digits.length <= MAX_SAFE_POW10 && exp >= -MAX_SAFE_POW10 && exp <= MAX_SAFE_POW10) {
        const m = sign === '-' ? -Number(digits) : Number(digits);
        if (exp < 0) return Rational.reduceSmall(m, POW10_NUM[-exp] as number);
        const scaled = m * (POW10_NUM[exp] as number);
        if (Math.abs(scaled) <= MAX_SAFE) return Rational.small(scaled, 1);
      }
      let num = BigInt(digits);
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

  // a/b + c/d on small parts, or undefined when an intermediate would leave the safe range.
  // Knuth's gcd-first form (TAOCP 4.5.1) keeps intermediates small and yields lowest terms.
  private static addSmall(a: number, b: number, c: number, d: number): Rational | undefined {
    if (b === d) {
      const s = a + c;
      if (Math.abs(s) > MAX_SAFE) return undefined;
      return b === 1 ? Rational.small(s, 1) : Rational.reduceSmall(s, b);
    }
    const g = gcdNum(b, d);
    if (g === 1) {
      const p = a * d;
      const q = c * b;
      const den = b * d;
      if (Math.abs(p) > MAX_SAFE || Math.abs(q) > MAX_SAFE || den > MAX_SAFE) return undefined;
      const s = p + q;
      if (Math.abs(s) > MAX_SAFE) return undefined;
      // Coprime denominators: no prime of b·d can divide a·d + c·b.
      return Rational.small(s, den);
    }
    const b1 = b / g;
    const d1 = d / g;
    const p = a * d1;
    const q = c * b1;
    if (Math.abs(p) > MAX_SAFE || Math.abs(q) > MAX_SAFE) return undefined;
    const t = p + q;
    if (Math.abs(t) > MAX_SAFE) return undefined;
    // t ≠ 0: reduced fractions with different denominators cannot cancel.
    const g2 = gcdNum(Math.abs(t), g);
    const den = b1 * (d / g2);
    if (den > MAX_SAFE) return undefined;
    return Rational.small(t / g2, den);
  }

  // a/b × c/d on small parts (neither zero), or undefined when the result leaves the safe range.
  // Cross-reducing keeps operands small and yields a result already in lowest terms.
  private static mulSmall(a: number, b: number, c: number, d: number): Rational | undefined {
    const g1 = gcdNum(Math.abs(a), d);
    const g2 = gcdNum(Math.abs(c), b);
    const n = (a / g1) * (c / g2);
    const den = (b / g2) * (d / g1);
    if (Math.abs(n) > MAX_SAFE || den > MAX_SAFE) return undefined;
    return Rational.small(n, den);
  }

  private bigAdd(o: Rational, sign: 1n | -1n): Rational {
    const an = this.num;
    const ad = this.den;
    const on = sign === 1n ? o.num : -o.num;
    const od = o.den;
    if (ad === 1n && od === 1n) return Rational.make(an + on, 1n);
    if (ad === od) return Rational.fromParts(an + on, ad);
    return Rational.fromParts(an * od + on * ad, ad * od);
  }

  /** Returns `this + o`. */
  add(o: Rational): Rational {
    if (this.d !== 0 && o.d !== 0) {
      const r = Rational.addSmall(this.n, this.d, o.n, o.d);
      if (r !== undefined) return r;
    }
    return this.bigAdd(o, 1n);
  }

  /** Returns `this − o`. */
  sub(o: Rational): Rational {
    if (this.d !== 0 && o.d !== 0) {
      // Negating a safe integer is exact; zero is kept as +0 so a −0 can never reach a result.
      const r = Rational.addSmall(this.n, this.d, o.n === 0 ? 0 : -o.n, o.d);
      if (r !== undefined) return r;
    }
    return this.bigAdd(o, -1n);
  }

  /** Returns `this × o`. */
  mul(o: Rational): Rational {
    if (this.d !== 0 && o.d !== 0) {
      if (this.n === 0 || o.n === 0) return Rational.ZERO;
      const r = Rational.mulSmall(this.n, this.d, o.n, o.d);
      if (r !== undefined) return r;
    }
    const an = this.num;
    const ad = this.den;
    const on = o.num;
    const od = o.den;
    if (ad === 1n && od === 1n) return Rational.make(an * on, 1n);
    if (an === 0n || on === 0n) return Rational.ZERO;
    const g1 = gcd(absBig(an), od);
    const g2 = gcd(absBig(on), ad);
    return Rational.make((an / g1) * (on / g2), (ad / g2) * (od / g1));
  }

  /**
   * Returns `this ÷ o`.
   *
   * @throws RangeError if `o` is zero.
   */
  div(o: Rational): Rational {
    if (o.isZero()) throw new RangeError('Division by zero');
    if (this.isZero()) return Rational.ZERO;
    if (this.d !== 0 && o.d !== 0) {
      // Multiply by the reciprocal; the sign moves to the numerator.
      const r = Rational.mulSmall(this.n, this.d, o.n < 0 ? -o.d : o.d, Math.abs(o.n));
      if (r !== undefined) return r;
    }
    const an = this.num;
    const ad = this.den;
    const on = o.num;
    const od = o.den;
    const oNum = on < 0n ? -od : od;
    const oDen = absBig(on);
    const g1 = gcd(absBig(an), oDen);
    const g2 = gcd(od, ad);
    return Rational.make((an / g1) * (oNum / g2), (ad / g2) * (oDen / g1));
  }

  /** Returns `−this`. */
  neg(): Rational {
    if (this.d === 0) return new Rational(0, 0, -this.bn, this.bd);
    return this.n === 0 ? this : new Rational(-this.n, this.d, 0n, 0n);
  }

  /** Returns `|this|`. */
  abs(): Rational {
    if (this.d === 0) return this.bn < 0n ? new Rational(0, 0, -this.bn, this.bd) : this;
    return this.n < 0 ? new Rational(-this.n, this.d, 0n, 0n) : this;
  }

  /** Returns −1, 0 or 1 according to the sign of this value. */
  sign(): -1 | 0 | 1 {
    if (this.d === 0) return this.bn < 0n ? -1 : 1;
    return this.n < 0 ? -1 : this.n > 0 ? 1 : 0;
  }

  /** True if this value is exactly zero. */
  isZero(): boolean {
    // The big form is never zero.
    return this.n === 0 && this.d !== 0;
  }

  /** True if this value is a whole number. */
  isInteger(): boolean {
    return this.d === 0 ? this.bd === 1n : this.d === 1;
  }

  /** Three-way comparison: −1 if `this < o`, 0 if equal, 1 if `this > o`. */
  cmp(o: Rational): -1 | 0 | 1 {
    const a = this.n;
    const b = this.d;
    const c = o.n;
    const d = o.d;
    if (b !== 0 && d !== 0) {
      // Equal denominators (notably both integers) need no cross-multiplication.
      if (b === d) return a < c ? -1 : a > c ? 1 : 0;
      const l = a * d;
      const r = c * b;
      if (Math.abs(l) <= MAX_SAFE && Math.abs(r) <= MAX_SAFE) return l < r ? -1 : l > r ? 1 : 0;
      // Correctly rounded division is monotone, so differing quotients order the exact values.
      const x = a / b;
      const y = c / d;
      if (x !== y) return x < y ? -1 : 1;
    }
    const an = this.num;
    const ad = this.den;
    const on = o.num;
    const od = o.den;
    const l = ad === od ? an : an * od;
    const r = ad === od ? on : on * ad;
    return l < r ? -1 : l > r ? 1 : 0;
  }

  /** True if `this = o`. */
  eq(o: Rational): boolean {
    // Lowest terms and the magnitude-determined form make the representation canonical.
    if (this.d !== 0) return this.n === o.n && this.d === o.d;
    return o.d === 0 && this.bn === o.bn && this.bd === o.bd;
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

  // this × 10^decimals as a safe integer, or undefined if it (or 10^decimals) is not one.
  private scaledNum(decimals: number): number | undefined {
    if (this.d === 0 || decimals > MAX_SAFE_POW10) return undefined;
    const n = this.n * (POW10_NUM[decimals] as number);
    return Math.abs(n) <= MAX_SAFE ? n : undefined;
  }

  // The exact digits of a small non-integer value that terminates within min(maxDecimals, 15)
  // places, else undefined. At the smallest k with d | 10^k the scaled numerator n·10^k/d has no
  // trailing zero (gcd(n, d) = 1, so d | 10^(k−1) otherwise), hence no rounding or trimming.
  private terminatingDecimal(maxDecimals: number): string | undefined {
    const d = this.d;
    const limit = Math.min(maxDecimals, MAX_SAFE_POW10);
    if (d === 0 || limit === 0 || rem(POW10_NUM[limit] as number, d) !== 0) return undefined;
    for (let k = 1; k <= limit; k++) {
      const p = POW10_NUM[k] as number;
      if (rem(p, d) === 0) {
        const scaled = this.n * (p / d);
        return Math.abs(scaled) <= MAX_SAFE ? formatScaledNum(scaled, k) : undefined;
      }
    }
    return undefined;
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
    checkMode(mode);
    if (this.d !== 0) {
      // Already representable with `decimals` places: keep the instance. 10^decimals (≤ 10^20) is
      // an exact double and `%` on exact integers is exact, so this is the bigint divisibility test.
      if (rem(POW10_NUM[decimals] as number, this.d) === 0) return this;
      const scaled = this.scaledNum(decimals);
      if (scaled !== undefined) {
        return Rational.reduceSmall(divRoundNum(scaled, this.d, mode), POW10_NUM[decimals] as number);
      }
    }
    const scale = pow10(decimals);
    const den = this.den;
    if (scale % den === 0n) return this;
    return Rational.fromParts(divRound(this.num * scale, den, mode), scale);
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
    const scaled = this.scaledNum(decimals);
    if (scaled !== undefined) return formatScaledNum(divRoundNum(scaled, this.d, mode), decimals);
    return formatScaledBig(divRound(this.num * pow10(decimals), this.den, mode), decimals);
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
    if (this.d === 1) return String(this.n);
    if (this.d === 0 && this.bd === 1n) return this.bn.toString();
    const exact = this.terminatingDecimal(maxDecimals);
    if (exact !== undefined) return exact;
    const scaled = this.scaledNum(maxDecimals);
    const s =
      scaled !== undefined
        ? formatScaledNum(divRoundNum(scaled, this.d, 'half-even'), maxDecimals)
        : formatScaledBig(divRound(this.num * pow10(maxDecimals), this.den, 'half-even'), maxDecimals);
    return trimDecimal(s, maxDecimals);
  }

  /**
   * The nearest IEEE double (round-half-even, correctly rounded including the subnormal range;
   * ±Infinity beyond the double range). Deterministic across platforms. Use only at output
   * boundaries: comparisons and rounding must stay on {@link Rational}.
   */
  toNumber(): number {
    // Both operands exact as doubles ⇒ one IEEE division is correctly rounded.
    if (this.d !== 0) return this.d === 1 ? this.n : this.n / this.d;
    const num = this.bn;
    const den = this.bd;
    if (den === 1n) return Number(num); // bigint → number conversion is correctly rounded
    const a = absBig(num);
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
