/**
 * `scoreOnly` computes the conditions of `appliesWhen`, rating rules and outcomes by value alone, and runs them
 * again with their trace only when one is undetermined. These cases pin that the verdict, the diagnostics and
 * `met` are those of the full evaluation in all three states of each condition (true, false, undetermined), and
 * that no trace is left in the score-only result.
 */
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../src/index.js';
import { appraisal, load } from './helpers.js';

const rubric = load(`
kinerja: 1
id: score-only-conditions
version: 1.0.0
label: { id: Uji scoreOnly, en: scoreOnly test }
facts:
  innovation: { type: boolean, required: false }
  mentor: { type: boolean, required: false }
  senior: { type: boolean, required: false }
ratings:
  - { id: di-atas, label: { id: Di atas ekspektasi, en: Above expectation } }
  - { id: sesuai, label: { id: Sesuai ekspektasi, en: Meets expectation } }
groups:
  nilai:
    label: { id: Nilai, en: Score }
    indicators:
      nilai: { label: { id: Nilai, en: Score }, measure: { kind: value, input: x } }
      bimbingan:
        label: { id: Bimbingan, en: Mentoring }
        appliesWhen: { fact: facts, path: $.mentor, operator: equal, value: true }
        measure: { kind: value, input: x }
    rating:
      from: score
      rules:
        - id: di-atas
          when:
            any:
              - { fact: facts, path: $.senior, operator: equal, value: true }
              - { fact: employee, path: $.unit, operator: equal, value: Sekretariat }
      otherwise: sesuai
score:
  weights: { nilai: 1 }
predicate:
  levels:
    - { id: baik, label: { id: Baik, en: Good } }
    - { id: kurang, label: { id: Kurang, en: Poor } }
  bands:
    - { id: baik, range: "[76, inf)" }
    - { id: kurang, range: "(-inf, 76)" }
outcomes:
  award:
    label: { id: Penghargaan, en: Award }
    kind: award
    when:
      all:
        - { fact: predicate, operator: equal, value: baik }
        - { fact: facts, path: $.innovation, operator: equal, value: true }
    event: { type: penghargaan }
`);

/** The full evaluation less what `scoreOnly` promises to leave out. */
function withoutTraces(e: Evaluation): Evaluation {
  const out = structuredClone(e);
  delete out.predicateTrace;
  for (const g of Object.values(out.groups)) {
    delete g.ratingTrace;
    delete g.suggestionTrace;
    for (const i of Object.values(g.indicators ?? {})) {
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

const cases: Array<[string, number, Record<string, unknown>]> = [
  ['every condition true', 80, { innovation: true, mentor: true, senior: true }],
  ['every condition false', 80, { innovation: false, mentor: false, senior: false }],
  ['the award decided false by the predikat, innovation unknown', 60, { mentor: false, senior: false }],
  ['innovation unknown: the award undetermined', 80, { mentor: true, senior: true }],
  ['senior unknown: the rating rule undetermined', 80, { innovation: true, mentor: true }],
  ['mentor unknown: appliesWhen undetermined', 80, { innovation: true, senior: true }],
];

describe('scoreOnly: conditions by value, traced only when undetermined', () => {
  it.each(cases)('%s', (_name, x, facts) => {
    const input = appraisal({ inputs: { nilai: { x }, bimbingan: { x } }, facts });
    const full = rubric.evaluate(input, { source: 'a.json' });
    const quick = rubric.evaluate(input, { source: 'a.json', scoreOnly: true });
    expect(JSON.stringify(quick)).toBe(JSON.stringify(withoutTraces(full)));
    for (const o of Object.values(quick.outcomes)) expect(o).not.toHaveProperty('conditions');
    for (const o of Object.values(full.outcomes)) expect(o.conditions?.value).toBe(o.met ?? undefined);
  });

  it('an undetermined condition still says which fact is missing', () => {
    const quick = rubric.evaluate(appraisal({ inputs: { nilai: { x: 80 } }, facts: {} }), {
      scoreOnly: true,
    });
    expect(quick.status).toBe('invalid');
    expect(quick.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.pointer])).toEqual(
      expect.arrayContaining([expect.arrayContaining(['missing-fact'])]),
    );
    expect(quick.outcomes).toEqual({});
  });
});
