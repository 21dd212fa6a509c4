import type { Mapping } from '../mapping/loadMapping.js';
import type { InputFormat, InputRecord } from '../records.js';
import { groupRows } from './groupRows.js';
import { readCsv } from './readCsv.js';
import { readJsonArray } from './readJsonArray.js';
import { readNdjson } from './readNdjson.js';
import { readXlsx } from './readXlsx.js';
import type { ByteSource } from './textChunks.js';

/** Options of {@link readRecords}. */
export interface ReadOptions {
  /** CSV delimiter; the mapping's, else auto-detected from the header line. */
  delimiter?: ',' | ';';
  /** XLSX worksheet, by name or 1-based position; the mapping's, else the first. */
  sheet?: string | number;
  /**
   * The mapping the records will be scored with: its `delimiter` and `sheet` apply (unless given above), and
   * with `groupBy` the rows of each appraisal come as one `group` record (CSV and XLSX).
   */
  mapping?: Mapping;
}

/** The input format a file name implies: `.json`, `.ndjson`/`.jsonl`, `.csv`, `.xlsx`; undefined otherwise. */
export function formatFromPath(path: string): InputFormat | undefined {
  const m = /\.([A-Za-z]+)$/.exec(path);
  switch (m?.[1]?.toLowerCase()) {
    case 'json':
      return 'json';
    case 'ndjson':
    case 'jsonl':
      return 'ndjson';
    case 'csv':
      return 'csv';
    case 'xlsx':
      return 'xlsx';
    default:
      return undefined;
  }
}

/**
 * Reads records of one file lazily, in the given format. `file` names the input in every `ref`. With a mapping
 * that has `groupBy`, table rows are gathered by appraisal (see {@link groupRows}).
 */
export function readRecords(
  input: ByteSource,
  file: string,
  format: InputFormat,
  options: ReadOptions = {},
): AsyncGenerator<InputRecord> {
  const { mapping } = options;
  const delimiter = options.delimiter ?? mapping?.delimiter;
  const sheet = options.sheet ?? mapping?.sheet;
  switch (format) {
    case 'json':
      return readJsonArray(input, file);
    case 'ndjson':
      return readNdjson(input, file);
    case 'csv': {
      const rows = readCsv(input, file, delimiter ? { delimiter } : {});
      return mapping?.groupBy ? groupRows(rows, file, mapping.groupBy) : rows;
    }
    case 'xlsx': {
      const rows = readXlsx(input, file, sheet !== undefined ? { sheet } : {});
      return mapping?.groupBy ? groupRows(rows, file, mapping.groupBy) : rows;
    }
  }
}
