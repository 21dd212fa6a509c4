import { readdirSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { CompiledRubric, Diagnostic } from '@kinerja/core';
import { createDiagnostic, fail, ok, type Result } from '@kinerja/core';
import { findPackDir } from './findPackDir.js';
import { type LoadRubricFileOptions, loadRubricFile } from './loadRubricFile.js';

/**
 * Loads every `*.rubric.yaml` at the top of a pack folder, in file-name order. `nameOrDir` is a directory, a
 * pack id (`pp46`: `rubrics/pp46` here or above, else `@kinerja/rubric-pp46`) or a scoped package name.
 * Fails with the diagnostics of every rubric that does not load; a pack that cannot be found or holds no
 * rubric is a `file-unreadable` diagnostic.
 *
 * @example
 * const pack = loadRubricPack('pp46');
 * if (pack.ok) for (const rubric of pack.value) console.log(rubric.id, rubric.version);
 */
export function loadRubricPack(
  nameOrDir: string,
  options: LoadRubricFileOptions = {},
): Result<CompiledRubric[]> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const dir = findPackDir(nameOrDir, cwd);
  const files = dir === undefined ? [] : readdirSync(dir).filter((f) => f.endsWith('.rubric.yaml'));
  if (dir === undefined || files.length === 0) {
    const wanted = dir === undefined ? nameOrDir : join(nameOrDir, '*.rubric.yaml');
    return fail([
      createDiagnostic({
        code: 'file-unreadable',
        pointer: '',
        source: wanted,
        received: wanted,
        params: { reason: 'ENOENT' },
      }),
    ]);
  }
  const rubrics: CompiledRubric[] = [];
  const diagnostics: Diagnostic[] = [];
  let failed = false;
  // Sorted by code unit, not locale, so the order is the same on every machine.
  for (const file of files.sort()) {
    const shown = relative(cwd, join(dir, file));
    const loaded = loadRubricFile(isAbsolute(shown) ? join(dir, file) : shown, { ...options, cwd });
    diagnostics.push(...loaded.diagnostics);
    if (loaded.ok) rubrics.push(loaded.value);
    else failed = true;
  }
  return failed ? fail(diagnostics) : ok(rubrics, diagnostics);
}
