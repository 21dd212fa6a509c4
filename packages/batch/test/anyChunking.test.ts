import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultParseLimits } from '@kinerja/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InputRecord, readCsv, readJsonArray, readNdjson } from '../src/index.js';

// The same bytes give the same records however they arrive: a file read in 64 KiB pieces, standard input in
// whatever pieces the pipe hands over. Each input below holds what a chunk border could cut in two: a BOM, CRLF,
// characters of 2 and 4 bytes, a record just under and just over the 1 MiB limit, a byte that is not UTF-8.

const MAX = defaultParseLimits.maxBytes;
const enc = (text: string) => Buffer.from(text, 'utf8');

/** An input built from parts; the borders between parts, and every byte of a short part, are worth cutting at. */
interface Input {
  name: string;
  bytes: Buffer;
  /** Offsets a cut is tried at (± a few bytes). */
  spots: number[];
}

function input(name: string, parts: (string | Buffer)[]): Input {
  const buffers = parts.map((p) => (typeof p === 'string' ? enc(p) : p));
  const spots: number[] = [];
  let at = 0;
  for (const b of buffers) {
    spots.push(at);
    if (b.length <= 200) for (let k = 1; k < b.length; k++) spots.push(at + k);
    at += b.length;
  }
  spots.push(at);
  return { name, bytes: Buffer.concat(buffers), spots };
}

/** A JSON object of exactly `bytes` UTF-8 bytes, its note ending in 2-byte `é`s (so the count is of bytes). */
function objectOf(bytes: number): string {
  const head = '{"nama": "Siti Nurhaliza", "catatan": "';
  const room = bytes - head.length - 2;
  const wide = 100;
  return `${head}${'x'.repeat(room - 2 * wide)}${'é'.repeat(wide)}"}`;
}

/** A CSV/NDJSON text of exactly `units` characters (and 2 bytes per `é`). */
const textOf = (units: number) => `${'a'.repeat(units - 100)}${'é'.repeat(100)}`;

const BOM = '\uFEFF';
const BAD = Buffer.from([0xc3, 0x28]);

const jsonInputs: Input[] = [
  input('array with elements at and over the limit', [
    BOM,
    '[\r\n',
    '{"nama": "Dewi", "catatan": "kopi ☕ dan 😀"},\r\n',
    objectOf(MAX),
    ',\r\n',
    objectOf(MAX + 1),
    ',\n  1, "x😀", tru, [1, [2]],\n',
    '{"a": "}{[\\"", "b": [1, {"c": "é"}]}',
    ',\n',
    objectOf(MAX + 70_000),
    '\n, {"z": 1}\n]\n',
  ]),
  input('array whose structure breaks', ['[{"a": 1}\r\n{"b": "é"}, {"c": "😀"}, 3]']),
  input('array with a byte that is not UTF-8', ['[{"a": "é"},\r\n{"b": "', BAD, '"}]']),
  input('array cut inside a character', ['[{"a": "é"},\r\n{"b": "', Buffer.from([0xe2, 0x82])]),
  input('one object, over the limit', [BOM, objectOf(MAX + 1)]),
  input('array that never ends, over the limit', ['[{"a": 1}, ', objectOf(MAX + 1).slice(0, -2)]),
];

const ndjsonInputs: Input[] = [
  input('lines at and over the limit', [
    BOM,
    '{"nama": "Dewi 😀"}\r\n',
    '\r\n',
    `"${textOf(MAX - 2)}"`,
    '\r\n',
    `"${textOf(MAX - 1)}"`,
    '\r\n{"b": "',
    BAD,
    '"}\n{"c": "é"}\n',
    `"${textOf(MAX)}"`,
  ]),
];

const csvInputs: Input[] = [
  input('records at the limit, quoted line breaks, CR line ends', [
    BOM,
    'NIP;Nama;Catatan\r\n',
    '1;"Siti ""S"" é";"baris\r\nkedua 😀"\r\n',
    '\r\n',
    `2;Budi;${textOf(MAX - 7)}`,
    '\r\n3;x;y\r4;a\n5;"',
    textOf(MAX),
    '"\n6;b;c\n',
  ]),
  input('a byte that is not UTF-8', ['a,b\r\n1,é\r\n2,', BAD, '\r\n']),
  input('a header over the limit, ; only after it', [',', 'x'.repeat(MAX), ';;\n1;2;3\n']),
];

/** The records, with long texts as their length and ends, so a difference prints readably. */
async function records(read: AsyncIterable<InputRecord>): Promise<string[]> {
  const out: string[] = [];
  for await (const r of read) {
    const short =
      r.kind === 'json' && r.text.length > 200
        ? { ...r, text: `${r.text.slice(0, 40)}…(${r.text.length})…${r.text.slice(-40)}` }
        : r;
    out.push(JSON.stringify(short));
  }
  return out;
}

