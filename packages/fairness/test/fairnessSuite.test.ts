import { describe, expect, it } from 'vitest';
import { formatLawResult } from '../src/index.js';
import { fairnessSuite } from '../src/vitest/index.js';
import { DEMO_PATH, SEED } from './helpers/load.js';

// The one line a pack's test file writes: one test for loading, then one per law.
fairnessSuite(DEMO_PATH, { seed: SEED, numRuns: 30 });

describe('formatLawResult', () => {
  it('prints a passing law on one line', () => {
    expect(formatLawResult({ law: 'bounds', ok: true, runs: 100, seed: 7 })).toBe(
      '✓ bounds (100 runs, seed 7)',
    );
  });

  it('prints a law that ran no case as skipped, with the reason, not as passed', () => {
    expect(
      formatLawResult({
        law: 'protectedAttributes',
        ok: true,
        skipped: true,
        runs: 0,
        seed: 7,
        message: 'none',
      }),
    ).toBe('– protectedAttributes skipped (0 runs): none');
    expect(formatLawResult({ law: 'bounds', ok: true, runs: 0, seed: 7 })).toBe(
      '– bounds skipped (0 runs): nothing to check',
    );
  });

  it('prints what broke, how to replay it and the counterexample', () => {
    const text = formatLawResult({
      law: 'monotonicity',
      ok: false,
      runs: 3,
      seed: 42,
      path: '2:0',
      message: 'group hasil score fell',
      counterexample: { appraisal: { employee: { nip: '198501012010011001' } } },
    });
    expect(text.split('\n').slice(0, 3)).toEqual([
      '✗ monotonicity (3 runs, seed 42)',
      'group hasil score fell',
      "replay: { seed: 42, path: '2:0' }",
    ]);
    expect(text).toContain('"nip": "198501012010011001"');
  });
});
