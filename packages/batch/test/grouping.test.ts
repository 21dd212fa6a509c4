import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { CompiledRubric, Diagnostic } from '@kinerja/core';
import { loadRubricFile } from '@kinerja/core/node';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BatchEvent,
  bindMapping,
  groupRows,
  type InputFormat,
  type InputRecord,
  jsonWriter,
  loadMapping,
  type Mapping,
  readCsv,
  readRecords,
  readXlsx,
  type ScoredRecord,
  scoreRecords,
} from '../src/index.js';
import { KeyIndex } from '../src/readers/keyIndex.js';
import { cohort, mappingPath, rubricPath, writeCohort } from './cohort.js';
import { longMappingPath, writeLongCohort } from './cohortLong.js';

let dir: string;
let rubric: CompiledRubric;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kinerja-batch-long-'));
  const loaded = loadRubricFile(rubricPath);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  rubric = loaded.value;
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const mappingOf = (text: string, source = 'm.yaml'): Mapping => {
  const m = loadMapping(text, source);
  if (!m.ok) throw new Error(JSON.stringify(m.diagnostics.map((d) => d.message.en)));
  return m.mapping;
};
const mappingFile = (path: string) => mappingOf(readFileSync(path, 'utf8'), path);

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const r of items) out.push(r);
  return out;
}

/** Reads and scores one file as `kinerja evaluate` does: the reader is given the mapping (delimiter, sheet, groupBy). */
async function score(
  path: string,
  format: InputFormat,
  mapping: Mapping,
  sheet?: string | number,
): Promise<BatchEvent[]> {
  const records = readRecords(path, 'cohort', format, { mapping, ...(sheet !== undefined ? { sheet } : {}) });
  return all(scoreRecords(records, rubric, { file: 'cohort', mapping }));
}

const scored = (events: BatchEvent[]): ScoredRecord[] =>
  events.map((e) => {
    if (e.kind !== 'scored') throw new Error(JSON.stringify(e.diagnostics));
    return e;
  });

const json = (records: ScoredRecord[]) => {
  const w = jsonWriter();
  return records.map((r) => w.write(r)).join('') + w.end();
};

/**
 * Long-format output with every `cohort:<row>` (an appraisal's first row, or a target's or rating's own row)
 * renamed to the wide sheet's row of its appraisal: appraisal i starts on `firstRows[i]` and is row i + 2 there.
 */
const asWide = (text: string, firstRows: readonly number[]) =>
  text.replace(/"cohort:(\d+)"/g, (_, row: string) => {
    const i = firstRows.filter((first) => first <= Number(row)).length - 1;
    return i < 0 ? `"cohort:${row}"` : `"cohort:${i + 2}"`;
  });

