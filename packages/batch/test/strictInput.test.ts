import { Readable } from 'node:stream';
import type { CompiledRubric, Diagnostic } from '@kinerja/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bindMapping,
  createRecordScorer,
  groupRows,
  type InputRecord,
  loadMapping,
  readCsv,
  readJsonArray,
  readNdjson,
  readRecords,
  type TableRow,
  textChunks,
} from '../src/index.js';
import { InvalidUtf8Error } from '../src/readers/textChunks.js';

// Bad input must be refused where it is, never read as something else: these are the cases a review found read
// silently (a quote never closed, Windows-1252 bytes, a row cut short, a mapping constant of the wrong type).

async function all(records: AsyncIterable<InputRecord>): Promise<InputRecord[]> {
  const out: InputRecord[] = [];
  for await (const r of records) out.push(r);
  return out;
}

/** Bytes in pieces of `size`, so characters and records straddle reads. */
const pieces = (bytes: Uint8Array, size: number) => {
  const parts: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  return Readable.from(parts);
};
const utf8 = (text: string) => new TextEncoder().encode(text);
const bytesOf = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

const codes = (records: InputRecord[]) =>
  records.map((r) =>
    r.kind === 'error' || r.kind === 'fatal'
      ? `${r.kind} ${r.diagnostics.map((d) => d.code).join(',')}`
      : r.kind,
  );
const only = (r: InputRecord | undefined): Diagnostic => {
  if (r?.kind !== 'error' && r?.kind !== 'fatal') throw new Error(`expected an error, got ${r?.kind}`);
  return r.diagnostics[0] as Diagnostic;
};

describe('readCsv: a record has a size limit', () => {
  it('stops at a quote never closed, pointing at it, without reading on through the file', async () => {
    let pulled = 0;
    const line = `199003152015031002,Siti Rahmawati ${'x'.repeat(60)}\n`;
    async function* source() {
      yield Buffer.from('NIP,Nama\n199003152015031002,"Budi\n');
      // 100,000 rows (~9 MiB): all of them would become one cell.
      for (let i = 0; i < 1000; i++) {
        pulled++;
        yield Buffer.from(line.repeat(100));
      }
    }
    const records = await all(readCsv(source(), 'stray.csv'));
    expect(codes(records)).toEqual(['header', 'fatal csv-record-too-large']);
    const d = only(records[1]);
    expect(d).toMatchObject({
      source: 'stray.csv',
      expected: 1024 * 1024,
      span: { start: { line: 2, column: 20 } },
    });
    expect(d.message.en).toContain('quoted cell opened at line 2, column 20 is still open');
    expect(d.message.id).toContain('baris 2 kolom 20');
    // Reading stopped about 1 MiB in (each piece is ~9.5 KiB), so memory held no more than that.
    expect(pulled).toBeLessThan(130);
  });

  it('stops at one huge unquoted cell, also one that arrives in a single chunk, at its first character', async () => {
    const text = `A;B\r\n1;2\r\n3;${'x'.repeat(3 * 1024 * 1024)}`;
    for (const input of [pieces(utf8(text), 65536), Readable.from([text])]) {
      const records = await all(readCsv(input, 'wide.csv'));
      expect(codes(records)).toEqual(['header', 'row', 'fatal csv-record-too-large']);
      expect(only(records[2])).toMatchObject({ span: { start: { line: 3, column: 3 } } });
      expect(only(records[2]).message.en).toContain(
        'without a line end, in the cell that starts at line 3, column 3',
      );
    }
  });

  it('takes the limit as an option, and counts line breaks inside quotes towards the line:column', async () => {
    const text = `A,B\n"multi\nline",1\n2,"open\n${'y,'.repeat(100)}`;
    const records = await all(readCsv(pieces(utf8(text), 7), 'small.csv', { maxRecordLength: 50 }));
    expect(codes(records)).toEqual(['header', 'row', 'fatal csv-record-too-large']);
    expect(only(records[2]).span?.start).toEqual({ line: 4, column: 3 });
    // Under the limit, an unclosed quote stays a row error that names where it opened.
    const short = await all(readCsv(pieces(utf8('A,B\n1,"open\n2,3\n'), 2), 'short.csv'));
    expect(codes(short)).toEqual(['header', 'error csv-syntax']);
    expect(only(short[1]).message.en).toContain('opened at line 2, column 3 is not closed');
  });
});

