import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import type { Evaluation } from '@kinerja/core';
import { withoutExplanation } from '@kinerja/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cohort, mappingPath, repo, rubricPath, writeCohort } from '../../batch/test/cohort.js';
import { workerScorer } from '../src/batch/chunkScorer.js';
import { main } from '../src/index.js';
import { runCli } from './support/runCli.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const run = (args: string[], cwd = repo): Promise<Run> => runCli(args, { cwd });

/** Runs one command line with --workers 1 (the in-thread path), 2 and 3, in chunks of 3 records. */
async function acrossWorkers(args: string[], counts = [1, 2, 3]): Promise<Run[]> {
  const runs: Run[] = [];
  for (const n of counts) runs.push(await run([...args, '--workers', String(n), '--chunk-size', '3']));
  return runs;
}

function expectSame(runs: Run[]): Run {
  const [first, ...rest] = runs as [Run, ...Run[]];
  for (const [i, r] of rest.entries()) {
    expect(r.stdout, `stdout of run ${i + 2}`).toBe(first.stdout);
    expect(r.stderr, `stderr of run ${i + 2}`).toBe(first.stderr);
    expect(r.code, `exit code of run ${i + 2}`).toBe(first.code);
  }
  return first;
}

let dir: string;
let files: Record<'json' | 'ndjson' | 'csv' | 'xlsx', string>;
let ndjson: string;
let csv: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kinerja-workers-'));
  const appraisals = cohort();
  files = await writeCohort(dir, appraisals);
  // Bad lines among the good: broken JSON, a non-object, an unknown property; the cohort has invalid cases too.
  const lines = readFileSync(join(files.ndjson, 'cohort'), 'utf8').split('\r\n');
  lines.splice(4, 0, '{"employee": ', '[1, 2]');
  lines.splice(20, 0, JSON.stringify({ ...appraisals[0], unknown: true }));
  ndjson = join(dir, 'bad.ndjson');
  writeFileSync(ndjson, lines.join('\r\n'));
  // A mangled NIP and a decimal the column cannot read, as a spreadsheet would leave them.
  const rows = readFileSync(join(files.csv, 'cohort'), 'utf8').split('\r\n');
  rows[3] = (rows[3] as string).replace(/^\d{18}/, '1,99003E+17');
  rows[9] = (rows[9] as string).replace(/;(\d+);/, ';$1 units;');
  csv = join(dir, 'bad.csv');
  writeFileSync(csv, rows.join('\r\n'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

// Each run with threads starts them (about a second each, compiling the rubric), so the cases are few and small.
describe('kinerja evaluate --workers: the same bytes for any number of workers', () => {
  it('NDJSON with bad lines (1, 2, 3 workers), and --strict', async () => {
    const args = ['evaluate', '-r', rubricPath, '--output-format', 'csv', ndjson];
    const first = expectSame(await acrossWorkers(args));
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/bad\.ndjson:\d+:\d+ {2}json-syntax/);
    expect(first.stderr).toMatch(/bad\.ndjson:\d+ {2}schema-type/);
    expect(first.stdout.trimEnd().split('\r\n')).toHaveLength(cohort().length + 4);
    const strict = expectSame(await acrossWorkers([...args, '--strict'], [1, 2]));
    expect(strict.code).toBe(1);
    expect(strict.stdout.length).toBeLessThan(first.stdout.length);
  });

  it('NDJSON bytes at the edges: a BOM, a line over 1 MiB, bad UTF-8, mixed line ends, no final line end', async () => {
    const good = readFileSync(join(files.ndjson, 'cohort'), 'utf8')
      .split(/\r?\n/)
      .filter(Boolean)
      .slice(0, 8);
    const edge = join(dir, 'edge.ndjson');
    writeFileSync(
      edge,
      Buffer.concat([
        Buffer.from(`\uFEFF${good.slice(0, 3).join('\r\n')}\r\n`),
        Buffer.from(`{"employee": "${'x'.repeat(2 ** 20)}"}\n`),
        Buffer.from([0x7b, 0xff, 0x0a]),
        Buffer.from(good.slice(3).join('\n')),
      ]),
    );
    const r = expectSame(
      await acrossWorkers(['evaluate', '-r', rubricPath, '--output-format', 'csv', edge], [1, 2]),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${edge}:4  input-too-large`);
    // 0xFF is not UTF-8: refused as such, not read as a replacement character and then as bad JSON.
    expect(r.stderr).toMatch(/edge\.ndjson:5 {2}encoding-invalid/);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(2);
    // The header, the eight good appraisals and the two refused lines, each in its place.
    expect(r.stdout.trimEnd().split('\r\n')).toHaveLength(11);
  });

  it('NDJSON from stdin in small pieces, in threads: the same bytes as from the file', async () => {
    const bytes = readFileSync(ndjson);
    const pieces: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += 1000) pieces.push(bytes.subarray(i, i + 1000));
    const args = ['evaluate', '-r', rubricPath, '--output-format', 'ndjson', '--input-format', 'ndjson'];
    const fromFile = await run([...args, ndjson, '--workers', '1']);
    for (const workers of ['1', '2']) {
      const fromStdin = await runCli([...args, '-', '--workers', workers, '--chunk-size', '3'], {
        cwd: repo,
        stdin: pieces,
      });
      expect(fromStdin.code).toBe(fromFile.code);
      expect(fromStdin.stdout, `--workers ${workers}`).toBe(fromFile.stdout.replaceAll(ndjson, '<stdin>'));
      expect(fromStdin.stderr).toBe(fromFile.stderr.replaceAll(ndjson, '<stdin>'));
    }
  });

  it('CSV with bad rows, the column named (1, 2, 3 workers), and --strict', async () => {
    const args = ['evaluate', '-r', rubricPath, '--mapping', mappingPath, '--output-format', 'ndjson', csv];
    const first = expectSame(await acrossWorkers(args));
    expect(first.code).toBe(1);
    expect(first.stderr).toContain(`${csv}:4#/employee/nip  nip-mangled`);
    expect(first.stderr).toContain('[column "');
    expect(first.stdout.trimEnd().split('\n')).toHaveLength(cohort().length);
    const strict = expectSame(await acrossWorkers([...args, '--strict'], [1, 2]));
    expect(strict.code).toBe(1);
    expect(strict.stdout.trimEnd().split('\n').length).toBeLessThan(cohort().length);
  });

  it('JSON output, and files in order around one that cannot be read', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, `[${JSON.stringify(cohort()[0])}, {"a": ]`);
    const args = ['evaluate', '-r', rubricPath, ndjson, broken, ndjson];
    const r = expectSame(await acrossWorkers(args, [1, 2]));
    expect(r.stderr).toMatch(/broken\.json:1:\d+ {2}json-syntax/);
    expect(JSON.parse(r.stdout).length).toBeGreaterThan(2 * (cohort().length + 3));
    const strict = expectSame(await acrossWorkers([...args, '--strict'], [1, 2]));
    expect(JSON.parse(strict.stdout).length).toBeLessThan(cohort().length);
  });

  it('table output', async () => {
    expectSame(await acrossWorkers(['evaluate', '-r', rubricPath, '--format', 'table', ndjson], [1, 2]));
  });

  it('an empty batch, and a batch of one chunk (scored without threads)', async () => {
    const empty = join(dir, 'empty.ndjson');
    writeFileSync(empty, '\n');
    for (const output of ['json', 'csv', 'ndjson'])
      expectSame(
        await acrossWorkers(['evaluate', '-r', rubricPath, '--output-format', output, empty], [1, 2]),
      );
    const small = ['evaluate', '-r', rubricPath, '--output-format', 'csv', ndjson, '--chunk-size', '1000'];
    expect((await run([...small, '--workers', '2'])).stdout).toBe(
      (await run([...small, '--workers', '1'])).stdout,
    );
  });
});

