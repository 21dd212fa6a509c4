import { describe, expect, it } from 'vitest';
import { Utf8Buffer } from '../src/batch/Utf8Buffer.js';

describe('Utf8Buffer', () => {
  it('gathers text as UTF-8 with the byte offset after each piece, growing past the buffer it was given', () => {
    const pieces = ['{"a":"é"}\n', '😀'.repeat(3), '', 'x'.repeat(5000), 'ü\n'];
    const out = new Utf8Buffer(new ArrayBuffer(8));
    const ends = pieces.map((p) => out.append(p));
    const bytes = out.bytes();
    expect(new TextDecoder().decode(bytes)).toBe(pieces.join(''));
    const encoder = new TextEncoder();
    let at = 0;
    for (const [i, p] of pieces.entries()) {
      at += encoder.encode(p).length;
      expect(ends[i], `end of piece ${i}`).toBe(at);
    }
    expect(out.length).toBe(at);
    // The view starts its buffer, so the buffer can be transferred and filled again from its start.
    expect(bytes.byteOffset).toBe(0);
  });

  it('fills a buffer handed back from its start, whatever it held', () => {
    const first = new Utf8Buffer();
    first.append('old text that must not show');
    const again = new Utf8Buffer(first.bytes().buffer);
    again.append('new');
    expect(new TextDecoder().decode(again.bytes())).toBe('new');
  });
});
