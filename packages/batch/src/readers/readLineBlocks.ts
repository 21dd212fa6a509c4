import { open } from 'node:fs/promises';
import { createDiagnostic, defaultParseLimits } from '@kinerja/core';
import { type InputRecord, recordRef } from '../records.js';
import { type ByteSource, firstInvalidUtf8 } from './textChunks.js';

/**
 * Whole lines of a line-oriented file (NDJSON) as the raw UTF-8 bytes read, not yet decoded. A block never ends
 * inside a line, so it can be decoded on its own, in another thread, to the same text as the file decoded whole.
 */
export interface LineBlock {
  kind: 'lines';
  /** The 1-based number of the block's first line in the file. */
  firstLine: number;
  /** The 0-based byte offset of the block's first byte in the file, to say where a bad byte is. */
  firstByte: number;
  /**
   * The lines, each with its `\n` except perhaps the file's last. The block owns this memory (a buffer of its
   * own, not a view into a shared one), so it can be transferred to a worker thread without a copy.
   */
  bytes: Uint8Array<ArrayBuffer>;
}

/** A line too long to read: its record, an `input-too-large` error, is all that is kept of it. */
export type OversizedLine = Extract<InputRecord, { kind: 'error' }>;

/** Options of {@link readLineBlocks}. */
export interface LineBlockOptions {
  /** Lines per block at most (a block also ends where a read ends); 256 by default. */
  maxLines?: number;
  /** A line over this many UTF-8 bytes, line end excluded, is refused unread; core's parse limit by default. */
  maxLineBytes?: number;
}

/** The read buffer's first size: large enough that a block is usually cut by `maxLines`, not by a read. */
const READ_SIZE = 1024 * 1024;

const LF = 0x0a;
const CR = 0x0d;

/**
 * Reads a file as blocks of whole lines, raw bytes, in file order: the main thread of a parallel batch only
 * finds line ends and counts lines, and hands each block's memory to a worker, so it allocates almost nothing of
 * its own however large the file (one read buffer, reused, and the blocks it gives away). A line over
 * `maxLineBytes` is dropped as it is read (memory never holds it) and comes as an `input-too-large` error record
 * in its place.
 */
export async function* readLineBlocks(
  input: ByteSource,
  file: string,
  options: LineBlockOptions = {},
): AsyncGenerator<LineBlock | OversizedLine> {
  // The read buffer is a plain Uint8Array, so `slice` copies (a Buffer's would be a view).
  for await (const item of scanLineBlocks(input, file, options))
    yield item.kind === 'lines'
      ? { kind: 'lines', firstLine: item.firstLine, firstByte: item.firstByte, bytes: item.bytes.slice() }
      : item;
}

/**
 * {@link readLineBlocks} without the copies: each block's bytes are a view into the read buffer, valid only until
 * the next block is asked for. For a reader that decodes a block at once (`readNdjson`): copying every block cost
 * a one-thread batch ~30 MiB of peak memory in garbage buffers.
 */
export async function* scanLineBlocks(
  input: ByteSource,
  file: string,
  options: LineBlockOptions = {},
): AsyncGenerator<
  { kind: 'lines'; firstLine: number; firstByte: number; bytes: Uint8Array } | OversizedLine
