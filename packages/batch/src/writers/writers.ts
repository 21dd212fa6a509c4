import type { ScoredRecord } from '../scoreRecords.js';

/** The output formats of @kinerja/batch. */
export type OutputFormat = 'json' | 'ndjson' | 'csv';

/**
 * Turns scored records into text, one chunk per record, so a caller can write each chunk as it comes and hold
 * nothing. `end()` gives the closing chunk (`]` of a JSON array); call it once, also after zero records.
 */
export interface EvaluationWriter {
  /** The text for one record. */
  write(record: ScoredRecord): string;
  /** The closing text. */
  end(): string;
}

/**
 * A JSON array of evaluations, byte for byte what `JSON.stringify(evaluations, null, 2)` plus a newline would
 * print, written one element at a time.
 */
export function jsonWriter(): EvaluationWriter {
  let count = 0;
  return {
    write(record) {
      const body = JSON.stringify(record.evaluation, null, 2).replace(/\n/g, '\n  ');
      return `${count++ === 0 ? '[\n  ' : ',\n  '}${body}`;
    },
    end: () => (count === 0 ? '[]\n' : '\n]\n'),
  };
}

/** One evaluation per line (NDJSON). */
export function ndjsonWriter(): EvaluationWriter {
  return { write: (record) => `${JSON.stringify(record.evaluation)}\n`, end: () => '' };
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell, safe to open in a spreadsheet: text that starts with `=`, `+`, `-`, `@`, a tab or a carriage
 * return would run as a formula (CSV injection), so it gets a leading `'`; a cell with the delimiter, a quote or
 * a line break is quoted with `""` for quotes (RFC 4180).
 */
export function csvCell(value: string, delimiter: ',' | ';' = ','): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The columns of {@link csvWriter}. */
export const csvColumns = [
  'source',
  'nip',
  'status',
  'predicate',
  'score',
  'outcomes_met',
  'flags',
  'first_error',
];

/**
 * A summary per appraisal for people and spreadsheets: source (`file:row`), NIP, status, predicate id, score,
 * the outcomes met (`id?` when undetermined), flags and the first error code; `\r\n` line ends. The score is
 * written as a number with a `.` decimal point; every text cell goes through {@link csvCell}.
 */
export function csvWriter(options: { delimiter?: ',' | ';' } = {}): EvaluationWriter {
  const sep = options.delimiter ?? ',';
  let started = false;
  const line = (cells: string[]) => `${cells.join(sep)}\r\n`;
  return {
    write(record) {
      const e = record.evaluation;
      const outcomes = Object.entries(e.outcomes)
        .filter(([, o]) => o.met !== false)
        .map(([id, o]) => (o.met === null ? `${id}?` : id));
      const firstError = e.diagnostics.find((d) => d.severity === 'error')?.code ?? '';
      const text = [record.ref, e.appraisal.nip ?? record.nip ?? '', e.status, e.predicate?.id ?? ''].map(
        (c) => csvCell(c, sep),
      );
      const row = line([
        ...text,
        e.score === undefined ? '' : String(e.score),
        csvCell(outcomes.join(' '), sep),
        csvCell(e.flags.join(' '), sep),
        csvCell(firstError, sep),
      ]);
      if (started) return row;
      started = true;
      return line(csvColumns) + row;
    },
    end: () => (started ? '' : line(csvColumns)),
  };
}

/** The writer for an output format. */
export function createWriter(
  format: OutputFormat,
  options: { delimiter?: ',' | ';' } = {},
): EvaluationWriter {
  return format === 'json' ? jsonWriter() : format === 'ndjson' ? ndjsonWriter() : csvWriter(options);
}
