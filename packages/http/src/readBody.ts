import { decodeUtf8Body } from './decodeUtf8Body.js';
import { httpProblem } from './httpProblem.js';
import { problem, problems } from './respond.js';

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
 * Content-Length, then while streaming (a chunked body has none), so an endless body never fills memory. A body
 * whose Content-Type declares a charset other than UTF-8 is refused (415 `unsupported-charset`) before it is read:
 * decoding it as UTF-8 anyway would misread every accented name. Bytes that are not UTF-8 are 400 with core's
 * `encoding-invalid` at their line:column and byte offset.
 */
export async function readBody(request: Request, limit: number): Promise<BodyText> {
  const charset = charsetOf(request);
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    return {
      ok: false,
      response: problem(415, httpProblem('unsupported-charset', { expected: 'utf-8', received: charset })),
    };
  }
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
  const decoded = decodeUtf8Body(bytes);
  return decoded.ok ? decoded : { ok: false, response: problems(400, [decoded.diagnostic]) };
}

/**
 * The `charset` parameter of the Content-Type, lower-cased and unquoted; `undefined` when there is none. Parameter
 * names are case-insensitive (RFC 9110 §5.6.6), so `Charset=UTF-8` is read too.
 */
export function charsetOf(request: Request): string | undefined {
  const params = (request.headers.get('content-type') ?? '').split(';').slice(1);
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq < 0 || param.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    const value = param.slice(eq + 1).trim();
    return (value.startsWith('"') && value.endsWith('"') && value.length >= 2 ? value.slice(1, -1) : value)
      .trim()
      .toLowerCase();
  }
  return undefined;
}

/** The media type of a Content-Type header, lower-cased without parameters; '' when absent. */
export function mediaType(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}
