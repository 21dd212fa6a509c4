import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  bindMapping,
  csvCell,
  csvWriter,
  type InputRecord,
  jsonWriter,
  loadMapping,
  readCsv,
  readJsonArray,
  readNdjson,
  type ScoredRecord,
} from '../src/index.js';

/** A byte source that delivers the text in small chunks, so records and characters straddle chunk borders. */
const chunked = (text: string, size = 3) => {
  const bytes = Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  return Readable.from(parts);
};

async function all(records: AsyncIterable<InputRecord>): Promise<InputRecord[]> {
  const out: InputRecord[] = [];
  for await (const r of records) out.push(r);
  return out;
}

describe('readCsv', () => {
  it('reads a BOM, ; detected from the header, quoted ; and newlines, "" and CRLF; rows as a spreadsheet counts them', async () => {
    const text =
      '\uFEFFNIP;Nama;Catatan\r\n"199003152015031002";Budi;"baris satu\r\nbaris ""dua""; akhir"\r\n\r\n199003152015031003; Ani ;\r\n';
    const records = await all(readCsv(chunked(text), 'x.csv'));
    expect(records[0]).toEqual({ kind: 'header', columns: ['NIP', 'Nama', 'Catatan'], delimiter: ';' });
    expect(records[1]).toEqual({
      kind: 'row',
      ref: 'x.csv:2',
      row: 2,
      cells: ['199003152015031002', 'Budi', 'baris satu\r\nbaris "dua"; akhir'],
    });
    // Row 3 is blank; values are trimmed and empty cells are absent.
    expect(records[2]).toEqual({
      kind: 'row',
      ref: 'x.csv:4',
      row: 4,
      cells: ['199003152015031003', 'Ani', undefined],
    });
    expect(records).toHaveLength(3);
  });

  it('detects , when it is the header delimiter, and reads a last line without a line end', async () => {
    const records = await all(readCsv(chunked('a,b\n"1;2",3'), 'y.csv'));
    expect(records[0]).toMatchObject({ columns: ['a', 'b'], delimiter: ',' });
    expect(records[1]).toMatchObject({ cells: ['1;2', '3'] });
  });

  it('reports an unterminated quote, text after a closing quote and extra cells as row errors', async () => {
    const records = await all(readCsv(chunked('a;b\n"x"y;1\n1;2;3\n4;5;;\n"open;6'), 'z.csv'));
    const kinds = records.map((r) => (r.kind === 'error' ? `${r.ref} ${r.diagnostics[0]?.code}` : r.kind));
    expect(kinds).toEqual([
      'header',
      'z.csv:2 csv-syntax',
      'z.csv:3 csv-syntax',
      'row',
      'z.csv:5 csv-syntax',
    ]);
  });
});

