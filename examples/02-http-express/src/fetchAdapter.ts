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

/** Express request → Fetch Request. Uses `originalUrl`, so the handler sees the full path under any mount point. */
export function toFetchRequest(req: ExpressRequest): Request {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    headers.append(req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string);
  }
  const url = new URL(req.originalUrl, `${req.protocol}://${req.get('host') ?? 'localhost'}`);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(url, {
    method: req.method,
    headers,
    ...(hasBody ? { body: bodyStream(req), duplex: 'half' } : {}),
  } as RequestInit);
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
 * stream the handler reads).
 */
export function mountFetchHandler(handler: FetchHandler): RequestHandler {
  return (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    handler(toFetchRequest(req))
      .then(async (response) => {
        if (response.status === 404 && req.method === 'GET' && !res.headersSent) {
          const body = (await response
            .clone()
            .json()
            .catch(() => undefined)) as { diagnostics?: Array<{ code?: string }> } | undefined;
          if (body?.diagnostics?.[0]?.code === 'not-found') return next();
        }
        await sendFetchResponse(res, response);
      })
      .catch(next);
  };
}
