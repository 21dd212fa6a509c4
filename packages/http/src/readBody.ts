import { httpProblem } from './httpProblem.js';
import { problem } from './respond.js';

/** The body as text, or the response that refuses it. */
export type BodyText = { ok: true; text: string } | { ok: false; response: Response };

function tooLarge(limit: number, received?: number): BodyText {
  return {
    ok: false,
    response: problem(
      413,
      httpProblem('body-too-large', { expected: limit, ...(received !== undefined ? { received } : {}) }),
      { connection: 'close' },
    ),
  };
}

/**
 * Reads a request body as UTF-8 text, refusing it as soon as it passes `limit` bytes: first by its
 * Content-Length, then while streaming (a chunked body has none), so an endless body never fills memory.
 */
export async function readBody(request: Request, limit: number): Promise<BodyText> {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > limit) {
    return tooLarge(limit, Number(declared));
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > limit) {
          await reader.cancel().catch(() => undefined);
          return tooLarge(limit);
        }
        chunks.push(value);
      }
    } catch {
      return { ok: false, response: problem(400, httpProblem('body-unreadable')) };
    } finally {
      reader.releaseLock();
    }
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  try {
    // fatal: a broken byte is an error, never a silent U+FFFD in someone's name. A leading BOM is dropped.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, response: problem(400, httpProblem('invalid-encoding')) };
  }
}

/** The media type of a Content-Type header, lower-cased without parameters; '' when absent. */
export function mediaType(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}
