// Preloaded (`node --import`) into the processes bench/cli.mjs measures: at exit, writes the process's resource
// usage (ru_maxrss covers every thread, workers included) to the file named by KINERJA_BENCH_RUSAGE.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const target = process.env.KINERJA_BENCH_RUSAGE;
if (target && isMainThread)
  process.on('exit', () => writeFileSync(target, JSON.stringify(process.resourceUsage())));
