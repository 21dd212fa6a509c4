import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
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
