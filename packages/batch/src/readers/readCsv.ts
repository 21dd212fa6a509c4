import { createDiagnostic, type Diagnostic, defaultParseLimits } from '@kinerja/core';
import { type InputRecord, recordRef } from '../records.js';
import { type ByteSource, InvalidUtf8Error, textChunks } from './textChunks.js';

/** Options of {@link readCsv}. */
export interface CsvOptions {
  /** The cell delimiter; by default whichever of `,` and `;` occurs more often in the header line. */
  delimiter?: ',' | ';';
  /**
   * The most characters (UTF-16 code units, line breaks inside quotes included) one record may have; 1,048,576
   * by default, core's parse limit. A record that grows past it stops the file with `csv-record-too-large`: it is
   * almost always a quote that is never closed, which would otherwise swallow the rest of the file into one cell.
   */
  maxRecordLength?: number;
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

/**
 * Reads CSV as RFC 4180 says, and as spreadsheets export it: quoted cells with `""` for a quote and line breaks
 * inside, `\r\n`, `\n` or `\r` line ends, a UTF-8 BOM, `,` or `;` delimiters (auto-detected from the header line).
 * Yields the header (blank lines before it are skipped), then each row with cells trimmed (an empty cell is
 * `undefined`). Rows are numbered as a spreadsheet shows them (the header is row 1), even when a quoted cell spans
 * lines. A row with more or fewer cells than the header is a `csv-syntax` error; a blank line is skipped. Memory
 * holds one record, at most `maxRecordLength` characters; a longer one, or bytes that are not UTF-8, stop the
 * file with a `fatal` record at its line:column.
 */
export async function* readCsv(
  input: ByteSource,
  file: string,
  options: CsvOptions = {},
): AsyncGenerator<InputRecord> {
  const maxRecordLength = options.maxRecordLength ?? defaultParseLimits.maxBytes;
  let delimiter: ',' | ';' | undefined = options.delimiter;
  let header: string[] | undefined;
  let row = 0;
  // Record under construction.
  let cells: string[] = [];
  let cell = '';
  let quoted = false; // inside quotes
  let wasQuoted = false; // the current cell was quoted and its closing quote seen
  // What is wrong with the record being read, as the catalogue's csv-syntax params (a stable key and its numbers).
  let problem: Record<string, string | number> | undefined;
  let pendingQuote = false; // saw a quote inside quotes: either "" or the closing quote
  let afterCr = false;
  let head = '';
  // How far `head` was looked at for the first record's end, and whether that was inside quotes.
  let headScanned = 0;
  let headQuoted = false;
  let headEnded = false;
  // Positions, for errors: offsets count UTF-16 code units from the start of the text (after a BOM).
  let base = 0; // offset of the text being fed
  let line = 1; // the physical line at the current position
  let lineStart = 0; // offset where that line starts
  let recordStart = 0;
  let cellLine = 1; // where the current cell (its opening quote, if quoted) starts
  let cellColumn = 1;
  let prevCr = false; // the text fed before ended with \r (a \n next ends no further line)
  let stopped = false;

  const fatal = (
    code: 'csv-record-too-large' | 'encoding-invalid',
    fields: { expected?: number; received?: string; params: Record<string, string | number> },
  ): InputRecord => ({
    kind: 'fatal',
    diagnostics: [
      createDiagnostic({
        code,
        pointer: '',
        source: file,
        span: {
          start: { line: Number(fields.params.line), column: Number(fields.params.column) },
          end: { line: Number(fields.params.line), column: Number(fields.params.column) + 1 },
        },
        ...fields,
      }),
    ],
  });
  const tooLarge = (): InputRecord =>
    fatal('csv-record-too-large', {
      expected: maxRecordLength,
      params: { line: cellLine, column: cellColumn, quoted: quoted && !pendingQuote ? 'yes' : 'no' },
    });

  function* endRecord(end: number): Generator<InputRecord> {
    if (end - recordStart > maxRecordLength) {
      stopped = true;
      yield tooLarge();
      return;
    }
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
      // A blank line above the header names no column: it is skipped, not taken for a header of one "".
      if (record.every((c) => c.trim() === '')) return;
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
    // Trailing empty cells past the header are tolerated (a spreadsheet's stray delimiters); a missing cell is
    // not: a row cut short would otherwise read as a row of empty answers.
    if (!extra && values.length > header.length && values.slice(header.length).some((v) => v !== undefined))
      extra = { problem: 'too-many-cells' };
    else if (!extra && values.length < header.length) extra = { problem: 'too-few-cells' };
    if (extra) {
      const d: Diagnostic = createDiagnostic({
        code: 'csv-syntax',
        pointer: '',
        source: ref,
        ...(values.length !== header.length ? { expected: header.length, received: values.length } : {}),
        params: extra,
      });
      yield { kind: 'error', ref, row, diagnostics: [d] };
      return;
    }
    yield { kind: 'row', ref, row, cells: values };
  }

  /** Counts the line ends in `text` from `start` to `end` (inside quotes), to keep `line` and `lineStart`. */
  function countLines(text: string, start: number, end: number): void {
    let last = -1;
    for (let k = text.indexOf('\n', start); k !== -1 && k < end; k = text.indexOf('\n', k + 1)) {
      if (!(k > 0 ? text.charCodeAt(k - 1) === 13 : prevCr)) line++;
      last = k;
    }
    for (let k = text.indexOf('\r', start); k !== -1 && k < end; k = text.indexOf('\r', k + 1)) {
      line++;
      if (k > last) last = k;
    }
    if (last !== -1) lineStart = base + last + 1;
  }

  function* feed(text: string): Generator<InputRecord> {
    const sep = delimiter as string;
    let from = 0; // start of the plain run being copied into `cell`
    // The index of the first character past the record limit: reading stops there, wherever the text was cut.
    let limit = recordStart + maxRecordLength - base;
    const stop = function* (): Generator<InputRecord> {
      stopped = true;
      yield tooLarge();
    };
    for (let i = 0; i < text.length; i++) {
      const ch = text[i] as string;
      if (afterCr) {
        afterCr = false;
        if (ch === '\n') {
          from = i + 1;
          lineStart = recordStart = base + i + 1;
          limit = recordStart + maxRecordLength - base;
          continue;
        }
      }
      if (quoted) {
        if (pendingQuote) {
          pendingQuote = false;
          if (ch === '"') {
            if (i >= limit) return yield* stop();
            cell += '"';
            from = i + 1;
            continue;
          }
          quoted = false;
          wasQuoted = true;
          from = i;
          // fall through to unquoted handling of ch
        } else {
          // Only a quote ends a quoted run: jump to it rather than look at each character on the way.
          const q = text.indexOf('"', i);
          const end = q === -1 ? text.length : q;
          if ((q === -1 ? text.length - 1 : q) >= limit) return yield* stop();
          countLines(text, i, end);
          if (q === -1) break;
          cell += text.slice(from, q);
          pendingQuote = true;
          from = q + 1;
          i = q;
          continue;
        }
      }
      if (i >= limit && ch !== '\n' && ch !== '\r') return yield* stop();
      if (ch === sep) {
        cell += text.slice(from, i);
        cells.push(cell);
        cell = '';
        wasQuoted = false;
        from = i + 1;
        cellLine = line;
        cellColumn = base + i + 2 - lineStart;
      } else if (ch === '\n' || ch === '\r') {
        cell += text.slice(from, i);
        yield* endRecord(base + i);
        if (stopped) return;
        afterCr = ch === '\r';
        from = i + 1;
        line++;
        lineStart = recordStart = base + i + 1;
        limit = recordStart + maxRecordLength - base;
        cellLine = line;
        cellColumn = 1;
      } else if (ch === '"' && cell === '' && from === i && !wasQuoted) {
        quoted = true;
        from = i + 1;
      } else if (wasQuoted && ch !== ' ' && ch !== '\t') {
        problem ??= { problem: 'text-after-quote', cell: cells.length + 1 };
      }
    }
    if (!quoted || !pendingQuote) cell += text.slice(from);
    base += text.length;
    prevCr = text.charCodeAt(text.length - 1) === 13;
  }

  try {
    for await (const chunk of textChunks(input)) {
      if (delimiter === undefined) {
        head += chunk;
        // Only the new text is looked at: a header cut into many small chunks costs no more than one chunk.
        for (; headScanned < head.length && !headEnded; headScanned++) {
          const c = head.charCodeAt(headScanned);
          if (c === 0x22) headQuoted = !headQuoted;
          else if (!headQuoted && (c === 0x0a || c === 0x0d)) headEnded = true;
        }
        if (!headEnded && head.length < maxRecordLength) continue;
        // Only as much of the header as a record may hold: past it, how much was read depends on the chunks.
        delimiter = detectDelimiter(head.slice(0, maxRecordLength));
        const text = head;
        head = '';
        yield* feed(text);
      } else yield* feed(chunk);
      if (stopped) return;
    }
  } catch (error) {
    if (!(error instanceof InvalidUtf8Error)) throw error;
    // The text before the bad byte was read: its records count, and the position is where reading got to.
    if (delimiter === undefined) {
      delimiter = detectDelimiter(head);
      yield* feed(head);
      if (stopped) return;
    }
    yield fatal('encoding-invalid', {
      received: error.byte,
      params: { line, column: base - lineStart + 1, byte: error.byteOffset, file: 'csv' },
    });
    return;
  }
  if (delimiter === undefined) {
    delimiter = detectDelimiter(head);
    yield* feed(head);
    if (stopped) return;
  }
  if (quoted && !pendingQuote) {
    problem = { problem: 'unclosed-quote', line: cellLine, column: cellColumn };
    yield* endRecord(base);
  } else if (cell !== '' || cells.length > 0 || pendingQuote || wasQuoted) {
    if (pendingQuote) {
      quoted = false;
    }
    yield* endRecord(base);
  }
  if (header === undefined) yield { kind: 'header', columns: [], delimiter: delimiter ?? ',' };
}
