/** Loads the real packs (and synthetic rubrics) through the BUILT @kinerja/core. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRubric } from '@kinerja/core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PACKS = ['permenpanrb-6-2022', 'pp-46-2011'];

export function packText(pack) {
  return readFileSync(join(ROOT, 'rubrics', pack, `${pack}.rubric.yaml`), 'utf8');
}

export function loadPack(pack) {
  const r = loadRubric(packText(pack), { source: `${pack}.rubric.yaml` });
  if (!r.ok) throw new Error(`${pack}: ${r.diagnostics.map((d) => `${d.code} ${d.message.en}`).join('; ')}`);
  return r.value;
}
