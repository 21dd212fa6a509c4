import { createDiagnostic } from '../diagnostics/createDiagnostic.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { utf8ByteLength } from './utf8ByteLength.js';

/**
 * Refuses text over `maxBytes` UTF-8 bytes before any parser touches it.
 *
 * @returns An `input-too-large` diagnostic at 1:1, or `undefined` when the text fits.
 */
export function checkInputSize(text: string, maxBytes: number, source?: string): Diagnostic | undefined {
  // A UTF-16 unit never encodes to more than 3 bytes, so typical inputs skip the count entirely.
  if (text.length * 3 <= maxBytes) return undefined;
  const bytes = utf8ByteLength(text);
  if (bytes <= maxBytes) return undefined;
  return createDiagnostic({
    code: 'input-too-large',
    pointer: '',
    source,
    span: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
    expected: maxBytes,
    received: bytes,
  });
}
