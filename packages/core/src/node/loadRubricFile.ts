import type { CompiledRubric, ParseLimits, Result, RubricResolver } from '@kinerja/core';
import { loadRubric } from '@kinerja/core';
import { fileResolver } from './fileResolver.js';
import { readTextFile } from './readTextFile.js';

/** Options for {@link loadRubricFile}. */
export interface LoadRubricFileOptions {
  /** Directory a relative path is read from; defaults to `process.cwd()`. */
  cwd?: string;
  /** Finds bases named by `extends`; defaults to {@link fileResolver} with the same `cwd`. */
  resolve?: RubricResolver;
  /** Parse limits (size, depth, keys). */
  limits?: Partial<ParseLimits>;
}

/**
 * Reads a rubric file and loads it: parse → validate → resolve `extends` on the file system → compile.
 * Never throws for a user's mistake: a missing or unreadable file is a `file-unreadable` diagnostic, and every
 * other problem carries the file (as given) and line:column.
 *
 * @example
 * const r = loadRubricFile('rubrics/pp46/pp46.rubric.yaml');
 * if (!r.ok) for (const d of r.diagnostics) console.error(d.source, d.span?.start.line, d.code);
 */
export function loadRubricFile(path: string, options: LoadRubricFileOptions = {}): Result<CompiledRubric> {
  const cwd = options.cwd ?? process.cwd();
  const read = readTextFile(path, { cwd });
  if (!read.ok) return read;
  return loadRubric(read.value, {
    source: path,
    resolve: options.resolve ?? fileResolver({ cwd }),
    ...(options.limits ? { limits: options.limits } : {}),
  });
}