describe('one row per target and per rating (groupBy)', () => {
  it('scores the cohort in long CSV and long XLSX exactly as in the wide sheet', async () => {
    const appraisals = cohort();
    const wideFiles = await writeCohort(join(dir, 'wide'), appraisals);
    const long = await writeLongCohort(join(dir, 'long'), appraisals);
    const wide = scored(await score(join(wideFiles.csv, 'cohort'), 'csv', mappingFile(mappingPath)));
    const longMapping = mappingFile(longMappingPath);
    const fromCsv = scored(await score(join(long.csv, 'cohort'), 'csv', longMapping));
    const fromXlsx = scored(await score(join(long.xlsx, 'cohort'), 'xlsx', longMapping));

    expect(wide).toHaveLength(appraisals.length);
    for (const records of [fromCsv, fromXlsx]) {
      // One record per appraisal, named by the row its rows start on; each appraisal spans several rows.
      expect(records.map((r) => r.ref)).toEqual(long.firstRows.map((row) => `cohort:${row}`));
      expect(records.map((r) => r.nip)).toEqual(wide.map((r) => r.nip));
    }
    expect(long.firstRows.at(-1)).toBeGreaterThan(appraisals.length * 5);
    // The wide sheet has one row per appraisal (rows 2, 3, …): with each record's rows renamed to its wide row,
    // the results are the same bytes.
    const expected = json(wide);
    expect(asWide(json(fromCsv), long.firstRows)).toBe(expected);
    expect(asWide(json(fromXlsx), long.firstRows)).toBe(expected);
    // And the same as evaluating the appraisals directly.
    const direct = appraisals.map((a, i) => {
      const source = `cohort:${i + 2}`;
      const e = rubric.evaluate(a, { source });
      e.diagnostics = e.diagnostics.map((d) => (d.source === undefined ? { ...d, source } : d));
      return e;
    });
    expect(expected).toBe(`${JSON.stringify(direct, null, 2)}\n`);
    expect(direct.filter((e) => e.status !== 'invalid').length).toBeGreaterThanOrEqual(20);
    // Targets and ratings name the row they came from (for the CLI's row reports).
    const first = fromCsv[0] as ScoredRecord;
    expect(first.columns?.get('/targets/hasil-kerja/1/realisation')).toBe('Realisasi');
    expect(first.columns?.get('/ratings/0/indicator')).toBe('Perilaku');
  });

  it("names a target's own row when the evaluation finds a problem in that target", async () => {
    const appraisals = cohort();
    const first = appraisals[0] as { targets: Record<string, Array<Record<string, unknown>>> };
    const [group, list] = Object.entries(first.targets)[0] as [string, Array<Record<string, unknown>>];
    expect(list.length).toBeGreaterThan(1);
    (list[1] as Record<string, unknown>).target = 0;
    const long = await writeLongCohort(join(dir, 'long-bad'), appraisals);
    const [record] = scored(await score(join(long.csv, 'cohort'), 'csv', mappingFile(longMappingPath)));
    const firstRow = long.firstRows[0] as number;
    expect(record?.ref).toBe(`cohort:${firstRow}`);
    const about = record?.evaluation.diagnostics.filter((d) => d.pointer.startsWith(`/targets/${group}/1`));
    expect(about?.length, JSON.stringify(record?.evaluation.diagnostics)).toBeGreaterThan(0);
    for (const d of about ?? []) expect(d.source).toBe(`cohort:${firstRow + 1}`);
    // Everything else still names the appraisal's first row.
    const rest = record?.evaluation.diagnostics.filter((d) => !d.pointer.startsWith('/targets/'));
    for (const d of rest ?? []) expect(d.source).toBe(`cohort:${firstRow}`);
  });

  it("names a rating's own row when the evaluation refuses that rating; as wide rows, the same as the wide sheet", async () => {
    // A session saw `"\"cohort:440\""` here: the renaming above quoted a rating's row again when it was not an
    // appraisal's first row. The source itself is `cohort:<row>`.
    const appraisals = cohort();
    const ratings = (appraisals[0] as { ratings: Array<{ value: unknown }> }).ratings;
    const targets = (appraisals[0] as { targets: Record<string, unknown[]> }).targets['hasil-kerja'] ?? [];
    expect(ratings.length).toBeGreaterThan(2);
    // 9 is outside the rubric's rating scale [1, 5].
    (ratings[2] as { value: unknown }).value = 9;
    const long = await writeLongCohort(join(dir, 'long-rating'), appraisals);
    const wideFiles = await writeCohort(join(dir, 'wide-rating'), appraisals);
    const wide = scored(await score(join(wideFiles.csv, 'cohort'), 'csv', mappingFile(mappingPath)));
    const fromCsv = scored(await score(join(long.csv, 'cohort'), 'csv', mappingFile(longMappingPath)));
    const firstRow = long.firstRows[0] as number;
    // Its targets come first, one row each, then its ratings: the third rating is on row first + targets + 2.
    const ratingRow = firstRow + targets.length + 2;
    const refused = fromCsv[0]?.evaluation.diagnostics.filter((d) => d.code === 'rating-out-of-scale');
    expect(refused?.map((d) => [d.source, d.pointer])).toEqual([[`cohort:${ratingRow}`, '/ratings/2/value']]);
    expect(wide[0]?.evaluation.diagnostics.find((d) => d.code === 'rating-out-of-scale')?.source).toBe(
      'cohort:2',
    );
    expect(asWide(json(fromCsv), long.firstRows)).toBe(json(wide));
  });

  const header = 'NIP;Periode;Unit Kerja;Kode;Target;Realisasi';
  const mapping = mappingOf(`groupBy: [NIP, Periode]
fields:
  nip: NIP
  period.kind: Periode
  employee.unit: Unit Kerja
targets:
  hasil-kerja:
    fields: { id: Kode, target: Target, realisation: Realisasi }
`);
  const read = (lines: string[], maxRows?: number) =>
    all(
      groupRows(
        readCsv(Readable.from([lines.join('\r\n')]), 'x.csv'),
        'x.csv',
        ['NIP', 'Periode'],
        maxRows ? { maxRows } : {},
      ),
    );
  const nip = (n: number) => `19900315201503100${n}`;
  const apply = async (lines: string[]) => {
    const records = await read([header, ...lines]);
    const h = records[0];
    if (h?.kind !== 'header') throw new Error('no header');
    const b = bindMapping(mapping, h.columns, { file: 'x.csv', delimiter: ';' });
    if (!b.ok) throw new Error(JSON.stringify(b.diagnostics));
    return records.slice(1).map((r) => (r.kind === 'group' ? b.bound.applyGroup(r.rows) : r));
  };

  it('builds one appraisal from contiguous rows; an empty per-appraisal cell agrees with the others', async () => {
    const [a, b, ...rest] = await apply([
      `${nip(2)};annual;Dinas A;t1;90;86,22`,
      `${nip(2)};annual;;t2;10;10`,
      `${nip(3)};annual;Dinas B;x;1;1`,
    ]);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({
      diagnostics: [],
      appraisal: {
        employee: { nip: nip(2), unit: 'Dinas A' },
        period: { kind: 'annual' },
        targets: {
          'hasil-kerja': [
            { id: 't1', target: 90, realisation: 86.22 },
            { id: 't2', target: 10, realisation: 10 },
          ],
        },
      },
      refs: new Map([
        ['/targets/hasil-kerja/0', 'x.csv:2'],
        ['/targets/hasil-kerja/1', 'x.csv:3'],
      ]),
    });
    expect(b).toMatchObject({ appraisal: { employee: { unit: 'Dinas B' } } });
  });

  it('refuses rows of one appraisal that disagree, naming the row, the column and the row it disagrees with', async () => {
    const [a] = await apply([
      `${nip(2)};annual;Dinas A;t1;90;86`,
      `${nip(2)};annual;Dinas A;t2;10;10`,
      `${nip(2)};annual;Dinas B;t3;10;10`,
    ]);
    expect((a as { appraisal?: unknown }).appraisal).toBeUndefined();
    const d = (a as { diagnostics: Diagnostic[] }).diagnostics;
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({
      code: 'group-disagrees',
      source: 'x.csv:4',
      pointer: '/employee/unit',
      received: 'Dinas B',
      expected: 'Dinas A',
    });
    expect(d[0]?.message.en).toContain('"Unit Kerja"');
    expect(d[0]?.message.en).toContain('x.csv:2');
    expect(d[0]?.message.id).toContain('x.csv:2');
  });

  it('refuses a key that comes back after another key, naming both places, and skips its returning rows', async () => {
    const records = await read([
      header,
      `${nip(2)};annual;U;t1;1;1`,
      `${nip(2)};annual;U;t2;1;1`,
      `${nip(3)};annual;U;t1;1;1`,
      `${nip(2)};annual;U;t3;1;1`,
      `${nip(2)};annual;U;t4;1;1`,
      `${nip(4)};annual;U;t1;1;1`,
    ]);
    expect(records.map((r) => `${r.kind} ${'ref' in r ? r.ref : ''}`)).toEqual([
      'header ',
      'group x.csv:2',
      'group x.csv:4',
      'error x.csv:5',
      'group x.csv:7',
    ]);
    const e = records[3] as Extract<InputRecord, { kind: 'error' }>;
    expect(e.diagnostics[0]).toMatchObject({ code: 'group-split', source: 'x.csv:5' });
    expect(e.diagnostics[0]?.message.en).toContain('sort the export by NIP, Periode');
    expect(e.diagnostics[0]?.message.en).toContain('x.csv:2 to x.csv:3');
    expect(e.diagnostics[0]?.message.id).toContain('sudah dipakai di x.csv:2 sampai x.csv:3 dan');
    // The same NIP in another period is another appraisal.
    const periods = await read([header, `${nip(2)};annual;U;t1;1;1`, `${nip(2)};semester;U;t1;1;1`]);
    expect(periods.map((r) => r.kind)).toEqual(['header', 'group', 'group']);
  });

  it('reports a row without its key, and row errors inside an appraisal after it, in row order', async () => {
    const records = await read([
      header,
      `${nip(2)};annual;U;t1;1;1`,
      `;annual;U;t2;1;1`,
      `"${nip(2)};annual;U;t3;1;1`, // an unterminated quote swallows the rest of the file
    ]);
    expect(records.map((r) => `${r.kind} ${'ref' in r ? r.ref : ''}`)).toEqual([
      'header ',
      'group x.csv:2',
      'error x.csv:3',
      'error x.csv:4',
    ]);
    const missing = records[2] as Extract<InputRecord, { kind: 'error' }>;
    expect(missing.diagnostics[0]?.code).toBe('group-key-missing');
    expect(missing.diagnostics[0]?.message.en).toContain('"NIP"');
  });

  it('stops holding rows at maxRows: a key that large is a wrong groupBy', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => `${nip(2)};annual;U;t${i};1;1`);
    const records = await read([header, ...rows, `${nip(3)};annual;U;t1;1;1`], 3);
    expect(records.map((r) => `${r.kind} ${'ref' in r ? r.ref : ''}`)).toEqual([
      'header ',
      'error x.csv:2',
      'group x.csv:7',
    ]);
    const e = records[1] as Extract<InputRecord, { kind: 'error' }>;
    expect(e.diagnostics[0]).toMatchObject({ code: 'group-too-large', expected: 'at most 3 rows' });
  });

  it('reads a rating per row when its rater or indicator comes from a column; a missing rater is a row error', async () => {
    const m = mappingOf(`groupBy: NIP
fields: { nip: NIP }
ratings:
  - { column: Nilai, rater: { column: Penilai }, role: peer, indicator: { column: Perilaku } }
  - { column: Atasan Loyal, rater: atasan, role: { column: Peran Atasan }, indicator: loyal }
`);
    const text = [
      'NIP,Penilai,Perilaku,Nilai,Atasan Loyal,Peran Atasan',
      `${nip(2)},p1,akuntabel,4,,`,
      `${nip(2)},p2,akuntabel,"3.5",5,supervisor`,
      `${nip(2)},,loyal,3,5,`,
    ].join('\n');
    const records = await all(readRecords(Readable.from([text]), 'r.csv', 'csv', { mapping: m }));
    const h = records[0] as Extract<InputRecord, { kind: 'header' }>;
    const b = bindMapping(m, h.columns, { file: 'r.csv' });
    if (!b.ok) throw new Error('bind');
    const g = records[1] as Extract<InputRecord, { kind: 'group' }>;
    const ok = b.bound.applyGroup(g.rows.slice(0, 2));
    expect(ok.appraisal?.ratings).toEqual([
      { rater: 'p1', role: 'peer', indicator: 'akuntabel', value: 4 },
      { rater: 'p2', role: 'peer', indicator: 'akuntabel', value: 3.5 },
      { rater: 'atasan', role: 'supervisor', indicator: 'loyal', value: 5 },
    ]);
    const bad = b.bound.applyGroup(g.rows);
    expect(bad.diagnostics.map((d) => [d.code, d.source, d.pointer])).toEqual([
      ['cell-missing', 'r.csv:4', '/ratings/2/rater'],
    ]);
    expect(bad.diagnostics[0]?.message.en).toContain('"Penilai"');
    expect(bad.diagnostics[0]?.message.id).toBe(
      'Sel kolom "Penilai" kosong, padahal rating di kolom "Nilai" memerlukannya.',
    );
  });
});

