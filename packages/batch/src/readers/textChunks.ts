import { createReadStream } from 'node:fs';

/** Where a reader's bytes come from: a file path, or any stream of chunks (standard input). */
export type ByteSource = string | AsyncIterable<string | Uint8Array>;

/**
 * Thrown by {@link textChunks} at the first byte that is not UTF-8, after every character before it was yielded,
 * so a reader that counts lines knows the line it is on.
 */
export class InvalidUtf8Error extends Error {
  constructor(
    /** 0-based offset of the first bad byte from the start of the input (a byte-order mark counts). */
    readonly byteOffset: number,
    /** The bad byte, e.g. `0xE9`. */
    readonly byte: string,
  ) {
    super(`invalid UTF-8 at byte offset ${byteOffset}`);
  }
}

/**
 * Decodes a byte source as UTF-8, chunk by chunk (a multi-byte character split across chunks is kept whole),
 * dropping a leading byte-order mark. Memory stays at one chunk (64 KiB for files). Bytes that are not UTF-8
 * throw an {@link InvalidUtf8Error} once the text before them has been yielded: replacing them with U+FFFD would
 * alter names and numbers without a word (Windows-1252 `Sité` would read `Sit�`).
 */
export async function* textChunks(input: ByteSource): AsyncGenerator<string> {
  const stream: AsyncIterable<string | Uint8Array> =
    typeof input === 'string' ? createReadStream(input, { highWaterMark: 64 * 1024 }) : input;
  // The BOM is dropped once, below, for string chunks too; the decoder must not drop one of its own as well.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let first = true;
  /** Bytes of the input before the current chunk. */
  let offset = 0;
  // The bytes of an incomplete character at the end of the input read so far, which the decoder holds: a bad
  // byte is then found from them on.
  let tail: Uint8Array = NONE;
  const dropBom = (text: string): string => {
    if (!first || text.length === 0) return text;
    first = false;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  };
  for await (const chunk of stream) {
    let text: string;
    if (typeof chunk === 'string') text = chunk;
    else {
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        yield* failAt(concat(tail, chunk), offset - tail.length, dropBom);
        return;
      }
      tail = pendingBytes(chunk.length >= 4 ? chunk : concat(tail, chunk));
      offset += chunk.length;
    }
    text = dropBom(text);
    if (text.length > 0) yield text;
  }
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    yield* failAt(tail, offset - tail.length, dropBom);
    return;
  }
  rest = dropBom(rest);
  if (rest.length > 0) yield rest;
}

/** Yields the valid text before the first bad byte of `bytes` (which start at input offset `at`), then throws. */
function* failAt(bytes: Uint8Array, at: number, dropBom: (text: string) => string): Generator<string, never> {
  const bad = firstInvalidUtf8(bytes, 0);
  const text = dropBom(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, bad)));
  if (text.length > 0) yield text;
  const value = bytes[bad] ?? 0;
  throw new InvalidUtf8Error(at + bad, `0x${value.toString(16).toUpperCase().padStart(2, '0')}`);
}

const NONE = new Uint8Array(0);

/** The incomplete character at the end of `bytes` (at most 3 bytes), copied; empty when the end is whole. */
function pendingBytes(bytes: Uint8Array): Uint8Array {
  for (let j = bytes.length - 1; j >= 0 && j >= bytes.length - 3; j--) {
    const b = bytes[j] as number;
    if (b < 0x80) return NONE;
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return bytes.length - j < need ? bytes.slice(j) : NONE;
    }
  }
  return NONE;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Length of the UTF-8 sequence starting at `i` if it is complete and valid, else 0. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] as number;
  if (b0 < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => {
    const b = bytes[i + k];
    return b !== undefined && b >= lo && b <= hi;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    // No overlong forms (E0 A0…) and no surrogates (ED 80–9F), as the WHATWG decoder requires.
    const lo = b0 === 0xe0 ? 0xa0 : 0x80;
    const hi = b0 === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const lo = b0 === 0xf0 ? 0x90 : 0x80;
    const hi = b0 === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** Index of the first byte that does not start a complete, valid UTF-8 sequence (`bytes.length` if none). */
export function firstInvalidUtf8(bytes: Uint8Array, from: number): number {
  let i = from;
  while (i < bytes.length) {
    const n = sequenceLength(bytes, i);
    if (n === 0) return i;
    i += n;
  }
  return i;
}
