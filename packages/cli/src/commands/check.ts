import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CompiledRubric, Diagnostic, Result } from '@kinerja/core';
import { loadRubricPack } from '@kinerja/core/node';
import { checkLaws, formatLawResult, type LawName, type LawResult, laws } from '@kinerja/fairness';
import { decimalSeed, positiveCount } from '../decimalSeed.js';
import { detectLang } from '../detectLang.js';
import { ExitCode } from '../exitCodes.js';
import { formatDiagnostic } from '../formatDiagnostic.js';
import { oneOf } from '../oneOf.js';
import { parseCommandArgs } from '../parseCommandArgs.js';
import { loadRubricBounded } from '../readInput.js';
import { type Texts, UsageError } from '../UsageError.js';
import type { Command } from './Command.js';

const lawNames = Object.keys(laws) as LawName[];

const help = `Usage: kinerja check <rubric.yaml | pack id | pack folder...> [options]

Runs the fairness laws on each rubric (every rubric of a pack): monotonicity, protected attributes, identity,
determinism, bounds, reachability and band boundaries. A broken law prints the shrunk counterexample as an
appraisal and the seed to replay it.

Options:
  --seed N             random seed (default 1), a decimal whole number from -2147483648 to 2147483647
                       (fast-check keeps 32 bits); the same seed replays the same check
  --runs N             generated appraisals per law, a decimal whole number ≥ 1 (default: each law's own)
  --law NAME           run only this law (repeatable): ${lawNames.join(', ')}
  --format text|json   text (default) or the results as JSON
  --lang id|en         language of rubric diagnostics
  -h, --help           show this help

Exit codes: 0 every law holds, 1 a law is broken or a rubric does not load, 2 usage error or a rubric or pack
that cannot be read (missing, a folder without *.rubric.yaml).`;

/** fast-check keeps 32 signed bits of a seed (`seed | 0`): beyond them two seeds would replay the same run. */
const SEED_MIN = -(2 ** 31);
const SEED_MAX = 2 ** 31 - 1;

/**
 * Loads one target: a rubric file (`.yaml`), or a pack (an installed pack id or a folder of `*.rubric.yaml`).
 * Whether it could be read at all is told apart from whether it is valid: the first is a usage error (exit 2).
 */
function loadTarget(
  target: string,
  cwd: string,
): { loaded: Result<CompiledRubric | CompiledRubric[]>; unreadable?: Texts } {
  if (/\.ya?ml$/.test(target)) {
    const loaded = loadRubricBounded(target, cwd);
    const own = loaded.diagnostics.find((d) => d.code === 'file-unreadable' && d.source === target);
    return own ? { loaded, unreadable: own.message } : { loaded };
  }
  let isDir = false;
  try {
    isDir = statSync(resolve(cwd, target)).isDirectory();
  } catch {
    isDir = false;
  }
  const loaded = loadRubricPack(target, { cwd });
  if (
    loaded.ok ||
    !loaded.diagnostics.some((d) => d.code === 'file-unreadable' && d.source?.startsWith(target))
  )
    return { loaded };
  return {
    loaded,
    unreadable: isDir
      ? {
          id: `folder "${target}" tidak berisi berkas *.rubric.yaml`,
          en: `folder "${target}" holds no *.rubric.yaml file`,
        }
      : {
          id: `"${target}" bukan berkas rubrik, folder paket, maupun paket terpasang`,
          en: `"${target}" is neither a rubric file, a pack folder nor an installed pack`,
        },
  };
}

/** `kinerja check`: the fairness laws of @kinerja/fairness over rubrics or whole packs. */
export const checkCommand: Command = {
  name: 'check',
  help,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('check', args, {
      seed: { type: 'string' },
      runs: { type: 'string' },
      law: { type: 'string', multiple: true },
      format: { type: 'string' },
      lang: { type: 'string' },
    });
    if (values.help) {
      io.stdout.write(`${help}\n`);
      return ExitCode.ok;
    }
    const format = oneOf('--format', values.format as string | undefined, ['text', 'json'], 'text');
    const lang = detectLang(values.lang as string | undefined, io.env);
    const seed = decimalSeed(values.seed as string | undefined, 'check', SEED_MIN, SEED_MAX) ?? 1;
    // Zero runs would pass every law having tested nothing.
    const numRuns = positiveCount('--runs', values.runs as string | undefined, 'check', 1_000_000);
    const only = (values.law as string[] | undefined)?.map((l) => {
      if (!(lawNames as string[]).includes(l)) {
        throw new UsageError(
          {
            id: `hukum "${l}" tidak dikenal; hukum: ${lawNames.join(', ')}`,
            en: `unknown law "${l}"; laws: ${lawNames.join(', ')}`,
          },
          'check',
        );
      }
      return l as LawName;
    });
    if (positionals.length === 0)
      throw new UsageError({ id: 'tidak ada rubrik atau paket', en: 'no rubric or pack given' }, 'check');

    const problems: Diagnostic[] = [];
    const rubrics: CompiledRubric[] = [];
    for (const target of positionals) {
      const { loaded, unreadable } = loadTarget(target, io.cwd);
      if (unreadable) throw new UsageError(unreadable, 'check');
      problems.push(...loaded.diagnostics.filter((d) => d.severity === 'error'));
      if (loaded.ok) rubrics.push(...(Array.isArray(loaded.value) ? loaded.value : [loaded.value]));
    }
    const results: Array<{ rubric: string; version: string; laws: LawResult[] }> = rubrics.map((r) => ({
      rubric: r.id,
      version: r.version,
      laws: checkLaws(r, { seed, ...(numRuns !== undefined ? { numRuns } : {}), ...(only ? { only } : {}) }),
    }));
    const broken = results.some((r) => r.laws.some((l) => !l.ok));
    if (format === 'json')
      io.stdout.write(`${JSON.stringify({ diagnostics: problems, results }, null, 2)}\n`);
    else {
      for (const d of problems) io.stderr.write(`${formatDiagnostic(d, lang)}\n`);
      for (const r of results) {
        io.stdout.write(`${r.rubric} ${r.version}\n`);
        for (const l of r.laws) io.stdout.write(`  ${formatLawResult(l).split('\n').join('\n  ')}\n`);
      }
      const failed = results.reduce((n, r) => n + r.laws.filter((l) => !l.ok).length, 0);
      io.stdout.write(`${results.length} rubric(s), ${failed} broken law(s), seed ${seed}.\n`);
    }
    return problems.length > 0 || broken ? ExitCode.invalid : ExitCode.ok;
  },
};
