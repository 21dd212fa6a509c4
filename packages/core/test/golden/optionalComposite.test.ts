/**
 * `optional: true` on a measure built from others (mean, sum, min, max, product, quotient): it drops out only
 * when every input anywhere inside it is absent; a half-filled one is a `missing-input` error naming the gap.
 * The coverage indicator below is kupang-dinkes's: (capaian ÷ sasaran × 10000) ÷ targetCakupan.
 */
import { describe, expect, it } from 'vitest';
import { appraisal, besideConstantRubric, codes } from './helpers.js';

const rubric = (measure: string) => besideConstantRubric('komposit-opsional', measure);

const coverage = rubric(
  `{ kind: quotient, optional: true, of: [{ kind: ratio, target: sasaran, realisation: capaian, scale: 10000 }, { kind: value, input: targetCakupan }] }`,
);
const scored = (r: ReturnType<typeof rubric>, x?: Record<string, unknown>) =>
  r.evaluate(appraisal(x ? { inputs: { x } } : {}));

describe('an optional composite measure', () => {
  it('drops out when every input inside it is absent: the group is y alone', () => {
    const e = scored(coverage);
    expect(e.status).toBe('complete');
    expect(e.groups.g?.indicators?.x?.status).toBe('dropped');
    expect(e.score).toBe(80);
  });

  it('scores when every input is there: 900 of 1000 against a 90% goal is 100', () => {
    // 900 ÷ 1000 × 10000 = 9000; 9000 ÷ 90 = 100; mean with y: (100 + 80) ÷ 2 = 90.
    const e = scored(coverage, { sasaran: 1000, capaian: 900, targetCakupan: 90 });
    expect(e.groups.g?.indicators?.x?.score).toBe(100);
    expect(e.score).toBe(90);
  });

  it('is a missing-input error when half filled, never silently dropped', () => {
    const e = scored(coverage, { sasaran: 1000, capaian: 900 });
    expect(e.status).toBe('invalid');
    expect(codes(e)).toContain('missing-input');
    expect(e.diagnostics.find((d) => d.code === 'missing-input')?.pointer).toBe('/inputs/x/targetCakupan');
    expect(e.groups.g?.indicators?.x?.status).not.toBe('dropped');
  });

  it('a product with a constant drops as a whole, not to the constant alone', () => {
    const r = rubric(
      '{ kind: product, optional: true, of: [{ kind: ratio, target: t, realisation: r }, { kind: constant, value: 2 }] }',
    );
    expect(scored(r).groups.g?.indicators?.x?.status).toBe('dropped');
    // 45 ÷ 50 × 100 = 90; × 2 = 180.
    expect(scored(r, { t: 50, r: 45 }).groups.g?.indicators?.x?.score).toBe(180);
  });

  it('of constants only, reads nothing that could be absent and is always scored', () => {
    const r = rubric(
      '{ kind: mean, optional: true, of: [{ kind: constant, value: 60 }, { kind: constant, value: 70 }] }',
    );
    expect(scored(r).groups.g?.indicators?.x?.score).toBe(65);
  });

  it('with a raters measure inside, counts ratings as inputs: rated → scored, unrated and empty → dropped', () => {
    const r = rubric(
      '{ kind: mean, optional: true, of: [{ kind: raters, roles: { peer: { weight: 1, min: 1 } } }, { kind: value, input: bonus }] }',
    );
    expect(scored(r).groups.g?.indicators?.x?.status).toBe('dropped');
    const rated = r.evaluate(
      appraisal({
        inputs: { x: { bonus: 3 } },
        ratings: [{ rater: 'p1', role: 'peer', indicator: 'x', value: 5 }],
      }),
    );
    expect(rated.groups.g?.indicators?.x?.score).toBe(4);
  });
});
