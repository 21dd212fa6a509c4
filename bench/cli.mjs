#!/usr/bin/env node
/**
 * Batch throughput of the BUILT CLI (run `pnpm build` first) over an NDJSON file of permenpanrb-6-2022 appraisals
 * drawn from lib/cohorts.mjs, against a bare loop over the same file. Prints, asserts nothing.
 *
 *   node bench/cli.mjs [rows] [--workers=a,b] [--output=ndjson|csv|json] [--reps=n] [--keep]
 *
 * rows defaults to 1,000,000 (about 2.2 GiB of NDJSON in os.tmpdir(), reused between runs unless deleted; the
 * file is removed at the end unless --keep). Each measurement is a child process, so its peak RSS is its own:
 * - bare: read the file in 64 KiB chunks, split lines, JSON.parse + JSON.stringify each, write to /dev/null;
 * - cli: `kinerja evaluate --rubric … --output-format ndjson --out /dev/null --workers n file`, with
 *   --workers 1 (one thread, no worker) and --workers = os.availableParallelism() by default;
 * - memory at two sizes: the cores run again over the first tenth of the file, to show that peak RSS does not
 *   follow the file size.
 * Peak RSS is getrusage's ru_maxrss of the child (all its threads), reported by a preloaded exit hook
 * (cli-rusage.mjs). Worker start-up (each thread compiles the rubric) is inside the CLI's time, as a user sees it.
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED, permenpanrbAppraisal } from './lib/cohorts.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const CLI = join(ROOT, 'packages/cli/dist/cli.js');
const RUBRIC = join(ROOT, 'rubrics/permenpanrb-6-2022/permenpanrb-6-2022.rubric.yaml');
const RUSAGE = join(HERE, 'cli-rusage.mjs');

const args = process.argv.slice(2);
const opt = (name) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];

// `node cli.mjs bare <file>`: the baseline loop, in its own process.
if (args[0] === 'bare') {
  await bareLoop(args[1]);
  process.exit(0);
}

if (!existsSync(join(ROOT, 'packages/cli/dist/batch-worker.js'))) {
  console.error('packages/cli/dist is missing or has no batch-worker.js: run `pnpm build` first.');
  process.exit(2);
}
const rows = Number(args.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const cores = os.availableParallelism();
const workerCounts = opt('workers') ? opt('workers').split(',').map(Number) : [...new Set([1, cores])];
const output = opt('output') ?? 'ndjson';
const reps = Number(opt('reps') ?? 1);
const small = Math.max(1, Math.round(rows / 10));

/** Appraisals 0 … n-1 of the seeded cohort as NDJSON, written once and reused (the name holds n and the seed). */
async function generate(n) {
  const path = join(os.tmpdir(), `kinerja-bench-cli-${DEFAULT_SEED}-${n}.ndjson`);
  if (existsSync(path)) return path;
  const out = createWriteStream(`${path}.part`);
  let text = '';
  for (let i = 0; i < n; i++) {
    text += `${JSON.stringify(permenpanrbAppraisal(DEFAULT_SEED, i))}\n`;
    if (text.length > 1 << 20) {
      if (!out.write(text)) await new Promise((r) => out.once('drain', r));
      text = '';
    }
  }
  out.write(text);
  await new Promise((r) => out.end(r));
  const { renameSync } = await import('node:fs');
  renameSync(`${path}.part`, path);
  return path;
}

async function bareLoop(file) {
  const out = createWriteStream('/dev/null');
  let pending = '';
  let batch = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 64 * 1024 })) {
    const text = pending + chunk;
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      const line = text.slice(start, nl);
      start = nl + 1;
      if (line.trim() === '') continue;
      batch += `${JSON.stringify(JSON.parse(line))}\n`;
    }
    pending = text.slice(start);
    if (batch.length > 64 * 1024) {
      if (!out.write(batch)) await new Promise((r) => out.once('drain', r));
      batch = '';
    }
  }
  if (pending.trim() !== '') batch += `${JSON.stringify(JSON.parse(pending))}\n`;
  out.write(batch);
  await new Promise((r) => out.end(r));
}

