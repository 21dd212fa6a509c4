import { describe, expect, it } from 'vitest';
import { formatLawResult, monotonicity } from '../../src/index.js';
import { mustLoad, SEED } from '../helpers/load.js';
import { GOOD_FROM_80, oneIndicator, ratio } from '../helpers/rubricYaml.js';

describe('formatLawResult in Bahasa Indonesia', () => {
  const upsideDown = `    - { id: kurang, range: "[80, inf)" }
    - { id: baik, range: "(-inf, 80)" }`;

  it("writes a broken law's name, message, replay and counterexample label in Indonesian", () => {
    const r = monotonicity(mustLoad(oneIndicator(ratio(), upsideDown)), { seed: SEED });
    expect(r.ok).toBe(false);
    // The English message is unchanged, and the pair carries the same finding in both languages.
    expect(r.text?.en).toBe(r.message);
    expect(r.text?.id).toMatch(/predikat memburuk dari baik ke kurang/);
    const id = formatLawResult(r, { lang: 'id' });
    expect(id.split('\n').slice(0, 2)).toEqual([
      `✗ monotonisitas (${r.runs} kasus, benih acak ${SEED})`,
      r.text?.id,
    ]);
    expect(id).toContain(`\nulangi: { seed: ${SEED}, path: '${r.path}' }\ncontoh pelanggaran:\n{`);
    expect(formatLawResult(r, { lang: 'id', replay: 'kinerja check x.rubric.yaml' })).toContain(
      '\nulangi: kinerja check x.rubric.yaml\n',
    );
    expect(formatLawResult(r)).toMatch(/^✗ monotonicity \(\d+ runs, seed \d+\)\n.*predicate worsened/);
  });

  it('writes a skipped law in Indonesian, with its reason', () => {
    const none = oneIndicator(
      '        direction: none\n        measure: { kind: value, input: score }',
      GOOD_FROM_80,
    );
    const r = monotonicity(mustLoad(none), { seed: SEED });
    expect(formatLawResult(r, { lang: 'id' })).toBe(
      '– monotonisitas dilewati (0 kasus): tidak ada masukan berarah untuk diperiksa',
    );
    expect(formatLawResult(r)).toBe('– monotonicity skipped (0 runs): no input with a direction to check');
  });
});
