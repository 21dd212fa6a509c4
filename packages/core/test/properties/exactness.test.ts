/**
 * Laws of exact decimal arithmetic (architecture §6) against BigInt references that share no code with the
 * engine's Rational:
 * - a score built to equal a band boundary b exactly, through arithmetic that is noisy in doubles
 *   (r / t × 100 with r = b × t / 100), lands in the band whose inclusivity holds b; b ∓ 0.000001 land below
 *   and above;
 * - weighted sums of 6-dp inputs equal the scaled-integer sum, and round like it at every mode.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RoundingMode } from '../../src/index.js';
import { appraisalWith, decimalString, micro, mustLoad, RUNS } from './arbitraries.js';

const MODES: readonly RoundingMode[] = [
  'half-up',
  'half-down',
  'half-even',
  'up',
  'down',
  'ceiling',
  'floor',
];

/** Reference rounding of n / d (d > 0) to an integer, written from the definitions via floor division. */
function roundRef(n: bigint, d: bigint, mode: RoundingMode): bigint {
  const q = n >= 0n ? n / d : -((-n + d - 1n) / d); // floor(n / d)
  const rem = n - q * d; // 0 ≤ rem < d
  if (rem === 0n) return q;
  const positive = n > 0n; // rem ≠ 0 ⇒ n ≠ 0
  const awayFromZero = positive ? q + 1n : q; // the neighbour farther from zero
  const towardZero = positive ? q : q + 1n;
  switch (mode) {
    case 'floor':
      return q;
    case 'ceiling':
      return q + 1n;
    case 'up':
      return awayFromZero;
    case 'down':
      return towardZero;
    default: {
      const twice = 2n * rem;
      if (twice < d) return q;
      if (twice > d) return q + 1n;
      if (mode === 'half-up') return awayFromZero;
      if (mode === 'half-down') return towardZero;
      return q % 2n === 0n ? q : q + 1n; // half-even
    }
  }
}

/** A JS number's text (maybe `1.5e-7`) as a plain decimal string in the form {@link decimalString} gives. */
function plainDecimal(text: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!m) throw new Error(`not a number text: ${text}`);
  const [, sign = '', int = '', frac = '', exp = '0'] = m;
  const digits = BigInt(`${sign}${int}${frac}`);
  const scale = frac.length - Number(exp);
  return scale >= 0 ? decimalString(digits, scale) : decimalString(digits * 10n ** BigInt(-scale), 0);
}

describe('exact band boundaries through noisy arithmetic', () => {
  const boundaryCase = fc.record({
    // b in [1, 200] with up to 6 decimals, as micro-units
    b: micro(1, 200),
    // t = k / 10^d: at most 6 significant digits, so r = b·t/100 has at most 15 and survives a double exactly
    k: fc.integer({ min: 1, max: 999_999 }),
    d: fc.integer({ min: 0, max: 6 }),
    upperIncludes: fc.boolean(),
  });

  it('b lands in the band that includes it; b − 0.000001 below, b + 0.000001 above', () => {
    let noisy = 0;
    fc.assert(
      fc.property(boundaryCase, ({ b, k, d, upperIncludes }) => {
        const bText = decimalString(b, 6);
        const ranges = upperIncludes ? ['(-inf, B)', '[B, inf)'] : ['(-inf, B]', '(B, inf)'];
        const rubric = mustLoad(`
kinerja: 1
id: boundary
version: 1.0.0
label: { id: Batas, en: Boundary }
groups:
  g:
    label: { id: Grup, en: Group }
    indicators:
      x: { label: { id: X, en: X }, measure: { kind: ratio, target: t, realisation: r } }
score:
  weights: { g: 1 }
predicate:
  levels:
    - { id: atas, label: { id: Atas, en: Upper } }
    - { id: bawah, label: { id: Bawah, en: Lower } }
  bands:
    - { id: bawah, range: "${ranges[0]?.replace('B', bText)}" }
    - { id: atas, range: "${ranges[1]?.replace('B', bText)}" }
`);
        const t = Number(decimalString(BigInt(k), d));
        // score s ⇒ r = s · t / 100 = (S·10^-6) · (k·10^-d) / 100 = S·k · 10^-(8+d), exactly
        const place = (scoreMicro: bigint) => {
          const rText = decimalString(scoreMicro * BigInt(k), 8 + d);
          const r = Number(rText);
          // Precondition of the generator: the double prints back as the same decimal.
          expect(plainDecimal(String(r))).toBe(rText);
          const e = rubric.evaluate(appraisalWith({ inputs: { x: { t, r } } }));
          expect(e.status, JSON.stringify(e.diagnostics.map((x) => x.code))).toBe('complete');
          return { e, r };
        };
        const at = place(b);
        if ((at.r / t) * 100 !== Number(bText)) noisy++;
        expect(at.e.score).toBe(Number(bText));
        expect(at.e.predicate?.id).toBe(upperIncludes ? 'atas' : 'bawah');
        expect(place(b - 1n).e.predicate?.id).toBe('bawah');
        expect(place(b + 1n).e.predicate?.id).toBe('atas');
      }),
      RUNS,
    );
    // Doubles would have misplaced some of these: the law was tested where floats fail.
    expect(noisy).toBeGreaterThan(0);
  });
});

