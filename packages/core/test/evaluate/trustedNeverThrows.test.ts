/**
 * `evaluate(a, { trusted: true })` skips the schema, not the promise in CompiledRubric.evaluate's contract: bad
 * data comes back as diagnostics, never as a TypeError.
 */
import { describe, expect, it } from 'vitest';
import { appraisal, constantRubric } from '../golden/helpers.js';

const rubric = constantRubric('dipercaya');

describe('a trusted appraisal with parts missing', () => {
  it.each(['employee', 'period'])('without %s: schema-required at the root, no exception', (part) => {
    const a: Record<string, unknown> = appraisal();
    delete a[part];
    const e = rubric.evaluate(a, { trusted: true });
    expect(e.status).toBe('invalid');
    expect(e.diagnostics.map((d) => [d.code, d.pointer, d.expected])).toContainEqual([
      'schema-required',
      '',
      part,
    ]);
  });

  it.each([
    ['employee', null],
    ['period', null],
  ])('with %s null: diagnostics, no exception', (part, value) => {
    const e = rubric.evaluate({ ...appraisal(), [part]: value }, { trusted: true });
    expect(e.status).toBe('invalid');
    expect(e.diagnostics.length).toBeGreaterThan(0);
  });

  it.each([null, undefined, 42, 'appraisal'])('%j as the appraisal: the schema diagnostic', (input) => {
    const e = rubric.evaluate(input, { trusted: true });
    expect(e.status).toBe('invalid');
    expect(e.diagnostics).toEqual(rubric.evaluate(input).diagnostics);
  });

  it('a whole trusted appraisal gives what an untrusted one gives', () => {
    expect(rubric.evaluate(appraisal(), { trusted: true })).toEqual(rubric.evaluate(appraisal()));
  });
});
