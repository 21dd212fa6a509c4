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
import { statPath } from '../statPath.js';
import { type Texts, UsageError } from '../UsageError.js';
import type { Command } from './Command.js';

const lawNames = Object.keys(laws) as LawName[];

const help = `Usage: kinerja check <rubric.yaml | pack id | pack folder...> [options]

Runs the fairness laws on each rubric (every rubric of a pack): monotonicity, protected attributes, identity,
determinism, bounds, reachability and band boundaries. A broken law prints the shrunk counterexample as an
appraisal and the command that replays it. A law with nothing to check (no protected fact, no input with a
direction) ran 0 cases and is reported "– skipped", not passed.

Options:
  --seed N             random seed (default 1), a decimal whole number from -2147483648 to 2147483647
                       (fast-check keeps 32 bits); the same seed replays the same check
  --runs N             generated appraisals per law, a decimal whole number ≥ 1 (default: each law's own)
  --law NAME           run only this law (repeatable): ${lawNames.join(', ')}
  --protected FACT     treat this fact as protected too (repeatable), e.g. a proxy of gender the rubric
                       declares as an ordinary fact: the protected-attributes law then proves it is never read
  --path PATH          replay one counterexample: the fast-check path a broken law prints, with its --seed and
                       --law (the replay line of a broken law is the whole command)
  --format text|json   text (default) or the results as JSON
  --lang id|en         language of the report and of rubric diagnostics (default: from LANG, else en)
  -h, --help           show this help

Exit codes: 0 every law holds, 1 a law is broken or a rubric does not load, 2 usage error or a rubric or pack
that cannot be read (missing, a folder without *.rubric.yaml).`;

/** A shell word: left bare when safe, else single-quoted. */
const quote = (w: string) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replaceAll("'", "'\\''")}'`);

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
    isDir = statPath(resolve(cwd, target)).isDirectory();
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
      protected: { type: 'string', multiple: true },
      path: { type: 'string' },
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
    const protectedFacts = (values.protected as string[] | undefined) ?? [];
    const path = values.path as string | undefined;
    if (path !== undefined && !/^\d+(:\d+)*$/.test(path))
      throw new UsageError(
        {
          id: `--path "${path}" bukan jalur fast-check (angka dipisah titik dua, mis. 2:0:1)`,
          en: `--path "${path}" is not a fast-check path (numbers separated by colons, e.g. 2:0:1)`,
        },
        'check',
      );
    if (path !== undefined && only?.length !== 1)
      throw new UsageError(
        {
          id: '--path menjalankan ulang satu hukum: sebutkan tepat satu --law',
          en: '--path replays one law: give exactly one --law',
        },
        'check',
      );
    if (positionals.length === 0)
      throw new UsageError({ id: 'tidak ada rubrik atau paket', en: 'no rubric or pack given' }, 'check');

    const problems: Diagnostic[] = [];
    const rubrics: Array<{ compiled: CompiledRubric; target: string }> = [];
    const notLoaded: string[] = [];
    for (const target of positionals) {
      const { loaded, unreadable } = loadTarget(target, io.cwd);
      if (unreadable) throw new UsageError(unreadable, 'check');
      problems.push(...loaded.diagnostics.filter((d) => d.severity === 'error'));
      if (loaded.ok)
        for (const compiled of Array.isArray(loaded.value) ? loaded.value : [loaded.value])
          rubrics.push({ compiled, target });
      else notLoaded.push(target);
    }
    const options = {
      seed,
      ...(numRuns !== undefined ? { numRuns } : {}),
      ...(only ? { only } : {}),
      ...(protectedFacts.length > 0 ? { protectedFacts } : {}),
      ...(path !== undefined ? { path } : {}),
    };
    const results: Array<{ rubric: string; version: string; target: string; laws: LawResult[] }> =
      rubrics.map(({ compiled, target }) => ({
        rubric: compiled.id,
        version: compiled.version,
        target,
        laws: checkLaws(compiled, options),
      }));
    const broken = results.some((r) => r.laws.some((l) => !l.ok));
    const skipped = (l: LawResult) => l.ok && (l.skipped === true || l.runs === 0);
    /** The one command that replays a broken law's counterexample. */
    const replay = (target: string, l: LawResult) =>
      [
        'kinerja check',
        quote(target),
        `--law ${l.law}`,
        `--seed ${l.seed}`,
        ...(l.path ? [`--path ${l.path}`] : []),
        ...(numRuns !== undefined && !l.path ? [`--runs ${numRuns}`] : []),
        ...protectedFacts.map((f) => `--protected ${quote(f)}`),
        // The replayed report is read by the same person: it keeps the language they asked for.
        ...(values.lang !== undefined ? [`--lang ${lang}`] : []),
      ].join(' ');
    if (format === 'json')
      io.stdout.write(
        `${JSON.stringify(
          {
            diagnostics: problems,
            notLoaded,
            results: results.map((r) => ({
              ...r,
              laws: r.laws.map((l) => ({
                ...l,
                ...(skipped(l) ? { skipped: true } : {}),
                ...(!l.ok ? { replay: replay(r.target, l) } : {}),
              })),
            })),
          },
          null,
          2,
        )}\n`,
      );
    else {
      for (const d of problems) io.stderr.write(`${formatDiagnostic(d, lang)}\n`);
      for (const target of notLoaded)
        io.stderr.write(
          lang === 'id'
            ? `${target}: rubrik tidak dapat dimuat (lihat diagnostik di atas); hukum tidak diperiksa\n`
            : `${target}: the rubric did not load (see the diagnostics above); no law was checked\n`,
        );
      for (const r of results) {
        io.stdout.write(`${r.rubric} ${r.version}\n`);
        for (const l of r.laws) {
          const text = formatLawResult(l, { lang, replay: replay(r.target, l) });
          io.stdout.write(`  ${text.split('\n').join('\n  ')}\n`);
        }
      }
      const failed = results.reduce((n, r) => n + r.laws.filter((l) => !l.ok).length, 0);
      const skips = results.reduce((n, r) => n + r.laws.filter(skipped).length, 0);
      const unloaded = notLoaded.join(', ');
      io.stdout.write(
        lang === 'id'
          ? `${results.length} rubrik, ${failed} hukum dilanggar, ${skips} hukum dilewati, benih acak ${seed}` +
              `${notLoaded.length > 0 ? `; ${notLoaded.length} rubrik atau paket tidak dapat dimuat: ${unloaded}` : ''}.\n`
          : `${results.length} rubric(s), ${failed} broken law(s), ${skips} skipped law(s), seed ${seed}` +
              `${notLoaded.length > 0 ? `; ${notLoaded.length} target(s) did not load: ${unloaded}` : ''}.\n`,
      );
    }
    return problems.length > 0 || notLoaded.length > 0 || broken ? ExitCode.invalid : ExitCode.ok;
  },
};
