import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { request as httpRequest } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';

const appraisal = readFileSync(
  join(dirname(fileURLToPath(import.meta.url)), '../../data/demo-appraisal.json'),
  'utf8',
);

let server: Server;
let base: string;
beforeAll(async () => {
  server = createApp({ maxBodyBytes: 4096 }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Sends a request as written (Fetch refuses TRACE and a malformed Host) and reads the whole answer. */
function rawSocket(
  requestLine: string,
  host: string,
): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(base).port), '127.0.0.1');
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (c: string) => {
      text += c;
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const at = text.indexOf('\r\n\r\n');
      const headers = text.slice(0, at);
      resolve({
        status: Number(headers.split(' ')[1]),
        headers: headers.toLowerCase(),
        body: text.slice(at + 4),
      });
    });
    socket.end(`${requestLine}\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
  });
}

describe('Kinerja mounted in Express', () => {
  it('answers under the mount point, next to the portal routes', async () => {
    const health = await fetch(`${base}/api/kinerja/v1/health`);
    expect(health.status).toBe(200);
    expect(health.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await health.json()).toEqual({ status: 'ok', rubrics: 1 });
    expect(await (await fetch(`${base}/`)).text()).toContain('Portal');
    const echo = await fetch(`${base}/api/portal/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}',
    });
    expect(await echo.json()).toEqual({ a: 1 });
  });

  it('evaluates a posted appraisal', async () => {
    const res = await fetch(`${base}/api/kinerja/v1/evaluate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: appraisal,
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; rubric: { id: string } };
    expect(body.status).toBe('complete');
    expect(body.rubric.id).toBe('demo-pp46');
  });

  it('passes the handler errors through: 400 with line:column, 405 with Allow', async () => {
    const bad = await fetch(`${base}/api/kinerja/v1/evaluate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{\n  "employee": {,\n}',
    });
    expect(bad.status).toBe(400);
    const { diagnostics } = (await bad.json()) as { diagnostics: Array<{ code: string; span: unknown }> };
    expect(diagnostics[0]).toMatchObject({ code: 'json-syntax', span: { start: { line: 2, column: 16 } } });
    const wrong = await fetch(`${base}/api/kinerja/v1/evaluate`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
  });

  it('answers requests Fetch cannot represent with JSON problems, never an HTML error page', async () => {
    const trace = await rawSocket('TRACE /api/kinerja/v1/health HTTP/1.1', 'x');
    expect(trace.status).toBe(405);
    expect(trace.headers).toContain('allow: get, head');
    expect(trace.headers).toContain('content-type: application/json; charset=utf-8');
    expect(trace.body).toContain('"code":"method-not-allowed"');
    expect(trace.body).not.toMatch(/<html|<pre|\n\s+at /i);
    const host = await rawSocket('GET /api/kinerja/v1/health HTTP/1.1', 'a b');
    expect(host.status).toBe(400);
    expect(host.headers).toContain('content-type: application/json; charset=utf-8');
    expect(host.body).toContain('"code":"invalid-request"');
    expect(host.body).not.toMatch(/<html|<pre|\n\s+at /i);
  });

  it('answers HEAD like GET without a body, and leaves unknown paths to Express for HEAD too', async () => {
    const get = await fetch(`${base}/api/kinerja/v1/health`);
    const head = await fetch(`${base}/api/kinerja/v1/health`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
    expect(head.headers.get('cache-control')).toBe('no-store');
    expect(await head.text()).toBe('');
    const unknown = await fetch(`${base}/api/kinerja/v1/nope`, { method: 'HEAD' });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).not.toContain('application/json');
    const rubric = await fetch(`${base}/api/kinerja/v1/rubrics/nope`, { method: 'HEAD' });
    expect(rubric.status).toBe(404);
    expect(rubric.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('leaves unknown paths to Express', async () => {
    const res = await fetch(`${base}/api/kinerja/v1/nope`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).not.toContain('application/json');
  });

  it('413 for a chunked body over the limit', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        `${base}/api/kinerja/v1/evaluate`,
        { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      let sent = 0;
      const pump = () => {
        while (sent < 200 && req.write('x'.repeat(1024))) sent += 1;
        if (sent < 200) req.once('drain', pump);
        else req.end();
      };
      pump();
    });
    expect(status).toBe(413);
  });
});
