import { createDiagnostic, type Diagnostic } from '@kinerja/core';
import { type InputRecord, recordRef } from '../records.js';
import { type ByteSource, textChunks } from './textChunks.js';

/** Options of {@link readCsv}. */
export interface CsvOptions {
  /** The cell delimiter; by default whichever of `,` and `;` occurs more often in the header line. */
  delimiter?: ',' | ';';
}

/** Counts `,` and `;` outside quotes up to the end of the first record; `;` wins only when more frequent. */
export function detectDelimiter(headerText: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of headerText) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** Whether the text holds a complete first record (a line end outside quotes). */
function hasFirstLine(text: string): boolean {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) return true;
  }
  return false;
}

/**
 * Reads CSV as RFC 4180 says, and as spreadsheets export it: quoted cells with `""` for a quote and line breaks
 * inside, `\r\n`, `\n` or `\r` line ends, a UTF-8 BOM, `,` or `;` delimiters (auto-detected from the header line).
 * Yields the header, then each row with cells trimmed (an empty cell is `undefined`). Rows are numbered as a
 * spreadsheet shows them (the header is row 1), even when a quoted cell spans lines. Memory holds one record.
 */
export async function* readCsv(
  input: ByteSource,
  file: string,
  options: CsvOptions = {},
): AsyncGenerator<InputRecord> {
  let delimiter: ',' | ';' | undefined = options.delimiter;
  let header: string[] | undefined;
  let row = 0;
  // Record under construction.
  let cells: string[] = [];
  let cell = '';
  let quoted = false; // inside quotes
  let wasQuoted = false; // the current cell was quoted and its closing quote seen
  let problem: string | undefined;
  let pendingQuote = false; // saw a quote inside quotes: either "" or the closing quote
  let afterCr = false;
  let head = '';

  function* endRecord(): Generator<InputRecord> {
    cells.push(cell);
    cell = '';
    wasQuoted = false;
    row++;
    const record = cells;
    cells = [];
    const issue = problem;
    problem = undefined;
    const ref = recordRef(file, row);
    if (header === undefined) {
      header = record.map((c) => c.trim());
      yield { kind: 'header', columns: header, delimiter: delimiter ?? ',' };
      return;
    }
    const values = record.map((c) => {
      const t = c.trim();
      return t === '' ? undefined : t;
    });
    if (values.every((v) => v === undefined) && !issue) return; // a blank row
    let extra = issue;
    if (!extra && values.length > header.length && values.slice(header.length).some((v) => v !== undefined))
      extra = `${values.length} cells, but the header has ${header.length} columns`;
    if (extra) {
      const d: Diagnostic = createDiagnostic({
        code: 'csv-syntax',
        pointer: '',
        source: ref,
        params: { detail: extra },
      });
      yield { kind: 'error', ref, row, diagnostics: [d] };
      return;
    }
    yield { kind: 'row', ref, row, cells: values.slice(0, header.length) };
  }

  function* feed(text: string): Generator<InputRecord> {
    const sep = delimiter as string;
    let from = 0; // start of the plain run being copied into `cell`
    for (let i = 0; i < text.length; i++) {
      const ch = text[i] as string;
      if (afterCr) {
        afterCr = false;
        if (ch === '\n') {
          from = i + 1;
          continue;
        }
      }
      if (quoted) {
        if (pendingQuote) {
          pendingQuote = false;
          if (ch === '"') {
            cell += '"';
            from = i + 1;
            continue;
          }
          quoted = false;
          wasQuoted = true;
          from = i;
          // fall through to unquoted handling of ch
        } else {
          if (ch === '"') {
            cell += text.slice(from, i);
            pendingQuote = true;
            from = i + 1;
          }
          continue;
        }
      }
      if (ch === sep) {
        cell += text.slice(from, i);
        cells.push(cell);
        cell = '';
        wasQuoted = false;
        from = i + 1;
      } else if (ch === '\n' || ch === '\r') {
        cell += text.slice(from, i);
        yield* endRecord();
        afterCr = ch === '\r';
        from = i + 1;
      } else if (ch === '"' && cell === '' && from === i && !wasQuoted) {
        quoted = true;
        from = i + 1;
      } else if (wasQuoted && ch !== ' ' && ch !== '\t') {
        problem ??= `text after the closing quote of cell ${cells.length + 1}`;
      }
    }
    if (!quoted || !pendingQuote) cell += text.slice(from);
  }

  for await (const chunk of textChunks(input)) {
    if (delimiter === undefined) {
      head += chunk;
      if (!hasFirstLine(head) && head.length < 1024 * 1024) continue;
      delimiter = detectDelimiter(head);
      const text = head;
      head = '';
      yield* feed(text);
    } else yield* feed(chunk);
  }
  if (delimiter === undefined) {
    delimiter = detectDelimiter(head);
    yield* feed(head);
  }
  if (quoted && !pendingQuote) {
    problem = 'a quoted cell is not closed before the end of the file';
    yield* endRecord();
  } else if (cell !== '' || cells.length > 0 || pendingQuote || wasQuoted) {
    if (pendingQuote) {
      quoted = false;
    }
    yield* endRecord();
  }
  if (header === undefined) yield { kind: 'header', columns: [], delimiter: delimiter ?? ',' };
}
