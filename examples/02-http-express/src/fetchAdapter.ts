import { checkRequestLine } from '@kinerja/http';
import type {
  Request as ExpressRequest,
  Response as ExpressResponse,
  NextFunction,
  RequestHandler,
} from 'express';

/** Any Fetch API handler, such as the one `createKinerjaHandler` returns. */
export type FetchHandler = (request: Request) => Promise<Response>;

/**
 * The request body as a web stream that reads from the socket only as fast as the handler consumes it. When the
 * handler stops reading (body too large), the rest is drained instead of destroying the socket, so the 413 the
 * handler sends still reaches the client.
 */
function bodyStream(req: ExpressRequest): ReadableStream<Uint8Array> {
  let done = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.pause();
      req.on('data', (chunk: Buffer) => {
        if (done) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      });
      req.on('end', () => {
        if (!done) controller.close();
        done = true;
      });
      req.on('error', (error) => {
        if (!done) controller.error(error);
        done = true;
      });
    },
    pull() {
      if (!done) req.resume();
    },
    cancel() {
      done = true;
      req.resume();
    },
  });
}

function toHeaders(req: ExpressRequest): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    headers.append(req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string);
  }
  return headers;
}

/**
 * Express request → Fetch Request, at the `url` that `checkRequestLine` returned for `originalUrl` (so the handler
 * sees the full path under any mount point).
 */
export function toFetchRequest(req: ExpressRequest, url: URL): Request {
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(url, {
    method: req.method,
    headers: toHeaders(req),
    ...(hasBody ? { body: bodyStream(req), duplex: 'half' } : {}),
  } as RequestInit);
}

/** Whether the handler has no endpoint at `url`, as opposed to a 404 of an endpoint (an unknown rubric id). */
async function isNotFound(handler: FetchHandler, req: ExpressRequest, url: URL, response: Response) {
  if (response.status !== 404) return false;
  // A HEAD answer has no body to read the code from; the GET the HEAD stands for does, and reads no body itself.
  const full =
    req.method === 'HEAD' ? await handler(new Request(url, { headers: toHeaders(req) })) : response.clone();
  const body = (await full.json().catch(() => undefined)) as
    | { diagnostics?: Array<{ code?: string }> }
    | undefined;
  return body?.diagnostics?.[0]?.code === 'not-found';
}

/** Fetch Response → Express response (status, headers, body). */
export async function sendFetchResponse(res: ExpressResponse, response: Response): Promise<void> {
  res.status(response.status);
  response.headers.forEach((value, name) => {
    res.setHeader(name, value);
  });
  res.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * Mounts a Fetch handler as Express middleware. Its 404s fall through to the rest of the app, so the handler can
 * share a mount point with other routes. Put it before any body parser (`express.json()` would consume the
 * stream the handler reads). A request Fetch cannot represent (a TRACE, a malformed Host header) gets the
 * handler's 405 or a 400, not Express's error page.
 */
export function mountFetchHandler(handler: FetchHandler): RequestHandler {
  return (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    // What still throws after checkRequestLine is a bug, not a client's mistake: the portal's error handler
    // (`next`) decides how to show it.
    (async () => {
      const line = await checkRequestLine(handler, {
        method: req.method,
        target: req.originalUrl,
        origin: `${req.protocol}://${req.get('host') ?? 'localhost'}`,
      });
      if (!line.ok) {
        req.resume();
        return sendFetchResponse(res, line.response);
      }
      const response = await handler(toFetchRequest(req, line.url));
      const readsLikeGet = req.method === 'GET' || req.method === 'HEAD';
      if (readsLikeGet && !res.headersSent && (await isNotFound(handler, req, line.url, response))) {
        await response.body?.cancel();
        return next();
      }
      await sendFetchResponse(res, response);
    })().catch(next);
  };
}
