import ExcelJS from 'exceljs';
import { INDICATORS } from './cohort.js';

// Three appraisals written as every reader reads them, one row per appraisal ("wide") and one row per target and
// rating ("long"), so tests can say which row each diagnostic must name. Row numbers, counted by hand:
//
// - long CSV/XLSX: header row 1; appraisal A is rows 2–10 (targets on 2–3, ratings on 4–10, its fifth rating on
//   row 8), B rows 11–19 (its second target on row 12), C rows 20–28;
// - wide CSV/XLSX: header row 1; A row 2, B row 3, C row 4;
// - JSON array (`[` on line 1, one element a line): A line 2, B line 3, C line 4; NDJSON: A line 1, B 2, C 3.
//
// A's fifth rating (loyal) is 9, outside the rubric's scale [1, 5] (rating-out-of-scale); B's second target has
// the Target "seratus", which a number column does not read (cell-invalid); C has nothing wrong. The employee's
// name holds a quote and a comma, so CSV must quote it.

/** A cell as the tests write it; `undefined` is an empty cell. */
export type Value = string | number | undefined;

const EMPLOYEE = [
  'NIP',
  'Nama',
  'Unit Kerja',
  'Jabatan',
  'Jenis Jabatan',
  'Golongan',
  'TMT Golongan',
  'Tahun Lalu',
  'Predikat Tahun Lalu',
  'Periode',
  'Tgl Mulai',
  'Tgl Selesai',
  'Rating Hasil Kerja',
  'Rating Perilaku',
];
const TARGET = ['Kode RHK', 'Utama', 'Target', 'Realisasi'];
const RATING = ['Penilai', 'Peran', 'Perilaku', 'Nilai'];

/** Columns of the long export: the employee's, a target's, a rating's. */
export const LONG_COLUMNS = [...EMPLOYEE, ...TARGET, ...RATING];
/** Columns of the wide export: the employee's, two targets', one per peer rating. */
export const WIDE_COLUMNS = [
  ...EMPLOYEE,
  ...[1, 2].flatMap((n) => TARGET.map((c) => `RHK${n} ${c}`)),
  ...INDICATORS.map(([, label]) => `Rekan ${label}`),
];

const FIELDS = `fields:
  nip: NIP
  employee.name: Nama
  employee.unit: Unit Kerja
  employee.position: Jabatan
  employee.positionType: Jenis Jabatan
  employee.rank: Golongan
  employee.rankSince: TMT Golongan
  employee.history[0].year: Tahun Lalu
  employee.history[0].predicate: Predikat Tahun Lalu
  period.kind: Periode
  period.start: Tgl Mulai
  period.end: Tgl Selesai
  supervisorRatings.hasil-kerja: Rating Hasil Kerja
  supervisorRatings.perilaku: Rating Perilaku
`;
/** The mapping of the long export (groupBy NIP and Periode). */
export const LONG_MAPPING = `version: 1
groupBy: [NIP, Periode]
${FIELDS}targets:
  hasil-kerja:
    fields: { id: Kode RHK, main: Utama, target: Target, realisation: Realisasi }
ratings:
  - { column: Nilai, rater: { column: Penilai }, role: { column: Peran }, indicator: { column: Perilaku } }
`;
/** The mapping of the wide export. */
export const WIDE_MAPPING = `version: 1
${FIELDS}targets:
  hasil-kerja:
    prefix: "RHK{n} "
    fields: { id: Kode RHK, main: Utama, target: Target, realisation: Realisasi }
ratings:
${INDICATORS.map(([id, label]) => `  - { column: Rekan ${label}, rater: peer-1, role: peer, indicator: ${id} }`).join('\n')}
`;

