import type { InputFormat, InputRecord } from '../records.js';
import { readCsv } from './readCsv.js';
import { readJsonArray } from './readJsonArray.js';
import { readNdjson } from './readNdjson.js';
import { readXlsx } from './readXlsx.js';
import type { ByteSource } from './textChunks.js';

/** Options of {@link readRecords}. */
export interface ReadOptions {
  /** CSV delimiter; auto-detected from the header line when absent. */
  delimiter?: ',' | ';';
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

/** Reads records of one file lazily, in the given format. `file` names the input in every `ref`. */
export function readRecords(
  input: ByteSource,
  file: string,
  format: InputFormat,
  options: ReadOptions = {},
): AsyncGenerator<InputRecord> {
  switch (format) {
    case 'json':
      return readJsonArray(input, file);
    case 'ndjson':
      return readNdjson(input, file);
    case 'csv':
      return readCsv(input, file, options.delimiter ? { delimiter: options.delimiter } : {});
    case 'xlsx':
      return readXlsx(input, file);
  }
}
