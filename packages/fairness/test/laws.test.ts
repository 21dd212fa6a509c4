import { describe, expect, it } from 'vitest';
import { formatLawResult, type LawName, laws } from '../src/index.js';
import { demo, load, RICH_PATH, SEED } from './helpers/load.js';

describe('the demo PP 46/2011 rubric passes every law', () => {
  const compiled = demo();
  for (const name of Object.keys(laws) as LawName[]) {
    it(name, () => {
      const result = laws[name](compiled, { seed: SEED });
      expect(result.ok, formatLawResult(result)).toBe(true);
      expect(result.seed).toBe(SEED);
      // A law that checked nothing would pass vacuously; every law has something to check on this rubric.
      expect(result.runs).toBeGreaterThan(0);
    });
  }

  it('reachability names a witness appraisal for every predicate level and outcome', () => {
    const r = laws.reachability(compiled, { seed: SEED });
    expect(Object.keys(r.witnesses ?? {}).sort()).toEqual([
      'outcome:coaching',
      'predicate:baik',
      'predicate:buruk',
      'predicate:cukup',
      'predicate:kurang',
      'predicate:sangat-baik',
    ]);
    for (const [goal, a] of Object.entries(r.witnesses ?? {})) {
      const e = compiled.evaluate(a);
      const [kind, id] = goal.split(':');
      if (kind === 'predicate') expect(e.predicate?.id).toBe(id);
      else expect(e.outcomes[id as string]?.met).toBe(true);
    }
  });
});

describe('a rubric with every measure kind, raters and a rating matrix passes every law', () => {
  const compiled = load(RICH_PATH);
  for (const name of Object.keys(laws) as LawName[]) {
    it(name, () => {
      const result = laws[name](compiled, { seed: SEED });
      expect(result.ok, formatLawResult(result)).toBe(true);
    });
  }
});
