import type { Appraisal, CompiledRubric } from '@kinerja/core';
import fc from 'fast-check';
import { arbitraryAppraisal } from '../arbitrary/arbitraryAppraisal.js';
import type { LawOptions, LawResult } from './LawResult.js';

/** Quality tiers: uniform appraisals plus appraisals tilted from worst (0) to best (1). */
const QUALITIES = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

/** Appraisals drawn when the caller names no count. */
const DEFAULT_RUNS = 600;

/**
 * Reachability: every predicate level and every outcome is reached by some valid appraisal. Appraisals are drawn
 * uniformly and, above all, tilted toward quality tiers from worst to best (every input, rating and supervisor
 * rating at the same end), because averages of many independent inputs rarely reach the extreme bands. Each goal
 * gets its first witness appraisal; a goal never reached fails the law with the list. Compile-time checks already
 * refuse outcomes that are contradictory on their face; this finds the ones no real score can meet (a threshold
 * above the score's cap, a predicate the bands never give).
 */
export function reachability(compiled: CompiledRubric, options: LawOptions = {}): LawResult {
  const rubric = compiled.rubric;
  const seed = options.seed ?? (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
  const numRuns = options.numRuns ?? DEFAULT_RUNS;
  const goals = [
    ...rubric.predicate.levels.map((l) => `predicate:${l.id}`),
    ...Object.keys(rubric.outcomes ?? {}).map((id) => `outcome:${id}`),
  ];
  const base = options.appraisal ?? {};
  const arbitrary = fc.oneof(
    arbitraryAppraisal(compiled, base),
    ...QUALITIES.map((quality) => arbitraryAppraisal(compiled, { ...base, quality })),
  );
  const witnesses: Record<string, Appraisal> = {};
  let runs = 0;
  for (const a of fc.sample(arbitrary, { seed, numRuns })) {
    runs++;
    const e = compiled.evaluate(a);
    if (e.predicate) witnesses[`predicate:${e.predicate.id}`] ??= a;
    for (const [id, o] of Object.entries(e.outcomes)) if (o.met === true) witnesses[`outcome:${id}`] ??= a;
    if (goals.every((g) => g in witnesses)) break;
  }
  const unreached = goals.filter((g) => !(g in witnesses));
  const result: LawResult = { law: 'reachability', ok: unreached.length === 0, runs, seed, witnesses };
  if (unreached.length > 0) {
    // Sampling cannot prove a level unreachable, so the message says how to look harder before blaming the rubric.
    const list = unreached.join(', ');
    const more = Math.max(DEFAULT_RUNS, runs * 4);
    result.text = {
      id: `tidak pernah tercapai dalam ${runs} penilaian: ${list} (ini sampel, bukan bukti: bangkitkan sedikitnya ${more} penilaian sebelum mengubah rubrik)`,
      en: `never reached in ${runs} appraisals: ${list} (a sample, not a proof: draw at least ${more} appraisals before changing the rubric)`,
    };
    result.message = result.text.en;
    result.counterexample = { unreached };
  }
  return result;
}
