import { fileURLToPath } from 'node:url';
import { loadRubricFile } from '@kinerja/core/node';
import { describe, expect, it } from 'vitest';
import { type CheckLawsOptions, checkLaws } from '../laws/checkLaws.js';
import { formatLawResult } from '../laws/formatLawResult.js';
import type { LawName } from '../laws/LawResult.js';
import { laws } from '../laws/laws.js';

/**
 * Registers the fairness laws for one rubric file as vitest tests: `describe('fairness laws …')` with one `it`
 * per law. A failing law fails its test with the shrunk counterexample and the seed (and path) to replay it.
 * A law that had nothing to check (ran 0 cases) is reported as skipped, with the reason. Give a fixed `seed` in
 * CI so a red build replays identically on a laptop.
 *
 * @example
 * // rubrics/pp-46-2011/test/fairness.test.ts
 * fairnessSuite(new URL('../pp-46-2011.rubric.yaml', import.meta.url), { seed: 2011 });
 */
export function fairnessSuite(rubricPath: string | URL, options: CheckLawsOptions = {}): void {
  const path = typeof rubricPath === 'string' ? rubricPath : fileURLToPath(rubricPath);
  describe(`fairness laws ${path.split('/').slice(-2).join('/')}`, () => {
    const loaded = loadRubricFile(path);
    it('the rubric loads', () => {
      expect(loaded.ok ? [] : loaded.diagnostics.map((d) => `${d.code} ${d.pointer}`)).toEqual([]);
    });
    const names = (Object.keys(laws) as LawName[]).filter((n) => !options.only || options.only.includes(n));
    for (const name of names) {
      it(name, (context) => {
        if (!loaded.ok) throw new Error('the rubric does not load');
        const [result] = checkLaws(loaded.value, { ...options, only: [name] });
        if (result && !result.ok) throw new Error(formatLawResult(result));
        // A law that ran no case proved nothing: the report shows it skipped, with the reason, not passed.
        if (result && (result.skipped || result.runs === 0)) context.skip(formatLawResult(result));
      });
    }
  });
}