> {
  const maxLines = options.maxLines ?? 256;
  const maxLineBytes = options.maxLineBytes ?? defaultParseLimits.maxBytes;
  const source = typeof input === 'string' ? await openFile(input) : streamSource(input);
  let buffer = new Uint8Array(READ_SIZE);
  /** Bytes in `buffer`, from the start of the line numbered `line`. */
  let filled = 0;
  /** The file offset of `buffer[0]`. */
  let consumed = 0;
  let line = 1;
  /** Inside a line already known to be too long: its bytes are dropped up to its line end. */
  let skipping = false;
  try {
    for (;;) {
      if (filled === buffer.length) buffer = grown(buffer);
      const read = await source.fill(buffer, filled);
      if (read === 0) break;
      const bytes = buffer.subarray(0, filled + read);
      let pos = 0;
      if (skipping) {
        const nl = bytes.indexOf(LF);
        if (nl === -1) {
          consumed += bytes.length;
          filled = 0;
          continue;
        }
        yield oversized(file, line++, maxLineBytes);
        skipping = false;
        pos = nl + 1;
      }
      let blockStart = pos;
      let blockLine = line;
      for (let nl = bytes.indexOf(LF, pos); nl !== -1; nl = bytes.indexOf(LF, pos)) {
        if (contentLength(bytes, pos, nl) - bomAt(bytes, consumed + pos) > maxLineBytes) {
          if (pos > blockStart) yield block(bytes, blockStart, pos, blockLine, consumed);
          yield oversized(file, line, maxLineBytes);
          blockStart = nl + 1;
          blockLine = line + 1;
        }
        line++;
        pos = nl + 1;
        if (line - blockLine === maxLines) {
          yield block(bytes, blockStart, pos, blockLine, consumed);
          blockStart = pos;
          blockLine = line;
        }
      }
      if (pos > blockStart) yield block(bytes, blockStart, pos, blockLine, consumed);
      buffer.copyWithin(0, pos, bytes.length);
      consumed += pos;
      filled = bytes.length - pos;
      // One byte more than the limit allows for a `\r` whose `\n` has not been read yet.
      if (filled - bomAt(buffer.subarray(0, filled), consumed) > maxLineBytes + 1) {
        skipping = true;
        consumed += filled;
        filled = 0;
      }
    }
    if (skipping) yield oversized(file, line, maxLineBytes);
    else if (filled > 0) {
      if (contentLength(buffer, 0, filled) - bomAt(buffer.subarray(0, filled), consumed) > maxLineBytes)
        yield oversized(file, line, maxLineBytes);
      else yield block(buffer, 0, filled, line, consumed);
    }
  } finally {
    await source.close();
  }
}

/**
 * The records of a block: each non-blank line's text (a `\r` before its `\n` dropped, a byte-order mark at the
 * very start of the file dropped) with its line number. A line that is not valid UTF-8 is an `encoding-invalid`
 * error record naming the line and the bad byte's offset (from `firstByte`; without it, from the block's start):
 * replacing the byte with U+FFFD would alter the text unseen.
 */
export function lineRecords(
  block: Pick<LineBlock, 'firstLine'> & { bytes: Uint8Array; firstByte?: number },
  file: string,
): InputRecord[] {
  let text: string;
  try {
    text = decoder.decode(block.bytes);
  } catch {
    return linesOneByOne(block, file);
  }
  return splitLines(text, block.firstLine, file, []);
}

function splitLines(text: string, firstLine: number, file: string, records: InputRecord[]): InputRecord[] {
  if (firstLine === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let line = firstLine;
  for (let start = 0; start < text.length; line++) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const body =
      text.charCodeAt(end - 1) === CR && end > start ? text.slice(start, end - 1) : text.slice(start, end);
    start = end + 1;
    if (body.trim() === '') continue;
    records.push({ kind: 'json', ref: recordRef(file, line), row: line, text: body });
  }
  return records;
}

/** A block with a bad byte: each line decoded alone, so the good lines are read and the bad ones named. */
function linesOneByOne(
  block: Pick<LineBlock, 'firstLine'> & { bytes: Uint8Array; firstByte?: number },
  file: string,
): InputRecord[] {
  const { bytes } = block;
  const records: InputRecord[] = [];
  let line = block.firstLine;
  for (let start = 0; start < bytes.length; line++) {
    const nl = bytes.indexOf(LF, start);
    const end = nl === -1 ? bytes.length : nl + 1;
    const lineBytes = bytes.subarray(start, end);
    try {
      splitLines(decoder.decode(lineBytes), line, file, records);
    } catch {
      records.push(badLine(lineBytes, line, (block.firstByte ?? 0) + start, file));
    }
    start = end;
  }
  return records;
}

