import type { CompiledRubric } from '@kinerja/core';
import type { LawName, LawOptions, LawResult } from './LawResult.js';
import { laws } from './laws.js';

/** Options of {@link checkLaws}: every law's options, and which laws to run. */
export interface CheckLawsOptions extends LawOptions {
  /** Run only these laws (default: all, in the order of {@link laws}). */
  only?: readonly LawName[];
}

/**
 * Runs every fairness law (or `only` some) on a compiled rubric with the same options, so one seed replays the
 * whole check. Returns one result per law; the rubric passes when every `ok` is true.
 *
 * @example
 * const results = checkLaws(compiled, { seed: 42, protectedFacts: ['gender'] });
 * for (const r of results.filter((r) => !r.ok)) console.error(r.law, r.message, r.seed);
 */
export function checkLaws(compiled: CompiledRubric, options: CheckLawsOptions = {}): LawResult[] {
  const { only, ...lawOptions } = options;
  return (Object.keys(laws) as LawName[])
    .filter((name) => !only || only.includes(name))
    .map((name) => laws[name](compiled, lawOptions));
}
