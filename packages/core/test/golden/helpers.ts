import { expect } from 'vitest';
import {
  type CompiledRubric,
  type Evaluation,
  type IndicatorResult,
  loadRubric,
  type RubricResolver,
} from '../../src/index.js';

/** Loads a rubric from inline YAML; fails the test with the diagnostics' codes and pointers if it does not load. */
export function load(yaml: string, resolve?: RubricResolver): CompiledRubric {
  const r = loadRubric(yaml, { source: 'inline.rubric.yaml', ...(resolve ? { resolve } : {}) });
  if (!r.ok) {
    throw new Error(
      `rubric did not load:\n${r.diagnostics.map((d) => `${d.code} ${d.pointer} ${d.message.en}`).join('\n')}`,
    );
  }
  return r.value;
}

/** The fixed parts of an appraisal; tests add inputs, targets, ratings, facts. */
export function appraisal(extra: Record<string, unknown> = {}, employee: Record<string, unknown> = {}) {
  return {
    employee: { nip: '198501012010011001', unit: 'Dinkes Kota Kupang', position: 'Analis', ...employee },
    period: { kind: 'annual', start: '2023-01-01', end: '2023-12-31' },
    ...extra,
  };
}

/** Codes of the diagnostics of an evaluation. */
export function codes(e: Evaluation): string[] {
  return e.diagnostics.map((d) => d.code);
}

/** Asserts the evaluation is complete; on failure the message lists the diagnostics. */
export function expectComplete(e: Evaluation): void {
  expect(e.status, e.diagnostics.map((d) => `${d.code} ${d.pointer} ${d.message.en}`).join('; ')).toBe(
    'complete',
  );
}

/** The indicator result of group `g`, indicator `id`. */
export function indicator(e: Evaluation, g: string, id: string): IndicatorResult {
  const r = e.groups[g]?.indicators?.[id];
  if (!r) throw new Error(`no indicator ${g}.${id} in the result`);
  return r;
}

/** Overall score = group `g`'s score, one band over every value: the measure's value is all that matters. */
const catchAll = `score:
  weights: { g: 1 }
predicate:
  levels:
    - { id: ada, label: { id: Ada, en: Present } }
    - { id: tidak-ada, label: { id: Tidak ada, en: Absent } }
  bands:
    - { id: ada, range: "(-inf, inf)" }
`;

/**
 * A rubric with one group `g` and one indicator `x` measured by `measureYaml` (a YAML flow mapping), overall
 * score = group score, and a single catch-all band, so the measure's value is all that matters.
 */
export function singleMeasureRubric(measureYaml: string): string {
  return `
kinerja: 1
id: single-measure
version: 1.0.0
label: { id: Uji ukuran, en: Measure test }
groups:
  g:
    label: { id: Grup, en: Group }
    indicators:
      x:
        label: { id: Indikator, en: Indicator }
        measure: ${measureYaml}
${catchAll}`;
}

/**
 * A rubric with one group `g` (mean) of indicator `x`, measured by `measureYaml` (a YAML flow mapping), beside a
 * constant 80 `y`, and a single catch-all band: whether `x` counts, is dropped or fails shows in the group's mean.
 */
export function besideConstantRubric(id: string, measureYaml: string): CompiledRubric {
  return load(`
kinerja: 1
id: ${id}
version: 1.0.0
label: { id: Uji ukuran di samping konstanta, en: Measure beside a constant }
groups:
  g:
    label: { id: Grup, en: Group }
    combine: mean
    indicators:
      x: { label: { id: X, en: X }, measure: ${measureYaml} }
      y: { label: { id: Y, en: Y }, measure: { kind: constant, value: 80 } }
${catchAll}`);
}

/**
 * A rubric whose one group `nilai` holds one constant-100 indicator `nilai`, Baik from 100: every appraisal scores
 * Baik, so only what the appraisal's own data does (dates, missing parts) shows. `extraYaml` is appended at the top
 * level (e.g. an `outcomes:` block).
 */
export function constantRubric(id: string, extraYaml = ''): CompiledRubric {
  return load(`
kinerja: 1
id: ${id}
version: 1.0.0
label: { id: Konstan, en: Constant }
groups:
  nilai:
    label: { id: Nilai, en: Score }
    indicators:
      nilai: { label: { id: Nilai, en: Score }, measure: { kind: constant, value: 100 } }
score:
  weights: { nilai: 1 }
predicate:
  levels:
    - { id: baik, label: { id: Baik, en: Good } }
    - { id: kurang, label: { id: Kurang, en: Poor } }
  bands:
    - { id: baik, range: "[100, inf)" }
    - { id: kurang, range: "(-inf, 100)" }
${extraYaml}`);
}

/** Evaluates `x` of a single-measure rubric with the given input record. */
export function measureOnce(measureYaml: string, record: Record<string, unknown>): Evaluation {
  return load(singleMeasureRubric(measureYaml)).evaluate(appraisal({ inputs: { x: record } }));
}
