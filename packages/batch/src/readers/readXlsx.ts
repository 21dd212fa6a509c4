import { createDiagnostic } from '@kinerja/core';
import { type Cell, type InputRecord, type MergedCell, recordRef } from '../records.js';
import type { ByteSource } from './textChunks.js';
import type { MergedRange } from './xlsx/readMergedRanges.js';
import type { SheetEntry } from './xlsx/readWorkbookParts.js';
import type { ZipArchive } from './xlsx/zipArchive.js';

/** Options of {@link readXlsx}. */
export interface XlsxOptions {
  /** The worksheet: its name, or its 1-based position in the workbook (hidden sheets count). Default: 1. */
  sheet?: string | number;
}

/**
 * A file that is no workbook. The catalogue's `file-unreadable` puts its `reason` into both languages as it is,
 * so the message is worded here in each: the zip or XML reader's own (English) words stay only as a quoted detail.
 */
const unreadable = (file: string, detail: string): InputRecord => {
  const d = createDiagnostic({
    code: 'file-unreadable',
    pointer: '',
    source: file,
    received: file,
    params: { reason: `not a readable XLSX workbook: ${detail}` },
  });
  const name = JSON.stringify(file);
  const quoted = JSON.stringify(detail);
  d.message = {
    id: `Berkas ${name} tidak dapat dibaca: bukan buku kerja XLSX yang utuh (${quoted}).`,
    en: `File ${name} cannot be read: it is not a readable XLSX workbook (${quoted}).`,
  };
  return { kind: 'fatal', diagnostics: [d] };
};

function noSuchSheet(file: string, sheet: string | number, names: readonly string[]): InputRecord {
  const list = names.map((n, i) => `${i + 1} ${JSON.stringify(n)}`).join(', ');
  return {
    kind: 'fatal',
    diagnostics: [
      createDiagnostic({
        code: 'sheet-missing',
        pointer: '',
        source: file,
        received: sheet,
        expected: names,
        params: { sheets: list || '—' },
      }),
    ],
  };
}

function chooseSheet(sheets: readonly SheetEntry[], choice: string | number): SheetEntry | undefined {
  return typeof choice === 'number' ? sheets[choice - 1] : sheets.find((s) => s.name === choice);
}

/**
 * The workbook reader's modules (and their zip and XML dependencies), loaded on the first workbook: a process
 * that reads no XLSX, such as each worker thread of a parallel NDJSON batch, does not pay for them.
 */
async function xlsxModules() {
  const [{ readSheetRows, columnName }, { readWorkbookParts }, { openZipArchive }, { readMergedRanges }] =
    await Promise.all([
      import('./xlsx/readSheetRows.js'),
      import('./xlsx/readWorkbookParts.js'),
      import('./xlsx/zipArchive.js'),
      import('./xlsx/readMergedRanges.js'),
    ]);
  return { readSheetRows, readWorkbookParts, openZipArchive, readMergedRanges, columnName };
}

/** A zip needs random access: a file is opened in place, bytes from a stream are gathered in memory first. */
async function openSource(
  input: ByteSource,
  openZipArchive: (source: string | Buffer) => Promise<ZipArchive>,
): Promise<ZipArchive> {
  if (typeof input === 'string') return openZipArchive(input);
  const chunks: Buffer[] = [];
  for await (const chunk of input)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : Buffer.from(chunk));
  return openZipArchive(Buffer.concat(chunks));
}

/**
 * Streams one worksheet of an XLSX workbook (the first, or `options.sheet`). The zip is read through its central
 * directory, so the workbook, shared strings and styles are read first whatever order the writer stored them in,
 * and the sheet's rows are then parsed as they are inflated: memory holds the shared-string table and one row,
 * not the sheet, and nothing is written to disk. The first non-empty row is the header. Cells keep their type:
 * text stays text (an 18-digit NIP typed as text survives), numbers stay numbers (so a NIP the spreadsheet turned
 * into a number is caught), date-formatted cells become `Date`s. A sheet the workbook does not have is a `fatal`
 * record listing the sheets it has; a file that is not a workbook, or a workbook that contradicts itself, is a
 * `fatal` `file-unreadable` record.
 */