function badLine(bytes: Uint8Array, line: number, offset: number, file: string): InputRecord {
  const bad = firstInvalidUtf8(bytes, 0);
  const ref = recordRef(file, line);
  return {
    kind: 'error',
    ref,
    row: line,
    diagnostics: [
      createDiagnostic({
        code: 'encoding-invalid',
        pointer: '',
        source: ref,
        received: `0x${(bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0')}`,
        // NDJSON comes from a program or a text editor, not from Excel: the advice says so.
        params: { line, byte: offset + bad, file: 'text' },
      }),
    ],
  };
}

// One decoder for every block: a block is decoded in one call, so no state carries from one to the next. The BOM
// is kept here and dropped by position, since only the file's first block may start with one. Fatal: bytes that
// are not UTF-8 are refused, not replaced.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });

/** Where {@link readLineBlocks} gets its bytes: copied into the caller's buffer, so reads allocate nothing. */
interface ByteFiller {
  /** Writes bytes at `offset` onward; resolves to how many (0 at the end of the input). */
  fill(buffer: Uint8Array, offset: number): Promise<number>;
  close(): Promise<void>;
}

async function openFile(path: string): Promise<ByteFiller> {
  const handle = await open(path, 'r');
  return {
    fill: async (buffer, offset) =>
      (await handle.read(buffer, offset, buffer.length - offset, null)).bytesRead,
    close: () => handle.close(),
  };
}

/** A stream's chunks as they come (text chunks encoded), each copied in as far as the buffer has room. */
function streamSource(stream: AsyncIterable<string | Uint8Array>): ByteFiller {
  const chunks = stream[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  let pending: Uint8Array = new Uint8Array(0);
  return {
    async fill(buffer, offset) {
      while (pending.length === 0) {
        const next = await chunks.next();
        if (next.done) return 0;
        pending = typeof next.value === 'string' ? encoder.encode(next.value) : next.value;
      }
      const n = Math.min(pending.length, buffer.length - offset);
      buffer.set(pending.subarray(0, n), offset);
      pending = pending.subarray(n);
      return n;
    },
    async close() {
      await chunks.return?.();
    },
  };
}

/** Twice the room, for a line longer than the buffer (never more than twice the line limit: longer is skipped). */
function grown(buffer: Uint8Array): Uint8Array<ArrayBuffer> {
  const bigger = new Uint8Array(buffer.length * 2);
  bigger.set(buffer);
  return bigger;
}

/** Bytes `start` … `end` of a line, less a `\r` before its line end. */
function contentLength(bytes: Uint8Array, start: number, end: number): number {
  return end > start && bytes[end - 1] === CR ? end - start - 1 : end - start;
}

/**
 * 3 when the line starting at file offset `offset` (at the front of `bytes`) begins with the file's byte-order
 * mark, else 0. The mark is dropped before the line is read (`lineRecords`), as core and the JSON-array reader
 * drop it, so it is not part of the line the limit is about: a first line of exactly the limit after a BOM is
 * read like any other line of that size.
 */
function bomAt(bytes: Uint8Array, offset: number): number {
  return offset === 0 && bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
    ? 3
    : 0;
}

/** A block over bytes `start` … `end` of the read buffer: a view, which {@link readLineBlocks} copies. */
function block(bytes: Uint8Array, start: number, end: number, firstLine: number, offset: number) {
  return { kind: 'lines' as const, firstLine, firstByte: offset + start, bytes: bytes.subarray(start, end) };
}

function oversized(file: string, row: number, maxLineBytes: number): OversizedLine {
  const ref = recordRef(file, row);
  return {
    kind: 'error',
    ref,
    row,
    diagnostics: [
      createDiagnostic({
        code: 'input-too-large',
        pointer: '',
        source: ref,
        expected: maxLineBytes,
        received: `> ${maxLineBytes}`,
      }),
    ],
  };
}