describe('readCsv: however the bytes are cut', () => {
  it('gives the same records, errors and positions as when the text comes whole', async () => {
    const alphabet = ['a', ';', ',', '"', '""', '\n', '\r\n', '\r', 'é', '😀', ' ', '\uFEFF'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 3, max: 40 }),
        async (parts, size, maxRecordLength) => {
          const text = parts.join('');
          const whole = await all(readCsv(Readable.from([text]), 'p.csv', { maxRecordLength }));
          const cut = await all(readCsv(pieces(utf8(text), size), 'p.csv', { maxRecordLength }));
          expect(cut).toEqual(whole);
        },
      ),
      { seed: 20261202, numRuns: 400 },
    );
  });
});

describe('readCsv: rows as long as the header', () => {
  it('refuses a row cut short, as one too long, and still skips blank lines', async () => {
    const records = await all(readCsv(pieces(utf8('A;B;C\n1;2\n\n1;2;3\n1;2;3;4\n;;\n'), 3), 'cut.csv'));
    expect(codes(records)).toEqual(['header', 'error csv-syntax', 'row', 'error csv-syntax']);
    expect(only(records[1])).toMatchObject({ source: 'cut.csv:2', expected: 3, received: 2 });
    expect(only(records[1]).message.en).toContain('only 2 of the header');
    expect(only(records[3])).toMatchObject({ source: 'cut.csv:5', expected: 3, received: 4 });
  });

  it('skips blank lines before the header instead of taking one for a header', async () => {
    const records = await all(readCsv(pieces(utf8('\r\n \n,\nA,B\n1,2\n'), 4), 'blank.csv'));
    expect(records).toEqual([
      { kind: 'header', columns: ['A', 'B'], delimiter: ',' },
      { kind: 'row', ref: 'blank.csv:5', row: 5, cells: ['1', '2'] },
    ]);
  });
});

