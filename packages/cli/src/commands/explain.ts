import { explainEvaluation } from '@kinerja/core';
import { detectLang } from '../detectLang.js';
import { ExitCode } from '../exitCodes.js';
import { loadRubricOrReport } from '../loadRubricOrReport.js';
import { parseCommandArgs } from '../parseCommandArgs.js';
import { evaluateRead, readInput } from '../readInput.js';
import { UsageError } from '../UsageError.js';
import type { Command } from './Command.js';

const help = `Usage: kinerja explain --rubric <rubric.yaml> <appraisal.json> [options]

Explains one evaluation in words: every indicator, band, predicate and outcome, as an employee
appealing the verdict would read it. Use - to read the appraisal from standard input.

Options:
  -r, --rubric <file>   the rubric (required)
  --lang id|en          language (default: id when LANG is Indonesian, else en)
  -h, --help            show this help

Exit codes: 0 complete or pending, 1 the evaluation or the rubric is invalid, 2 usage error or unreadable file.`;

/** `kinerja explain`: one appraisal's evaluation, explained in Bahasa Indonesia or English. */
export const explainCommand: Command = {
  name: 'explain',
  help,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('explain', args, {
      rubric: { type: 'string', short: 'r' },
      lang: { type: 'string' },
    });
    if (values.help) {
      io.stdout.write(`${help}\n`);
      return ExitCode.ok;
    }
    const lang = detectLang(values.lang, io.env);
    if (values.rubric === undefined)
      throw new UsageError(
        { id: '--rubric <berkas> wajib diberikan', en: '--rubric <file> is required' },
        'explain',
      );
    const [path, ...extra] = positionals;
    if (path === undefined)
      throw new UsageError({ id: 'tidak ada berkas penilaian', en: 'no appraisal file given' }, 'explain');
    if (extra.length > 0)
      throw new UsageError(
        { id: 'explain menerima tepat satu penilaian', en: 'explain takes exactly one appraisal' },
        'explain',
      );
    const loaded = loadRubricOrReport(values.rubric, io, lang);
    if (!loaded.ok) return loaded.exitCode;
    const evaluation = evaluateRead(loaded.rubric, await readInput(path, io));
    const explanation = explainEvaluation(evaluation, lang);
    io.stdout.write(explanation.endsWith('\n') ? explanation : `${explanation}\n`);
    return evaluation.status === 'invalid' ? ExitCode.invalid : ExitCode.ok;
  },
};