describe('weighted sums against a BigInt-scaled reference', () => {
  const weightedCase = fc
    .integer({ min: 2, max: 6 })
    .chain((n) =>
      fc.record({
        values: fc.array(micro(-200, 200), { minLength: n, maxLength: n }),
        // n − 1 distinct cut points in 1..99 split 100 into n positive percentages
        cuts: fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: n - 1, maxLength: n - 1 }),
        decimals: fc.integer({ min: 0, max: 4 }),
        mode: fc.constantFrom(...MODES),
      }),
    )
    .map(({ values, cuts, decimals, mode }) => {
      const edges = [0, ...[...cuts].sort((a, b) => a - b), 100];
      const percents = edges.slice(1).map((e, i) => e - (edges[i] as number));
      return { values, percents, decimals, mode };
    });

  it('the group score is Σ vᵢ·wᵢ exactly, and the rounded overall score matches the reference at every mode', () => {
    fc.assert(
      fc.property(weightedCase, ({ values, percents, decimals, mode }) => {
        const ids = values.map((_, i) => `i${i}`);
        const indicators = ids
          .map(
            (id, i) =>
              `      ${id}: { label: { id: ${id}, en: ${id} }, weight: ${decimalString(BigInt(percents[i] as number), 2)}, measure: { kind: value, input: v } }`,
          )
          .join('\n');
        const rubric = mustLoad(`
kinerja: 1
id: weighted
version: 1.0.0
label: { id: Bobot, en: Weights }
groups:
  g:
    label: { id: Grup, en: Group }
    indicators:
${indicators}
score:
  weights: { g: 1 }
  round: { decimals: ${decimals}, mode: ${mode} }
predicate:
  levels:
    - { id: ada, label: { id: Ada, en: Present } }
    - { id: tidak-ada, label: { id: Tidak ada, en: Absent } }
  bands:
    - { id: ada, range: "(-inf, inf)" }
`);
        const inputs = Object.fromEntries(
          ids.map((id, i) => [id, { v: Number(decimalString(values[i] as bigint, 6)) }]),
        );
        const e = rubric.evaluate(appraisalWith({ inputs }));
        expect(e.status, JSON.stringify(e.diagnostics.map((x) => x.code))).toBe('complete');
        // Σ (V·10^-6)(P·10^-2) = (Σ V·P) · 10^-8
        const sum = values.reduce((a, v, i) => a + v * BigInt(percents[i] as number), 0n);
        expect(e.groups.g?.score).toBe(Number(decimalString(sum, 8)));
        const rounded = roundRef(sum, 10n ** BigInt(8 - decimals), mode);
        expect(e.score).toBe(Number(decimalString(rounded, decimals)));
      }),
      RUNS,
    );
  });

  it('the reference itself rounds the regulation’s examples right (3.125 at 2 dp)', () => {
    const expected: Record<RoundingMode, bigint> = {
      'half-up': 313n,
      'half-down': 312n,
      'half-even': 312n,
      up: 313n,
      down: 312n,
      ceiling: 313n,
      floor: 312n,
    };
    for (const mode of MODES) {
      expect(roundRef(3125n, 10n, mode)).toBe(expected[mode]);
      // −3.125: ceiling/down go toward −3.12, floor/up toward −3.13
      const neg = { ...expected, ceiling: 312n, floor: 313n }[mode];
      expect(roundRef(-3125n, 10n, mode)).toBe(-neg);
    }
  });
});
