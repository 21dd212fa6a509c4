/**
 * @kinerja/http/node — serves a Fetch API handler on node:http. The only module of @kinerja/http that imports
 * `node:*`.
 *
 * @packageDocumentation
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkRequestLine } from './checkRequestLine.js';
import { defaultMaxBodyBytes, type KinerjaHandler } from './createKinerjaHandler.js';
import { httpProblem } from './httpProblem.js';
import { jsonContentType } from './respond.js';

/** Options for {@link serveNode}. */
export interface ServeNodeOptions {
  /** TCP port; 0 picks a free one (read it back from `port`). Default 8080. */
  port?: number;
  /** Interface to bind. Default `127.0.0.1`: reachable from this machine only. */
  host?: string;
  /**
   * Largest request body read from the socket, in bytes, counted while streaming (a chunked body has no
   * Content-Length); past it the client gets 413 and the rest is not buffered. Default 1 MiB; keep it equal to
   * the handler's `maxBodyBytes`.
   */
  maxBodyBytes?: number;
  /** Called with errors outside the handler (a failed write, a broken socket). Default: `console.error`. */
  onError?: (error: unknown) => void;
}

/** A running server. */
export interface NodeServer {
  /** The node:http server. */
  server: Server;
  /** The port bound (useful after port 0). */
  port: number;
  /** The host bound. */
  host: string;
  /** Base URL, e.g. `http://127.0.0.1:8080`. */
  url: string;
  /** Stops accepting connections, closes idle ones, and resolves when the server has closed. */
  close(): Promise<void>;
}

class BodyTooLarge extends Error {
  constructor() {
    super('request body too large');
    this.name = 'BodyTooLarge';
  }
}

/** The body of a 413, as the handler words it: `received` is the declared Content-Length when there is one. */
function tooLargeBody(limit: number, received?: number): string {
  return JSON.stringify({
    diagnostics: [
      httpProblem('body-too-large', { expected: limit, ...(received !== undefined ? { received } : {}) }),
    ],
  });
}

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    // HTTP/2 pseudo-headers (:path) are not header names for Headers.
    if (!name.startsWith(':')) headers.append(name, raw[i + 1] as string);
  }
  return headers;
}

/**
 * The request body as a web stream that pulls from the socket only as the handler reads (backpressure), and fails
 * once more than `limit` bytes have come, so an endless chunked body is refused after `limit` bytes instead of
 * filling memory. Once refused or cancelled, the rest is drained and dropped, never buffered.
 */
function bodyStream(req: IncomingMessage, limit: number, onTooLarge: () => void): ReadableStream<Uint8Array> {
  let size = 0;
  let finished = false;
  const drop = () => {
    finished = true;
    req.resume();
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.pause();
      req.on('data', (chunk: Buffer) => {
        if (finished) return;
        size += chunk.byteLength;
        if (size > limit) {
          onTooLarge();
          controller.error(new BodyTooLarge());
          drop();
          return;
        }
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      });
      req.on('end', () => {
        if (finished) return;
        finished = true;
        controller.close();
      });
      req.on('error', (error) => {
        if (finished) return;
        finished = true;
        controller.error(error);
      });
    },
    pull() {
      if (!finished) req.resume();
    },
    cancel() {
      drop();
    },
  });
}

function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const cookies = response.headers.getSetCookie?.() ?? [];
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  res.writeHead(response.status, response.statusText || undefined, headers);
  if (response.body) {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
  }
  res.end();
}

function refuse(res: ServerResponse, status: number, body: string): void {
  if (res.headersSent) return;
  res.writeHead(status, {
    'content-type': jsonContentType,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-length': Buffer.byteLength(body),
    // The rest of the body is not read, so the connection cannot carry another request.
    connection: 'close',
  });
  res.end(body);
}

/**
 * Serves a Fetch API handler (e.g. {@link createKinerjaHandler}'s) on node:http, bound to 127.0.0.1 unless told
 * otherwise. Resolves once listening. A request a Fetch `Request` cannot represent (a TRACE, a target that is not a
 * URL) is answered like the handler answers other client mistakes (405, 400), see {@link checkRequestLine}.
 *
 * @example
 * const server = await serveNode(createKinerjaHandler({ rubrics }), { port: 8080 });
 * console.log(`listening on ${server.url}/v1`);
 * // later: await server.close();
 */
export async function serveNode(
  handler: KinerjaHandler,
  options: ServeNodeOptions = {},
): Promise<NodeServer> {
  const host = options.host ?? '127.0.0.1';
  const limit = options.maxBodyBytes ?? defaultMaxBodyBytes;
  const onError =
    options.onError ??
    ((error: unknown) => {
      console.error('kinerja http: server error', error);
    });

  const server = createServer((req, res) => {
    void (async () => {
      const method = req.method ?? 'GET';
      const declared = req.headers['content-length'];
      if (declared !== undefined && /^\d+$/.test(declared) && Number(declared) > limit) {
        refuse(res, 413, tooLargeBody(limit, Number(declared)));
        req.resume();
        return;
      }
      // Checked before the Request is built: a client's TRACE or unparsable target would make it throw, and
      // that is the client's mistake, not a 500.
      const line = await checkRequestLine(handler, {
        method,
        target: req.url ?? '/',
        origin: `http://${hostForUrl(host)}`,
      });
      if (!line.ok) {
        req.resume();
        await send(res, line.response);
        return;
      }
      let tooLarge = false;
      const hasBody = method !== 'GET' && method !== 'HEAD';
      const init: RequestInit & { duplex?: 'half' } = { method, headers: toHeaders(req) };
      if (hasBody) {
        init.body = bodyStream(req, limit, () => {
          tooLarge = true;
        });
        init.duplex = 'half';
      }
      const controller = new AbortController();
      res.on('close', () => {
        if (!res.writableFinished) controller.abort();
      });
      init.signal = controller.signal;
      const request = new Request(line.url, init);
      const response = await handler(request);
      if (tooLarge) {
        refuse(res, 413, tooLargeBody(limit));
        req.resume();
        return;
      }
      await send(res, response);
    })().catch((error: unknown) => {
      onError(error);
      if (!res.headersSent) refuse(res, 500, JSON.stringify({ error: 'internal error' }));
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    host,
    url: `http://${hostForUrl(host)}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
}
