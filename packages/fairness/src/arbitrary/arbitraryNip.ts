import fc from 'fast-check';

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/**
 * An 18-digit NIP laid out as BKN issues them: birth date (8), appointment year and month (6), sex (1), sequence
 * (3). Realistic on purpose: the NIP itself encodes sex and birth date, so a rule reading `employee.nip` can proxy
 * protected attributes; generating real-looking NIPs lets the identity law catch that.
 */
export function arbitraryNip(): fc.Arbitrary<string> {
  return fc
    .record({
      born: fc.integer({ min: 1960, max: 2001 }),
      bornMonth: fc.integer({ min: 1, max: 12 }),
      bornDay: fc.integer({ min: 1, max: 28 }),
      appointed: fc.integer({ min: 1985, max: 2024 }),
      appointedMonth: fc.integer({ min: 1, max: 12 }),
      sex: fc.constantFrom(1, 2),
      sequence: fc.integer({ min: 1, max: 999 }),
    })
    .map(
      (n) =>
        `${n.born}${pad(n.bornMonth, 2)}${pad(n.bornDay, 2)}${n.appointed}${pad(n.appointedMonth, 2)}${n.sex}${pad(n.sequence, 3)}`,
    );
}
