import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type InputRecord,
  type LineBlock,
  lineRecords,
  type OversizedLine,
  readLineBlocks,
  readNdjson,
} from '../src/index.js';

/** The bytes in pieces of the given sizes (cycled), so lines and characters straddle reads. */
function pieces(bytes: Uint8Array, sizes: readonly number[]): Readable {
  const parts: Uint8Array[] = [];
  for (let i = 0, k = 0; i < bytes.length; k++) {
    const size = sizes[k % sizes.length] as number;
    parts.push(bytes.subarray(i, i + size));
    i += size;
  }
  return Readable.from(parts);
}

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** What NDJSON means, written the plain way over the whole text: the reference the block reader must agree with. */
function reference(bytes: Uint8Array, file: string, maxLineBytes: number): InputRecord[] {
  const lines: Uint8Array[] = [];
  for (let start = 0; start < bytes.length; ) {
    const nl = bytes.indexOf(0x0a, start);
    const end = nl === -1 ? bytes.length : nl;
    lines.push(bytes.subarray(start, end));
    start = end + 1;
  }
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  return lines.flatMap((raw, i): InputRecord[] => {
    const row = i + 1;
    const body = raw.at(-1) === 0x0d ? raw.subarray(0, -1) : raw;
    // The file's byte-order mark is not part of its first line (core and the JSON-array reader drop it too).
    const bom = row === 1 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0;
    if (body.length - bom > maxLineBytes)
      return [{ kind: 'error', ref: `${file}:${row}`, row, diagnostics: [expect.anything()] }];
    let text = decoder.decode(body);
    if (row === 1 && text.startsWith('\uFEFF')) text = text.slice(1);
    return text.trim() === '' ? [] : [{ kind: 'json', ref: `${file}:${row}`, row, text }];
  });
}

const fromBlocks = (items: Array<LineBlock | OversizedLine>, file: string) =>
  items.flatMap((item) => (item.kind === 'lines' ? lineRecords(item, file) : [item]));

const encode = (text: string) => new TextEncoder().encode(text);

