/**
 * @kinerja/http — Kinerja over HTTP as one framework-free Fetch API handler, `(Request) => Promise<Response>`.
 * Uses only Fetch API globals, so it runs in Node 20+, Deno, Bun and Cloudflare Workers. `@kinerja/http/node`
 * mounts it on node:http; Express, Hono and others mount it with a few lines (see the examples).
 *
 * @packageDocumentation
 */

export { checkRequestLine, type RequestLine, type RequestLineCheck } from './checkRequestLine.js';
export {
  createKinerjaHandler,
  defaultMaxBatch,
  defaultMaxBodyBytes,
  type KinerjaHandler,
  type KinerjaHandlerOptions,
} from './createKinerjaHandler.js';
export {
  type HttpProblem,
  type HttpProblemCode,
  httpProblemCodes,
  type ResponseDiagnostic,
} from './httpProblem.js';
export { openApiDocument } from './openapi.js';
export { jsonContentType } from './respond.js';
