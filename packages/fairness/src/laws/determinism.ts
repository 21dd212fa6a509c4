import { type Appraisal, type CompiledRubric, compileRubric } from '@kinerja/core';
import { arbitraryAppraisal } from '../arbitrary/arbitraryAppraisal.js';
import { firstDifference } from '../evaluation/firstDifference.js';
import type { LawOptions, LawResult, LawText } from './LawResult.js';
import { runProperty } from './runProperty.js';

/** The same data with every object's keys in reverse order (arrays keep theirs: order there is data). */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .reverse()
      .map(([k, v]) => [k, reverseKeys(v)]),
  );
}

/**
 * Determinism: the same appraisal gives the same bytes — evaluated twice, evaluated as a deep copy, evaluated with
 * its object keys written in another order, and evaluated by a second compilation of the same rubric — and
 * evaluating never changes the appraisal it was given.
 */
export function determinism(compiled: CompiledRubric, options: LawOptions = {}): LawResult {
  const again = compileRubric(compiled.rubric);
  if (!again.ok) {
    const codes = again.diagnostics.map((d) => d.code).join(', ');
    const text = {
      id: `rubrik tidak dapat dikompilasi untuk kedua kalinya: ${codes}`,
      en: `the rubric does not compile a second time: ${codes}`,
    };
    return { law: 'determinism', ok: false, runs: 0, seed: options.seed ?? 0, message: text.en, text };
  }
  const second = again.value;
  return runProperty(
    {
      law: 'determinism',
      arbitrary: arbitraryAppraisal(compiled, options.appraisal),
      check: (generated: Appraisal) => {
        // Every evaluation gets its own copy, so an engine that writes into its input cannot hide it from the
        // later runs (or from the shrinker, which reuses the generated value).
        const copy = () => structuredClone(generated);
        const given = copy();
        const first = JSON.stringify(compiled.evaluate(given));
        if (JSON.stringify(given) !== JSON.stringify(generated))
          return {
            id: 'evaluasi mengubah data penilaian yang diberikan kepadanya',
            en: 'evaluation changed the appraisal it was given',
          };
        const a = copy();
        const runs: Array<[LawText, string]> = [
          [{ id: 'dievaluasi lagi', en: 'evaluated again' }, JSON.stringify(compiled.evaluate(a))],
          [
            { id: 'dievaluasi sebagai salinan', en: 'evaluated as a deep copy' },
            JSON.stringify(compiled.evaluate(copy())),
          ],
          [
            { id: 'dengan urutan kunci dibalik', en: 'with keys in reverse order' },
            JSON.stringify(compiled.evaluate(reverseKeys(copy()))),
          ],
          [
            { id: 'oleh kompilasi kedua', en: 'by a second compilation' },
            JSON.stringify(second.evaluate(copy())),
          ],
        ];
        for (const [how, bytes] of runs) {
          if (bytes !== first) {
            const d = firstDifference(JSON.parse(first), JSON.parse(bytes));
            const change = `${JSON.stringify(d?.before)} → ${JSON.stringify(d?.after)}`;
            return {
              id: `${how.id}, hasil evaluasi berbeda di ${d?.pointer}: ${change}`,
              en: `${how.en}, the evaluation differs at ${d?.pointer}: ${change}`,
            };
          }
        }
        return undefined;
      },
      readable: (a) => ({ appraisal: a }),
    },
    options,
  );
}
