import type { Diagnostic, Position } from '@kinerja/core';

/**
 * A diagnostic of one record's text (a JSON array element, an NDJSON line) placed in the whole file: its span,
 * counted from the start of the record's text, is moved to the line and column the record starts at, and its
 * `source` becomes the file, so `file:line:column` points at the very character. A diagnostic without a span is
 * returned as it is.
 *
 * @param d A diagnostic of `parseJson(record.text)`.
 * @param record Where the text starts: its line, and its column on that line (1 when absent).
 * @param file The file's name, as the batch names it.
 */
export function spanInFile(
  d: Diagnostic,
  record: { row: number; column?: number },
  file: string,
): Diagnostic {
  if (!d.span) return d;
  const shift = (p: Position): Position =>
    p.line === 1
      ? { line: record.row, column: p.column + (record.column ?? 1) - 1 }
      : { line: p.line + record.row - 1, column: p.column };
  return { ...d, source: file, span: { start: shift(d.span.start), end: shift(d.span.end) } };
}
