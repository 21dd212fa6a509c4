/**
 * Profile target: Kinerja full evaluation (`evaluate(a)`) of one pack's 10k cohort, a few passes.
 *   node --cpu-prof --cpu-prof-dir=results/profiles profile.mjs <pack> [passes]
 * run.mjs runs it for both packs and summarises the profile (lib/profile-summary.mjs).
 */
import { chunk } from './lib/cohorts.mjs';
import { loadPack } from './lib/rubrics.mjs';

const pack = process.argv[2] ?? 'permenpanrb-6-2022';
const passes = Number(process.argv[3] ?? 2);
const rubric = loadPack(pack);
const as = chunk(pack, 0, 10_000);
let sink = 0;
for (let p = 0; p < passes; p++) for (const a of as) sink += rubric.evaluate(a).status.length;
console.log(JSON.stringify({ pack, passes, sink }));
