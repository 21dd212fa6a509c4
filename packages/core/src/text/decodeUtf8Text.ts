import { createDiagnostic } from '../diagnostics/createDiagnostic.js';
import { fail, ok, type Result } from '../diagnostics/result.js';
import { firstInvalidUtf8 } from './firstInvalidUtf8.js';

/** The part of WHATWG's TextDecoder used here. */
interface Utf8Decoder {
  decode(input?: Uint8Array): string;
}

// Every runtime core supports (Node, browsers, Deno, Workers) has TextDecoder, but ES2022's lib does not declare
// it, and core's browser typecheck keeps to ES2022 so that nothing DOM- or Node-only slips in.
const TextDecoder = (
  globalThis as unknown as {
    TextDecoder: new (label: 'utf-8', options?: { fatal?: boolean; ignoreBOM?: boolean }) => Utf8Decoder;
  }
).TextDecoder;

const FATAL = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes the bytes of a text file or stream as UTF-8, dropping a leading byte-order mark. Bytes that are not
 * UTF-8 (say a Windows-1252 `é`) are an `encoding-invalid` diagnostic at their line:column and byte offset,
 * never decoded as U+FFFD: a replacement character would silently change a name or a number.
 *
 * @param bytes The whole text, already bounded by the caller.
 * Runtime-neutral (no `node:*`), so the HTTP handler decodes request bodies with it in Workers and browsers too.
 *
 * @param source The file name (or `<stdin>`, or a request) the diagnostic names.
 */
export function decodeUtf8Text(bytes: Uint8Array, source: string): Result<string> {
  // Editors on Windows still save a byte-order mark; it is not part of the document and would shift column 1.
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return ok(FATAL.decode(bytes.subarray(start)));
  } catch {
    // Only now is the first bad byte looked for, to say where it is.
  }
  const bad = firstInvalidUtf8(bytes, start);
  if (bad < 0) return ok(new TextDecoder('utf-8').decode(bytes.subarray(start)));
  let line = 1;
  let lineStart = start;
  for (let i = start; i < bad; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  // Columns count UTF-16 units, as every other span does; the bytes before the bad one on its line are UTF-8.
  const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, bad)).length + 1;
  return fail([
    createDiagnostic({
      code: 'encoding-invalid',
      pointer: '',
      source,
      span: { start: { line, column }, end: { line, column: column + 1 } },
      received: `0x${(bytes[bad] as number).toString(16).toUpperCase().padStart(2, '0')}`,
      // A spreadsheet export is fixed in Excel; anything else (a rubric, a JSON appraisal) in a text editor.
      params: { line, column, byte: bad, file: /\.(?:csv|tsv)$/i.test(source) ? 'csv' : 'text' },
    }),
  ]);
}
