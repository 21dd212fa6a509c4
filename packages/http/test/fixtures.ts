import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompiledRubric } from '@kinerja/core';
import { loadRubricFile } from '@kinerja/core/node';

export const repo = join(dirname(fileURLToPath(import.meta.url)), '../../..');

export function load(path: string): CompiledRubric {
  const r = loadRubricFile(path, { cwd: repo });
  if (!r.ok) throw new Error(`${path}: ${r.diagnostics.map((d) => d.code).join(', ')}`);
  return r.value;
}

/** The demo rubric of examples/data (id demo-pp46). */
export const demo = load('examples/data/demo-pp46.rubric.yaml');
/** The PP 46/2011 national rubric. */
export const pp46 = load('rubrics/pp-46-2011/pp-46-2011.rubric.yaml');
export const demoYaml = readFileSync(join(repo, 'examples/data/demo-pp46.rubric.yaml'), 'utf8');
export const appraisalText = readFileSync(join(repo, 'examples/data/demo-appraisal.json'), 'utf8');
export const appraisal = JSON.parse(appraisalText) as Record<string, unknown>;
