import { type Diagnostic, decodeUtf8Text } from '@kinerja/core';

/**
 * Decodes a request body as UTF-8 with core's decoder, dropping a leading byte-order mark. Bytes that are not
 * UTF-8 are core's `encoding-invalid` diagnostic at their line:column and byte offset, the code and position the
 * CLI and @kinerja/batch give for the same bytes in a file, never decoded as U+FFFD.
 */
export function decodeUtf8Body(
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; diagnostic: Diagnostic } {
  const decoded = decodeUtf8Text(bytes, 'body');
  if (decoded.ok) return { ok: true, text: decoded.value };
  const [diagnostic] = decoded.diagnostics as [Diagnostic];
  // The body has no file name; the diagnostic's pointer and span say where, as they do for JSON syntax errors.
  const { source: _source, ...rest } = diagnostic;
  return { ok: false, diagnostic: rest };
}
