import { createDiagnostic, defaultParseLimits } from '@kinerja/core';
import { type InputRecord, recordRef } from '../records.js';
import { type ByteSource, textChunks } from './textChunks.js';

/**
 * Reads NDJSON (JSON Lines): one JSON document per line, `\n` or `\r\n`, blank lines skipped. Yields each line's
 * text with its 1-based line number; memory holds one line at a time. A line longer than core's parse limit is
 * reported as an error record without being held.
 */
export async function* readNdjson(input: ByteSource, file: string): AsyncGenerator<InputRecord> {
  const maxBytes = defaultParseLimits.maxBytes;
  let line = 1;
  let pending = '';
  let oversized = false;
  const emit = (text: string): InputRecord | undefined => {
    const row = line;
    const body = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (oversized) {
      oversized = false;
      return {
        kind: 'error',
        ref: recordRef(file, row),
        row,
        diagnostics: [
          createDiagnostic({
            code: 'input-too-large',
            pointer: '',
            source: recordRef(file, row),
            expected: maxBytes,
            received: `> ${maxBytes}`,
          }),
        ],
      };
    }
    if (body.trim() === '') return undefined;
    return { kind: 'json', ref: recordRef(file, row), row, text: body };
  };
  for await (const chunk of textChunks(input)) {
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', start)) {
      const text = pending + chunk.slice(start, nl);
      pending = '';
      const record = emit(text);
      if (record) yield record;
      line++;
      start = nl + 1;
    }
    if (!oversized) pending += chunk.slice(start);
    if (pending.length > maxBytes) {
      oversized = true;
      pending = '';
    }
  }
  if (pending !== '' || oversized) {
    const record = emit(pending);
    if (record) yield record;
  }
}
