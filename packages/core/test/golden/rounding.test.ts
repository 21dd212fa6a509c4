/**
 * Every rounding mode on a value exactly on a rounding boundary (regulations §1.6, §4.2): angka kredit
 * 12.5 (koefisien Ahli Pertama/Mahir) × 25% (Sangat Kurang) = 3.125, a tie at 2 dp.
 */
import { describe, expect, it } from 'vitest';
import { expectComplete, indicator, measureOnce } from './helpers.js';

const product = (mode: string) =>
  `{ kind: product, of: [ { kind: value, input: koefisien }, { kind: value, input: persen } ], round: { decimals: 2, mode: ${mode} } }`;

const credit = (mode: string, koefisien: number, persen: number) => {
  const e = measureOnce(product(mode), { koefisien, persen });
  expectComplete(e);
  return indicator(e, 'g', 'x');
};

describe('12.5 × 0.25 = 3.125 (a tie between 3.12 and 3.13)', () => {
  it.each([
    ['half-up', 3.13], // tie → away from zero (the BKN table prints 3.13)
    ['half-even', 3.12], // tie → even last digit (2)
    ['half-down', 3.12], // tie → toward zero
    ['up', 3.13], // away from zero
    ['down', 3.12], // toward zero (truncate)
    ['ceiling', 3.13], // toward +∞
    ['floor', 3.12], // toward −∞
  ])('%s → %d', (mode, expected) => {
    const x = credit(mode, 12.5, 0.25);
    expect(x.score).toBe(expected);
    expect(x.measure?.unrounded).toBe(3.125);
  });
});

describe('a negative tie: 12.5 × −0.25 = −3.125', () => {
  it.each([
    ['half-up', -3.13], // away from zero
    ['half-even', -3.12], // even neighbour
    ['half-down', -3.12], // toward zero
    ['up', -3.13], // away from zero
    ['down', -3.12], // toward zero
    ['ceiling', -3.12], // toward +∞ (−3.12 > −3.13)
    ['floor', -3.13], // toward −∞
  ])('%s → %d', (mode, expected) => {
    expect(credit(mode, 12.5, -0.25).score).toBe(expected);
  });
});

describe('more BKN table ties (§4.2, half-up)', () => {
  it.each([
    [12.5, 0.75, 9.38], // 12.5 × 0.75 = 9.375 → 9.38
    [37.5, 0.75, 28.13], // 37.5 × 0.75 = 28.125 → 28.13 (banker's rounding would give 28.12)
    [3.75, 1.5, 5.63], // 3.75 × 1.5 = 5.625 → 5.63
    [3.75, 0.25, 0.94], // 3.75 × 0.25 = 0.9375 → 0.94
    [37.5, 0.25, 9.38], // 37.5 × 0.25 = 9.375 → 9.38
  ])('%d × %d → %d', (k, p, expected) => {
    expect(credit('half-up', k, p).score).toBe(expected);
  });

  it('half-even differs exactly where the table says it would: 28.125 → 28.12', () => {
    expect(credit('half-even', 37.5, 0.75).score).toBe(28.12);
  });

  it('not a tie: 1.005 is exactly 1.005 in decimal → half-up 1.01 (doubles: 1.005 is 1.00499999999999989…)', () => {
    // Math.round(1.005 * 100) / 100 === 1 in JS; the decimal value is a tie and half-up gives 1.01.
    expect(credit('half-up', 1.005, 1).score).toBe(1.01);
  });
});