describe('readJsonArray and readNdjson', () => {
  it('streams the objects of an array with the line each starts on', async () => {
    const text = '[\n  {"a": "}{[\\"", "b": [1, {"c": 2}]},\n  {"d": 1}\n]\n';
    const records = await all(readJsonArray(chunked(text, 2), 'a.json'));
    expect(records).toEqual([
      { kind: 'json', ref: 'a.json:2', row: 2, column: 3, text: '{"a": "}{[\\"", "b": [1, {"c": 2}]}' },
      { kind: 'json', ref: 'a.json:3', row: 3, column: 3, text: '{"d": 1}' },
    ]);
  });

  it('reads one object as one record, [] as none, and stops at broken structure with line:column', async () => {
    expect(await all(readJsonArray(chunked('{"a":1}'), 'o.json'))).toHaveLength(1);
    expect(await all(readJsonArray(chunked(' [ ] '), 'e.json'))).toEqual([]);
    const bad = await all(readJsonArray(chunked('[{"a":1}\n {"b":2}, {"c":3}]'), 'b.json'));
    expect(bad).toHaveLength(2);
    expect(bad[1]).toMatchObject({
      kind: 'fatal',
      diagnostics: [{ code: 'json-syntax', span: { start: { line: 2, column: 2 } } }],
      unread: 2,
    });
    const trailing = await all(readJsonArray(chunked('[{"a":1},]'), 't.json'));
    expect(trailing[1]).toMatchObject({ kind: 'fatal', unread: 0 });
  });

  it('yields an element that is not an object as a record, at its line and column, and reads on', async () => {
    const text = '[{"a":1},\n 1, "x,]", null,\n tru , [2, {"b": "]"}],\n{"c":3}]';
    for (const size of [1, 3, 1000]) {
      const records = await all(readJsonArray(chunked(text, size), 'm.json'));
      expect(
        records.map((r) => (r.kind === 'json' ? [r.row, r.column, r.text] : r.kind)),
        String(size),
      ).toEqual([
        [1, 2, '{"a":1}'],
        [2, 2, '1'],
        [2, 5, '"x,]"'],
        [2, 12, 'null'],
        [3, 2, 'tru'],
        [3, 8, '[2, {"b": "]"}]'],
        [4, 1, '{"c":3}'],
      ]);
    }
  });

  it('counts the elements after a broken structure as unread, nested commas and strings aside', async () => {
    const unread = async (text: string) => {
      const records = await all(readJsonArray(chunked(text, 4), 'u.json'));
      const last = records.at(-1);
      return last?.kind === 'fatal' ? last.unread : 'no fatal';
    };
    // The second object lacks its comma: it, "a,b" and [1, 2] are not read; the commas inside them are not counted.
    expect(await unread('[{"a":1} {"b":{"c":[1,2]}}, "a,b", [1, 2]]')).toBe(3);
    // Text after the closing bracket: every element was read.
    expect(await unread('[{"a":1}, 2] {"x":1}')).toBeUndefined();
    expect(await unread('[{"a":1}, {"b":')).toBe(1);
    // Not an array at all: nothing to count.
    expect(await unread('x')).toBeUndefined();
  });

  it('reads NDJSON line by line, CRLF tolerant, skipping blank lines', async () => {
    const records = await all(readNdjson(chunked('{"a":1}\r\n\r\n{"b":"é"}\n'), 'n.ndjson'));
    expect(records).toEqual([
      { kind: 'json', ref: 'n.ndjson:1', row: 1, text: '{"a":1}' },
      { kind: 'json', ref: 'n.ndjson:3', row: 3, text: '{"b":"é"}' },
    ]);
  });
});

