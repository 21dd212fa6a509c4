import type { Appraisal, CompiledRubric } from '@kinerja/core';
import fc from 'fast-check';
import { arbitraryAppraisal } from '../arbitrary/arbitraryAppraisal.js';
import { arbitraryFactValue, factMayBeAbsent } from '../arbitrary/arbitraryFacts.js';
import { firstDifference } from '../evaluation/firstDifference.js';
import { findProtectedReads } from '../rubric/findProtectedReads.js';
import { joinLawText } from './joinLawText.js';
import type { LawOptions, LawResult, LawText } from './LawResult.js';
import { runProperty } from './runProperty.js';

/** Marks a fact left out of the appraisal in the generated alternative. */
const ABSENT = '<absent>';

/** The protected facts whose value the alternative changes, from → to (`<absent>` for a fact left out). */
function movedFacts(
  appraisal: Appraisal,
  alt: Record<string, unknown>,
): Record<string, { from: unknown; to: unknown }> {
  const moved: Record<string, { from: unknown; to: unknown }> = {};
  for (const [k, to] of Object.entries(alt)) {
    const from = appraisal.facts && Object.hasOwn(appraisal.facts, k) ? appraisal.facts[k] : ABSENT;
    if (from !== to) moved[k] = { from, to };
  }
  return moved;
}

/**
 * Protected attributes: (1) statically, no condition or measure of the rubric reads a protected fact — those the
 * rubric marks `protected: true` plus `options.protectedFacts` (e.g. a proxy the rubric declares as an ordinary
 * fact); (2) dynamically, changing only protected facts (to any other valid value, or leaving out an optional
 * one) never changes any byte of the evaluation. loadRubric already refuses (1) for declared protected facts; the
 * law checks both anyway, so a rubric that reads a proxy, or an engine regression, is caught either way.
 */
export function protectedAttributes(compiled: CompiledRubric, options: LawOptions = {}): LawResult {
  const decls = compiled.rubric.facts ?? {};
  const declaredProtected = Object.entries(decls)
    .filter(([, d]) => d.protected === true)
    .map(([k]) => k);
  const names = [...new Set([...declaredProtected, ...(options.protectedFacts ?? [])])];
  const unknown = names.filter((n) => !Object.hasOwn(decls, n));
  const varied = names.filter((n) => Object.hasOwn(decls, n));
  const reads = findProtectedReads(compiled.rubric, names);
  const notes: LawText[] = [];
  if (unknown.length > 0)
    notes.push({
      id: `tidak dinyatakan oleh rubrik, jadi tidak pernah diisi: ${unknown.join(', ')}`,
      en: `not declared by the rubric, so never supplied: ${unknown.join(', ')}`,
    });
  if (reads.length > 0) {
    const where = (at: string) => reads.map((r) => `${r.fact} ${at} ${r.pointer}`).join(', ');
    notes.push({
      id: `rubrik membaca fakta terlindungi: ${where('di')}`,
      en: `the rubric reads protected facts: ${where('at')}`,
    });
  }
  if (varied.length === 0) {
    const text: LawText =
      notes.length > 0
        ? joinLawText(notes)
        : {
            id: 'tidak ada fakta terlindungi yang dinyatakan (sebutkan proksinya dengan protectedFacts, atau `kinerja check --protected <fakta>`)',
            en: 'no protected facts declared (name a proxy with protectedFacts, or `kinerja check --protected <fact>`)',
          };
    return {
      law: 'protectedAttributes',
      ok: reads.length === 0,
      ...(reads.length === 0 ? { skipped: true } : {}),
      runs: 0,
      seed: options.seed ?? 0,
      message: text.en,
      text,
      ...(reads.length > 0 ? { counterexample: { reads } } : {}),
    };
  }
  // Every key optional, a missing key meaning "left as it was": fast-check shrinks an optional key towards
  // missing, so a counterexample sheds the facts it does not need and keeps only those that change the result.
  const alternatives = fc
    .record(
      Object.fromEntries(
        varied.map((k) => {
          const d = decls[k] as NonNullable<typeof decls>[string];
          const value = arbitraryFactValue(d);
          return [k, factMayBeAbsent(d) ? fc.oneof(value, fc.constant(ABSENT)) : value];
        }),
      ),
      { requiredKeys: [] },
    )
    .filter((alt) => Object.keys(alt).length > 0);
  const arbitrary = fc.record({ appraisal: arbitraryAppraisal(compiled, options.appraisal), alternatives });
  const changed = (a: Appraisal, alt: Record<string, unknown>): Appraisal => {
    const facts: Record<string, string | number | boolean | null> = { ...(a.facts ?? {}) };
    for (const [k, v] of Object.entries(alt)) {
      if (v === ABSENT) delete facts[k];
      else facts[k] = v as string | number | boolean;
    }
    return { ...a, facts };
  };
  const result = runProperty(
    {
      law: 'protectedAttributes',
      arbitrary,
      check: ({ appraisal, alternatives: alt }) => {
        const before = JSON.stringify(compiled.evaluate(appraisal));
        const after = JSON.stringify(compiled.evaluate(changed(appraisal, alt)));
        if (before === after) return undefined;
        const moved =
          Object.entries(movedFacts(appraisal, alt))
            .map(([k, v]) => `${k}: ${JSON.stringify(v.from)} → ${JSON.stringify(v.to)}`)
            .join(', ') || undefined;
        return {
          id: `mengubah hanya fakta terlindungi ${moved ?? '(tidak ada yang berubah)'} mengubah hasil evaluasi`,
          en: `changing only protected facts ${moved ?? '(none moved)'} changed the evaluation`,
        };
      },
      readable: ({ appraisal, alternatives: alt }) => ({
        appraisal,
        // Only the facts that moved: an absent fact left absent is no part of the counterexample.
        change: {
          facts: Object.fromEntries(Object.entries(movedFacts(appraisal, alt)).map(([k, v]) => [k, v.to])),
        },
        difference: firstDifference(
          JSON.parse(JSON.stringify(compiled.evaluate(appraisal))),
          JSON.parse(JSON.stringify(compiled.evaluate(changed(appraisal, alt)))),
        ),
      }),
    },
    options,
  );
  const joined = (parts: readonly LawText[]) => {
    const text = joinLawText(parts);
    return { message: text.en, text };
  };
  const own = result.text ? [result.text] : [];
  if (reads.length === 0) return notes.length > 0 ? { ...result, ...joined([...own, ...notes]) } : result;
  return {
    ...result,
    ok: false,
    ...joined([...notes, ...own]),
    counterexample: result.counterexample ?? { reads },
  };
}