/** The bytes in pieces ending at `cuts`, as a stream hands them over. */
async function* pieces(bytes: Buffer, cuts: readonly number[]): AsyncGenerator<Uint8Array> {
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    if (cut > from) yield bytes.subarray(from, cut);
    from = Math.max(from, cut);
  }
}

const every = (bytes: Buffer, size: number) =>
  Array.from({ length: Math.ceil(bytes.length / size) }, (_, k) => (k + 1) * size);

/** Cut offsets: some anywhere, most at or next to a spot. */
const cutsOf = ({ bytes, spots }: Input) =>
  fc
    .tuple(
      fc.array(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 12 }),
      fc.array(fc.tuple(fc.integer({ min: 0, max: spots.length - 1 }), fc.integer({ min: -3, max: 3 })), {
        maxLength: 24,
      }),
    )
    .map(([anywhere, near]) =>
      [...new Set([...anywhere, ...near.map(([s, d]) => (spots[s] as number) + d)])]
        .filter((c) => c > 0 && c < bytes.length)
        .sort((a, b) => a - b),
    );

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kinerja-chunking-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const readers = [
  { reader: 'readJsonArray', read: readJsonArray, inputs: jsonInputs },
  { reader: 'readNdjson', read: readNdjson, inputs: ndjsonInputs },
  {
    reader: 'readCsv',
    read: (s: Parameters<typeof readCsv>[0], f: string) => readCsv(s, f),
    inputs: csvInputs,
  },
];

describe.each(readers)('$reader: any chunking gives the same records', ({ read, inputs }) => {
  it.each(inputs)('$name', async (item) => {
    const whole = await records(read(pieces(item.bytes, []), 'f'));
    const path = join(dir, 'input');
    writeFileSync(path, item.bytes);
    const fromFile = (await records(read(path, 'f'))).map((r) => r.replaceAll(JSON.stringify(path), '"f"'));
    expect(fromFile).toEqual(whole);
    // 1-byte and 7-byte pieces over a few hundred bytes around every spot; whole reads of 64 KiB elsewhere.
    for (const size of [1, 7]) {
      const cuts = item.spots.flatMap((s) => Array.from({ length: 128 }, (_, k) => s - 64 + k * size));
      const fine = [...new Set([...cuts, ...every(item.bytes, 64 * 1024)])]
        .filter((c) => c > 0 && c < item.bytes.length)
        .sort((a, b) => a - b);
      expect(await records(read(pieces(item.bytes, fine), 'f')), `${size}-byte pieces`).toEqual(whole);
    }
    await fc.assert(
      fc.asyncProperty(cutsOf(item), async (cuts) => {
        expect(await records(read(pieces(item.bytes, cuts), 'f'))).toEqual(whole);
      }),
      { numRuns: 20 },
    );
  });
});

describe('readJsonArray: an element over the limit', () => {
  it('is an input-too-large record at its line:column, and the elements after it are read', async () => {
    const item = jsonInputs[0] as Input;
    const got: InputRecord[] = [];
    for await (const r of readJsonArray(pieces(item.bytes, every(item.bytes, 64 * 1024)), 'a.json'))
      got.push(r);
    expect(
      got.map((r) =>
        r.kind === 'json'
          ? `${r.row}:${r.column} json ${Buffer.byteLength(r.text)}`
          : r.kind === 'error'
            ? `${r.row} ${r.diagnostics.map((d) => `${d.code} ${d.received} > ${d.expected} at ${d.source}:${d.span?.start.line}:${d.span?.start.column}`)}`
            : r.kind,
      ),
    ).toEqual([
      // 9 + 8 + 11 + 6 ASCII, ☕ 3, " dan " 5, 😀 4, 2: 48 bytes.
      '2:1 json 48',
      `3:1 json ${MAX}`,
      `4 input-too-large ${MAX + 1} > ${MAX} at a.json:4:1`,
      // Columns count UTF-16 units: "x😀" is 5 of them (columns 6–10) and 7 bytes; tru starts at 13, [1, [2]] at 18.
      '5:3 json 1',
      '5:6 json 7',
      '5:13 json 3',
      '5:18 json 8',
      // 33 ASCII and é 2 bytes: 37 (brackets inside a string do not end the element).
      '6:1 json 37',
      `7 input-too-large ${MAX + 70_000} > ${MAX} at a.json:7:1`,
      '8:3 json 8',
    ]);
  });
});
