/**
 * A `value` measure may declare the numbers its input takes (`range`, interval notation as in a `raters` scale):
 * a number outside it is refused at the input, wherever it is read from, never scored as if it were sound (a
 * coverage goal of −90 % turned a good coverage into a negative score).
 */
import { describe, expect, it } from 'vitest';
import { type Evaluation, loadRubric } from '../../src/index.js';
import { appraisal, besideConstantRubric, load, measureOnce, singleMeasureRubric } from './helpers.js';

const brief = (e: Evaluation) => e.diagnostics.map((d) => [d.code, d.pointer, d.expected, d.received]);

const GOAL = '{ kind: value, input: goal, range: "(0, 100]" }';

describe('a field outside the declared range', () => {
  it.each([-90, 9000, 0, 100.01])('%s is input-out-of-range at the field, with the range', (goal) => {
    const e = measureOnce(GOAL, { goal });
    expect(e.status).toBe('invalid');
    expect(e.score).toBeUndefined();
    expect(brief(e)).toEqual([['input-out-of-range', '/inputs/x/goal', '(0, 100]', goal]]);
    const d = e.diagnostics[0];
    expect(d?.severity).toBe('error');
    expect(d?.message.en).toBe(
      `Value ${goal} of goal is outside the range the rubric declares for it, "(0, 100]".`,
    );
    expect(d?.message.id).toBe(
      `Nilai ${goal} pada goal di luar rentang yang dinyatakan rubrik untuknya, "(0, 100]".`,
    );
  });

  it('the included end and numbers inside count as before', () => {
    expect(measureOnce(GOAL, { goal: 100 }).score).toBe(100);
    expect(measureOnce(GOAL, { goal: 0.5 }).score).toBe(0.5);
    expect(measureOnce(GOAL, { goal: 100 }).diagnostics).toEqual([]);
  });

  it('a divisor refused by its range is said once, at the field, not also as a division by zero', () => {
    // The Kupang coverage: capaian / sasaran × 10000 ÷ targetCakupan.
    const coverage =
      '{ kind: quotient, of: [ { kind: ratio, target: sasaran, realisation: capaian, scale: 10000 }, { kind: value, input: targetCakupan, range: "(0, 100]" } ] }';
    const e = measureOnce(coverage, { sasaran: 1200, capaian: 1080, targetCakupan: 0 });
    expect(brief(e)).toEqual([['input-out-of-range', '/inputs/x/targetCakupan', '(0, 100]', 0]]);
    // 1080 / 1200 × 10000 / 90 = 9000 / 90 = 100
    expect(measureOnce(coverage, { sasaran: 1200, capaian: 1080, targetCakupan: 90 }).score).toBe(100);
  });

  it('an optional value left out still drops out; the range is about numbers given', () => {
    const rubric = besideConstantRubric(
      'optional-range',
      '{ kind: value, input: goal, range: "(0, 100]", optional: true }',
    );
    const e = rubric.evaluate(appraisal({ inputs: { x: {}, y: {} } }));
    expect(e.diagnostics).toEqual([]);
    // x drops out of the mean; y is the constant 80.
    expect(e.score).toBe(80);
  });
});

describe('a fact outside the declared range', () => {
  const withFact = (range: string) =>
    load(
      singleMeasureRubric(`{ kind: value, input: { fact: facts, path: $.t }, range: "${range}" }`).replace(
        'groups:',
        'facts:\n  t: { type: number }\ngroups:',
      ),
    );

  it('is input-out-of-range at the fact', () => {
    const e = withFact('[0, 10]').evaluate(appraisal({ inputs: { x: {} }, facts: { t: 11 } }));
    expect(e.status).toBe('invalid');
    expect(brief(e)).toEqual([['input-out-of-range', '/facts/t', '[0, 10]', 11]]);
    expect(e.diagnostics[0]?.message.en).toContain('of facts.t is outside');
  });

  it('inside it counts', () => {
    expect(withFact('[0, 10]').evaluate(appraisal({ inputs: { x: {} }, facts: { t: 10 } })).score).toBe(10);
  });

  it('a number the engine computed is compared exactly: 31/3 is above 10.33', () => {
    const rubric = (range: string) =>
      load(`
kinerja: 1
id: computed-range
version: 1.0.0
label: { id: Rentang nilai turunan, en: Range of a computed value }
groups:
  a:
    label: { id: A, en: A }
    indicators:
      x: { label: { id: X, en: X }, measure: { kind: value, input: x } }
      y: { label: { id: Y, en: Y }, measure: { kind: value, input: x } }
      z: { label: { id: Z, en: Z }, measure: { kind: value, input: x } }
  b:
    label: { id: B, en: B }
    indicators:
      dari-a:
        label: { id: Dari A, en: From A }
        measure: { kind: value, input: { fact: groups, path: $.a.score }, range: "${range}" }
score:
  weights: { a: 0.5, b: 0.5 }
predicate:
  levels:
    - { id: ada, label: { id: Ada, en: Present } }
    - { id: tidak-ada, label: { id: Tidak ada, en: Absent } }
  bands:
    - { id: ada, range: "(-inf, inf)" }
`);
    // a = (10 + 10 + 11) / 3 = 31/3 = 10.333…: outside (-inf, 10.33], inside (-inf, 10.34].
    const data = appraisal({ inputs: { x: { x: 10 }, y: { x: 10 }, z: { x: 11 }, 'dari-a': {} } });
    expect(
      rubric('(-inf, 10.33]')
        .evaluate(data)
        .diagnostics.map((d) => d.code),
    ).toEqual(['input-out-of-range']);
    expect(rubric('(-inf, 10.34]').evaluate(data).status).toBe('complete');
  });
});

describe('the range when the rubric loads', () => {
  const compile = (measure: string) => {
    const r = loadRubric(singleMeasureRubric(measure), { source: 'r.rubric.yaml' });
    // The test rubric declares a level no band gives; that warning is not what is tested here.
    return { ok: r.ok, diagnostics: r.diagnostics.filter((d) => d.code !== 'unproduced-level') };
  };

  it.each([
    ['0 to 100', 'form'],
    ['[100, 0]', 'reversed'],
    ['(5, 5]', 'empty'],
  ])('%s is invalid-range at the range, saying why', (range, problem) => {
    const r = compile(`{ kind: value, input: goal, range: "${range}" }`);
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.pointer, d.received])).toEqual([
      ['invalid-range', '/groups/g/indicators/x/measure/range', range],
    ]);
    expect(r.diagnostics[0]?.message.en).toContain(
      { form: 'separated by a comma', reversed: 'greater than', empty: 'holds no value' }[problem] as string,
    );
  });

  it('a value without range loads with no warning: most values need no bound', () => {
    const r = compile('{ kind: value, input: goal }');
    expect(r.ok).toBe(true);
    expect(r.diagnostics).toEqual([]);
  });

  it('range is only for value: a constant with a range is a schema error', () => {
    expect(compile('{ kind: constant, value: 5, range: "[0, 10]" }').ok).toBe(false);
  });
});
