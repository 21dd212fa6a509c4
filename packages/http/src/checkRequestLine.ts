import type { KinerjaHandler } from './createKinerjaHandler.js';
import { httpProblem } from './httpProblem.js';
import { problem } from './respond.js';

/** What an adapter learns from {@link checkRequestLine}. */
export type RequestLineCheck = { ok: true; url: URL } | { ok: false; response: Response };

/** The parts of an incoming request that decide whether a Fetch `Request` can stand for it. */
export interface RequestLine {
  /** The method as received, e.g. `GET` or `TRACE`. */
  method: string;
  /** The request target as received: `/v1/health?x=1`, or an absolute URL. */
  target: string;
  /** Scheme and authority to resolve the target against, e.g. `http://127.0.0.1:8080` or from the Host header. */
  origin: string;
}

/**
 * For adapters that turn a server's own request (node:http, Express, …) into a Fetch `Request`. A server can
 * receive requests Fetch cannot represent: a method the Fetch standard forbids (CONNECT, TRACE, TRACK) or a URL
 * that does not parse (`GET //[`, `Host: a b`). Building the `Request` would throw, and the client would get a
 * 500 for its own mistake. This check returns the URL to build the `Request` with, or the response to send:
 *
 * - a URL that does not parse: 400 `invalid-request` (`received`: the target, or the origin when that is what
 *   fails);
 * - a method Fetch refuses: what the handler answers other wrong methods, 405 `method-not-allowed` with `Allow`
 *   as the handler reports it to an OPTIONS request on the same URL; or the handler's 404 when it serves nothing
 *   there.
 *
 * @example
 * const line = await checkRequestLine(handler, { method: req.method, target: req.url, origin: 'http://localhost' });
 * if (!line.ok) return send(line.response);
 * const response = await handler(new Request(line.url, { method: req.method, headers, body }));
 */
export async function checkRequestLine(
  handler: KinerjaHandler,
  line: RequestLine,
): Promise<RequestLineCheck> {
  let url: URL;
  try {
    url = new URL(line.target, line.origin);
  } catch {
    const originParses = URL.canParse(line.origin);
    return {
      ok: false,
      response: problem(
        400,
        httpProblem('invalid-request', {
          reason: 'request-url',
          received: originParses ? line.target : line.origin,
        }),
      ),
    };
  }
  try {
    // Asking Request itself, not a list of methods, keeps this right on runtimes whose Fetch refuses others.
    new Request(url, { method: line.method });
    return { ok: true, url };
  } catch {
    // The method is all that is left to refuse.
  }
  // OPTIONS asks the target which methods it allows without acting on it; the Kinerja handler answers it like
  // any other wrong method, so its Allow header is the one a GET or POST in the wrong place would get.
  const probe = await handler(new Request(url, { method: 'OPTIONS' }));
  if (probe.status === 404) return { ok: false, response: probe };
  await probe.body?.cancel();
  const allow = probe.headers.get('allow') ?? '';
  return {
    ok: false,
    response: problem(405, httpProblem('method-not-allowed', { expected: allow, received: line.method }), {
      allow,
    }),
  };
}
