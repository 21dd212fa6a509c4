import { describe, expect, it, vi } from 'vitest';
import { checkRequestLine, createKinerjaHandler } from '../src/index.js';
import { demo } from './fixtures.js';

const onError = vi.fn();
const handler = createKinerjaHandler({ rubrics: [demo], onError });
const origin = 'http://127.0.0.1:8080';

async function refused(method: string, target: string, from = origin) {
  const line = await checkRequestLine(handler, { method, target, origin: from });
  if (line.ok) throw new Error(`${method} ${target} was accepted`);
  const text = await line.response.text();
  // biome-ignore lint/suspicious/noExplicitAny: test bodies are read loosely
  return { status: line.response.status, headers: line.response.headers, body: JSON.parse(text) as any };
}

describe('checkRequestLine', () => {
  it('returns the URL of a request Fetch can represent', async () => {
    const line = await checkRequestLine(handler, { method: 'POST', target: '/v1/evaluate?rubric=x', origin });
    expect(line).toEqual({ ok: true, url: new URL('http://127.0.0.1:8080/v1/evaluate?rubric=x') });
  });

  it('a method Fetch refuses: the 405 the handler gives other wrong methods, with its Allow', async () => {
    for (const [path, allow] of [
      ['/v1/health', 'GET, HEAD'],
      ['/v1/rubrics/demo-pp46', 'GET, HEAD'],
      ['/v1/evaluate', 'POST'],
    ]) {
      const other = await handler(new Request(`${origin}${path}`, { method: 'PUT', body: '' }));
      expect(other.status).toBe(405);
      const expected = JSON.parse((await other.text()).replaceAll('PUT', 'TRACE'));
      const r = await refused('TRACE', path as string);
      expect(r.status, path).toBe(405);
      expect(r.headers.get('allow'), path).toBe(allow);
      expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(r.body, path).toEqual(expected);
    }
    for (const method of ['CONNECT', 'TRACK', 'trace']) {
      expect((await refused(method, '/v1/health')).body.diagnostics[0].received).toBe(method);
    }
  });

  it('a method Fetch refuses on a path the handler does not serve: its 404', async () => {
    const r = await refused('TRACE', '/v1/nope');
    expect(r.status).toBe(404);
    expect(r.body.diagnostics[0].code).toBe('not-found');
  });

  it('a URL that does not parse: 400 invalid-request naming what failed', async () => {
    const target = await refused('GET', '//[');
    expect(target.status).toBe(400);
    expect(target.body.diagnostics).toEqual([
      {
        code: 'invalid-request',
        severity: 'error',
        stage: 'http',
        pointer: '',
        received: '//[',
        message: {
          id: 'URL permintaan tidak sah: "//[".',
          en: 'The request URL is not valid: "//[".',
        },
      },
    ]);
    const host = await refused('GET', '/v1/health', 'http://a b');
    expect(host.status).toBe(400);
    expect(host.body.diagnostics[0]).toMatchObject({ code: 'invalid-request', received: 'http://a b' });
    expect(onError).not.toHaveBeenCalled();
  });
});
