import type { Evaluation } from '@kinerja/core';
import type { CaseExpectation } from './RubricCase.js';

/** Compares an evaluation with a case's expectation; returns one line per mismatch (empty when it holds). */
export function checkCase(e: Evaluation, expect: CaseExpectation): string[] {
  const out: string[] = [];
  const eq = (what: string, actual: unknown, expected: unknown) => {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      out.push(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
    }
  };
  if (expect.status !== undefined) eq('status', e.status, expect.status);
  if (expect.score !== undefined) eq('score', e.score, expect.score);
  if (expect.predicate !== undefined) eq('predicate', e.predicate?.id, expect.predicate);
  for (const [gid, g] of Object.entries(expect.groups ?? {})) {
    const actual = e.groups[gid];
    if (!actual) {
      out.push(`groups.${gid}: no such group in the result`);
      continue;
    }
    if (g.score !== undefined) eq(`groups.${gid}.score`, actual.score, g.score);
    if (g.rating !== undefined) eq(`groups.${gid}.rating`, actual.rating, g.rating);
    if (g.suggestedRating !== undefined)
      eq(`groups.${gid}.suggestedRating`, actual.suggestedRating, g.suggestedRating);
  }
  for (const [iid, score] of Object.entries(expect.indicators ?? {})) {
    const found = Object.values(e.groups)
      .flatMap((g) => [
        ...Object.entries(g.indicators ?? {}),
        ...Object.entries(g.additions ?? {}),
        ...(g.items ?? []).map((it) => [it.id ?? '', it] as const),
      ])
      .find(([id]) => id === iid)?.[1];
    if (!found) out.push(`indicators.${iid}: no such indicator or target in the result`);
    else
      eq(
        `indicators.${iid}`,
        found.status === 'dropped' || found.status === 'not-applicable' ? null : found.score,
        score,
      );
  }
  for (const [oid, met] of Object.entries(expect.outcomes ?? {})) {
    const o = e.outcomes[oid];
    if (!o) out.push(`outcomes.${oid}: not evaluated (status ${e.status})`);
    else eq(`outcomes.${oid}`, o.met, met);
  }
  for (const [oid, v] of Object.entries(expect.outcomeValues ?? {}))
    eq(`outcomeValues.${oid}`, e.outcomes[oid]?.value, v);
  if (expect.flags !== undefined) eq('flags', e.flags, [...expect.flags].sort());
  if (expect.diagnostics !== undefined) {
    const codes = [...new Set(e.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code))].sort();
    eq('diagnostics', codes, [...new Set(expect.diagnostics)].sort());
  }
  return out;
}