describe('readLineBlocks', () => {
  it('cuts whole lines into blocks of at most maxLines, numbered from their first line', async () => {
    const text = '{"a":1}\n{"b":2}\r\n\n{"c":"é"}\n{"d":4}';
    const blocks = await all(readLineBlocks(pieces(encode(text), [3]), 'f.ndjson', { maxLines: 2 }));
    const decoded = blocks.map((b): [number, string] => {
      if (b.kind !== 'lines') throw new Error('no line here is too long');
      return [b.firstLine, new TextDecoder().decode(b.bytes)];
    });
    // Pieces of 3 bytes end reads mid-line: a block also ends where a read ends, never inside a line.
    for (const [, lines] of decoded) expect(lines.endsWith('\n') || lines === '{"d":4}').toBe(true);
    expect(decoded.map(([, lines]) => lines).join('')).toBe(text);
    const firsts = decoded.map(([first]) => first);
    expect(firsts[0]).toBe(1);
    expect(firsts.at(-1)).toBe(5);
  });

  it('gives each block a buffer of its own, so it can be transferred', async () => {
    const text = Array.from({ length: 40 }, (_, i) => `{"i":${i}}`).join('\n');
    const blocks = await all(readLineBlocks(pieces(encode(text), [17, 5]), 'f.ndjson', { maxLines: 7 }));
    expect(blocks.length).toBeGreaterThan(5);
    const buffers = new Set<ArrayBufferLike>();
    for (const b of blocks) {
      if (b.kind !== 'lines') throw new Error('no line here is too long');
      expect(b.bytes.byteOffset).toBe(0);
      expect(b.bytes.byteLength).toBe(b.bytes.buffer.byteLength);
      buffers.add(b.bytes.buffer);
    }
    expect(buffers.size).toBe(blocks.length);
    // A transferred block moves whole and leaves the reader's other blocks intact.
    const [first, second] = blocks as [LineBlock, LineBlock];
    const before = new TextDecoder().decode(first.bytes);
    const moved = structuredClone(first, { transfer: [first.bytes.buffer] });
    expect(first.bytes.byteLength).toBe(0);
    expect(new TextDecoder().decode(moved.bytes)).toBe(before);
    const lines = before.split('\n').length - 1;
    expect(lineRecords(second, 'f')[0]).toMatchObject({ row: lines + 1, text: `{"i":${lines}}` });
  });

  it('refuses a line over the limit in its place, unread, and numbers the lines after it right', async () => {
    const max = 10;
    const text = [
      '{"a":1}',
      'x'.repeat(11),
      'y'.repeat(10),
      `${'z'.repeat(10)}\r`,
      'w'.repeat(40),
      '{"b":2}',
      'v'.repeat(25),
    ].join('\n');
    for (const sizes of [[1], [4, 9], [1000]]) {
      const items = await all(readLineBlocks(pieces(encode(text), sizes), 'l.ndjson', { maxLineBytes: max }));
      const records = fromBlocks(items, 'l.ndjson');
      const summary = records.map((r) =>
        r.kind === 'error'
          ? `${r.row} ${r.diagnostics[0]?.code}`
          : `${r.kind === 'json' ? r.row : '?'} ${r.kind}`,
      );
      expect(summary, `pieces of ${sizes}`).toEqual([
        '1 json',
        '2 input-too-large',
        '3 json',
        '4 json',
        '5 input-too-large',
        '6 json',
        '7 input-too-large',
      ]);
    }
  });

  it('drops a byte-order mark at the start of the file only, and refuses a line of bad UTF-8 without losing the others', async () => {
    const bytes = new Uint8Array([
      ...encode('\uFEFF{"a":1}\n'),
      ...encode('\uFEFF{"b":2}\n'),
      ...[0x7b, 0x22, 0xc3, 0x0a],
      ...encode('{"c":3}'),
    ]);
    const records = await all(readNdjson(pieces(bytes, [2]), 'b.ndjson'));
    expect(records).toEqual([
      { kind: 'json', ref: 'b.ndjson:1', row: 1, text: '{"a":1}' },
      { kind: 'json', ref: 'b.ndjson:2', row: 2, text: '\uFEFF{"b":2}' },
      {
        kind: 'error',
        ref: 'b.ndjson:3',
        row: 3,
        diagnostics: [
          expect.objectContaining({ code: 'encoding-invalid', source: 'b.ndjson:3', received: '0xC3' }),
        ],
      },
      { kind: 'json', ref: 'b.ndjson:4', row: 4, text: '{"c":3}' },
    ]);
    // Line 3 starts after two lines of 11 bytes (BOM included); the bad byte is its third.
    const [bad] = (records[2] as Extract<InputRecord, { kind: 'error' }>).diagnostics;
    expect(bad?.message.en).toContain('line 3 (byte offset 24');
    expect(bad?.message.id).toContain('Simpan ulang berkas sebagai UTF-8');
  });

  it("does not count the file's byte-order mark towards line 1's limit: a line of exactly the limit after it is read", async () => {
    const exact = '{"a":"xx"}'; // 10 bytes, the limit
    const cases: Array<[string, string[]]> = [
      [`\uFEFF${exact}\n{"b":2}`, ['1 json {"a":"xx"}', '2 json {"b":2}']],
      [`\uFEFF${exact}\r\n`, ['1 json {"a":"xx"}']],
      [`\uFEFF${exact}`, ['1 json {"a":"xx"}']],
      // One byte over is still refused, BOM or not.
      [`\uFEFF{"a":"xxx"}\n{"b":2}`, ['1 input-too-large', '2 json {"b":2}']],
      [`\uFEFF{"a":"xxx"}`, ['1 input-too-large']],
      // A U+FEFF on a later line is text of that line, and counts.
      [`{"b":2}\n\uFEFF{"a":"x"}`, ['1 json {"b":2}', '2 input-too-large']],
    ];
    for (const [text, expected] of cases)
      for (const sizes of [[1], [2], [3, 7], [1000]]) {
        const items = await all(
          readLineBlocks(pieces(encode(text), sizes), 'm.ndjson', { maxLineBytes: 10 }),
        );
        const summary = fromBlocks(items, 'm.ndjson').map((r) =>
          r.kind === 'error'
            ? `${r.row} ${r.diagnostics[0]?.code}`
            : r.kind === 'json'
              ? `${r.row} json ${r.text}`
              : r.kind,
        );
        expect(summary, `${JSON.stringify(text)} in pieces of ${sizes}`).toEqual(expected);
      }
    // At core's own limit, from a file: 1 MiB of line after the BOM is a record, as the same text is to core.
    const dir = mkdtempSync(join(tmpdir(), 'kinerja-bom-'));
    try {
      const line = `{"pad":"${'p'.repeat(2 ** 20 - 10)}"}`;
      expect(encode(line).length).toBe(2 ** 20);
      const path = join(dir, 'bom.ndjson');
      writeFileSync(path, encode(`\uFEFF${line}\n{"b":2}\n`));
      const records = await all(readNdjson(path, 'bom.ndjson'));
      expect(records.map((r) => (r.kind === 'json' ? `${r.row} json` : r.kind))).toEqual([
        '1 json',
        '2 json',
      ]);
      expect(records[0]).toMatchObject({ kind: 'json', text: line });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a file path the same as a stream of its bytes, across its 1 MiB reads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kinerja-lines-'));
    try {
      // ~2.6 MiB: lines straddle the reads, and one line of 1.5 MiB is skipped across two of them.
      const line = (i: number) => JSON.stringify({ i, pad: 'é'.repeat(i % 300) });
      const lines = Array.from({ length: 9000 }, (_, i) => line(i));
      lines[4000] = `{"big":"${'b'.repeat(1.5 * 2 ** 20)}"}`;
      const bytes = encode(lines.join('\n'));
      const path = join(dir, 'big.ndjson');
      writeFileSync(path, bytes);
      const fromFile = await all(readLineBlocks(path, 'big.ndjson'));
      const fromStream = await all(readLineBlocks(pieces(bytes, [65536]), 'big.ndjson'));
      const records = fromBlocks(fromFile, 'big.ndjson');
      expect(records).toEqual(reference(bytes, 'big.ndjson', 2 ** 20));
      expect(fromBlocks(fromStream, 'big.ndjson')).toEqual(records);
      expect(records[4000]).toMatchObject({ kind: 'error', row: 4001 });
      expect(fromFile.every((b) => b.kind === 'error' || b.bytes.length < 2 ** 20)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('agrees with the plain reading of NDJSON for any text, any pieces, any block size', async () => {
    const alphabet = ['{"a":1}', ' ', '\n', '\r\n', '\r', 'é', '😀', '\uFEFF', 'x'.repeat(7)];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 4, max: 30 }),
        async (parts, sizes, maxLines, maxLineBytes) => {
          const bytes = encode(parts.join(''));
          const blocks = await all(readLineBlocks(pieces(bytes, sizes), 'p', { maxLines, maxLineBytes }));
          for (const b of blocks) if (b.kind === 'lines') expect(b.bytes.length).toBeGreaterThan(0);
          expect(fromBlocks(blocks, 'p')).toEqual(reference(bytes, 'p', maxLineBytes));
        },
      ),
      { seed: 20261128, numRuns: 300 },
    );
  });
});
