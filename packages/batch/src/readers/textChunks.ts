import { createReadStream } from 'node:fs';

/** Where a reader's bytes come from: a file path, or any stream of chunks (standard input). */
export type ByteSource = string | AsyncIterable<string | Uint8Array>;

/**
 * Decodes a byte source as UTF-8, chunk by chunk (a multi-byte character split across chunks is kept whole),
 * dropping a leading byte-order mark. Memory stays at one chunk (64 KiB for files).
 */
export async function* textChunks(input: ByteSource): AsyncGenerator<string> {
  const stream: AsyncIterable<string | Uint8Array> =
    typeof input === 'string' ? createReadStream(input, { highWaterMark: 64 * 1024 }) : input;
  const decoder = new TextDecoder('utf-8');
  let first = true;
  for await (const chunk of stream) {
    let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    if (text.length > 0) yield text;
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield first && rest.charCodeAt(0) === 0xfeff ? rest.slice(1) : rest;
}
