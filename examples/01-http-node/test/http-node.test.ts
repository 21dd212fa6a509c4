import { expect, it } from 'vitest';
import { run } from '../src/main.js';
import { startServer } from '../src/server.js';

it('serves with serveNode and answers fetch', async () => {
  const lines: string[] = [];
  await run((l) => lines.push(l));
  expect(lines[0]).toMatch(/^server: http:\/\/127\.0\.0\.1:\d+\/v1$/);
  expect(lines[1]).toBe('GET /v1/health -> 200 {"status":"ok","rubrics":1}');
  expect(lines[2]).toMatch(/^POST \/v1\/evaluate -> 200 status=complete score=\d+(\.\d+)? predikat=\S/);
  expect(lines[3]).toBe('POST /v1/evaluate (malformed) -> 400 json-syntax at 2:16');
});

it('binds loopback only by default', async () => {
  const server = await startServer({ port: 0 });
  try {
    expect(server.host).toBe('127.0.0.1');
  } finally {
    await server.close();
  }
});