describe('mapping: groupBy and sheet', () => {
  const errors = (text: string) => {
    const m = loadMapping(text, 'bad.yaml');
    return m.ok
      ? []
      : m.diagnostics.map((d) => `${d.span?.start.line}:${d.span?.start.column} ${d.message.en}`);
  };

  it('refuses {n} in target columns with groupBy, and a bad groupBy, sheet or rater', () => {
    const found = errors(`groupBy: [NIP, NIP]
sheet: 0
fields: { nip: NIP }
targets:
  hasil-kerja:
    prefix: "RHK{n} "
    fields: { target: Target }
ratings:
  - { column: Nilai, rater: { col: Penilai }, role: peer, indicator: loyal }
`);
    expect(found, found.join('\n')).toHaveLength(5);
    expect(found[0]).toMatch(/^1:\d+ .*named twice/);
    expect(found[1]).toMatch(/^2:8 .*sheet must be/);
    expect(found[2]).toMatch(/^7:.*without \{n\}/);
    expect(found[3]).toMatch(/^9:.*column must be a non-empty text/);
    expect(found[4]).toMatch(/^9:.*unknown key "col"/);
    expect(errors('groupBy: []\nfields: { nip: NIP }\n')[0]).toMatch(/groupBy must be/);
    expect(errors('sheet: RHK\ngroupBy: NIP\nfields: { nip: NIP }\n')).toEqual([]);
  });
});

