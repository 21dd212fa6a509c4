import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { createDiagnostic, decodeUtf8Text, defaultParseLimits, fail, type Result } from '@kinerja/core';

/** Options for {@link readTextFile}. */
export interface ReadTextFileOptions {
  /** Directory a relative path is read from; defaults to `process.cwd()`. */
  cwd?: string;
  /**
   * Largest file read, in bytes; defaults to the parse limit ({@link defaultParseLimits}`.maxBytes`, 1 MiB).
   * Past it the file is `input-too-large` without being read to its end, so `/dev/zero` or a huge file given by
   * mistake cannot exhaust memory.
   */
  maxBytes?: number;
}

/**
 * Reads a UTF-8 text file. A missing or unreadable file comes back as a `file-unreadable` diagnostic whose
 * source is the path as given, a file over `maxBytes` as `input-too-large`, and bytes that are not UTF-8 as
 * `encoding-invalid` at their line and byte offset (never silently replaced with U+FFFD), so callers can print
 * them like any other problem instead of catching.
 */
export function readTextFile(path: string, options: ReadTextFileOptions = {}): Result<string> {
  const maxBytes = options.maxBytes ?? defaultParseLimits.maxBytes;
  // A size problem is the whole file's, so it is placed at its start, where an editor opens it.
  const start = { line: 1, column: 1 };
  const problem = (code: 'file-unreadable' | 'input-too-large', fields: Record<string, unknown>) =>
    fail([
      createDiagnostic({
        code,
        pointer: '',
        source: path,
        ...(code === 'input-too-large' ? { span: { start, end: start } } : {}),
        ...fields,
      }),
    ]);
  let bytes: Uint8Array;
  try {
    const fd = openSync(resolve(options.cwd ?? process.cwd(), path), 'r');
    try {
      // A bigint stat: Node 20's plain fstat of a pipe or FIFO shares a buffer with realpathSync and makes later
      // imports stop following symlinks (nodejs/node#51142), which breaks pnpm installs.
      const stat = fstatSync(fd, { bigint: true });
      if (stat.isDirectory())
        return problem('file-unreadable', { received: path, params: { reason: 'EISDIR' } });
      // A regular file says its size; a device or pipe is read until one byte past the limit.
      if (stat.isFile() && stat.size > BigInt(maxBytes))
        return problem('input-too-large', { received: Number(stat.size), expected: maxBytes });
      const read = readAtMost(fd, maxBytes + 1);
      if (read.length > maxBytes)
        return problem('input-too-large', { received: read.length, expected: maxBytes });
      bytes = read;
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return problem('file-unreadable', { received: path, params: { reason } });
  }
  return decodeUtf8Text(bytes, path);
}

function readAtMost(fd: number, limit: number): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < limit) {
    const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, limit - total));
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    total += n;
  }
  return Buffer.concat(chunks, total);
}
