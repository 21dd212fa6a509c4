import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createDiagnostic, fail, ok, type Result } from '@kinerja/core';

/** Options for {@link readTextFile}. */
export interface ReadTextFileOptions {
  /** Directory a relative path is read from; defaults to `process.cwd()`. */
  cwd?: string;
}

/**
 * Reads a UTF-8 text file. A missing or unreadable file comes back as a `file-unreadable` diagnostic whose
 * source is the path as given, so callers can print it like any other problem instead of catching.
 */
export function readTextFile(path: string, options: ReadTextFileOptions = {}): Result<string> {
  try {
    const text = readFileSync(resolve(options.cwd ?? process.cwd(), path), 'utf8');
    // Editors on Windows still save a byte-order mark; it is not part of the document and would shift column 1.
    return ok(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return fail([
      createDiagnostic({
        code: 'file-unreadable',
        pointer: '',
        source: path,
        received: path,
        params: { reason },
      }),
    ]);
  }
}
