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

/**
 * Streams the first worksheet of an XLSX workbook with exceljs's `WorkbookReader`: rows are parsed from the zip
 * as they arrive and dropped after they are yielded, so memory holds the shared-string table and one row, not
 * the sheet. The first non-empty row is the header. Cells keep their type: text stays text (an 18-digit NIP
 * typed as text survives), numbers stay numbers (so a NIP the spreadsheet turned into a number is caught),
 * date-formatted cells become `Date`s (styles are read for that).
 */
export async function* readXlsx(input: ByteSource, file: string): AsyncGenerator<InputRecord> {
  const stream = typeof input === 'string' ? input : Readable.from(input);
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
  try {
    for await (const sheet of reader) {
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
      // Only the first worksheet is read: exports put the data there.
      break;
    }
  } catch (error) {
    yield {
      kind: 'fatal',
      diagnostics: [
        createDiagnostic({
          code: 'file-unreadable',
          pointer: '',
          source: file,
          received: file,
          params: { reason: `not a readable XLSX workbook: ${(error as Error).message}` },
        }),
      ],
    };
    return;
  }
  if (header === undefined) yield { kind: 'header', columns: [] };
}
