/**
 * `missing-fact` points at what the user must fill in: the appraisal field a rule needed (with the span of the
 * nearest part the text has), naming the rule in its message; and it is not said again for a value an earlier error
 * already left undetermined.
 */
import { describe, expect, it } from 'vitest';
import { evaluateText } from '../../src/index.js';
import { appraisal, load } from '../golden/helpers.js';

const rubric = load(`
kinerja: 1
id: missing-fact-place
version: 1.0.0
label: { id: Uji, en: Test }
facts:
  mentor: { type: boolean, required: false }
ratings:
  - { id: baik, label: { id: Baik, en: Good } }
  - { id: kurang, label: { id: Kurang, en: Poor } }
groups:
  perilaku:
    label: { id: Perilaku, en: Behaviour }
    indicators:
      disiplin: { label: { id: Disiplin, en: Discipline }, measure: { kind: value, input: score } }
      kepemimpinan:
        label: { id: Kepemimpinan, en: Leadership }
        appliesWhen: { fact: employee, path: $.positionType, operator: equal, value: struktural }
        measure: { kind: value, input: score }
  skp:
    label: { id: SKP, en: Work targets }
    items:
      measure: { kind: ratio, target: target, realisation: realisation }
  hasil:
    label: { id: Hasil, en: Results }
    indicators:
      inovasi: { label: { id: Inovasi, en: Innovation }, measure: { kind: value, input: score } }
    rating:
      from: score
      rules:
        - id: baik
          when: { all: [{ fact: groups, path: $.skp.score, operator: greaterThanInclusive, value: 76 }] }
      otherwise: kurang
score:
  weights: { perilaku: 0.5, skp: 0.5 }
predicate:
  levels:
    - { id: ada, label: { id: Ada, en: Present } }
    - { id: lain, label: { id: Lain, en: Other } }
  bands:
    - { id: ada, range: "(-inf, inf)" }
outcomes:
  mentoring:
    label: { id: Pembimbingan, en: Mentoring }
    kind: other
    when: { fact: facts, path: $.mentor, operator: equal, value: true }
    event: { type: mentoring }
`);

const data = (extra: Record<string, unknown> = {}, employee: Record<string, unknown> = {}) =>
  appraisal(
    {
      inputs: { disiplin: { score: 80 }, kepemimpinan: { score: 80 }, inovasi: { score: 80 } },
      targets: { skp: [{ id: 't1', target: 10, realisation: 9 }] },
      facts: { mentor: false },
      ...extra,
    },
    { positionType: 'struktural', ...employee },
  );

/** Line of the first line of `text` that holds `needle`, 1-based. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('missing-fact', () => {
  it('points at the employee field a rule needed, spans the employee object, and names the rule', () => {
    const a = data();
    delete (a.employee as Record<string, unknown>).positionType;
    const text = JSON.stringify(a, null, 1);
    const e = evaluateText(rubric, text, { source: 'a.json' });
    expect(e.diagnostics).toHaveLength(1);
    const d = e.diagnostics[0];
    expect(d).toMatchObject({
      code: 'missing-fact',
      pointer: '/employee/positionType',
      expected: 'employee.positionType',
      source: 'a.json',
      span: { start: { line: lineOf(text, '"employee"') } },
    });
    expect(d?.message.en).toBe(
      'Fact "employee.positionType" has no value, but the rubric\'s rule at /groups/perilaku/indicators/kepemimpinan/appliesWhen reads it; that rule cannot be decided.',
    );
    expect(d?.message.id).toContain('aturan rubrik di /groups/perilaku/indicators/kepemimpinan/appliesWhen');
  });

  it('points at /facts/<name> for a declared fact, on the facts object when the appraisal has one', () => {
    const text = JSON.stringify(data({ facts: {} }), null, 1);
    const e = evaluateText(rubric, text);
    expect(e.diagnostics).toMatchObject([
      { code: 'missing-fact', pointer: '/facts/mentor', span: { start: { line: lineOf(text, '"facts"') } } },
    ]);
    expect(e.diagnostics[0]?.message.en).toContain('rule at /outcomes/mentoring/when');
  });

  it('is not said again for a group score an earlier error left undetermined', () => {
    const e = evaluateText(
      rubric,
      JSON.stringify(data({ targets: { skp: [{ id: 't1', target: 0, realisation: 9 }] } })),
    );
    expect(e.status).toBe('invalid');
    expect(e.diagnostics.map((d) => `${d.code} ${d.pointer}`)).toEqual([
      'division-by-zero /targets/skp/0/target',
    ]);
  });

  it('is not said again for a fact whose given value was refused', () => {
    const e = evaluateText(rubric, JSON.stringify(data({ facts: { mentor: 'ya' } })));
    expect(e.diagnostics.map((d) => `${d.code} ${d.pointer}`)).toEqual(['invalid-input /facts/mentor']);
  });
});