export async function* readXlsx(
  input: ByteSource,
  file: string,
  options: XlsxOptions = {},
): AsyncGenerator<InputRecord> {
  const choice = options.sheet ?? 1;
  let zip: ZipArchive | undefined;
  let rows: AsyncGenerator<{ number: number; cells: ReadonlyArray<Cell | undefined> }> | undefined;
  let merges: MergedRange[] = [];
  let columnName: (index: number) => string = String;
  try {
    try {
      const modules = await xlsxModules();
      const { readSheetRows, readWorkbookParts, openZipArchive, readMergedRanges } = modules;
      columnName = modules.columnName;
      zip = await openSource(input, openZipArchive);
      const parts = await readWorkbookParts(zip);
      const sheet = chooseSheet(parts.sheets, choice);
      if (!sheet) {
        yield noSuchSheet(
          file,
          choice,
          parts.sheets.map((s) => s.name),
        );
        return;
      }
      merges = await readMergedRanges(await zip.stream(sheet.part));
      rows = readSheetRows(await zip.stream(sheet.part), parts);
    } catch (error) {
      yield unreadable(file, (error as Error).message);
      return;
    }
    let header: string[] | undefined;
    const inMerge = mergedCells(merges, columnName);
    while (true) {
      let next: IteratorResult<{ number: number; cells: ReadonlyArray<Cell | undefined> }>;
      try {
        next = await rows.next();
      } catch (error) {
        yield unreadable(file, (error as Error).message);
        return;
      }
      if (next.done) break;
      const row = next.value;
      const cells = Array.from(row.cells);
      if (cells.every((c) => c === undefined)) continue;
      if (header === undefined) {
        header = cells.map((c) => (c === undefined ? '' : cellText(c)));
        yield { kind: 'header', columns: header };
        continue;
      }
      const ref = recordRef(file, row.number);
      // A value right of the header has no column to go to: refusing the row says so, dropping it would not.
      const outside = cells.findIndex((c, i) => i >= (header as string[]).length && c !== undefined);
      if (outside !== -1) {
        yield {
          kind: 'error',
          ref,
          row: row.number,
          diagnostics: [
            createDiagnostic({
              code: 'cell-outside-header',
              pointer: '',
              source: ref,
              expected: header.length,
              received: cellText(cells[outside] as Cell),
              params: {
                cell: `${columnName(outside)}${row.number}`,
                last: header.length > 0 ? columnName(header.length - 1) : '—',
              },
            }),
          ],
        };
        continue;
      }
      const merged = inMerge(row.number, header.length);
      yield {
        kind: 'row',
        ref,
        row: row.number,
        cells: cells.slice(0, header.length),
        ...(merged.length > 0 ? { merged } : {}),
      };
    }
    if (header === undefined) yield { kind: 'header', columns: [] };
  } finally {
    // A reader that stops early (--strict, a consumer's break) leaves the sheet's inflate stream open; yauzl
    // releases the file only once every stream has ended, so end it first.
    await rows?.return(undefined);
    zip?.close();
  }
}

const cellText = (c: Cell): string => (c instanceof Date ? c.toISOString() : String(c));

/**
 * The cells of a row that lie inside a merged range, other than its top-left cell, within the header's columns.
 * Rows come in ascending order (the format requires it), so the ranges are swept once; a row out of order
 * looks through all of them.
 */
function mergedCells(
  merges: readonly MergedRange[],
  columnName: (index: number) => string,
): (row: number, width: number) => MergedCell[] {
  const byFirstRow = [...merges].sort((a, b) => a.firstRow - b.firstRow);
  let next = 0;
  let active: MergedRange[] = [];
  let last = 0;
  return (row, width) => {
    if (merges.length === 0) return [];
    if (row < last) {
      active = byFirstRow.filter((m) => m.firstRow <= row);
      next = active.length;
    }
    last = row;
    while (next < byFirstRow.length && (byFirstRow[next] as MergedRange).firstRow <= row)
      active.push(byFirstRow[next++] as MergedRange);
    active = active.filter((m) => m.lastRow >= row);
    const cells: MergedCell[] = [];
    for (const m of active) {
      if (m.firstRow > row) continue;
      for (let c = m.firstColumn; c <= m.lastColumn && c < width; c++) {
        if (c === m.firstColumn && row === m.firstRow) continue;
        cells.push({
          column: c,
          cell: `${columnName(c)}${row}`,
          range: m.ref,
          anchor: `${columnName(m.firstColumn)}${m.firstRow}`,
        });
      }
    }
    return cells;
  };
}
