import type { CompiledRubric, Lang } from '@kinerja/core';
import type { CliIo } from './CliIo.js';
import { ExitCode } from './exitCodes.js';
import { formatDiagnostic } from './formatDiagnostic.js';
import { loadRubricBounded } from './readInput.js';

/**
 * Loads the `--rubric` of evaluate and explain. Its problems go to stderr, because stdout is reserved for the
 * results a script parses; the exit code tells a missing file (usage) from an invalid rubric.
 */
export function loadRubricOrReport(
  path: string,
  io: CliIo,
  lang: Lang,
): { ok: true; rubric: CompiledRubric } | { ok: false; exitCode: number } {
  const loaded = loadRubricBounded(path, io.cwd);
  for (const d of loaded.diagnostics) io.stderr.write(`${formatDiagnostic(d, lang)}\n`);
  if (loaded.ok) return { ok: true, rubric: loaded.value };
  const unreadable = loaded.diagnostics.some((d) => d.code === 'file-unreadable' && d.source === path);
  return { ok: false, exitCode: unreadable ? ExitCode.usage : ExitCode.invalid };
}
