import { execFile, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type CliIo, main } from '@kinerja/cli';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '../../..');
const client = join(here, '../client.sh');
const hasCurl = spawnSync('bash', ['-c', 'command -v curl'], { stdio: 'ignore' }).status === 0;

if (!hasCurl) console.warn('examples/03-http-curl: skipped, curl is not installed (apt-get install curl)');

describe('client.sh against kinerja serve', () => {
  it.skipIf(!hasCurl)(
    `talks to a running server${hasCurl ? '' : ' (skipped: curl is not installed)'}`,
    async () => {
      let stdout = '';
      const io: CliIo = {
        stdout: { write: (s: string) => (stdout += s) },
        stderr: { write: () => true },
        stdin: Readable.from([]),
        cwd: repo,
        env: {},
      };
      const before = process.listenerCount('SIGTERM');
      const running = main(['serve', '--rubric', 'examples/data/demo-pp46.rubric.yaml', '--port', '0'], io);
      let url: string | undefined;
      for (let i = 0; i < 200 && !url; i++) {
        url = /Listening on (http:\/\/\S+)/.exec(stdout)?.[1];
        if (!url) await new Promise((r) => setTimeout(r, 25));
      }
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
      try {
        // Async, not spawnSync: the server runs in this process and must keep answering.
        const { stdout: out } = await promisify(execFile)('bash', [client, url as string], {
          timeout: 20_000,
        });
        const sections = Object.fromEntries(
          out
            .split(/^== /m)
            .filter(Boolean)
            .map((s) => {
              const [title = '', ...rest] = s.trimEnd().split('\n');
              const status = rest.pop() ?? '';
              return [title, { status, body: JSON.parse(rest.join('\n')) }];
            }),
        );
        expect(sections['GET /health']).toEqual({ status: 'HTTP 200', body: { status: 'ok', rubrics: 1 } });
        expect(sections['GET /rubrics']?.body.rubrics[0].id).toBe('demo-pp46');
        expect(sections['POST /evaluate']?.status).toBe('HTTP 200');
        expect(sections['POST /evaluate']?.body).toMatchObject({
          status: 'complete',
          predicate: { id: 'sangat-baik' },
        });
        expect(sections['POST /evaluate (malformed JSON)']?.status).toBe('HTTP 400');
        expect(sections['POST /evaluate (malformed JSON)']?.body.diagnostics[0]).toMatchObject({
          code: 'json-syntax',
          span: { start: { line: 2, column: 16 } },
        });
        expect(sections['POST /validate']).toMatchObject({ status: 'HTTP 200', body: { ok: true } });
        expect(sections['GET /rubrics/nope']?.status).toBe('HTTP 404');
      } finally {
        // The command stops on SIGTERM; its listener is in place, so the signal does not end this process.
        if (process.listenerCount('SIGTERM') > before) process.kill(process.pid, 'SIGTERM');
        expect(await running).toBe(0);
      }
    },
  );

  // `pnpm start` on a machine set up in Indonesian: run.sh waits for the server's start-up line, whatever LANG says.
  it.skipIf(!hasCurl)(
    `run.sh starts the server, runs client.sh and stops it under an Indonesian LANG${hasCurl ? '' : ' (skipped)'}`,
    async () => {
      const { stdout } = await promisify(execFile)('bash', [join(here, '../run.sh')], {
        timeout: 60_000,
        env: { ...process.env, LANG: 'id_ID.UTF-8', LC_ALL: 'id_ID.UTF-8', LC_MESSAGES: 'id_ID.UTF-8' },
      });
      expect(stdout).toContain('== GET /health\n{"status":"ok","rubrics":1}\nHTTP 200');
      expect(stdout).toContain('HTTP 404');
    },
    70_000,
  );
});
