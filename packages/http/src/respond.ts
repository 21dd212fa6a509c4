import type { HttpProblem, ResponseDiagnostic } from './httpProblem.js';

/** The Content-Type of every response body. */
export const jsonContentType = 'application/json; charset=utf-8';

/**
 * A JSON response. Bodies are `JSON.stringify` of objects built in a fixed key order, so the same request gives
 * the same bytes. `no-store`: evaluations are personal data and must not sit in shared caches.
 */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': jsonContentType,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...headers,
    },
  });
}

/** An error response: `{ diagnostics: [...] }`. */
export function problems(
  status: number,
  diagnostics: readonly ResponseDiagnostic[],
  headers?: Record<string, string>,
): Response {
  return json(status, { diagnostics }, headers);
}

/** An error response with one HTTP problem. */
export function problem(status: number, p: HttpProblem, headers?: Record<string, string>): Response {
  return problems(status, [p], headers);
}
