import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { explainEvaluation, loadRubric } from '@kinerja/core';
import { fileResolver } from '@kinerja/core/node';
import { describe, expect, it } from 'vitest';
import { checkCase } from './checkCase.js';
import { loadCaseFile } from './loadCaseFile.js';
import { withoutExplanation } from './withoutExplanation.js';

/**
 * Registers one vitest test per golden case of a `*.cases.yaml` file. The rubric must load cleanly; each case's
 * evaluation must meet its expectation, and a failure prints the mismatches and the full explanation. Each case
 * is also evaluated with `scoreOnly`, which must give the same result without the explanation, byte for byte.
 *
 * @example
 * describeRubricCases(new URL('../pp-46-2011.cases.yaml', import.meta.url));
 */
export function describeRubricCases(casesFile: string | URL): void {
  const path = typeof casesFile === 'string' ? casesFile : fileURLToPath(casesFile);
  const file = loadCaseFile(path);
  describe(`golden cases ${path.split('/').slice(-2).join('/')}`, () => {
    const loaded = loadRubric(readFileSync(file.rubric, 'utf8'), {
      source: file.rubric,
      resolve: fileResolver(),
    });
    it('the rubric loads without diagnostics', () => {
      expect(loaded.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
      expect(loaded.ok).toBe(true);
    });
    for (const c of file.cases) {
      it(c.name, () => {
        if (!loaded.ok) throw new Error('the rubric does not load');
        const e = loaded.value.evaluate(c.appraisal, { source: c.name });
        const mismatches = checkCase(e, c.expect);
        if (mismatches.length > 0) {
          throw new Error(`${mismatches.join('\n')}\n\n${explainEvaluation(e, 'en')}`);
        }
        const quick = loaded.value.evaluate(c.appraisal, { source: c.name, scoreOnly: true });
        expect(JSON.stringify(quick), 'scoreOnly must match the full evaluation').toBe(
          JSON.stringify(withoutExplanation(e)),
        );
      });
    }
  });
}
