import { createDiagnostic, defaultParseLimits } from '@kinerja/core';
import { type InputRecord, recordRef } from '../records.js';
import { type ByteSource, InvalidUtf8Error, textChunks } from './textChunks.js';

const Phase = {
  Start: 0,
  BeforeElement: 1,
  AfterElement: 2,
  InElement: 3,
  End: 4,
  Single: 5,
  InScalar: 6,
  Skipping: 7,
} as const;
type Phase = (typeof Phase)[keyof typeof Phase];

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** A character that can start a JSON value (or a typo of one): what the scan after a broken structure counts. */
const startsValue = (c: number) =>
  c === 0x7b ||
  c === 0x5b ||
  c === 0x22 ||
  c === 0x2d ||
  (c >= 0x30 && c <= 0x39) ||
  (c >= 0x61 && c <= 0x7a);

/**
 * Streams a JSON file that holds a top-level array of objects, yielding each element's text as soon as it ends
 * (so memory holds one element, never the file). A file that holds one object is yielded as one record, so
 * single-appraisal files mix with arrays. Each element is then parsed by core's `parseJson`, which applies the
 * usual checks (duplicate keys, forbidden keys, numbers too long to keep exactly); an element that is not an object
 * (`1`, `"x"`, `null`, an array) is yielded too, so it is reported as a bad record at its line and the batch goes
 * on. An element over core's parse limit (1 MiB of UTF-8) is an `input-too-large` error record in its place, and
 * the batch goes on too: it is scanned to its end but not kept, and chunk borders cannot change the verdict.
 *
 * The scanner only tracks strings and nesting to find where an element ends. A character between elements that
 * is not `,`, `]` or white space (a missing comma), or a missing element (`,,`, `,]`), breaks the array's
 * structure: the file stops with a `json-syntax` diagnostic at its line:column, and the rest of the file is still
 * scanned (not parsed, not kept) to count the elements in it, given as the fatal record's `unread`. Text after the
 * closing `]` stops it too, with every element read (no `unread`).
 */
