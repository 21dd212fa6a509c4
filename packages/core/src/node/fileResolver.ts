import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { RubricResolver } from '@kinerja/core';
import { findBaseRubric } from './findBaseRubric.js';
import { readTextFile } from './readTextFile.js';

/** Options for {@link fileResolver}. */
export interface FileResolverOptions {
  /** Directory that relative sources are resolved against and shown relative to; defaults to `process.cwd()`. */
  cwd?: string;
}

/**
 * A {@link RubricResolver} over the file system, for `extends`:
 * - `./base.rubric.yaml` (any ref ending in `.yaml`/`.yml`): a file relative to the extending file's directory;
 * - `pp46` (an id): `rubrics/pp46/pp46.rubric.yaml` in the extending file's directory or any above it, then the
 *   installed package `@kinerja/rubric-pp46` (its rubric is `kinerja.rubric` in package.json, default
 *   `pp46.rubric.yaml`);
 * - `@scope/name`: that installed package, the same way.
 *
 * Sources it returns are paths relative to `cwd` (absolute when on another drive), so diagnostics stay short
 * and each source can be resolved again as the `from` of the next `extends`.
 *
 * @example
 * const r = loadRubric(text, { source: 'agency.rubric.yaml', resolve: fileResolver() });
 */
export function fileResolver(options: FileResolverOptions = {}): RubricResolver {
  const cwd = resolve(options.cwd ?? process.cwd());
  return (ref, from) => {
    const fromDir = from === undefined ? cwd : dirname(resolve(cwd, from));
    const file = findBaseRubric(ref, fromDir);
    if (file === undefined) return undefined;
    const read = readTextFile(file);
    if (!read.ok) return undefined;
    const shown = relative(cwd, file);
    return { text: read.value, source: shown === '' || isAbsolute(shown) ? file : shown };
  };
}
