import { Readable } from 'node:stream';
import type { Diagnostic } from '@kinerja/core';
import { describe, expect, it } from 'vitest';
import { type InputRecord, readCsv, readJsonArray } from '../src/index.js';

// A CSV or JSON-array file that cannot be read is explained in both languages from stable keys: the Indonesian
// message carries no English reason, and the counts are in expected / received.

async function diagnostics(records: AsyncIterable<InputRecord>): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  for await (const r of records) if (r.kind === 'error' || r.kind === 'fatal') out.push(...r.diagnostics);
  return out;
}
const bytes = (text: string) => Readable.from([Buffer.from(text, 'utf8')]);
const english = / (the|of|is|but|after|not|an?|found|expected) /;

describe('csv-syntax and json-syntax messages from the batch readers', () => {
  it('CSV: a short row, a long row, text after a quote and a quote never closed', async () => {
    const found = await diagnostics(readCsv(bytes('A,B,C\n1,2\n1,2,3,4\n"x"y,2,3\n1,2,"open\n'), 'f.csv'));
    expect(found.map((d) => [d.code, d.source, d.message.id])).toEqual([
      [
        'csv-syntax',
        'f.csv:2',
        'Baris CSV tidak dapat dibaca: hanya 2 dari 3 kolom judul (baris terpotong).',
      ],
      [
        'csv-syntax',
        'f.csv:3',
        'Baris CSV tidak dapat dibaca: 4 sel, padahal baris judul hanya punya 3 kolom.',
      ],
      ['csv-syntax', 'f.csv:4', 'Baris CSV tidak dapat dibaca: ada teks setelah tanda kutip penutup sel 1.'],
      [
        'csv-syntax',
        'f.csv:5',
        'Baris CSV tidak dapat dibaca: sel berkutip yang dibuka di baris 5 kolom 5 tidak ditutup sebelum akhir berkas.',
      ],
    ]);
    expect(found[0]).toMatchObject({ expected: 3, received: 2 });
    expect(found[1]?.message.en).toBe(
      'The CSV record cannot be read: 4 cells, but the header has 3 columns.',
    );
  });

  it('JSON array: every way the array can be wrong', async () => {
    const cases: Array<[string, string, string]> = [
      ['', 'JSON tidak dapat dibaca: berkas kosong', 'JSON cannot be parsed: the file is empty'],
      [
        '{"a":1}x',
        'JSON tidak dapat dibaca: karakter "x" tidak terduga, seharusnya akhir teks setelah nilai JSON',
        'JSON cannot be parsed: unexpected character "x", expected the end of the text after the JSON value',
      ],
      // An element that is not an object (`[1]`) is a bad record, not a broken array; a missing element is.
      [
        '[{"a":1},,{"b":2}]',
        'JSON tidak dapat dibaca: karakter "," tidak terduga, seharusnya sebuah objek penilaian',
        'JSON cannot be parsed: unexpected character ",", expected an appraisal object',
      ],
      [
        '[{"a":1} {"b":2}]',
        "JSON tidak dapat dibaca: karakter \"{\" tidak terduga, seharusnya ',' atau ']'",
        "JSON cannot be parsed: unexpected character \"{\", expected ',' or ']'",
      ],
      [
        '[{"a":1},',
        "JSON tidak dapat dibaca: teks berakhir terlalu cepat, seharusnya ',' atau ']'",
        "JSON cannot be parsed: unexpected end of input, expected ',' or ']'",
      ],
      [
        '[{"a":',
        'JSON tidak dapat dibaca: teks berakhir terlalu cepat',
        'JSON cannot be parsed: unexpected end of input',
      ],
    ];
    for (const [text, id, en] of cases) {
      const found = await diagnostics(readJsonArray(bytes(text), 'f.json'));
      expect(
        found.map((d) => [d.code, d.message.id, d.message.en]),
        text,
      ).toEqual([['json-syntax', id, en]]);
      expect(found[0]?.message.id, text).not.toMatch(english);
    }
  });
});