describe('mapping', () => {
  const mappingText = `fields:
  nip: NIP
  employee.unit: Unit
  period.start: { column: Mulai, format: dd/MM/yyyy }
  facts.skor: { column: Skor, type: number }
  employee.name: Nama
constants:
  period.kind: annual
targets:
  hasil-kerja:
    prefix: "RHK{n} "
    fields: { target: Target, realisation: Realisasi, main: Utama }
`;
  const header = [
    'NIP',
    'Unit',
    'Mulai',
    'Skor',
    'Nama',
    'RHK1 Target',
    'RHK1 Realisasi',
    'RHK1 Utama',
    'RHK2 Target',
    'RHK2 Realisasi',
  ];
  const load = () => {
    const m = loadMapping(mappingText, 'm.yaml');
    if (!m.ok) throw new Error(JSON.stringify(m.diagnostics));
    const b = bindMapping(m.mapping, header, { file: 'x.csv', delimiter: ';' });
    if (!b.ok) throw new Error(JSON.stringify(b.diagnostics));
    return b.bound;
  };

  it('builds an appraisal: decimal commas in numeric columns only, dates by format, constants, target groups', () => {
    const row = load().apply(
      [
        '199003152015031002',
        'Dinas 1,5',
        '07/02/2024',
        '86,22',
        '12,5',
        '90',
        '86,22',
        'Ya',
        '10',
        undefined,
      ],
      'x.csv:2',
    );
    expect(row.diagnostics).toEqual([]);
    expect(row.appraisal).toEqual({
      period: { kind: 'annual', start: '2024-02-07' },
      employee: { nip: '199003152015031002', unit: 'Dinas 1,5', name: '12,5' },
      facts: { skor: 86.22 },
      targets: {
        'hasil-kerja': [
          { id: 't1', target: 90, realisation: 86.22, main: true },
          { id: 't2', target: 10 },
        ],
      },
    });
  });

  it('refuses a mangled NIP and bad cells with the column name, never converting', () => {
    for (const nip of ['1.99003E+17', '1,99003E+17', '19900315201503100', '199003152015031002.0']) {
      const row = load().apply([nip], 'x.csv:7');
      expect(row.appraisal).toBeUndefined();
      expect(row.diagnostics[0]).toMatchObject({
        code: 'nip-mangled',
        source: 'x.csv:7',
        pointer: '/employee/nip',
        received: nip,
      });
      expect(row.diagnostics[0]?.message.en).toContain('"NIP"');
    }
    expect(load().apply([199003152015031000], 'x.xlsx:2').diagnostics[0]?.code).toBe('nip-mangled');
    const bad = load().apply(['199003152015031002', 'U', '31/02/2024', '86.22'], 'x.csv:3');
    expect(bad.diagnostics.map((d) => [d.code, d.pointer])).toEqual([
      ['cell-invalid', '/period/start'],
      ['cell-invalid', '/facts/skor'],
    ]);
    expect(bad.diagnostics[0]?.message.en).toContain('Mulai');
  });

  it('says why a cell is refused in the reader’s language: no English in the Indonesian message', () => {
    const bad = load().apply(['199003152015031002', 'U', '31/02/2024', '86.22', 'N', 'seratus'], 'x.csv:3');
    expect(bad.diagnostics.map((d) => d.message.id)).toEqual([
      'Sel kolom "Mulai" berisi "31/02/2024", bukan tanggal (tanggal 31 tidak ada pada 2024-02).',
      'Sel kolom "Skor" berisi "86.22", bukan angka (tulis desimal dengan koma, mis. 86,22).',
      'Sel kolom "RHK1 Target" berisi "seratus", bukan angka (tulis desimal dengan koma, mis. 86,22).',
    ]);
    expect(bad.diagnostics.map((d) => d.message.en)).toEqual([
      'Cell of column "Mulai" holds "31/02/2024", not a date (day 31 does not exist in 2024-02).',
      'Cell of column "Skor" holds "86.22", not a number (write decimals with a comma, e.g. 86,22).',
      'Cell of column "RHK1 Target" holds "seratus", not a number (write decimals with a comma, e.g. 86,22).',
    ]);
  });

  it('reports mapping mistakes at their line:column', () => {
    const m = loadMapping(
      'fields:\n  employee.unit: Unit\n  employe.name: Nama\ntargets:\n  hasil-kerja: { fields: { target: Target } }\nratingz: []\n',
      'bad.yaml',
    );
    expect(m.ok).toBe(false);
    const at = m.diagnostics.map((d) => `${d.code} ${d.span?.start.line}:${d.span?.start.column}`);
    expect(at).toEqual(['mapping-invalid 3:3', 'mapping-invalid 5:36', 'mapping-invalid 6:1']);
  });
});

describe('writers', () => {
  const record = (nip: string): ScoredRecord => ({
    ref: 'x.csv:2',
    row: 2,
    evaluation: {
      rubric: { id: 'r', version: '1', fingerprint: 'f' },
      appraisal: { nip },
      status: 'complete',
      score: 86.5,
      predicate: { id: 'baik', label: { id: 'Baik', en: 'Good' } },
      groups: {},
      outcomes: {},
      flags: [],
      diagnostics: [],
    },
  });

  it('escapes cells that would run as formulas and quotes as RFC 4180 says', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'plain'].map((c) => csvCell(c))).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      `"'\rx"`,
      'plain',
    ]);
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    const w = csvWriter();
    expect(w.write(record('=cmd|calc')) + w.end()).toBe(
      "source,nip,status,predicate,score,outcomes_met,flags,first_error\r\nx.csv:2,'=cmd|calc,complete,baik,86.5,,,\r\n",
    );
  });

  it('writes the JSON array JSON.stringify(…, null, 2) would', () => {
    const w = jsonWriter();
    const a = record('1');
    const b = record('2');
    expect(w.write(a) + w.write(b) + w.end()).toBe(
      `${JSON.stringify([a.evaluation, b.evaluation], null, 2)}\n`,
    );
    expect(jsonWriter().end()).toBe('[]\n');
  });
});
