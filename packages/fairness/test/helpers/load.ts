import { readFileSync } from 'node:fs';
import { type CompiledRubric, loadRubric } from '@kinerja/core';

/** The demo PP 46/2011 rubric every law must pass. */
export const DEMO_PATH = new URL('../../../../examples/data/demo-pp46.rubric.yaml', import.meta.url);
/** A rubric with every measure kind, raters, a supervisor-rated group, a matrix and facts of every type. */
export const RICH_PATH = new URL('../fixtures/rich.rubric.yaml', import.meta.url);

/** Loads YAML or throws with the diagnostics, so a broken fixture shows as such and not as a law failure. */
export function mustLoad(yaml: string): CompiledRubric {
  const r = loadRubric(yaml, { source: 'inline.rubric.yaml' });
  if (!r.ok)
    throw new Error(`fixture did not load: ${JSON.stringify(r.diagnostics.map((d) => [d.code, d.pointer]))}`);
  return r.value;
}

/** Loads a rubric file. */
export const load = (url: URL): CompiledRubric => mustLoad(readFileSync(url, 'utf8'));

/** The demo rubric, compiled. */
export const demo = (): CompiledRubric => load(DEMO_PATH);

/** Fixed seed: every run of the suite is the same run. */
export const SEED = 20240611;
