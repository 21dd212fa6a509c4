import type { Diagnostic } from '@kinerja/core';

/** One cell as a reader hands it over: text from CSV, typed values from XLSX and JSON. Empty cells are absent. */
export type Cell = string | number | boolean | Date;

/** The input formats @kinerja/batch reads. */
export type InputFormat = 'json' | 'ndjson' | 'csv' | 'xlsx';

/**
 * What a reader yields, lazily and in file order:
 * - `header`: the column names of a table (CSV, XLSX), once, before its rows;
 * - `row`: one table row, cells aligned with the header (`undefined` for an empty cell);
 * - `json`: the text of one JSON document (an array element or an NDJSON line);
 * - `error`: a record that could not be read; the file goes on;
 * - `fatal`: the file cannot be read further (broken JSON structure, unreadable workbook); it is the last event.
 *
 * `ref` is `<file>:<row>`: the spreadsheet row (header = row 1) for tables, the line a record starts on for JSON.
 */
export type InputRecord =
  | { kind: 'header'; columns: readonly string[]; delimiter?: ',' | ';' }
  | { kind: 'row'; ref: string; row: number; cells: readonly (Cell | undefined)[] }
  | { kind: 'json'; ref: string; row: number; text: string }
  | { kind: 'error'; ref: string; row: number; diagnostics: Diagnostic[] }
  | { kind: 'fatal'; diagnostics: Diagnostic[] };

/** `<file>:<row>`, the `source` of every diagnostic about one record. */
export function recordRef(file: string, row: number): string {
  return `${file}:${row}`;
}
