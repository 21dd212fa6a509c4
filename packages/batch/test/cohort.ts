import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCaseFile } from '@kinerja/testing';
import ExcelJS from 'exceljs';

/** The repository root. */
export const repo = join(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The rubric the cohort is scored against. */
export const rubricPath = join(repo, 'rubrics/permenpanrb-6-2022/permenpanrb-6-2022.rubric.yaml');
/** The mapping of the cohort's spreadsheet columns. */
export const mappingPath = join(repo, 'packages/batch/test/fixtures/cohort.mapping.yaml');

// biome-ignore lint/suspicious/noExplicitAny: appraisals of the golden cases, read field by field below.
type Json = Record<string, any>;

/** The BerAKHLAK values with the column labels a Kupang export gives them. */
export const INDICATORS = [
  ['berorientasi-pelayanan', 'Pelayanan'],
  ['akuntabel', 'Akuntabel'],
  ['kompeten', 'Kompeten'],
  ['harmonis', 'Harmonis'],
  ['loyal', 'Loyal'],
  ['adaptif', 'Adaptif'],
  ['kolaboratif', 'Kolaboratif'],
] as const;
const RATERS = [
  ['peer-1', 'Rekan'],
  ['bawahan-1', 'Bawahan'],
  ['mitra-1', 'Mitra'],
] as const;

/**
 * The cohort: the golden cases of permenpanrb-6-2022 (each with ≥ 2 targets), each given its own NIP so rows can be
 * told apart; cases with their own appraisal id, or with `facts` (the sheet has no fact columns), are left out.
 * Appraisals keep the cases' key order.
 */
export function cohort(): Json[] {
  const file = loadCaseFile(join(repo, 'rubrics/permenpanrb-6-2022/permenpanrb-6-2022.cases.yaml'));
  return file.cases
    .map((c) => structuredClone(c.appraisal) as Json)
    .filter((a) => a.id === undefined && a.facts === undefined)
    .map((a, i) => {
      a.employee.nip = `${a.employee.nip.slice(0, 15)}${String(100 + i)}`;
      return a;
    });
}

const ddmmyyyy = (iso: string | undefined) =>
  iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '';

/** Column names of the cohort sheet, for `targets` target groups. */
export function columns(maxTargets: number): string[] {
  const cols = [
    'NIP',
    'Nama',
    'Unit Kerja',
    'Jabatan',
    'Jenis Jabatan',
    'Jenjang',
    'Golongan',
    'TMT Golongan',
    'Tahun Lalu',
    'Predikat Tahun Lalu',
    'Tahun Lalu 2',
    'Predikat Tahun Lalu 2',
    'Periode',
    'Tgl Mulai',
    'Tgl Selesai',
  ];
  for (let n = 1; n <= maxTargets; n++)
    cols.push(
      `RHK${n} Kode`,
      `RHK${n} Utama`,
      `RHK${n} Target`,
      `RHK${n} Realisasi`,
      `RHK${n} Target Khusus`,
      `RHK${n} Realisasi Khusus`,
    );
  cols.push('Rating Hasil Kerja', 'Rating Perilaku');
  for (const [, r] of RATERS) for (const [, i] of INDICATORS) cols.push(`${r} ${i}`);
  return cols;
}

/** One appraisal as a sheet row (typed cells: numbers stay numbers; undefined = empty). */
export function toRow(a: Json, maxTargets: number): Record<string, string | number | boolean | undefined> {
  const e = a.employee;
  const row: Record<string, string | number | boolean | undefined> = {
    NIP: e.nip,
    Nama: e.name,
    'Unit Kerja': e.unit,
    Jabatan: e.position,
    'Jenis Jabatan': e.positionType,
    Jenjang: e.functionalLevel,
    Golongan: e.rank,
    'TMT Golongan': ddmmyyyy(e.rankSince) || undefined,
    'Tahun Lalu': e.history?.[0]?.year,
    'Predikat Tahun Lalu': e.history?.[0]?.predicate,
    'Tahun Lalu 2': e.history?.[1]?.year,
    'Predikat Tahun Lalu 2': e.history?.[1]?.predicate,
    Periode: a.period.kind,
    'Tgl Mulai': ddmmyyyy(a.period.start),
    'Tgl Selesai': ddmmyyyy(a.period.end),
    'Rating Hasil Kerja': a.supervisorRatings?.['hasil-kerja'],
    'Rating Perilaku': a.supervisorRatings?.perilaku,
  };
  const targets: Json[] = a.targets?.['hasil-kerja'] ?? [];
  if (targets.length > maxTargets) throw new Error('more targets than columns');
  targets.forEach((t, i) => {
    row[`RHK${i + 1} Kode`] = t.id;
    row[`RHK${i + 1} Utama`] = t.main === undefined ? undefined : t.main ? 'Ya' : 'Tidak';
    row[`RHK${i + 1} Target`] = t.target;
    row[`RHK${i + 1} Realisasi`] = t.realisation;
    row[`RHK${i + 1} Target Khusus`] = t.khususTarget;
    row[`RHK${i + 1} Realisasi Khusus`] = t.khususRealisation;
  });
  for (const r of a.ratings ?? []) {
    const rater = RATERS.find(([id]) => id === r.rater)?.[1];
    const ind = INDICATORS.find(([id]) => id === r.indicator)?.[1];
    if (!rater || !ind) throw new Error(`rating ${r.rater}/${r.indicator} has no column`);
    const col = `${rater} ${ind}`;
    if (row[col] !== undefined) throw new Error(`two ratings for ${col}`);
    row[col] = r.value;
  }
  if ((e.history?.length ?? 0) > 2) throw new Error('more history than columns');
  if (a.facts !== undefined) throw new Error('facts have no columns');
  return row;
}

/** The largest number of targets any appraisal has. */
export const maxTargets = (as: Json[]) => Math.max(...as.map((a) => a.targets?.['hasil-kerja']?.length ?? 0));

function csvText(cell: string | number | boolean | undefined, sep: string): string {
  if (cell === undefined) return '';
  let text = String(cell);
  if (typeof cell === 'number' && sep === ';') text = text.replace('.', ',');
  return text.includes(sep) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes the cohort in four formats into `dir`, all named `cohort` (no extension; the test passes
 * `--input-format`) and aligned so every record has the same `file:row` in each: the JSON array has one object
 * per line from line 2, the NDJSON starts with a blank line, CSV and XLSX have their header on row 1.
 */
export async function writeCohort(
  dir: string,
  appraisals: Json[],
): Promise<Record<'json' | 'ndjson' | 'csv' | 'xlsx', string>> {
  const out = {
    json: join(dir, 'json'),
    ndjson: join(dir, 'ndjson'),
    csv: join(dir, 'csv'),
    xlsx: join(dir, 'xlsx'),
  };
  const { mkdirSync } = await import('node:fs');
  for (const d of Object.values(out)) mkdirSync(d, { recursive: true });
  writeFileSync(join(out.json, 'cohort'), `[\n${appraisals.map((a) => JSON.stringify(a)).join(',\n')}\n]\n`);
  writeFileSync(join(out.ndjson, 'cohort'), `\n${appraisals.map((a) => JSON.stringify(a)).join('\r\n')}\r\n`);
  const max = maxTargets(appraisals);
  const cols = columns(max);
  const rows = appraisals.map((a) => toRow(a, max));
  // e-Kinerja style: BOM, `;`, decimal commas, CRLF.
  const csv = [cols.join(';'), ...rows.map((r) => cols.map((c) => csvText(r[c], ';')).join(';'))].join(
    '\r\n',
  );
  writeFileSync(join(out.csv, 'cohort'), `\uFEFF${csv}\r\n`);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: join(out.xlsx, 'cohort'),
    useSharedStrings: true,
  });
  const sheet = workbook.addWorksheet('Penilaian');
  sheet.addRow(cols).commit();
  for (const r of rows) sheet.addRow(cols.map((c) => r[c] ?? null)).commit();
  sheet.commit();
  await workbook.commit();
  return out;
}
