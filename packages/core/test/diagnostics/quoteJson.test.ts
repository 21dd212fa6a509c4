import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInvisible } from '../../src/diagnostics/isInvisible.js';
import { quoteJson } from '../../src/diagnostics/quoteJson.js';

describe('quoteJson', () => {
  it('is a JSON string of the same text, and JSON.stringify for every string with nothing invisible', () => {
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
        const quoted = quoteJson(s);
        expect(JSON.parse(quoted)).toBe(s);
        if (![...s].some((ch) => isInvisible(ch.charCodeAt(0)))) expect(quoted).toBe(JSON.stringify(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('quotes plain ids and labels as they are', () => {
    expect(quoteJson('di-atas')).toBe('"di-atas"');
    expect(quoteJson('Sangat Baik')).toBe('"Sangat Baik"');
  });

  it('shows the characters a reader cannot see as escapes, so two keys that print alike do not read alike', () => {
    expect(quoteJson('komitmen\u200b')).toBe('"komitmen\\u200b"');
    expect(quoteJson('\ufeffnip')).toBe('"\\ufeffnip"');
    expect(quoteJson('a\u00a0b')).toBe('"a\\u00a0b"');
    expect(quoteJson('"\u2060"')).toBe('"\\"\\u2060\\""');
  });
});
