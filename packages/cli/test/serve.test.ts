import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../src/CliIo.js';
import { runServe } from '../src/commands/serve.js';
import { main } from '../src/main.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const rubric = 'examples/data/demo-pp46.rubric.yaml';

function io() {
  const out = { stdout: '', stderr: '' };
  const value: CliIo = {
    stdout: { write: (s: string) => (out.stdout += s) },
    stderr: { write: (s: string) => (out.stderr += s) },
    stdin: Readable.from([]),
    cwd: repo,
    env: {},
  };
  return { io: value, out };
}

/** Waits until the server prints its URL. */
async function urlOf(out: { stdout: string }): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const m = /(?:Listening on|Mendengarkan di) (http:\/\/\S+)/.exec(out.stdout);
    if (m?.[1]) return m[1];
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no URL printed: ${out.stdout}`);
}

describe('kinerja serve', () => {
  it('serves on a free loopback port, answers /v1/health, and stops when told', async () => {
    const { io: cli, out } = io();
    const stop = new AbortController();
    const running = runServe(['--rubric', rubric, '--rubric', 'pp-46-2011', '--port', '0'], cli, stop.signal);
    const url = await urlOf(out);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
    // pp-46-2011 is a pack: all of its rubrics, plus the demo one.
    const body = (await health.json()) as { status: string; rubrics: number };
    expect(body.status).toBe('ok');
    expect(body.rubrics).toBeGreaterThan(2);
    const list = (await (await fetch(`${url}/rubrics`)).json()) as { rubrics: Array<{ id: string }> };
    expect(list.rubrics.map((r) => r.id)).toContain('demo-pp46');
    stop.abort();
    expect(await running).toBe(0);
    expect(out.stderr).toContain('stopped');
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });

  it('stops on SIGTERM when run through main', async () => {
    const { io: cli, out } = io();
    const before = process.listenerCount('SIGTERM');
    const running = main(['serve', '-r', rubric, '-p', '0'], cli);
    const url = await urlOf(out);
    expect((await fetch(`${url}/health`)).status).toBe(200);
    // The command's own listener keeps the signal from ending this process.
    expect(process.listenerCount('SIGTERM')).toBe(before + 1);
    process.kill(process.pid, 'SIGTERM');
    expect(await running).toBe(0);
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });

  it('reports usage errors and bad rubrics without starting', async () => {
    const never = new AbortController().signal;
    const none = io();
    expect(await main(['serve'], none.io)).toBe(2);
    expect(none.out.stderr).toContain('--rubric');
    const port = io();
    expect(await main(['serve', '-r', rubric, '--port', '70000'], port.io)).toBe(2);
    expect(port.out.stderr).toContain('--port');
    const missing = io();
    expect(await runServe(['-r', 'nope.rubric.yaml'], missing.io, never)).toBe(2);
    expect(missing.out.stderr).toContain('file-unreadable');
    const twice = io();
    expect(await main(['serve', '-r', rubric, '-r', rubric], twice.io)).toBe(2);
    expect(twice.out.stderr).toContain('loaded twice');
    const help = io();
    expect(await main(['serve', '--help'], help.io)).toBe(0);
    expect(help.out.stdout).toContain('kinerja serve');
    expect(`${none.out.stderr}${port.out.stderr}${missing.out.stderr}`).not.toMatch(/\n\s+at /);
  });

  it('refuses a port in use with exit code 2', async () => {
    const first = io();
    const stop = new AbortController();
    const running = runServe(['-r', rubric, '-p', '0'], first.io, stop.signal);
    const url = await urlOf(first.out);
    const port = new URL(url).port;
    const second = io();
    expect(await runServe(['-r', rubric, '-p', port], second.io, new AbortController().signal)).toBe(2);
    expect(second.out.stderr).toContain('EADDRINUSE');
    stop.abort();
    expect(await running).toBe(0);
  });

  it('--lang id: start-up, port-in-use and stop messages in Bahasa Indonesia', async () => {
    const first = io();
    const stop = new AbortController();
    const running = runServe(['-r', rubric, '-p', '0', '--lang', 'id'], first.io, stop.signal);
    const url = await urlOf(first.out);
    expect(first.out.stdout).toBe(`Mendengarkan di ${url} (rubrik: demo-pp46)\nCoba: curl ${url}/health\n`);
    const second = io();
    const port = new URL(url).port;
    expect(
      await runServe(['-r', rubric, '-p', port, '--lang', 'id'], second.io, new AbortController().signal),
    ).toBe(2);
    expect(second.out.stderr).toBe(`kinerja: tidak dapat mendengarkan di 127.0.0.1:${port}: EADDRINUSE\n`);
    stop.abort();
    expect(await running).toBe(0);
    expect(first.out.stderr).toBe('kinerja serve: berhenti\n');
  });
});
