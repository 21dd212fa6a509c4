import type { CompiledRubric, Diagnostic } from '@kinerja/core';
import { loadRubricFile, loadRubricPack } from '@kinerja/core/node';
import { checkLaws, formatLawResult, type LawName, type LawResult, laws } from '@kinerja/fairness';
import { detectLang } from '../detectLang.js';
import { ExitCode } from '../exitCodes.js';
import { formatDiagnostic } from '../formatDiagnostic.js';
import { oneOf } from '../oneOf.js';
import { parseCommandArgs } from '../parseCommandArgs.js';
import { UsageError } from '../UsageError.js';
import type { Command } from './Command.js';

const lawNames = Object.keys(laws) as LawName[];

const help = `Usage: kinerja check <rubric.yaml | pack id | pack folder...> [options]

Runs the fairness laws on each rubric (every rubric of a pack): monotonicity, protected attributes, identity,
determinism, bounds, reachability and band boundaries. A broken law prints the shrunk counterexample as an
appraisal and the seed to replay it.

Options:
  --seed N             random seed (default 1); the same seed replays the same check
  --runs N             generated appraisals per law (default: each law's own)
  --law NAME           run only this law (repeatable): ${lawNames.join(', ')}
  --format text|json   text (default) or the results as JSON
  --lang id|en         language of rubric diagnostics
  -h, --help           show this help

Exit codes: 0 every law holds, 1 a law is broken or a rubric does not load, 2 usage error.`;

function positiveInt(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new UsageError(`${flag} needs a whole number, got "${value}"`, 'check');
  return n;
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
    const seed = positiveInt('--seed', values.seed as string | undefined) ?? 1;
    const numRuns = positiveInt('--runs', values.runs as string | undefined);
    const only = (values.law as string[] | undefined)?.map((l) => {
      if (!(lawNames as string[]).includes(l)) {
        throw new UsageError(`unknown law "${l}"; laws: ${lawNames.join(', ')}`, 'check');
      }
      return l as LawName;
    });
    if (positionals.length === 0) throw new UsageError('no rubric or pack given', 'check');

    const problems: Diagnostic[] = [];
    const rubrics: CompiledRubric[] = [];
    for (const target of positionals) {
      const loaded = /\.ya?ml$/.test(target)
        ? loadRubricFile(target, { cwd: io.cwd })
        : loadRubricPack(target, { cwd: io.cwd });
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
