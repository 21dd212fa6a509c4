import { expect } from 'vitest';
import {
  type CompiledRubric,
  type Evaluation,
  type IndicatorResult,
  loadRubric,
  type MeasureTrace,
} from '../../src/index.js';

/** The employee being appraised; never a rater here unless a test says so. */
export const NIP = '198501012010011001';

/** A rubric with one group `perilaku` and one indicator `integritas` measured by a `raters` measure. */
export function ratersRubric(measureYaml: string): string {
  return `
kinerja: 1
id: raters-objectivity
version: 1.0.0
label: { id: Objektivitas penilai, en: Rater objectivity }
groups:
  perilaku:
    label: { id: Perilaku, en: Behaviour }
    indicators:
      integritas:
        label: { id: Integritas, en: Integrity }
        measure: ${measureYaml}
score:
  weights: { perilaku: 1 }
predicate:
  levels:
    - { id: ada, label: { id: Ada, en: Present } }
    - { id: tidak-ada, label: { id: Tidak ada, en: Absent } }
  bands:
    - { id: ada, range: "(-inf, inf)" }
`;
}

/** Loads the raters rubric or fails with the diagnostics. */
export function loadRaters(measureYaml: string): CompiledRubric {
  const r = loadRubric(ratersRubric(measureYaml), { source: 'raters.rubric.yaml' });
  if (!r.ok) {
    throw new Error(
      `rubric did not load:\n${r.diagnostics.map((d) => `${d.code} ${d.pointer} ${d.message.en}`).join('\n')}`,
    );
  }
  return r.value;
}

/** One rating: [rater, role, value]. */
export type Rating = readonly [string, string, number | string];

/** An appraisal with the given ratings (for `integritas`) and extra fields (conflicts, raterStats). */
export function appraisalOf(ratings: readonly Rating[], extra: Record<string, unknown> = {}) {
  return {
    employee: { nip: NIP, unit: 'BKPSDM Kota Kupang', position: 'Analis SDM Aparatur' },
    period: { kind: 'annual', start: '2024-01-01', end: '2024-12-31' },
    ratings: ratings.map(([rater, role, value]) => ({ rater, role, indicator: 'integritas', value })),
    ...extra,
  };
}

/** Evaluates the ratings against a raters measure. */
export function rate(measureYaml: string, ratings: readonly Rating[], extra: Record<string, unknown> = {}) {
  return loadRaters(measureYaml).evaluate(appraisalOf(ratings, extra));
}

/** The indicator result. */
export function integritas(e: Evaluation): IndicatorResult {
  const r = e.groups.perilaku?.indicators?.integritas;
  if (!r) throw new Error('no indicator perilaku.integritas in the result');
  return r;
}

/** The raters trace of the indicator. */
export function ratersTrace(e: Evaluation): MeasureTrace {
  const t = integritas(e).measure;
  if (t?.kind !== 'raters') throw new Error('no raters trace');
  return t;
}

/** The per-role detail entry. */
export function roleDetail(e: Evaluation, role: string): Record<string, unknown> {
  return (ratersTrace(e).detail?.[role] ?? {}) as Record<string, unknown>;
}

/** Codes of the diagnostics. */
export function codes(e: Evaluation): string[] {
  return e.diagnostics.map((d) => d.code);
}

/** Asserts the evaluation is complete; on failure the message lists the diagnostics. */
export function expectComplete(e: Evaluation): void {
  expect(e.status, e.diagnostics.map((d) => `${d.code} ${d.pointer} ${d.message.en}`).join('; ')).toBe(
    'complete',
  );
}
