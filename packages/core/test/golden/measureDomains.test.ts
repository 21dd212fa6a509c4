import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../src/index.js';
import { appraisal, load, measureOnce, singleMeasureRubric } from './helpers.js';

const brief = (e: Evaluation) => e.diagnostics.map((d) => [d.code, d.pointer, d.expected, d.received]);

describe('achievement measures take a target > 0 and a realisation ≥ 0', () => {
  it.each([
    ['ratio', '{ kind: ratio, target: target, realisation: realisation }'],
    ['inverse-ratio', '{ kind: inverse-ratio, target: target, realisation: realisation }'],
    ['efficiency', '{ kind: efficiency, target: target, realisation: realisation }'],
  ])('%s: a negative target is invalid-input at the target, never a negative score', (_kind, measure) => {
    const e = measureOnce(measure, { target: -10, realisation: 10 });
    expect(e.status).toBe('invalid');
    expect(brief(e)).toEqual([['invalid-input', '/inputs/x/target', 'number > 0', -10]]);
    expect(e.diagnostics[0]?.message.id).toContain('diharapkan "angka > 0"');
  });

  it.each([
    ['ratio', '{ kind: ratio, target: target, realisation: realisation }'],
    ['efficiency', '{ kind: efficiency, target: target, realisation: realisation }'],
  ])('%s: a negative realisation is invalid-input at the realisation', (_kind, measure) => {
    const e = measureOnce(measure, { target: 12, realisation: -3 });
    expect(brief(e)).toEqual([['invalid-input', '/inputs/x/realisation', 'number ≥ 0', -3]]);
  });

  it('both negative: both reported at once', () => {
    const e = measureOnce('{ kind: ratio, target: t, realisation: r }', { t: -1, r: -2 });
    expect(brief(e).map((d) => d[1])).toEqual(['/inputs/x/t', '/inputs/x/r']);
  });

  it('zero stays as it was: a zero realisation scores 0, a zero target is division-by-zero or drops', () => {
    expect(measureOnce('{ kind: ratio, target: t, realisation: r }', { t: 10, r: 0 }).score).toBe(0);
    expect(measureOnce('{ kind: ratio, target: t, realisation: r }', { t: 10, r: -0 }).score).toBe(0);
    expect(
      measureOnce('{ kind: ratio, target: t, realisation: r }', { t: 0, r: 5 }).diagnostics.map(
        (d) => d.code,
      ),
    ).toEqual(['division-by-zero']);
  });

  it('a negative number the engine computed is refused too (a ratio over a value read from a fact)', () => {
    const r = load(
      singleMeasureRubric('{ kind: ratio, target: { fact: facts, path: $.t }, realisation: r }').replace(
        'groups:',
        'facts:\n  t: { type: number }\ngroups:',
      ),
    );
    const e = r.evaluate(appraisal({ inputs: { x: { r: 5 } }, facts: { t: -5 } }));
    expect(brief(e)).toEqual([['invalid-input', '/facts/t', 'number > 0', -5]]);
  });
});

describe('ordered: a range whose lower bound is above its upper bound', () => {
  // PP 30/2019's range target: max(R/max, min(R/min, 100)).
  const range =
    '{ kind: max, ordered: [targetMin, targetMax], of: [ { kind: ratio, target: targetMax, realisation: r }, { kind: ratio, target: targetMin, realisation: r, clamp: { max: 100 } } ] }';

  it('is invalid-input at the upper bound, naming the lower one', () => {
    const e = measureOnce(range, { targetMin: 90, targetMax: 80, r: 85 });
    expect(e.status).toBe('invalid');
    expect(brief(e)).toEqual([['invalid-input', '/inputs/x/targetMax', 'number ≥ targetMin (90)', 80]]);
    expect(e.diagnostics[0]?.message.id).toContain('diharapkan "angka ≥ targetMin (90)"');
  });

  it('equal bounds and a proper range still score', () => {
    expect(measureOnce(range, { targetMin: 80, targetMax: 80, r: 80 }).score).toBe(100);
    expect(measureOnce(range, { targetMin: 80, targetMax: 90, r: 85 }).score).toBe(100);
  });

  it('a field left out is left to the part that reads it (missing-input), not compared', () => {
    const e = measureOnce(range, { targetMax: 80, r: 85 });
    expect(e.diagnostics.map((d) => [d.code, d.pointer])).toEqual([['missing-input', '/inputs/x/targetMin']]);
  });
});