describe('XLSX sheet choice', () => {
  let path: string;
  beforeAll(async () => {
    path = join(dir, 'sheets.xlsx');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
    for (const [name, rows] of [
      ['Petunjuk', [['Isi lembar Data']]],
      ['Data', [['NIP'], ['199003152015031002']]],
      ['2025', [['Tahun'], ['x']]],
    ] as const) {
      const sheet = workbook.addWorksheet(name);
      for (const r of rows) sheet.addRow([...r]).commit();
      sheet.commit();
    }
    await workbook.commit();
  });
  const headerOf = async (sheet?: string | number) => {
    const records = await all(readXlsx(path, 's.xlsx', sheet !== undefined ? { sheet } : {}));
    return records[0]?.kind === 'header' ? records[0].columns : records;
  };

  it('reads the first sheet by default, or one named or numbered (1 = first)', async () => {
    expect(await headerOf()).toEqual(['Isi lembar Data']);
    expect(await headerOf('Data')).toEqual(['NIP']);
    expect(await headerOf(2)).toEqual(['NIP']);
    // A name made of digits is a name when given as text (in YAML: sheet: "2025").
    expect(await headerOf('2025')).toEqual(['Tahun']);
    expect(await headerOf(3)).toEqual(['Tahun']);
  });

  it('refuses a sheet the workbook does not have, listing the sheets it has', async () => {
    for (const sheet of ['Penilaian', 4] as const) {
      const records = await all(readXlsx(path, 's.xlsx', { sheet }));
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({
        kind: 'fatal',
        diagnostics: [{ code: 'sheet-missing', source: 's.xlsx', received: sheet }],
      });
      const message = (records[0] as Extract<InputRecord, { kind: 'fatal' }>).diagnostics[0]?.message.en;
      expect(message).toContain(typeof sheet === 'number' ? 'no worksheet 4' : 'no worksheet "Penilaian"');
      expect(message).toContain('1 "Petunjuk", 2 "Data", 3 "2025"');
    }
  });

  it('reads the chosen sheet the same way every time, also when sheets precede the shared strings', async () => {
    // This workbook (exceljs's streaming writer) stores its sheets before the shared strings. The reader we used
    // to have (exceljs's streaming reader) then lost the shared strings about once in 3,000 reads, turning the
    // sheet silently empty, and failed with an uncaught ENOENT about once in 100 when it skipped a sheet.
    const want = ['Isi lembar Data', 'NIP', 'Tahun'];
    for (let i = 0; i < 300; i++) expect(await headerOf((i % 3) + 1)).toEqual([want[i % 3]]);
  });

  it('takes the sheet from the mapping unless readRecords is given one', async () => {
    const m = mappingOf('sheet: Data\nfields: { nip: NIP }\n');
    const fromMapping = await all(readRecords(path, 's.xlsx', 'xlsx', { mapping: m }));
    expect(fromMapping[0]).toEqual({ kind: 'header', columns: ['NIP'] });
    const flag = await all(readRecords(path, 's.xlsx', 'xlsx', { mapping: m, sheet: 3 }));
    expect(flag[0]).toEqual({ kind: 'header', columns: ['Tahun'] });
  });
});

