import type { CompiledRubric } from '@kinerja/core';
import { httpProblem } from './httpProblem.js';
import { openApiDocument } from './openapi.js';
import { json, problem } from './respond.js';
import { evaluateRoute } from './routes/evaluate.js';
import { rubricDetail, rubricList } from './routes/rubrics.js';
import { appraisalSchemaRoute, rubricSchemaRoute } from './routes/schemas.js';
import { validateRoute } from './routes/validate.js';

/** A Fetch API handler: runs unchanged in Node 18+, Deno, Bun and Cloudflare Workers. */
export type KinerjaHandler = (request: Request) => Promise<Response>;

/** Options for {@link createKinerjaHandler}. */
export interface KinerjaHandlerOptions {
  /**
   * The rubrics to serve: an array (each served under its own `id`) or a record (each served under its key).
   * Load them once at start-up with `loadRubric` / `loadRubricFile` / `loadRubricPack`. At least one: an empty
   * array or record throws a TypeError at creation.
   */
  rubrics: readonly CompiledRubric[] | Readonly<Record<string, CompiledRubric>>;
  /** Largest accepted request body in bytes; larger bodies get 413. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Most appraisals in one batch request; more get 413. Default 10 000. */
  maxBatch?: number;
  /** Path prefix of every endpoint: `'/v1'` (default), `''` or e.g. `'/api/kinerja/v1'`. */
  basePath?: string;
  /**
   * Called with any unexpected exception (a bug) before the client gets `500 { "error": "internal error" }`.
   * The client never sees a stack trace. Default: `console.error`.
   */
  onError?: (error: unknown, request: Request) => void;
}

/** The settings a route reads. */
export interface HandlerContext {
  /** Rubrics by the id they are served under, in id order. */
  rubrics: ReadonlyMap<string, CompiledRubric>;
  maxBodyBytes: number;
  maxBatch: number;
  basePath: string;
}

/** Default largest request body: 1 MiB. */
export const defaultMaxBodyBytes = 1024 * 1024;
/** Default most appraisals per batch. */
export const defaultMaxBatch = 10_000;

