import type { Diagnostic } from '@kinerja/core';

/** One cell as a reader hands it over: text from CSV, typed values from XLSX and JSON. Empty cells are absent. */
export type Cell = string | number | boolean | Date;

/** One table row as a reader yields it: where it is and its cells, aligned with the header. */
export interface TableRow {
  /** `<file>:<row>`. */
  ref: string;
  /** The spreadsheet row (header = row 1). */
  row: number;
  /** Cells aligned with the header; `undefined` for an empty cell. */
  cells: readonly (Cell | undefined)[];
  /**
   * XLSX: the row's cells that lie inside a merged range other than its top-left cell. They read as empty
   * (the file stores the value only in the top-left cell), so the mapping refuses the row when it reads one.
   */
  merged?: readonly MergedCell[];
}

/** A cell inside a merged range, e.g. B3 of `B2:B3`, whose value the file keeps only in the range's first cell. */
export interface MergedCell {
  /** Its column (0 = A). */
  column: number;
  /** Its reference, e.g. `B3`. */
  cell: string;
  /** The merged range, e.g. `B2:B3`. */
  range: string;
  /** The range's top-left cell, which holds the value, e.g. `B2`. */
  anchor: string;
}

/** The input formats @kinerja/batch reads. */
export type InputFormat = 'json' | 'ndjson' | 'csv' | 'xlsx';

/**
 * What a reader yields, lazily and in file order:
 * - `header`: the column names of a table (CSV, XLSX), once, before its rows;
 * - `row`: one table row, cells aligned with the header (`undefined` for an empty cell);
 * - `group`: the rows of one appraisal, when the mapping has `groupBy` (one row per target or rating); `ref` and
 *   `row` are those of its first row;
 * - `json`: the text of one JSON document (an array element or an NDJSON line);
 * - `error`: a record that could not be read; the file goes on;
 * - `fatal`: the file cannot be read further (broken JSON structure, unreadable workbook); it is the last event.
 *   Its `unread`, when set, counts the elements after the break that were not read.
 *
 * `ref` is `<file>:<row>`: the spreadsheet row (header = row 1) for tables, the line a record starts on for JSON.
 */
export type InputRecord =
  | { kind: 'header'; columns: readonly string[]; delimiter?: ',' | ';' }
  | ({ kind: 'row' } & TableRow)
  | { kind: 'group'; ref: string; row: number; rows: readonly TableRow[] }
  | {
      kind: 'json';
      ref: string;
      row: number;
      /** The column (UTF-16 units, 1-based) the text starts at on line `row`; 1 when absent. */
      column?: number;
      text: string;
    }
  | { kind: 'error'; ref: string; row: number; diagnostics: Diagnostic[] }
  | {
      kind: 'fatal';
      diagnostics: Diagnostic[];
      /**
       * JSON array: the elements in the rest of the file, counted by scanning on after the structure broke; they
       * were not scored. Absent when they cannot be counted (bytes that are not UTF-8, a file that is no array).
       */
      unread?: number;
    };

/** `<file>:<row>`, the `source` of every diagnostic about one record. */
export function recordRef(file: string, row: number): string {
  return `${file}:${row}`;
}
