import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { columns, maxTargets, repo, toRow } from './cohort.js';

/** The mapping of the cohort's long export. */
export const longMappingPath = join(repo, 'packages/batch/test/fixtures/cohort-long.mapping.yaml');

// biome-ignore lint/suspicious/noExplicitAny: appraisals of the golden cases, read field by field below.
type Json = Record<string, any>;
type Value = string | number | boolean | undefined;

const TARGET = ['Kode RHK', 'Utama', 'Target', 'Realisasi', 'Target Khusus', 'Realisasi Khusus'];
const RATING = ['Penilai', 'Peran', 'Perilaku', 'Nilai'];

/** Header of the long export: the employee's columns, then a target's, then a rating's. */
export function longColumns(): string[] {
  // The wide sheet's columns without RHK groups: the employee, the period and the supervisor's two ratings.
  return [...columns(0).slice(0, 17), ...TARGET, ...RATING];
}

/**
 * The cohort as one row per target (the employee's columns repeated) and one row per rating (only NIP and
 * Periode repeated: other cells of the appraisal may be left empty), targets and ratings in the appraisal's order.
 * Each appraisal's rows follow each other.
 */
export function longRows(appraisals: Json[]): Record<string, Value>[][] {
  const perAppraisal = columns(0).slice(0, 17);
  return appraisals.map((a) => {
    const wide = toRow(a, maxTargets([a]));
    const base: Record<string, Value> = {};
    for (const c of perAppraisal) base[c] = wide[c];
    const rows: Record<string, Value>[] = [];
    for (const t of a.targets?.['hasil-kerja'] ?? [])
      rows.push({
        ...base,
        'Kode RHK': t.id,
        Utama: t.main === undefined ? undefined : t.main ? 'Ya' : 'Tidak',
        Target: t.target,
        Realisasi: t.realisation,
        'Target Khusus': t.khususTarget,
        'Realisasi Khusus': t.khususRealisation,
      });
    for (const r of a.ratings ?? [])
      rows.push({
        NIP: base.NIP,
        Periode: base.Periode,
        Penilai: r.rater,
        Peran: r.role,
        Perilaku: r.indicator,
        Nilai: r.value,
      });
    return rows;
  });
}

function csvText(cell: Value): string {
  if (cell === undefined) return '';
  const text = typeof cell === 'number' ? String(cell).replace('.', ',') : String(cell);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes the long export as `cohort` in `dir/csv` (BOM, `;`, decimal commas, CRLF) and `dir/xlsx` (an
 * instructions sheet first, the data on the second sheet, "RHK"). Returns the folders and, per appraisal, the
 * row its rows start on (the same in both files).
 */
export async function writeLongCohort(
  dir: string,
  appraisals: Json[],
): Promise<{ csv: string; xlsx: string; firstRows: number[] }> {
  const out = { csv: join(dir, 'csv'), xlsx: join(dir, 'xlsx') };
  for (const d of Object.values(out)) mkdirSync(d, { recursive: true });
  const cols = longColumns();
  const groups = longRows(appraisals);
  const firstRows: number[] = [];
  let row = 2;
  for (const g of groups) {
    firstRows.push(row);
    row += g.length;
  }
  const lines = [cols.join(';'), ...groups.flat().map((r) => cols.map((c) => csvText(r[c])).join(';'))];
  writeFileSync(join(out.csv, 'cohort'), `\uFEFF${lines.join('\r\n')}\r\n`);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: join(out.xlsx, 'cohort'),
    useSharedStrings: true,
  });
  const help = workbook.addWorksheet('Petunjuk');
  help.addRow(['Satu baris per RHK dan per penilaian perilaku.']).commit();
  help.commit();
  const sheet = workbook.addWorksheet('RHK');
  sheet.addRow(cols).commit();
  for (const r of groups.flat()) sheet.addRow(cols.map((c) => r[c] ?? null)).commit();
  sheet.commit();
  await workbook.commit();
  return { ...out, firstRows };
}
