import { Readable } from 'node:stream';
import { createDiagnostic } from '@kinerja/core';
import { type Cell, type InputRecord, recordRef } from '../records.js';
import type { ByteSource } from './textChunks.js';

/** A cell as exceljs gives it, made plain: formulas give their cached result, rich text its text. */
export function plainCell(value: unknown): Cell | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') {
    const t = value.trim();
    return t === '' ? undefined : t;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText))
      return plainCell((v.richText as Array<{ text?: unknown }>).map((r) => String(r.text ?? '')).join(''));
    if ('formula' in v || 'sharedFormula' in v) return plainCell(v.result);
    if (typeof v.text === 'string') return plainCell(v.text);
    if (typeof v.error === 'string') return v.error;
  }
  return undefined;
}

/** Options of {@link readXlsx}. */
export interface XlsxOptions {
  /** The worksheet: its name, or its 1-based position in the workbook (hidden sheets count). Default: 1. */
  sheet?: string | number;
}

/** The workbook's sheet names in order, once exceljs has read its workbook part (it may come after the sheets). */
function sheetNames(reader: unknown): string[] | undefined {
  const sheets = (reader as { model?: { sheets?: Array<{ name?: unknown }> } }).model?.sheets;
  return Array.isArray(sheets) ? sheets.map((s) => String(s.name ?? '')) : undefined;
}

const unreadable = (file: string, reason: string): InputRecord => ({
  kind: 'fatal',
  diagnostics: [
    createDiagnostic({
      code: 'file-unreadable',
      pointer: '',
      source: file,
      received: file,
      params: { reason },
    }),
  ],
});

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

/**
 * Streams one worksheet of an XLSX workbook (the first, or `options.sheet`) with exceljs's `WorkbookReader`: rows
 * are parsed from the zip as they arrive and dropped after they are yielded, so memory holds the shared-string
 * table and one row, not the sheet. The first non-empty row is the header. Cells keep their type: text stays text
 * (an 18-digit NIP typed as text survives), numbers stay numbers (so a NIP the spreadsheet turned into a number
 * is caught), date-formatted cells become `Date`s (styles are read for that). A sheet the workbook does not have
 * is a `fatal` record listing the sheets it has.
 */
export async function* readXlsx(
  input: ByteSource,
  file: string,
  options: XlsxOptions = {},
): AsyncGenerator<InputRecord> {
  const stream = typeof input === 'string' ? input : Readable.from(input);
  const choice = options.sheet ?? 1;
  // Loaded on first use: exceljs is large, and CSV/JSON batches should not pay for it in memory or start-up.
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let header: string[] | undefined;
  let found = false;
  const emitted: string[] = [];
  try {
    for await (const sheet of reader) {
      const name = String((sheet as { name?: unknown }).name ?? '');
      emitted.push(name);
      const names = sheetNames(reader);
      // Positions follow the workbook's tab order when exceljs knows it, else the order sheets come in the zip.
      const position = names?.includes(name) ? names.indexOf(name) + 1 : emitted.length;
      if (typeof choice === 'number' ? position !== choice : name !== choice) {
        if (names && (typeof choice === 'number' ? choice > names.length : !names.includes(choice))) {
          yield noSuchSheet(file, choice, names);
          return;
        }
        // A sheet exceljs spooled to a temporary file is an open file stream until read or destroyed.
        (sheet as { iterator?: { destroy?: () => void } }).iterator?.destroy?.();
        continue;
      }
      found = true;
      for await (const row of sheet) {
        const raw = Array.isArray(row.values) ? row.values : [];
        const cells: (Cell | undefined)[] = [];
        for (let i = 1; i < raw.length; i++) cells.push(plainCell(raw[i]));
        if (header === undefined) {
          if (cells.every((c) => c === undefined)) continue;
          header = cells.map((c) => (c === undefined ? '' : c instanceof Date ? c.toISOString() : String(c)));
          yield { kind: 'header', columns: header };
          continue;
        }
        if (cells.every((c) => c === undefined)) continue;
        yield {
          kind: 'row',
          ref: recordRef(file, row.number),
          row: row.number,
          cells: cells.slice(0, header.length),
        };
      }
      break;
    }
  } catch (error) {
    yield unreadable(file, `not a readable XLSX workbook: ${(error as Error).message}`);
    return;
  }
  if (!found && (options.sheet !== undefined || emitted.length > 0)) {
    yield noSuchSheet(file, choice, sheetNames(reader) ?? emitted);
    return;
  }
  if (header === undefined) yield { kind: 'header', columns: [] };
}
