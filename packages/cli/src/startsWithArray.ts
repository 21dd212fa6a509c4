import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Whether a file's first character after a BOM and white space is `[` (a JSON array, so a batch); false when it
 * cannot be read. Reads at most 4 KiB.
 */
export function startsWithArray(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(4096);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return /^\uFEFF?\s*\[/.test(buffer.subarray(0, n).toString('utf8'));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
