import type { LawResult } from './LawResult.js';

/**
 * A law's result as text for a test failure or a terminal: the law, what broke, the counterexample (an appraisal
 * one can paste into `kinerja evaluate`) and how to replay it. A law that ran no case reads
 * `– <law> skipped (0 runs): <reason>`.
 */
export function formatLawResult(r: LawResult): string {
  // A law that ran no case proved nothing: it is not shown as passed.
  if (r.ok && (r.skipped || r.runs === 0))
    return `– ${r.law} skipped (0 runs): ${r.message ?? 'nothing to check'}`;
  const head = `${r.ok ? '✓' : '✗'} ${r.law} (${r.runs} runs, seed ${r.seed})`;
  if (r.ok) return r.message ? `${head}: ${r.message}` : head;
  const replay = `replay: { seed: ${r.seed}${r.path ? `, path: '${r.path}'` : ''} }`;
  const example =
    r.counterexample === undefined ? '' : `\ncounterexample:\n${JSON.stringify(r.counterexample, null, 2)}`;
  return `${head}\n${r.message ?? 'failed'}\n${replay}${example}`;
}
