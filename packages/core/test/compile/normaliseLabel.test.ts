import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseLabel } from '../../src/compile/measures/scale.js';

// What a label normalises to, written out again here so the memo in front of it is checked, not trusted.
const plain = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

describe('normaliseLabel', () => {
  it('meets the spellings an HR export uses', () => {
    expect(['Di Atas', ' di-atas ', 'DI_ATAS', 'di  atas'].map(normaliseLabel)).toEqual(
      Array(4).fill('di atas'),
    );
  });

  it('gives the same answer on the first call, a remembered call and for labels too long to remember', () => {
    const label = fc.oneof(
      fc.string({ unit: fc.constantFrom('A', 'b', ' ', '-', '_', '\t', 'É', 'ß'), maxLength: 12 }),
      fc.string({ minLength: 60, maxLength: 200 }),
    );
    fc.assert(
      fc.property(label, (s) => {
        expect(normaliseLabel(s)).toBe(plain(s));
        expect(normaliseLabel(s)).toBe(plain(s));
      }),
      { seed: 20261129, numRuns: 2000 },
    );
  });
});
