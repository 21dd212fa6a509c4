/**
 * `one-of`: alternative field sets for one measure (PP 30/2019's normal, range and "kondisi khusus" targets).
 * Exactly one may be given; two is `ambiguous-input`, none is `missing-alternative` (or a drop when optional).
 * Every value below is worked by hand from the formulas in docs/rubric-format.md.
 */
import { describe, expect, it } from 'vitest';
import { loadRubric } from '../../src/index.js';
import { appraisal, besideConstantRubric, codes, singleMeasureRubric } from './helpers.js';

const normalOrKhusus = `{ kind: one-of, clamp: { min: 0, max: 120 }, of: [
  { kind: ratio, target: target, realisation: realisation },
  { kind: inverse-ratio, target: khususTarget, realisation: khususRealisation } ] }`;

// Flow YAML written over several lines here, put on one line under `measure:`.
const oneLine = (measure: string) => measure.replace(/\s*\n\s*/g, ' ');

const withSecond = (measure: string) => besideConstantRubric('satu-dari', oneLine(measure));

const scored = (measure: string, x?: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  withSecond(measure).evaluate(appraisal({ ...(x ? { inputs: { x } } : {}), ...extra }));

describe('a one-of measure', () => {
  it('scores the one alternative given, after its own clamp, and says which in the trace', () => {
    // Normal: 45 ÷ 50 × 100 = 90; mean with y: (90 + 80) ÷ 2 = 85.
    const normal = scored(normalOrKhusus, { target: 50, realisation: 45 });
    expect(normal.status).toBe('complete');
    expect(normal.groups.g?.indicators?.x?.score).toBe(90);
    expect(normal.score).toBe(85);
    expect(normal.groups.g?.indicators?.x?.measure).toMatchObject({
      kind: 'one-of',
      branch: 'of/0',
      value: 90,
    });
    // Kondisi khusus: (2 − 2 ÷ 10) × 100 = 180, capped at 120; (120 + 80) ÷ 2 = 100.
    const khusus = scored(normalOrKhusus, { khususTarget: 10, khususRealisation: 2 });
    expect(khusus.groups.g?.indicators?.x?.score).toBe(120);
    expect(khusus.groups.g?.indicators?.x?.measure).toMatchObject({
      branch: 'of/1',
      clamped: 'max',
      unrounded: 180,
    });
    expect(khusus.score).toBe(100);
  });

  it('refuses two alternatives given, naming the fields of each, rather than pick one', () => {
    const e = scored(normalOrKhusus, {
      target: 100,
      realisation: 90,
      khususTarget: 10,
      khususRealisation: 8,
    });
    expect(e.status).toBe('invalid');
    expect(codes(e)).toEqual(['ambiguous-input']);
    const d = e.diagnostics[0];
    expect(d?.pointer).toBe('/inputs/x');
    expect(d?.received).toBe('target + realisation | khususTarget + khususRealisation');
    expect(d?.expected).toBe('target + realisation | khususTarget + khususRealisation');
    expect(d?.message.en).toContain('give exactly one of');
    expect(d?.message.id).toContain('isi tepat satu dari');
    expect(e.score).toBeUndefined();
  });

  it('counts a partly given alternative as given: fields of two sets mixed are ambiguous too', () => {
    const e = scored(normalOrKhusus, { target: 100, khususRealisation: 8 });
    expect(codes(e)).toEqual(['ambiguous-input']);
    expect(e.diagnostics[0]?.received).toBe('target | khususRealisation');
  });

  it('reads a null field as not given', () => {
    const e = scored(normalOrKhusus, { target: 50, realisation: 45, khususTarget: null });
    expect(e.status).toBe('complete');
    expect(e.groups.g?.indicators?.x?.score).toBe(90);
  });

  it('is missing-alternative when none is given and it is required', () => {
    const e = scored(normalOrKhusus, {});
    expect(e.status).toBe('invalid');
    expect(codes(e)).toEqual(['missing-alternative']);
    expect(e.diagnostics[0]).toMatchObject({
      pointer: '/inputs/x',
      expected: 'target + realisation | khususTarget + khususRealisation',
    });
    // No record at all for the indicator: the same, at the same place.
    expect(codes(scored(normalOrKhusus))).toEqual(['missing-alternative']);
  });

  it('drops out when none is given and it is optional: the group is y alone', () => {
    const optional = normalOrKhusus.replace('kind: one-of,', 'kind: one-of, optional: true,');
    const e = scored(optional);
    expect(e.status).toBe('complete');
    expect(e.groups.g?.indicators?.x?.status).toBe('dropped');
    expect(e.score).toBe(80);
    // Optional is about none given: two given is still an error.
    expect(codes(scored(optional, { target: 1, khususTarget: 1 }))).toEqual(['ambiguous-input']);
  });

  it('requires every input of the alternative given: half filled is missing-input naming the field', () => {
    const e = scored(normalOrKhusus, { khususTarget: 10 });
    expect(e.status).toBe('invalid');
    expect(codes(e)).toEqual(['missing-input']);
    expect(e.diagnostics[0]?.pointer).toBe('/inputs/x/khususRealisation');
  });

  it('with a raters alternative, counts ratings as giving it', () => {
    const measure = `{ kind: one-of, of: [
      { kind: value, input: nilai },
      { kind: raters, roles: { peer: { weight: 1, min: 1 } } } ] }`;
    expect(scored(measure, { nilai: 70 }).groups.g?.indicators?.x?.score).toBe(70);
    const rated = scored(measure, undefined, {
      ratings: [
        { rater: 'p1', role: 'peer', indicator: 'x', value: 3 },
        { rater: 'p2', role: 'peer', indicator: 'x', value: 4 },
      ],
    });
    expect(rated.groups.g?.indicators?.x?.score).toBe(3.5);
    expect(rated.groups.g?.indicators?.x?.measure?.branch).toBe('of/1');
    const both = scored(
      measure,
      { nilai: 70 },
      { ratings: [{ rater: 'p1', role: 'peer', indicator: 'x', value: 3 }] },
    );
    expect(codes(both)).toEqual(['ambiguous-input']);
    expect(both.diagnostics[0]?.received).toBe('nilai | ratings');
  });

  it('counts ratings as giving an alternative whose raters sit in a nested one-of', () => {
    // Alternative 0 is itself a one-of of a number and ratings; ratings alone give it (mean of 3 and 4 = 3.5).
    const measure = `{ kind: one-of, of: [
      { kind: one-of, of: [
        { kind: value, input: nilai },
        { kind: raters, roles: { peer: { weight: 1, min: 1 } } } ] },
      { kind: value, input: lain } ] }`;
    const rated = scored(measure, undefined, {
      ratings: [
        { rater: 'p1', role: 'peer', indicator: 'x', value: 3 },
        { rater: 'p2', role: 'peer', indicator: 'x', value: 4 },
      ],
    });
    expect(codes(rated)).toEqual([]);
    expect(rated.groups.g?.indicators?.x?.score).toBe(3.5);
    expect(rated.groups.g?.indicators?.x?.measure?.branch).toBe('of/0');
    const both = scored(
      measure,
      { lain: 60 },
      { ratings: [{ rater: 'p1', role: 'peer', indicator: 'x', value: 3 }] },
    );
    expect(codes(both)).toEqual(['ambiguous-input']);
    expect(both.diagnostics[0]?.received).toBe('ratings | lain');
  });

  it('nests: a range alternative built from two ratios, one of them capped', () => {
    // PP 30/2019's normal range target: max(R ÷ max, min(R ÷ min, 100)). 70 against 80–90: max(77.78, 87.5) = 87.5.
    const measure = `{ kind: one-of, of: [
      { kind: ratio, target: target, realisation: realisation },
      { kind: max, of: [
        { kind: ratio, target: targetMax, realisation: realisationRange },
        { kind: ratio, target: targetMin, realisation: realisationRange, clamp: { max: 100 } } ] } ] }`;
    expect(
      scored(measure, { targetMin: 80, targetMax: 90, realisationRange: 70 }).groups.g?.indicators?.x?.score,
    ).toBe(87.5);
    const half = scored(measure, { targetMin: 80, realisationRange: 70 });
    expect(codes(half)).toEqual(['missing-input']);
    expect(half.diagnostics[0]?.pointer).toBe('/inputs/x/targetMax');
  });

  it('gives the same verdict without the explanation', () => {
    const r = withSecond(normalOrKhusus);
    for (const x of [
      { target: 50, realisation: 45 },
      { khususTarget: 10, khususRealisation: 2 },
      {},
      { target: 1, khususTarget: 1 },
    ]) {
      const full = r.evaluate(appraisal({ inputs: { x } }));
      const quick = r.evaluate(appraisal({ inputs: { x } }), { scoreOnly: true });
      expect([quick.status, quick.score, codes(quick)]).toEqual([full.status, full.score, codes(full)]);
    }
  });
});

describe('a one-of the rubric cannot decide is refused when it loads', () => {
  const refused = (measure: string) => {
    const r = loadRubric(singleMeasureRubric(oneLine(measure)));
    expect(r.ok).toBe(false);
    return r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.pointer]);
  };

  it('an alternative that reads no field of the record', () => {
    expect(
      refused(`{ kind: one-of, of: [{ kind: value, input: a }, { kind: constant, value: 100 }] }`),
    ).toEqual([['invalid-structure', '/groups/g/indicators/x/measure/of/1']]);
  });

  it('two alternatives reading the same field', () => {
    expect(
      refused(`{ kind: one-of, of: [
        { kind: ratio, target: target, realisation: realisation },
        { kind: inverse-ratio, target: target, realisation: khususRealisation } ] }`),
    ).toEqual([['invalid-structure', '/groups/g/indicators/x/measure/of/1']]);
  });

  it('fewer than two alternatives', () => {
    const r = loadRubric(singleMeasureRubric(`{ kind: one-of, of: [{ kind: value, input: a }] }`));
    expect(r.ok).toBe(false);
  });
});
