import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readTextFile } from '../../src/node/index.js';
import { firstInvalidUtf8 } from '../../src/text/firstInvalidUtf8.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kinerja-read-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});
const file = (name: string, bytes: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
const problems = (r: ReturnType<typeof readTextFile>) =>
  r.ok ? [] : r.diagnostics.map((d) => ({ code: d.code, received: d.received, expected: d.expected }));

describe('readTextFile', () => {
  it('reads UTF-8 and drops a byte-order mark', () => {
    expect(readTextFile(file('a.yaml', '\ufeffid: é\n'))).toMatchObject({ ok: true, value: 'id: é\n' });
  });

  it('refuses bytes that are not UTF-8 at their line and byte offset, instead of replacing them', () => {
    // "Sité" saved as Windows-1252: é is the single byte 0xE9, on line 2.
    const r = readTextFile(file('a.yaml', Uint8Array.from([...Buffer.from('id: x\nnama: Sit'), 0xe9, 0x0a])));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics[0]).toMatchObject({ code: 'encoding-invalid', received: '0xE9' });
    expect(r.diagnostics[0]?.message.en).toContain('line 2 (byte offset 15');
  });

  it('refuses a file over the limit from its size, and a device past the limit without reading it all', () => {
    expect(problems(readTextFile(file('big.yaml', 'x'.repeat(101)), { maxBytes: 100 }))).toEqual([
      { code: 'input-too-large', received: 101, expected: 100 },
    ]);
    expect(readTextFile(file('ok.yaml', 'x'.repeat(100)), { maxBytes: 100 }).ok).toBe(true);
    if (existsSync('/dev/zero'))
      expect(problems(readTextFile('/dev/zero', { maxBytes: 1000 }))).toEqual([
        { code: 'input-too-large', received: 1001, expected: 1000 },
      ]);
  });

  it('says a missing file or a folder is unreadable', () => {
    expect(problems(readTextFile(join(dir, 'nope.yaml')))).toEqual([
      { code: 'file-unreadable', received: join(dir, 'nope.yaml'), expected: undefined },
    ]);
    expect(problems(readTextFile(dir))[0]?.code).toBe('file-unreadable');
  });
});

describe('firstInvalidUtf8', () => {
  // Reference: the standard's decoder fed byte by byte; a character ends where it yields text, and the first
  // error belongs to the character begun at the last such end.
  function reference(bytes: Uint8Array): number {
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    let start = 0;
    for (let j = 0; j < bytes.length; j++) {
      try {
        if (decoder.decode(bytes.subarray(j, j + 1), { stream: true }).length > 0) start = j + 1;
      } catch {
        return start;
      }
    }
    try {
      decoder.decode();
      return -1;
    } catch {
      return start;
    }
  }
  const interesting = fc.constantFrom(
    0x41,
    0x0a,
    0x7f,
    0x80,
    0xbf,
    0xc0,
    0xc1,
    0xc2,
    0xdf,
    0xe0,
    0xa0,
    0x9f,
    0xed,
    0xef,
    0xf0,
    0x90,
    0x8f,
    0xf4,
    0xf5,
    0xff,
  );

  it('finds the first byte the standard decoder refuses, on any bytes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(interesting, fc.integer({ min: 0, max: 255 })), { maxLength: 24 }),
        (xs) => {
          const bytes = Uint8Array.from(xs);
          expect(firstInvalidUtf8(bytes)).toBe(reference(bytes));
        },
      ),
      { seed: 20261129, numRuns: 20000 },
    );
  });

  it('accepts every code point, encoded', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (s) => {
        expect(firstInvalidUtf8(new TextEncoder().encode(s))).toBe(-1);
      }),
      { seed: 20261129, numRuns: 2000 },
    );
  });
});