interface Case {
  nip: string;
  targets: [string, 'Ya' | 'Tidak', Value, Value][];
  ratings: number[];
}
const CASES: Case[] = [
  {
    nip: '199003152015031002',
    targets: [
      ['t1', 'Ya', 100, 120],
      ['t2', 'Tidak', 50, 60],
    ],
    ratings: [5, 5, 5, 5, 9, 5, 5],
  },
  {
    nip: '199003152015031003',
    targets: [
      ['t1', 'Ya', 100, 120],
      ['t2', 'Tidak', 'seratus', 60],
    ],
    ratings: [4, 4, 4, 4, 4, 4, 4],
  },
  {
    nip: '199003152015031004',
    targets: [
      ['t1', 'Ya', 100, 120],
      ['t2', 'Tidak', 50, 60],
    ],
    ratings: [4, 4, 4, 4, 4, 4, 4],
  },
];
const NAME = 'Budi "Bud" Santoso, S.E.';
const employee = (nip: string): Value[] => [
  nip,
  NAME,
  'Dinas Kesehatan',
  'Analis Kebijakan',
  'pelaksana',
  'III/b',
  '2019-04-01',
  2023,
  'Baik',
  'annual',
  '2024-01-01',
  '2024-12-31',
  'di-atas',
  'di-atas',
];

/** One row per target (the employee's cells on each), then one per rating (only NIP and Periode repeated). */
export function longRows(): Value[][] {
  const rows: Value[][] = [];
  const empty = [...EMPLOYEE, ...TARGET].map(() => undefined);
  for (const c of CASES) {
    for (const t of c.targets) rows.push([...employee(c.nip), ...t, ...RATING.map(() => undefined)]);
    c.ratings.forEach((value, i) => {
      const row: Value[] = [...empty, 'peer-1', 'peer', INDICATORS[i]?.[0], value];
      row[EMPLOYEE.indexOf('NIP')] = c.nip;
      row[EMPLOYEE.indexOf('Periode')] = 'annual';
      rows.push(row);
    });
  }
  return rows;
}

/** One row per appraisal. */
export const wideRows = (): Value[][] =>
  CASES.map((c) => [...employee(c.nip), ...c.targets.flat(), ...c.ratings]);

/** The appraisals as JSON documents (B's "seratus" stays a string, which the schema refuses). */
export const appraisals = (): unknown[] =>
  CASES.map((c) => ({
    employee: {
      nip: c.nip,
      name: NAME,
      unit: 'Dinas Kesehatan',
      position: 'Analis Kebijakan',
      positionType: 'pelaksana',
      rank: 'III/b',
      rankSince: '2019-04-01',
      history: [{ year: 2023, predicate: 'Baik' }],
    },
    period: { kind: 'annual', start: '2024-01-01', end: '2024-12-31' },
    targets: {
      'hasil-kerja': c.targets.map(([id, main, target, realisation]) => ({
        id,
        main: main === 'Ya',
        target,
        realisation,
      })),
    },
    ratings: c.ratings.map((value, i) => ({
      rater: 'peer-1',
      role: 'peer',
      indicator: INDICATORS[i]?.[0],
      value,
    })),
    supervisorRatings: { 'hasil-kerja': 'di-atas', perilaku: 'di-atas' },
  }));

/** Rows as flat objects keyed by column name (what `--mapping` reads from JSON and NDJSON). */
export const flatObjects = (columns: readonly string[], rows: Value[][]): Record<string, Value>[] =>
  rows.map((row) =>
    Object.fromEntries(columns.flatMap((c, i) => (row[i] === undefined ? [] : [[c, row[i]]]))),
  );

/** A `;` CSV with CRLF line ends; `quoteAll` quotes every cell, else only those that need it. */
export function csvText(columns: readonly string[], rows: Value[][], quoteAll: boolean): string {
  const cell = (v: Value) => {
    const text = v === undefined ? '' : String(v);
    return quoteAll || /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${[columns, ...rows].map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}

/** A workbook of one sheet, header on row 1; numbers stay numbers. */
export async function xlsxBytes(columns: readonly string[], rows: Value[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Penilaian');
  ws.addRow([...columns]);
  for (const r of rows) ws.addRow(r.map((v) => (v === undefined ? null : v)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A JSON array with `[` on line 1 and one element a line (element i on line i + 2). */
export const jsonArrayText = (items: readonly unknown[]): string =>
  `[\n${items.map((i) => JSON.stringify(i)).join(',\n')}\n]\n`;

/** NDJSON: element i on line i + 1. */
export const ndjsonText = (items: readonly unknown[]): string =>
  items.map((i) => `${JSON.stringify(i)}\n`).join('');
