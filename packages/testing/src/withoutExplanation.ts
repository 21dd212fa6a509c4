import type { Evaluation } from '@kinerja/core';

/**
 * A full evaluation with the explanation taken out, field by field as `evaluate(…, { scoreOnly: true })`
 * promises to leave it out. A pack's golden cases compare the two, so a score-only shortcut in the engine can
 * never reach a different verdict than the explained evaluation an auditor reads.
 */
export function withoutExplanation(e: Evaluation): Evaluation {
  const out: Evaluation = structuredClone(e);
  delete out.predicateTrace;
  for (const g of Object.values(out.groups)) {
    delete g.ratingTrace;
    delete g.suggestionTrace;
    for (const i of [
      ...Object.values(g.indicators ?? {}),
      ...Object.values(g.additions ?? {}),
      ...(g.items ?? []),
    ]) {
      delete i.measure;
      delete i.contribution;
    }
  }
  for (const o of Object.values(out.outcomes)) {
    delete o.valueTrace;
    delete o.conditions;
  }
  return out;
}