describe('UTF-8 only', () => {
  it('CSV: a Windows-1252 byte stops the file at its line:column and byte offset; a BOM is fine', async () => {
    // "Sité" in Windows-1252: é is the single byte 0xE9.
    const bytes = bytesOf('\uFEFFA,B\n1,2\nSit', [0xe9], ',3\n4,5\n');
    for (const size of [1, 2, 5, 64]) {
      const records = await all(readCsv(pieces(bytes, size), 'latin.csv'));
      expect(codes(records)).toEqual(['header', 'row', 'fatal encoding-invalid']);
      const d = only(records[2]);
      expect(d).toMatchObject({
        source: 'latin.csv',
        received: '0xE9',
        span: { start: { line: 3, column: 4 } },
      });
      expect(d.message.en).toBe(
        'The file is not valid UTF-8 text: byte 0xE9 on line 3 (byte offset 14 from the start of the file). Save the file as UTF-8 (in Excel: "CSV UTF-8").',
      );
      expect(d.message.id).toContain('Simpan ulang berkas sebagai UTF-8');
    }
  });

  it('CSV: multi-byte characters split across reads stay whole; a file cut inside one is refused', async () => {
    const text = 'Nama,Kota\n"Siti 😀",Kupang é\n';
    const rows = await all(readCsv(pieces(utf8(text), 1), 'ok.csv'));
    expect(rows[1]).toMatchObject({ cells: ['Siti 😀', 'Kupang é'] });
    const cut = await all(readCsv(pieces(bytesOf('A\n1\n', [0xf0, 0x9f, 0x98]), 1), 'cut.csv'));
    expect(codes(cut)).toEqual(['header', 'row', 'fatal encoding-invalid']);
    expect(only(cut[2]).message.en).toContain('line 3 (byte offset 4');
  });

  it('JSON: refused at its line:column', async () => {
    const bytes = bytesOf('[\n {"a": 1},\n {"nama": "Sit', [0xe9], '"}\n]');
    const records = await all(readJsonArray(pieces(bytes, 3), 'a.json'));
    expect(codes(records)).toEqual(['json', 'fatal encoding-invalid']);
    expect(only(records[1])).toMatchObject({ span: { start: { line: 3, column: 15 } } });
    expect(only(records[1]).message.en).toContain('line 3 (byte offset 27');
  });

  it('NDJSON: the bad line is an error record, the others are read', async () => {
    const bytes = bytesOf('{"a":1}\r\n{"nama":"Sit', [0xe9], '"}\n{"b":2}\n');
    const records = await all(readNdjson(pieces(bytes, 4), 'a.ndjson'));
    expect(codes(records)).toEqual(['json', 'error encoding-invalid', 'json']);
    expect(only(records[1])).toMatchObject({ source: 'a.ndjson:2', received: '0xE9' });
    expect(only(records[1]).message.en).toContain('line 2 (byte offset 21');
  });

  it('advises by the kind of file: Excel\'s "CSV UTF-8" for CSV, a text editor for JSON and NDJSON', async () => {
    // JSON and NDJSON are not spreadsheet exports: a user told to pick "CSV UTF-8" in Excel has nowhere to pick it.
    const excel = {
      id: 'Simpan ulang berkas sebagai UTF-8 (di Excel: "CSV UTF-8").',
      en: 'Save the file as UTF-8 (in Excel: "CSV UTF-8").',
    };
    const editor = {
      id: 'Simpan ulang berkas sebagai UTF-8 dari penyunting teks (mis. "Simpan dengan Encoding" → UTF-8).',
      en: 'Save the file as UTF-8 in your text editor (e.g. "Save with Encoding" → UTF-8).',
    };
    const latin = (text: string) => Buffer.from(text, 'latin1');
    const bad = async (format: 'csv' | 'json' | 'ndjson', text: string) => {
      const records = await all(readRecords(Readable.from([latin(text)]), `x.${format}`, format));
      const found = records.flatMap((r) => ('diagnostics' in r ? r.diagnostics : []));
      expect(found.map((d) => d.code)).toEqual(['encoding-invalid']);
      return (found[0] as Diagnostic).message;
    };
    const advice = (message: { id: string; en: string }) => ({
      id: message.id.slice(message.id.indexOf('). ') + 3),
      en: message.en.slice(message.en.indexOf('). ') + 3),
    });
    expect(advice(await bad('csv', 'Nama,Kota\nSité,Kupang\n'))).toEqual(excel);
    expect(advice(await bad('json', '[{"nama": "Sité"}]'))).toEqual(editor);
    expect(advice(await bad('ndjson', '{"nama": "Sité"}\n'))).toEqual(editor);
    // The NDJSON line's message, whole: line 1 is 8 bytes with its \n, then `{"nama": "Sit` is 13, so é is byte 21.
    expect(await bad('ndjson', '{"a":1}\n{"nama": "Sité"}\n')).toEqual({
      id: 'Berkas bukan teks UTF-8 yang sah: byte 0xE9 di baris 2 (posisi byte 21 dari awal berkas). Simpan ulang berkas sebagai UTF-8 dari penyunting teks (mis. "Simpan dengan Encoding" → UTF-8).',
      en: 'The file is not valid UTF-8 text: byte 0xE9 on line 2 (byte offset 21 from the start of the file). Save the file as UTF-8 in your text editor (e.g. "Save with Encoding" → UTF-8).',
    });
  });

  it('textChunks yields exactly the text before the first bad byte, however the bytes are cut', async () => {
    const alphabet = [
      [0x41],
      [0x0a],
      [0xc3, 0xa9],
      [0xf0, 0x9f, 0x98, 0x80],
      [0xe9],
      [0xc3],
      [0xed, 0xa0, 0x80],
      [0xef, 0xbb, 0xbf],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }),
        fc.integer({ min: 1, max: 7 }),
        async (parts, size) => {
          const bytes = Uint8Array.from(parts.flat());
          let text = '';
          let error: InvalidUtf8Error | undefined;
          try {
            for await (const t of textChunks(pieces(bytes, size))) text += t;
          } catch (e) {
            error = e as InvalidUtf8Error;
          }
          const lenient = new TextDecoder('utf-8').decode(bytes);
          const bad = lenient.indexOf('\uFFFD');
          expect(error === undefined).toBe(bad === -1);
          expect(text).toBe(bad === -1 ? lenient : lenient.slice(0, bad));
          if (error) {
            expect(error).toBeInstanceOf(InvalidUtf8Error);
            expect(new TextDecoder('utf-8').decode(bytes.subarray(0, error.byteOffset))).toBe(
              lenient.slice(0, bad),
            );
          }
        },
      ),
      { seed: 20261201, numRuns: 400 },
    );
  });
});