/** Runs a node child with the rusage hook; resolves to seconds, peak RSS (MiB), CPU seconds and exit code. */
function measure(nodeArgs) {
  const report = join(
    os.tmpdir(),
    `kinerja-bench-rusage-${process.pid}-${Math.random().toString(36).slice(2)}.json`,
  );
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ['--import', RUSAGE, ...nodeArgs], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, CI: '1', KINERJA_BENCH_RUSAGE: report },
  });
  let stderr = '';
  child.stderr.on('data', (d) => {
    if (stderr.length < 4096) stderr += d;
  });
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      let usage = { maxRSS: 0, userCPUTime: 0, systemCPUTime: 0 };
      try {
        usage = JSON.parse(readFileSync(report, 'utf8'));
        rmSync(report, { force: true });
      } catch {
        // The child died before its exit hook ran; the line says so with RSS 0.
      }
      resolve({
        code,
        seconds,
        rssMiB: usage.maxRSS / 1024,
        cpu: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
        stderr: code === 0 || code === 1 ? '' : stderr,
      });
    });
  });
}

const cli = (file, workers, extra = []) => [
  CLI,
  'evaluate',
  ...extra,
  '--rubric',
  RUBRIC,
  '--output-format',
  output,
  '--out',
  '/dev/null',
  '--workers',
  String(workers),
  file,
];

/** The best of `reps` runs (fastest), as throughput benchmarks usually report. */
async function best(label, n, nodeArgs) {
  let top;
  for (let r = 0; r < reps; r++) {
    const m = await measure(nodeArgs);
    if (m.stderr) {
      // A run that failed measured nothing: say so and stop, rather than print a rate for it.
      console.log(`  ${label}: exit ${m.code}: ${m.stderr.trim().split('\n')[0]}`);
      process.exit(1);
    }
    if (!top || m.seconds < top.seconds) top = m;
  }
  const rate = n / top.seconds;
  console.log(
    `${label.padEnd(34)} ${top.seconds.toFixed(1).padStart(7)} s ${Math.round(rate).toLocaleString('en').padStart(9)} rows/s   peak RSS ${top.rssMiB.toFixed(0).padStart(5)} MiB   CPU ${top.cpu.toFixed(1)} s`,
  );
  return { ...top, rate };
}

const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');
console.log(
  `machine: ${os.cpus()[0]?.model ?? '?'} × ${os.cpus().length} (availableParallelism ${cores}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`,
);
console.log(`load average before: ${load()}`);
const t0 = Date.now();
const file = await generate(rows);
const smallFile = small < rows ? await generate(small) : file;
console.log(
  `input: ${rows.toLocaleString('en')} rows, ${(statSync(file).size / 2 ** 20).toFixed(0)} MiB (${((Date.now() - t0) / 1000).toFixed(1)} s to generate or reuse); output: ${output} to /dev/null`,
);

const bare = await best('bare read+parse+stringify loop', rows, [
  fileURLToPath(import.meta.url),
  'bare',
  file,
]);
const runs = new Map();
for (const w of workerCounts) runs.set(w, await best(`kinerja --workers ${w}`, rows, cli(file, w)));
const many = Math.max(...workerCounts);
// The bulk mode: the same verdicts without the explanation (evaluate(…, { scoreOnly: true })).
const scoreOnly = await best(
  `kinerja --workers ${many} --score-only`,
  rows,
  cli(file, many, ['--score-only']),
);
const smallRun =
  smallFile !== file
    ? await best(`kinerja --workers ${many}, ${small.toLocaleString('en')} rows`, small, cli(smallFile, many))
    : undefined;

const top = runs.get(many);
const one = runs.get(1);
console.log('');
console.log(
  `CLI (--workers ${many}) / bare loop throughput: ${(top.rate / bare.rate).toFixed(2)} (issue #7 asks ≥ 0.5)`,
);
console.log(
  `CLI (--workers ${many} --score-only) / bare loop throughput: ${(scoreOnly.rate / bare.rate).toFixed(2)}`,
);
if (one && many > 1)
  console.log(
    `CLI --workers ${many} / --workers 1 throughput: ${(top.rate / one.rate).toFixed(2)} (issue #7 asks ≥ 1.6 on 2 cores)`,
  );
if (smallRun)
  console.log(
    `peak RSS, --workers ${many}: ${smallRun.rssMiB.toFixed(0)} MiB at ${small.toLocaleString('en')} rows, ${top.rssMiB.toFixed(0)} MiB at ${rows.toLocaleString('en')} rows`,
  );
console.log(`load average after: ${load()}`);
if (!args.includes('--keep')) {
  rmSync(file, { force: true });
  if (smallFile !== file) rmSync(smallFile, { force: true });
}
