import { describe, expect, it } from 'vitest';
import { krippendorffAlpha } from '../../src/audit/krippendorffAlpha.js';

const _ = undefined;

// Krippendorff, K. (2011). "Computing Krippendorff's Alpha-Reliability". Annenberg School for Communication,
// University of Pennsylvania, departmental paper 43 — the worked example "C. Nominal data, any number of observers,
// missing values": 4 observers (A–D) × 12 units, values 1–5. Published results for this matrix: nominal α = 0.743,
// ordinal α = 0.815, interval α = 0.849, ratio α = 0.797 (the same figures are quoted for this data set by the
// Wikipedia article "Krippendorff's alpha" and reproduced by Hayes & Krippendorff's KALPHA macro). Rows are units,
// columns observers A, B, C, D; unit 12 has a single value and is not pairable.
const krippendorff2011 = [
  [1, 1, _, 1],
  [2, 2, 3, 2],
  [3, 3, 3, 3],
  [3, 3, 3, 3],
  [2, 2, 2, 2],
  [1, 2, 3, 4],
  [4, 4, 4, 4],
  [1, 1, 2, 1],
  [2, 2, 2, 2],
  [_, 5, 5, 5],
  [_, _, 1, 1],
  [_, 3, _, _],
];

describe("Krippendorff's alpha — Krippendorff (2011) worked example, 4 observers × 12 units with missing values", () => {
  it('counts 40 pairable values in 11 units (unit 12 has one value)', () => {
    const r = krippendorffAlpha(krippendorff2011, 'nominal');
    expect(r.pairable).toBe(40);
    expect(r.units).toBe(11);
  });
  it('nominal α = 0.743', () => {
    expect(krippendorffAlpha(krippendorff2011, 'nominal').alpha).toBeCloseTo(0.743, 3);
  });
  it('ordinal α = 0.815', () => {
    expect(krippendorffAlpha(krippendorff2011, 'ordinal').alpha).toBeCloseTo(0.815, 3);
  });
  it('interval α = 0.849', () => {
    expect(krippendorffAlpha(krippendorff2011, 'interval').alpha).toBeCloseTo(0.849, 3);
  });
  it('ratio α = 0.797', () => {
    expect(krippendorffAlpha(krippendorff2011, 'ratio').alpha).toBeCloseTo(0.797, 3);
  });
});

describe("Krippendorff's alpha — small cases by hand", () => {
  it('perfect agreement with variation is 1; holes and null are missing values', () => {
    expect(
      krippendorffAlpha(
        [
          [1, 1],
          [2, 2],
          [3, null, 3],
          [4, Number.NaN],
        ],
        'interval',
      ).alpha,
    ).toBe(1);
  });
  it('two coders, two units, swapped values: nominal α = 1 − (n−1)·D_o/… = −0.5', () => {
    // o(1,2) = o(2,1) = 2, n1 = n2 = 2, n = 4: α = 1 − (4 − 1)·4/(2·2·2) = −0.5.
    expect(
      krippendorffAlpha(
        [
          [1, 2],
          [2, 1],
        ],
        'nominal',
      ).alpha,
    ).toBeCloseTo(-0.5, 12);
  });
  it('is undefined when nothing varies or nothing pairs', () => {
    expect(
      krippendorffAlpha(
        [
          [3, 3],
          [3, 3],
        ],
        'interval',
      ).alpha,
    ).toBeUndefined();
    const lonely = krippendorffAlpha([[3], [4]], 'interval');
    expect(lonely.pairable).toBe(0);
    expect(lonely.alpha).toBeUndefined();
  });
});
