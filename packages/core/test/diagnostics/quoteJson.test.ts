import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quoteJson } from '../../src/diagnostics/quoteJson.js';

describe('quoteJson', () => {
  it('is JSON.stringify for every string', () => {
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom(
        '',
        '"',
        '\\',
        '\u0000',
        '\u001f',
        ' ',
        '\u007f',
        '\u2028',
        '\ud800',
        '\udc00',
        '😀',
        'a\ud83d',
      ),
    );
    fc.assert(
      fc.property(text, (s) => {
        expect(quoteJson(s)).toBe(JSON.stringify(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('quotes plain ids and labels as they are', () => {
    expect(quoteJson('di-atas')).toBe('"di-atas"');
    expect(quoteJson('Sangat Baik')).toBe('"Sangat Baik"');
  });
});
