/** Law: with clamp {min: 0, max: 120} on every measure, no indicator or group score leaves [0, 120]. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { appraisalWith, indicatorSpecs, inputsOf, mustLoad, RUNS, rubricObject } from './arbitraries.js';

describe('bounds', () => {
  it('every indicator and group score stays within [0, 120]', () => {
    let clampedLow = 0;
    let clampedHigh = 0;
    fc.assert(
      fc.property(indicatorSpecs, (specs) => {
        const rubric = mustLoad(stringify(rubricObject(specs, { clamp: { min: 0, max: 120 } })));
        const e = rubric.evaluate(appraisalWith({ inputs: inputsOf(specs) }));
        expect(e.status, JSON.stringify(e.diagnostics.map((d) => d.code))).toBe('complete');
        const group = e.groups.x;
        for (const [id, ind] of Object.entries(group?.indicators ?? {})) {
          expect(ind.score, id).toBeGreaterThanOrEqual(0);
          expect(ind.score, id).toBeLessThanOrEqual(120);
          if (ind.measure?.clamped === 'min') clampedLow++;
          if (ind.measure?.clamped === 'max') clampedHigh++;
        }
        expect(group?.score).toBeGreaterThanOrEqual(0);
        expect(group?.score).toBeLessThanOrEqual(120);
        expect(e.score).toBe(group?.score);
      }),
      RUNS,
    );
    // Both caps were exercised, so the law was tested where it matters.
    expect(clampedLow).toBeGreaterThan(0);
    expect(clampedHigh).toBeGreaterThan(0);
  });
});
