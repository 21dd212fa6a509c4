import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { repo } from '../../batch/test/cohort.js';
import { runCli } from './support/runCli.js';

// Every worker this file starts is the faulty one; the main thread's code is the real one.
vi.mock('../src/batch/workerEntry.js', () => ({
  batchWorkerEntry: () => new URL('./fixtures/faultyWorker.mjs', import.meta.url),
}));

const rubric = 'examples/data/demo-pp46.rubric.yaml';
let dir: string;
let input: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kinerja-faults-'));
  const line = JSON.stringify(
    JSON.parse(readFileSync(join(repo, 'examples/data/demo-appraisal.json'), 'utf8')),
  );
  input = join(dir, 'five.ndjson');
  writeFileSync(input, `${Array(5).fill(line).join('\n')}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  delete process.env.KINERJA_TEST_FAULT;
});

const run = (args: string[]) => runCli(['evaluate', '-r', rubric, input, '--workers', '2', ...args]);

describe('a failing worker is a clear error, never a hang', () => {
  it.each([
    ['throw', 'kinerja: a scoring worker stopped: boom in a worker\n'],
    ['exit', 'kinerja: a scoring worker exited with code 7 before it answered\n'],
    ['refuse', 'kinerja: the rubric changed (test)\n'],
  ])(
    '%s: exit code 3, one line on stderr, the output closed',
    { timeout: 10_000 },
    async (fault, message) => {
      process.env.KINERJA_TEST_FAULT = fault;
      const r = await run(['--chunk-size', '1']);
      expect(r.code).toBe(3);
      expect(r.stderr).toBe(message);
      expect(JSON.parse(r.stdout)).toEqual([]);
    },
  );

  it('does not start a worker for a batch of one chunk', async () => {
    process.env.KINERJA_TEST_FAULT = 'exit';
    const r = await run([]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(5);
  });
});
