import { readFileSync } from 'node:fs';
import { loadRubricOrThrow } from '@kinerja/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryAppraisal } from '../src/index.js';

const demo = loadRubricOrThrow(
  readFileSync(new URL('../../../examples/data/demo-pp46.rubric.yaml', import.meta.url), 'utf8'),
);

describe('arbitraryAppraisal', () => {
  it('generates appraisals the demo rubric evaluates to a complete verdict', () => {
    fc.assert(
      fc.property(arbitraryAppraisal(demo), (a) => {
        const e = demo.evaluate(a);
        expect(e.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(e.status).toBe('complete');
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});