type Route = { methods: Record<string, (request: Request, url: URL, params: string[]) => Promise<Response>> };

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer`);
  return value;
}

function normaliseBasePath(basePath: string | undefined): string {
  const p = basePath ?? '/v1';
  if (p === '' || p === '/') return '';
  if (!/^(?:\/[A-Za-z0-9._~-]+)+$/.test(p)) {
    throw new RangeError(`basePath must look like "/v1" or "/api/v1", got ${JSON.stringify(p)}`);
  }
  return p;
}

/** The response to a HEAD request: what a GET would answer, headers and status, without the body. */
function withoutBody(response: Response): Response {
  void response.body?.cancel().catch(() => undefined);
  return new Response(null, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function registry(rubrics: KinerjaHandlerOptions['rubrics']): Map<string, CompiledRubric> {
  const entries: Array<[string, CompiledRubric]> = Array.isArray(rubrics)
    ? (rubrics as readonly CompiledRubric[]).map((r) => [r.id, r])
    : Object.entries(rubrics as Record<string, CompiledRubric>);
  const map = new Map<string, CompiledRubric>();
  for (const [id, r] of entries) {
    if (map.has(id)) throw new RangeError(`two rubrics are served under the id ${JSON.stringify(id)}`);
    map.set(id, r);
  }
  // With none, every evaluation would fail with a message about choosing among "several" rubrics; a loading
  // step that found nothing is the deployer's mistake, better seen once at start-up than on every request.
  if (map.size === 0) {
    throw new TypeError('rubrics must hold at least one rubric (an array or a record of CompiledRubric)');
  }
  // Sorted by code unit, not locale: the same listing bytes on every machine.
  return new Map([...map].sort(([a], [b]) => byCodeUnit(a, b)));
}

/**
 * Creates the Kinerja HTTP handler: `(request: Request) => Promise<Response>`, using only Fetch API globals.
 *
 * Endpoints (under `basePath`, default `/v1`): `POST /evaluate`, `POST /validate`, `GET /rubrics`,
 * `GET /rubrics/{id}`, `GET /schemas/appraisal.schema.json`, `GET /schemas/rubric.schema.json`, `GET /health`,
 * `GET /openapi.json`. Every GET endpoint also answers HEAD (the same status and headers, no body). Every body is
 * JSON (`application/json; charset=utf-8`), deterministic, and errors are `{ diagnostics: [...] }`. The handler
 * never rejects: a bug becomes a 500 reported to `onError`. Throws at creation on bad options (no rubrics, two
 * under one id, a malformed `basePath`, a limit that is not a positive integer).
 *
 * @example
 * const handler = createKinerjaHandler({ rubrics: [loadRubricOrThrow(yamlText)] });
 * const res = await handler(new Request('http://x/v1/evaluate', { method: 'POST', body: appraisalJson }));
 */
export function createKinerjaHandler(options: KinerjaHandlerOptions): KinerjaHandler {
  const ctx: HandlerContext = {
    rubrics: registry(options.rubrics),
    maxBodyBytes: positiveInteger('maxBodyBytes', options.maxBodyBytes, defaultMaxBodyBytes),
    maxBatch: positiveInteger('maxBatch', options.maxBatch, defaultMaxBatch),
    basePath: normaliseBasePath(options.basePath),
  };
  const onError =
    options.onError ??
    ((error: unknown) => {
      console.error('kinerja http: internal error', error);
    });
  // Built once: the document depends only on the base path.
  const openapi = JSON.stringify(openApiDocument(ctx.basePath));

  // HEAD runs the GET route; the body is dropped in one place, below, so no HEAD answer (errors too) has one.
  const get = (f: (request: Request, url: URL, params: string[]) => Response | Promise<Response>): Route => {
    const run = async (req: Request, url: URL, params: string[]) => f(req, url, params);
    return { methods: { GET: run, HEAD: run } };
  };
  const post = (f: (request: Request, url: URL) => Promise<Response>): Route => ({
    methods: { POST: f },
  });
  const routes: Array<[RegExp, Route]> = [
    [/^\/evaluate$/, post((req, url) => evaluateRoute(req, url, ctx))],
    [/^\/validate$/, post((req) => validateRoute(req, ctx))],
    [/^\/rubrics$/, get(() => rubricList(ctx))],
    [/^\/rubrics\/([^/]+)$/, get((_req, _url, [id]) => rubricDetail(id ?? '', ctx))],
    [/^\/schemas\/appraisal\.schema\.json$/, get(() => appraisalSchemaRoute())],
    [/^\/schemas\/rubric\.schema\.json$/, get(() => rubricSchemaRoute())],
    [/^\/health$/, get(() => json(200, { status: 'ok', rubrics: ctx.rubrics.size }))],
    [
      /^\/openapi\.json$/,
      get(
        () =>
          new Response(openapi, {
            status: 200,
            headers: {
              'content-type': 'application/json; charset=utf-8',
              'cache-control': 'no-cache',
              'x-content-type-options': 'nosniff',
            },
          }),
      ),
    ],
  ];

  const answer = async (request: Request): Promise<Response> => {
    try {
      const url = new URL(request.url);
      const path = url.pathname;
      const local =
        ctx.basePath === ''
          ? path
          : path.startsWith(`${ctx.basePath}/`)
            ? path.slice(ctx.basePath.length)
            : undefined;
      if (local !== undefined) {
        for (const [pattern, route] of routes) {
          const m = pattern.exec(local);
          if (!m) continue;
          const params: string[] = [];
          for (const raw of m.slice(1)) {
            try {
              params.push(decodeURIComponent(raw ?? ''));
            } catch {
              return problem(404, httpProblem('not-found', { received: path }));
            }
          }
          const run = route.methods[request.method];
          if (!run) {
            const allow = Object.keys(route.methods).join(', ');
            return problem(
              405,
              httpProblem('method-not-allowed', { expected: allow, received: request.method }),
              {
                allow,
              },
            );
          }
          return await run(request, url, params);
        }
      }
      return problem(404, httpProblem('not-found', { received: path }));
    } catch (error) {
      try {
        onError(error, request);
      } catch {
        // A failing logger must not turn a 500 into a rejected promise.
      }
      return json(500, { error: 'internal error' });
    }
  };

  return async (request: Request): Promise<Response> => {
    const response = await answer(request);
    return request.method === 'HEAD' ? withoutBody(response) : response;
  };
}
