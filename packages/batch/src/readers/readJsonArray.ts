import { createDiagnostic, defaultParseLimits } from '@kinerja/core';
import { type InputRecord, recordRef } from '../records.js';
import { type ByteSource, InvalidUtf8Error, textChunks } from './textChunks.js';

const Phase = { Start: 0, BeforeElement: 1, AfterElement: 2, InElement: 3, End: 4, Single: 5 } as const;
type Phase = (typeof Phase)[keyof typeof Phase];

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * Streams a JSON file that holds a top-level array of objects, yielding each object's text as soon as its closing
 * brace is read (so memory holds one object, never the file). A file that holds one object is yielded as one
 * record, so single-appraisal files mix with arrays. Each object is then parsed by core's `parseJson`, which
 * applies the usual checks (duplicate keys, forbidden keys, numbers too long to keep exactly).
 *
 * The scanner only tracks strings and nesting to find where an element ends; anything outside the elements that
 * is not `[`, `,`, `]` or white space stops the file with a `json-syntax` diagnostic at its line:column.
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
  let size = 0;
  let startLine = 1;
  let afterComma = false;
  // Worded by the catalogue from a problem key (as core's parseJson does), so both languages say it.
  const fatal = (
    problem: string,
    more: { expected?: string; received?: string; params?: Record<string, number> } = {},
  ): InputRecord => ({
    kind: 'fatal',
    diagnostics: [
      createDiagnostic({
        code: 'json-syntax',
        pointer: '',
        source: file,
        span: { start: { line, column }, end: { line, column: column + 1 } },
        ...(more.expected !== undefined ? { expected: more.expected } : {}),
        ...(more.received !== undefined ? { received: more.received } : {}),
        params: { problem, ...more.params },
      }),
    ],
  });
  const element = (): InputRecord => {
    const text = parts.join('');
    parts = [];
    size = 0;
    return { kind: 'json', ref: recordRef(file, startLine), row: startLine, text };
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
              params: { line, column, byte: error.byteOffset },
            }),
          ],
        };
        return;
      }
      if (next.done) break;
      const chunk = next.value;
      let captureFrom = phase === Phase.InElement || phase === Phase.Single ? 0 : -1;
      for (let i = 0; i < chunk.length; i++) {
        const c = chunk.charCodeAt(i);
        if (phase === Phase.InElement || phase === Phase.Single) {
          if (inString) {
            if (escaped) escaped = false;
            else if (c === 0x5c) escaped = true;
            else if (c === 0x22) inString = false;
          } else if (c === 0x22) inString = true;
          else if (c === 0x7b || c === 0x5b) depth++;
          else if (c === 0x7d || c === 0x5d) {
            depth--;
            if (depth === 0) {
              parts.push(chunk.slice(captureFrom, i + 1));
              captureFrom = -1;
              yield element();
              phase = phase === Phase.Single ? Phase.End : Phase.AfterElement;
            }
          }
        } else if (!isSpace(c)) {
          if (phase === Phase.Start && c === 0x5b) phase = Phase.BeforeElement;
          else if ((phase === Phase.BeforeElement || phase === Phase.Start) && c === 0x7b) {
            phase = phase === Phase.Start ? Phase.Single : Phase.InElement;
            depth = 1;
            afterComma = false;
            inString = false;
            escaped = false;
            startLine = line;
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
            yield fatal('unexpected-character', { expected, received: String.fromCharCode(c) });
            return;
          }
        }
        if (c === 0x0a) {
          line++;
          column = 1;
        } else column++;
      }
      if (captureFrom !== -1) {
        const piece = chunk.slice(captureFrom);
        parts.push(piece);
        size += piece.length;
        if (size > maxBytes) {
          yield fatal('element-too-large', { params: { line: startLine, max: maxBytes } });
          return;
        }
      }
    }
  } finally {
    await chunks.return(undefined);
  }
  if (phase === Phase.InElement || phase === Phase.Single) yield fatal('unexpected-end');
  else if (phase !== Phase.End)
    yield fatal(phase === Phase.Start ? 'empty' : 'unexpected-end', {
      ...(phase === Phase.Start ? {} : { expected: 'comma-or-bracket' }),
    });
}
