/** The readable explanation: worded in the reader's language, and whole for a full evaluation only. */
import { describe, expect, it } from 'vitest';
import { explainEvaluation } from '../../src/index.js';
import { appraisal, load } from '../golden/helpers.js';

const rubric = load(`
kinerja: 1
id: explain-test
version: 1.0.0
label: { id: Uji penjelasan, en: Explanation test }
groups:
  nilai:
    label: { id: Nilai, en: Score }
    indicators:
      nilai: { label: { id: Nilai, en: Score }, measure: { kind: value, input: x } }
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
  coaching:
    label: { id: Pembinaan, en: Coaching }
    kind: coaching
    when: { fact: predicate, operator: equal, value: kurang }
    event: { type: pembinaan }
`);

describe('explainEvaluation', () => {
  const input = appraisal({ inputs: { nilai: { x: 60 } } });

  it('names the period kind in the reader’s language', () => {
    const e = rubric.evaluate(input);
    expect(explainEvaluation(e, 'id')).toContain('Periode: tahunan 2023-01-01 – 2023-12-31');
    expect(explainEvaluation(e, 'en')).toContain('Period: annual 2023-01-01 – 2023-12-31');
  });

  it('shows why an outcome follows when the evaluation has its conditions, and only its verdict without', () => {
    const full = explainEvaluation(rubric.evaluate(input), 'en');
    expect(full).toContain('Coaching: yes');
    expect(full).toMatch(/✓ predicate equal "kurang"/);
    const quick = explainEvaluation(rubric.evaluate(input, { scoreOnly: true }), 'en');
    expect(quick).toContain('Coaching: yes');
    expect(quick).not.toContain('predicate equal');
  });
});
