import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createKinerjaHandler } from '../src/index.js';
import { type NodeServer, serveNode } from '../src/node.js';
import { appraisalText, demo } from './fixtures.js';

let server: NodeServer;
beforeAll(async () => {
  server = await serveNode(createKinerjaHandler({ rubrics: [demo], maxBodyBytes: 4096 }), {
    port: 0,
    maxBodyBytes: 4096,
    onError: (e) => {
      throw e;
    },
  });
});
afterAll(async () => {
  await server.close();
});

/** A raw node:http request, so the test controls chunking and Content-Length. */
function raw(
  path: string,
  options: { method?: string; headers?: Record<string, string>; chunks?: string[]; endless?: boolean } = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${server.url}${path}`,
      { method: options.method ?? 'GET', headers: options.headers ?? {} },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          body += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.endless) {
      // Chunked, no Content-Length, never ends by itself: the server must answer before the end.
      const chunk = 'x'.repeat(1024);
      let sent = 0;
      const pump = () => {
        while (sent < 1000 && req.write(chunk)) sent += 1;
        if (sent < 1000) req.once('drain', pump);
      };
      pump();
      return;
    }
    for (const c of options.chunks ?? []) req.write(c);
    req.end();
  });
}

describe('serveNode', () => {
  it('binds 127.0.0.1 on a free port and serves the handler', async () => {
    expect(server.host).toBe('127.0.0.1');
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    const health = await fetch(`${server.url}/v1/health`);
    expect(health.status).toBe(200);
    expect(health.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await health.json()).toEqual({ status: 'ok', rubrics: 1 });
  });

  it('evaluates a posted appraisal, streamed in chunks', async () => {
    const half = Math.floor(appraisalText.length / 2);
    const r = await raw('/v1/evaluate', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      chunks: [appraisalText.slice(0, half), appraisalText.slice(half)],
    });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body).status).toBe('complete');
  });

  it('passes 405 with Allow and 404 through', async () => {
    const r = await fetch(`${server.url}/v1/evaluate`);
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('POST');
    expect((await fetch(`${server.url}/nope`)).status).toBe(404);
  });

  it('413 by Content-Length without reading the body', async () => {
    const r = await raw('/v1/evaluate', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '5000' },
      chunks: ['x'.repeat(5000)],
    });
    expect(r.status).toBe(413);
    // As the handler answers it: the declared length is `received`, and the headers of every other response.
    expect(JSON.parse(r.body).diagnostics[0]).toMatchObject({
      code: 'body-too-large',
      expected: 4096,
      received: 5000,
    });
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['cache-control']).toBe('no-store');
  });

  it('413 for an endless chunked body, answered while it is still being sent', async () => {
    const r = await raw('/v1/evaluate', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      endless: true,
    });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).diagnostics[0].code).toBe('body-too-large');
  });

  it('keeps serving after refusing', async () => {
    expect((await fetch(`${server.url}/v1/health`)).status).toBe(200);
  });
});

describe('serveNode close()', () => {
  it('stops listening', async () => {
    const s = await serveNode(createKinerjaHandler({ rubrics: [demo] }), { port: 0 });
    expect((await fetch(`${s.url}/v1/health`)).status).toBe(200);
    await s.close();
    await expect(fetch(`${s.url}/v1/health`)).rejects.toThrow();
  });
});

/** Sends `head` as written (Fetch and node:http's client refuse some of these) and reads the whole answer. */
function rawSocket(port: number, head: string): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (c: string) => {
      text += c;
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const [headers = '', body = ''] = text.split('\r\n\r\n');
      resolve({ status: Number(headers.split(' ')[1]), headers: headers.toLowerCase(), body });
    });
    socket.end(`${head}\r\nHost: x\r\nConnection: close\r\n\r\n`);
  });
}

describe('serveNode with requests Fetch cannot represent', () => {
  const onError = vi.fn();
  const handlerError = vi.fn();
  let s: NodeServer;
  beforeAll(async () => {
    s = await serveNode(createKinerjaHandler({ rubrics: [demo], onError: handlerError }), {
      port: 0,
      onError,
    });
  });
  afterAll(async () => {
    await s.close();
  });

  it("TRACE: 405 with Allow and the handler's method-not-allowed body, not a 500", async () => {
    const r = await rawSocket(s.port, 'TRACE /v1/health HTTP/1.1');
    expect(r.status).toBe(405);
    expect(r.headers).toContain('allow: get, head');
    expect(r.headers).toContain('content-type: application/json; charset=utf-8');
    // The body may come chunked: the JSON is what lies between its outer braces.
    const body = r.body.slice(r.body.indexOf('{'), r.body.lastIndexOf('}') + 1);
    expect(JSON.parse(body).diagnostics[0]).toMatchObject({
      code: 'method-not-allowed',
      expected: 'GET, HEAD',
      received: 'TRACE',
    });
    const evaluate = await rawSocket(s.port, 'TRACE /v1/evaluate HTTP/1.1');
    expect(evaluate.status).toBe(405);
    expect(evaluate.headers).toContain('allow: post');
  });

  it('an unparsable target: 400 invalid-request, not a 500', async () => {
    const r = await rawSocket(s.port, 'GET //[ HTTP/1.1');
    expect(r.status).toBe(400);
    expect(r.body).toContain('"code":"invalid-request"');
    expect(r.body).toContain('"received":"//["');
  });

  it('HEAD on a GET endpoint: 200 with the GET headers and no body', async () => {
    const head = await fetch(`${s.url}/v1/health`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await head.text()).toBe('');
  });

  it('reports none of these as a bug', () => {
    expect(onError).not.toHaveBeenCalled();
    expect(handlerError).not.toHaveBeenCalled();
  });
});