describe('kinerja evaluate --workers: output buffers', () => {
  it('writes the same bytes to a slow stream, to a file and to a text sink, with buffers handed back and refilled', async () => {
    const args = ['evaluate', '-r', rubricPath, ndjson, '--workers', '2', '--chunk-size', '3'];
    const text = await run(args);
    // Streams that take each write late, reading its bytes only then (as a file stream does, from another
    // thread): a buffer handed back to a worker before the stream had written it would come out detached or
    // overwritten. A small highWaterMark makes the writer wait for drain; a large one lets it run ahead.
    for (const highWaterMark of [64, 1 << 20]) {
      const chunks: Buffer[] = [];
      const slow = new Writable({
        highWaterMark,
        write(chunk: Buffer, _encoding, done) {
          setTimeout(() => {
            chunks.push(Buffer.from(chunk));
            done();
          }, 20);
        },
      });
      let stderr = '';
      const code = await main(args, {
        stdout: slow,
        stderr: { write: (s: string) => (stderr += s) },
        stdin: Readable.from([]),
        cwd: repo,
        env: {},
      });
      await new Promise<void>((done) => slow.end(done));
      expect(code).toBe(text.code);
      expect(stderr).toBe(text.stderr);
      expect(Buffer.concat(chunks).toString('utf8'), `highWaterMark ${highWaterMark}`).toBe(text.stdout);
    }
    const file = join(dir, 'out.json');
    const toFile = await run([...args, '--out', file]);
    expect(toFile.code).toBe(text.code);
    expect(readFileSync(file, 'utf8')).toBe(text.stdout);
    expect(JSON.parse(text.stdout)).toHaveLength(cohort().length + 3);
  });
});