export async function* readJsonArray(input: ByteSource, file: string): AsyncGenerator<InputRecord> {
  const maxBytes = defaultParseLimits.maxBytes;
  let phase: Phase = Phase.Start;
  let line = 1;
  let column = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let parts: string[] = [];
  /** UTF-16 units of the element so far: under a third of the limit, its bytes need no counting. */
  let units = 0;
  /** UTF-8 bytes of the element so far, once counted (-1 before); over the limit, its text is no longer kept. */
  let bytes = -1;
  let startLine = 1;
  let startColumn = 1;
  let afterComma = false;
  /** Skipping: the fatal record to yield once the rest is counted, the elements counted, and whether one may start. */
  let stopped: Extract<InputRecord, { kind: 'fatal' }> | undefined;
  let unread = 0;
  let expecting = false;
  // Worded by the catalogue from a problem key (as core's parseJson does), so both languages say it.
  const fatal = (
    problem: string,
    more: {
      expected?: string;
      received?: string;
      at?: { line: number; column: number };
    } = {},
  ): Extract<InputRecord, { kind: 'fatal' }> => {
    const at = more.at ?? { line, column };
    return {
      kind: 'fatal',
      diagnostics: [
        createDiagnostic({
          code: 'json-syntax',
          pointer: '',
          source: file,
          span: { start: at, end: { line: at.line, column: at.column + 1 } },
          ...(more.expected !== undefined ? { expected: more.expected } : {}),
          ...(more.received !== undefined ? { received: more.received } : {}),
          params: { problem },
        }),
      ],
    };
  };
  /** From here on the file is only scanned, to count the elements it still holds. */
  const skip = (record: Extract<InputRecord, { kind: 'fatal' }>) => {
    stopped = record;
    unread = 0;
    phase = Phase.Skipping;
    parts = [];
  };
  /**
   * Adds the element's next piece. Its size is counted in UTF-8 bytes, as core's parse limit is, over the whole
   * element whatever the chunks: the same element is kept or refused however the input was cut.
   */
  const add = (piece: string) => {
    if (bytes >= 0) bytes += utf8Length(piece);
    else {
      units += piece.length;
      // A UTF-16 unit is 3 bytes at most, so below a third of the limit nothing needs counting.
      if (units * 3 > maxBytes) bytes = parts.reduce((n, part) => n + utf8Length(part), utf8Length(piece));
    }
    // Memory holds the limit and one chunk at most: past the limit, the text is dropped and only scanned.
    if (bytes > maxBytes) parts = [];
    else parts.push(piece);
  };
  /**
   * The element that ends with `piece`: its text, or, when it is over the limit, an `input-too-large` error at
   * its line:column (what core's parseJson says of such a text, and what NDJSON says of such a line), and the
   * elements after it are read.
   */
  const element = (piece: string): InputRecord => {
    add(piece);
    const size = bytes;
    const text = size > maxBytes ? '' : parts.join('');
    parts = [];
    units = 0;
    bytes = -1;
    const ref = recordRef(file, startLine);
    if (size <= maxBytes) return { kind: 'json', ref, row: startLine, column: startColumn, text };
    const at = { line: startLine, column: startColumn };
    return {
      kind: 'error',
      ref,
      row: startLine,
      diagnostics: [
        createDiagnostic({
          code: 'input-too-large',
          pointer: '',
          source: file,
          span: { start: at, end: at },
          expected: maxBytes,
          received: size,
        }),
      ],
    };
  };

  const chunks = textChunks(input);
  // Iterated by hand, to tell a decoding error from the records' own; closed here as for-await would.
  try {
    for (;;) {
      let next: IteratorResult<string>;
      try {
        next = await chunks.next();
      } catch (error) {
        if (!(error instanceof InvalidUtf8Error)) throw error;
        // The text before the bad byte was scanned, so line:column is where the byte is.
        yield {
          kind: 'fatal',
          diagnostics: [
            createDiagnostic({
              code: 'encoding-invalid',
              pointer: '',
              source: file,
              span: { start: { line, column }, end: { line, column: column + 1 } },
              received: error.byte,
              // JSON is written or saved from a text editor, not exported from Excel: the advice says so.
              params: { line, column, byte: error.byteOffset, file: 'text' },
            }),
          ],
        };
        return;
      }
      if (next.done) break;
      const chunk = next.value;
      let captureFrom =
        phase === Phase.InElement || phase === Phase.Single || phase === Phase.InScalar ? 0 : -1;
      for (let i = 0; i < chunk.length; i++) {
        const c = chunk.charCodeAt(i);
        // `skip` sets this phase from a closure, which narrowing does not see.
        if ((phase as Phase) === Phase.Skipping) {
          if (inString) {
            if (escaped) escaped = false;
            else if (c === 0x5c) escaped = true;
            else if (c === 0x22) inString = false;
          } else if (depth > 0) {
            if (c === 0x22) inString = true;
            else if (c === 0x7b || c === 0x5b) depth++;
            else if (c === 0x7d || c === 0x5d) depth--;
          } else if (c === 0x2c) expecting = true;
          else if (c === 0x5d) expecting = false;
          else if (!isSpace(c)) {
            if (expecting && startsValue(c)) unread++;
            expecting = false;
            if (c === 0x22) inString = true;
            else if (c === 0x7b || c === 0x5b) depth = 1;
          }
        } else if (phase === Phase.InScalar) {
          if (isSpace(c) || c === 0x2c || c === 0x5d) {
            const piece = chunk.slice(captureFrom, i);
            captureFrom = -1;
            yield element(piece);
            phase = Phase.AfterElement;
            // The delimiter is read again as what follows an element.
            i--;
            continue;
          }
        } else if (phase === Phase.InElement || phase === Phase.Single) {
          if (inString) {
            if (escaped) escaped = false;
            else if (c === 0x5c) escaped = true;
            else if (c === 0x22) {
              inString = false;
              // A string element ends with its closing quote.
              if (depth === 0) {
                const piece = chunk.slice(captureFrom, i + 1);
                captureFrom = -1;
                yield element(piece);
                phase = Phase.AfterElement;
              }
            }
          } else if (c === 0x22) inString = true;
          else if (c === 0x7b || c === 0x5b) depth++;
          else if (c === 0x7d || c === 0x5d) {
            depth--;
            if (depth === 0) {
              const piece = chunk.slice(captureFrom, i + 1);
              captureFrom = -1;
              yield element(piece);
              phase = phase === Phase.Single ? Phase.End : Phase.AfterElement;
            }
          }
        } else if (!isSpace(c)) {
          if (phase === Phase.Start && c === 0x5b) phase = Phase.BeforeElement;
          else if (
            (phase === Phase.Start && c === 0x7b) ||
            (phase === Phase.BeforeElement && c !== 0x5d && c !== 0x2c)
          ) {
            // Any value is an element, also one that is not an object or not JSON at all (`1`, `"x"`, `nul`):
            // parsing it reports it as a bad record, and the elements after it are still read.
            phase =
              phase === Phase.Start
                ? Phase.Single
                : c === 0x7b || c === 0x5b || c === 0x22
                  ? Phase.InElement
                  : Phase.InScalar;
            depth = c === 0x7b || c === 0x5b ? 1 : 0;
            inString = c === 0x22;
            escaped = false;
            afterComma = false;
            startLine = line;
            startColumn = column;
            captureFrom = i;
          } else if (phase === Phase.AfterElement && c === 0x2c) {
            phase = Phase.BeforeElement;
            afterComma = true;
          } else if (phase === Phase.AfterElement && c === 0x5d) phase = Phase.End;
          else if (phase === Phase.BeforeElement && c === 0x5d && !afterComma) phase = Phase.End;
          else {
            const expected =
              phase === Phase.Start
                ? 'array'
                : phase === Phase.End
                  ? 'end'
                  : phase === Phase.BeforeElement
                    ? 'object'
                    : 'comma-or-bracket';
            const record = fatal('unexpected-character', { expected, received: String.fromCharCode(c) });
            // Not an array at all, or text after its closing bracket: no element of the array is left unread.
            if (phase === Phase.Start || phase === Phase.End) {
              yield record;
              return;
            }
            // The offending character is read again, as the first of the text that is not read.
            skip(record);
            expecting = c !== 0x5d;
            i--;
            continue;
          }
        }
        if (c === 0x0a) {
          line++;
          column = 1;
        } else column++;
      }
      if (captureFrom !== -1) add(chunk.slice(captureFrom));
    }
  } finally {
    await chunks.return(undefined);
  }
  if (stopped) yield { ...stopped, unread };
  else if (phase === Phase.InScalar) {
    yield element('');
    yield fatal('unexpected-end', { expected: 'comma-or-bracket' });
  } else if (phase === Phase.InElement || phase === Phase.Single)
    yield { ...fatal('unexpected-end'), unread: 1 };
  else if (phase !== Phase.End)
    yield fatal(phase === Phase.Start ? 'empty' : 'unexpected-end', {
      ...(phase === Phase.Start ? {} : { expected: 'comma-or-bracket' }),
    });
}

/**
 * UTF-8 length of a piece of text. A surrogate counts 2, so a pair is 4 bytes even when a chunk border splits it:
 * the sum over the pieces is the element's length, however it was cut.
 */
function utf8Length(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) n += c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2;
  }
  return n;
}