describe('KeyIndex', () => {
  it('remembers every key with its rows through growth, and nothing else', () => {
    const index = new KeyIndex();
    for (let i = 0; i < 50_000; i++) index.add(`1990${i}\u001fannual`, 2 * i + 2, 2 * i + 3);
    for (let i = 0; i < 50_000; i += 997)
      expect(index.get(`1990${i}\u001fannual`)).toEqual({ first: 2 * i + 2, last: 2 * i + 3 });
    expect(index.get('1990\u001fannual')).toBeUndefined();
    expect(index.get('19900\u001fsemester')).toBeUndefined();
  });
});

describe('groupBy without gathering', () => {
  it('refuses table rows that reach a groupBy mapping one by one, rather than scoring each as an appraisal', () => {
    const m = mappingOf('groupBy: NIP\nfields: { nip: NIP }\n', 'long.yaml');
    const table = bindMapping(m, ['NIP'], { file: 'x.csv' });
    if (!table.ok) throw new Error('bind');
    const row = table.bound.apply(['199003152015031002'], 'x.csv:2');
    expect(row.appraisal).toBeUndefined();
    expect(row.diagnostics[0]).toMatchObject({
      code: 'mapping-invalid',
      source: 'x.csv:2',
      pointer: '/groupBy',
    });
    // Flat JSON records are one appraisal each.
    const flat = bindMapping(m, ['NIP'], { file: 'x.ndjson', missingIsEmpty: true });
    if (!flat.ok) throw new Error('bind');
    expect(flat.bound.apply(['199003152015031002'], 'x.ndjson:1').appraisal).toEqual({
      employee: { nip: '199003152015031002' },
    });
  });
});