describe('kinerja evaluate --score-only', () => {
  it('gives every row the full verdict without the explanation, in threads or not', async () => {
    const args = ['evaluate', '-r', rubricPath, '--output-format', 'ndjson', ndjson];
    const full = await run([...args, '--workers', '1']);
    const quick = expectSame(await acrossWorkers([...args, '--score-only'], [1, 2]));
    expect(quick.code).toBe(full.code);
    expect(quick.stderr).toBe(full.stderr);
    const lines = (text: string) => text.trim().split('\n');
    // One evaluation per line (invalid rows too), so each full line, stripped, must be the score-only line.
    const stripped = lines(full.stdout).map((line) =>
      JSON.stringify(withoutExplanation(JSON.parse(line) as Evaluation)),
    );
    const got = lines(quick.stdout);
    expect(got.length).toBe(stripped.length);
    const differing = got.flatMap((line, i) => (line === stripped[i] ? [] : [i + 1]));
    expect(differing, 'output lines that differ').toEqual([]);
    // The explanation was there to leave out.
    expect(full.stdout).toContain('"measure":');
    expect(quick.stdout).not.toContain('"measure":');
  });
});

describe('kinerja evaluate --workers: flags and start-up', () => {
  it('refuses a count that is not a whole number from 1', async () => {
    for (const bad of ['0', '1.5', 'many', '99999']) {
      const r = await run(['evaluate', '-r', rubricPath, '--workers', bad, ndjson]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--workers must be a whole number');
    }
    expect((await run(['evaluate', '-r', rubricPath, '--chunk-size', '0', ndjson])).code).toBe(2);
  });

  it('refuses to score against a rubric that compiles differently in the worker', () => {
    const started = workerScorer({
      rubricPath,
      cwd: repo,
      fingerprint: 'sha256:0000',
      output: 'ndjson',
      lang: 'en',
    });
    expect(started.ok).toBe(false);
    if (!started.ok) expect(started.message).toContain('changed while the batch was starting');
  });
});

const distCli = join(repo, 'packages/cli/dist/cli.js');
const distWorker = join(repo, 'packages/cli/dist/batch-worker.js');

describe('the built CLI', () => {
  // Needs `pnpm --filter @kinerja/cli build`; `pnpm build` before `pnpm test` is the usual order.
  it.skipIf(!existsSync(distWorker))('runs its workers from dist/batch-worker.js', () => {
    const cli = (workers: string) =>
      spawnSync(
        process.execPath,
        [
          distCli,
          'evaluate',
          '-r',
          rubricPath,
          '--output-format',
          'csv',
          '--workers',
          workers,
          '--chunk-size',
          '4',
          '--input-format',
          'ndjson',
          join(files.ndjson, 'cohort'),
        ],
        { encoding: 'utf8', env: { ...process.env, CI: '1' } },
      ).stdout;
    const one = cli('1');
    expect(one.split('\r\n').length).toBe(cohort().length + 2);
    expect(cli('2')).toBe(one);
  });
});
