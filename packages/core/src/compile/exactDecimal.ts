import { Rational } from '../numeric/rational.js';

const MAX_PLACES = 10_000;

/**
 * A rational as its exact decimal text, however many places that takes (`1.00000000000000004`, not the `1` that
 * {@link Rational.toDecimalString}'s default 12 places round it to). Weights and bounds are written as decimals, so
 * they terminate; a value that does not (a third) is shown as its fraction `n/d`. For messages that compare two
 * numbers, which must never print the same text for two different values.
 */
export function exactDecimal(r: Rational): string {
  let den = r.den;
  let twos = 0;
  let fives = 0;
  while (den % 2n === 0n) {
    den /= 2n;
    twos++;
  }
  while (den % 5n === 0n) {
    den /= 5n;
    fives++;
  }
  const places = Math.max(twos, fives);
  // Beyond what toDecimalString takes (a value no rubric writes): the fraction, exact all the same.
  if (den !== 1n || places > MAX_PLACES) return `${r.num}/${r.den}`;
  // num / (2^a · 5^b) has exactly max(a, b) decimal places: toDecimalString then rounds nothing.
  return r.toDecimalString(places);
}

/** {@link exactDecimal} of a number read as its shortest decimal (the way the rubric's numbers are read). */
export function exactDecimalOf(x: number): string {
  return exactDecimal(Rational.from(x));
}
