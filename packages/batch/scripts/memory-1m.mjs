#!/usr/bin/env node
// Benchmark (not a test): generates a 1,000,000-row NDJSON file of permenpanrb-6-2022 appraisals in os.tmpdir(),
// scores it with the BUILT CLI (packages/cli/dist/cli.js; run `pnpm build` first) to a CSV summary, and prints
// rows/s and the peak resident memory of the scoring process (VmHWM from /proc, sampled; on systems without
// /proc, the largest VmRSS sample is not available and only the time is printed).
//
//   node packages/batch/scripts/memory-1m.mjs [rows] [workers]   (default 1000000 rows, the CLI's default workers)
//   NODE_FLAGS=--max-semi-space-size=2 node packages/batch/scripts/memory-1m.mjs
// Without a worker count the CLI runs as a user would run it: one worker thread per core (2 on these machines),
// the main thread reading NDJSON as blocks of raw lines and writing results in order. Pass 1 to measure the
// single-thread pipeline (read, score and write in one thread).
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const cli = join(repo, 'packages/cli/dist/cli.js');
const rubric = join(repo, 'rubrics/permenpanrb-6-2022/permenpanrb-6-2022.rubric.yaml');
if (!existsSync(cli)) {
  console.error('packages/cli/dist/cli.js is missing: run `pnpm build` first.');
  process.exit(2);
}
const rows = Number(process.argv[2] ?? 1_000_000);
const workers = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
const input = join(os.tmpdir(), `kinerja-memory-${rows}.ndjson`);
const output = join(os.tmpdir(), `kinerja-memory-${rows}.csv`);

const indicators = [
  'berorientasi-pelayanan',
  'akuntabel',
  'kompeten',
  'harmonis',
  'loyal',
  'adaptif',
  'kolaboratif',
];
function appraisal(i) {
  const r = 80 + (i % 50);
  return {
    employee: {
      nip: `1990031520150${String(i).padStart(5, '0')}`.slice(0, 18).padEnd(18, '0'),
      unit: `Unit ${i % 97}`,
      position: 'Analis',
      positionType: 'pelaksana',
      rankSince: '2019-04-01',
      history: [{ year: 2023, predicate: 'Baik' }],
    },
    period: { kind: 'annual', start: '2024-01-01', end: '2024-12-31' },
    targets: {
      'hasil-kerja': [
        { id: 't1', main: true, target: 100, realisation: r },
        { id: 't2', target: 10, realisation: 10 },
      ],
    },
    ratings: indicators.map((indicator) => ({
      rater: 'peer-1',
      role: 'peer',
      indicator,
      value: 3 + (i % 3),
    })),
    supervisorRatings: {
      'hasil-kerja': r > 110 ? 'di-atas' : r >= 100 ? 'sesuai' : 'di-bawah',
      perilaku: 'sesuai',
    },
  };
}

async function generate() {
  if (existsSync(input)) return;
  const out = createWriteStream(input);
  let batch = '';
  for (let i = 0; i < rows; i++) {
    batch += `${JSON.stringify(appraisal(i))}\n`;
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await new Promise((r) => out.once('drain', r));
      batch = '';
    }
  }
  out.write(batch);
  await new Promise((r) => out.end(r));
}

const t0 = Date.now();
await generate();
console.log(
  `input: ${input} (${(statSync(input).size / 2 ** 20).toFixed(0)} MiB, ${rows} rows; ${((Date.now() - t0) / 1000).toFixed(1)} s to generate or reuse)`,
);

const start = Date.now();
// NODE_FLAGS (e.g. "--max-semi-space-size=2") is passed to the scoring process, to try V8 heap settings.
const flags = (process.env.NODE_FLAGS ?? '').split(' ').filter(Boolean);
if (flags.length > 0) console.log(`node flags: ${flags.join(' ')}`);
const child = spawn(
  process.execPath,
  [
    ...flags,
    cli,
    'evaluate',
    '--rubric',
    rubric,
    ...(workers === undefined ? [] : ['--workers', String(workers)]),
    '--output-format',
    'csv',
    '--out',
    output,
    input,
  ],
  {
    stdio: ['ignore', 'inherit', 'pipe'],
    env: { ...process.env, CI: '1' },
  },
);
let stderrLines = 0;
child.stderr.on('data', (d) => {
  stderrLines += String(d).split('\n').length - 1;
});
let peakKb = 0;
let rssKb = 0;
const sample = () => {
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
    rssKb = Math.max(rssKb, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
  } catch {
    // The process has ended, or there is no /proc.
  }
};
const timer = setInterval(sample, 50);
const code = await new Promise((r) => child.on('exit', (c) => r(c)));
clearInterval(timer);
const seconds = (Date.now() - start) / 1000;
const lines = readFileSync(output, 'utf8').split('\r\n').length - 2;
console.log(`exit code ${code}; ${lines} result rows; ${stderrLines} stderr lines`);
console.log(
  `${rows} rows in ${seconds.toFixed(1)} s = ${Math.round(rows / seconds)} rows/s (workers: ${workers ?? `default, ${os.availableParallelism()} cores`})`,
);
console.log(`peak RSS: ${(Math.max(peakKb, rssKb) / 1024).toFixed(0)} MiB (VmHWM, sampled every 50 ms)`);
console.log(
  `machine: ${os.cpus()[0]?.model ?? '?'} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`,
);
rmSync(output, { force: true });
if (process.env.KEEP_INPUT !== '1') rmSync(input, { force: true });