describe('mapping', () => {
  const base =
    'fields: { nip: NIP }\nconstants: { period.kind: annual, period.start: "2024-01-01", period.end: "2024-12-31" }\n';

  it('refuses a constant its field cannot hold, at its line:column in the mapping', () => {
    const target = loadMapping(
      `${base}targets:\n  hasil-kerja:\n    prefix: "RHK{n} "\n    fields: { realisation: Realisasi, target: { value: "seratus" } }\n`,
      'm.yaml',
    );
    expect(target.ok).toBe(false);
    expect(target.diagnostics).toHaveLength(1);
    expect(target.diagnostics[0]).toMatchObject({
      code: 'mapping-invalid',
      pointer: '/targets/hasil-kerja/fields/target/value',
      span: { start: { line: 6, column: 56 } },
    });
    expect(target.diagnostics[0]?.message.en).toContain('"seratus" is not a number');
    const constant = loadMapping(
      'fields: { nip: NIP }\nconstants:\n  period.end: 31-12-2024\n  inputs.kinerja.nilai: tinggi\n  facts.masa-kerja: tinggi\n',
      'c.yaml',
    );
    expect(constant.ok).toBe(false);
    expect(constant.diagnostics.map((d) => [d.pointer, d.span?.start.line])).toEqual([
      ['/constants/period.end', 3],
      ['/constants/inputs.kinerja.nilai', 4],
    ]);
  });

  it('gives target constants their field type: a number, a boolean, a text id', () => {
    const m = loadMapping(
      `${base}targets:\n  hasil-kerja:\n    prefix: "RHK{n} "\n    fields: { realisation: Realisasi, target: { value: 100 }, main: { value: "Ya" }, id: { value: "rhk-{n}" } }\n`,
      'm.yaml',
    );
    if (!m.ok) throw new Error(JSON.stringify(m.diagnostics));
    const b = bindMapping(m.mapping, ['NIP', 'RHK1 Realisasi'], { file: 'f.csv' });
    if (!b.ok) throw new Error(JSON.stringify(b.diagnostics));
    const row = b.bound.apply(['199003152015031002', '90'], 'f.csv:2');
    expect(row.appraisal?.targets).toEqual({
      'hasil-kerja': [{ id: 'rhk-1', realisation: 90, target: 100, main: true }],
    });
  });

  it('an empty file is one header-missing error, not one column-missing per mapped column', async () => {
    const m = loadMapping(base.replace('nip: NIP', 'nip: NIP, employee.unit: Unit'), 'm.yaml');
    if (!m.ok) throw new Error(JSON.stringify(m.diagnostics));
    for (const text of ['', '\uFEFF', '\n\r\n  \n']) {
      const scorer = createRecordScorer({} as CompiledRubric, { file: 'empty.csv', mapping: m.mapping });
      const events = (await all(readRecords(pieces(utf8(text), 4), 'empty.csv', 'csv'))).map((r) =>
        scorer.score(r),
      );
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        kind: 'fatal',
        diagnostics: [{ code: 'header-missing', source: 'empty.csv' }],
      });
      const [d] = (events[0] as { diagnostics: Diagnostic[] }).diagnostics;
      expect(d?.message.en).toBe(
        '"empty.csv" has no header row: the file or worksheet is empty (or holds only blank lines).',
      );
    }
  });
});

describe('merged cells', () => {
  const header = ['NIP', 'Unit', 'Catatan'];
  const merged = (column: number, cell: string, range: string, anchor: string) => ({
    column,
    cell,
    range,
    anchor,
  });
  const row = (n: number, cells: TableRow['cells'], m?: TableRow['merged']): InputRecord => ({
    kind: 'row',
    ref: `b.xlsx:${n}`,
    row: n,
    cells,
    ...(m ? { merged: m } : {}),
  });

  it('refuses a row whose merged cell the mapping reads; warns when it does not', () => {
    const m = loadMapping('fields: { nip: NIP, employee.unit: Unit }\n', 'm.yaml');
    if (!m.ok) throw new Error(JSON.stringify(m.diagnostics));
    const b = bindMapping(m.mapping, header, { file: 'b.xlsx' });
    if (!b.ok) throw new Error(JSON.stringify(b.diagnostics));
    const read = b.bound.apply(['199003152015031002'], 'b.xlsx:3', [merged(1, 'B3', 'B2:B3', 'B2')]);
    expect(read.appraisal).toBeUndefined();
    expect(read.diagnostics).toEqual([
      expect.objectContaining({ code: 'cell-merged', severity: 'error', source: 'b.xlsx:3' }),
    ]);
    expect(read.diagnostics[0]?.message.en).toBe(
      'Cell B3 is inside the merged range B2:B3: its value is stored only in B2, so this cell reads as empty. Unmerge the cells and fill each one.',
    );
    const unread = b.bound.apply(['199003152015031002', 'Dinas'], 'b.xlsx:3', [
      merged(2, 'C3', 'C2:C3', 'C2'),
    ]);
    expect(unread.appraisal).toBeDefined();
    expect(unread.warnings).toEqual([expect.objectContaining({ code: 'cell-merged', severity: 'warning' })]);
  });

  it('names the merge when a groupBy key is empty because it is merged down the rows', async () => {
    async function* rows() {
      yield { kind: 'header', columns: header } as InputRecord;
      yield row(2, ['199003152015031002', 'Dinas']);
      yield row(3, [undefined, 'Dinas'], [merged(0, 'A3', 'A2:A3', 'A2')]);
    }
    const records = await all(groupRows(rows(), 'b.xlsx', ['NIP']));
    expect(codes(records)).toEqual(['header', 'group', 'error cell-merged']);
  });
});
