/**
 * One timed cell, in its own process (so JIT state and peak RSS belong to one engine):
 *   node cell.mjs <engine> <pack> <size> <reps> [seed]
 * Prints one JSON line. Only evaluation is timed; generating the cohort is not. Cohorts up to 100k are held in
 * memory (as a batch job would load them); larger ones are generated again, chunk by chunk, for each repetition.
 */
import { chunk, chunks, DEFAULT_SEED } from './lib/cohorts.mjs';
import { createEngine } from './lib/engines.mjs';

const [name, pack, sizeText, repsText, seedText] = process.argv.slice(2);
const size = Number(sizeText);
const reps = Number(repsText);
const seed = seedText ? Number(seedText) : DEFAULT_SEED;
const CHUNK = 10_000;
const inMemory = size <= 100_000;

const engine = await createEngine(name, pack);
const held = inMemory ? [...chunks(pack, size, CHUNK, seed)] : undefined;
const rssBefore = process.memoryUsage().rss;
let sink = 0;

async function timeChunk(as) {
  const t0 = process.hrtime.bigint();
  if (engine.async) {
    for (let i = 0; i < as.length; i++) sink += (await engine.evaluate(as[i])).predicate?.length ?? 0;
  } else {
    for (let i = 0; i < as.length; i++) {
      const r = engine.evaluate(as[i]);
      sink += engine.predicateOf(r)?.length ?? 0;
    }
  }
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

// Warm-up: passes over (at most) the first 10k appraisals until at least 1 s has gone by.
const first = held ? held[0] : chunk(pack, 0, Math.min(size, CHUNK), seed);
for (let spent = 0; spent < 1; ) spent += await timeChunk(first);
// Repetitions: `reps` of them, but stop after the minimum once a cell has used its time budget.
const minReps = size >= 1_000_000 ? 1 : 2;
const budget = Number(process.env.BENCH_CELL_BUDGET_S ?? 90);
const seconds = [];
for (let r = 0, total = 0; r < reps && !(r >= minReps && total > budget); r++) {
  let s = 0;
  for (const c of held ?? chunks(pack, size, CHUNK, seed)) s += await timeChunk(c);
  seconds.push(s);
  total += s;
}
const perSecond = seconds.map((s) => size / s).sort((a, b) => a - b);
const median =
  perSecond.length % 2
    ? perSecond[(perSecond.length - 1) / 2]
    : (perSecond[perSecond.length / 2 - 1] + perSecond[perSecond.length / 2]) / 2;
process.stdout.write(
  `${JSON.stringify({
    engine: name,
    pack,
    size,
    reps: seconds.length,
    min: perSecond[0],
    median,
    max: perSecond[perSecond.length - 1],
    seconds,
    rssBeforeMiB: rssBefore / 2 ** 20,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    sink,
  })}\n`,
);
