import { type Evaluation, evaluateText } from '@kinerja/core';
import { detectLang } from '../detectLang.js';
import { ExitCode } from '../exitCodes.js';
import { formatDiagnostic } from '../formatDiagnostic.js';
import { type EvaluationRow, formatEvaluationTable } from '../formatEvaluationTable.js';
import { loadRubricOrReport } from '../loadRubricOrReport.js';
import { oneOf } from '../oneOf.js';
import { parseCommandArgs } from '../parseCommandArgs.js';
import { readInput } from '../readInput.js';
import { UsageError } from '../UsageError.js';
import type { Command } from './Command.js';

const help = `Usage: kinerja evaluate --rubric <rubric.yaml> <appraisal.json...> [options]

Evaluates appraisals against a rubric. Use - to read one appraisal from standard input.
JSON output: one Evaluation for a single appraisal, an array for several.

Options:
  -r, --rubric <file>   the rubric (required)
  --format json|table   json (default), or a table for people
  --lang id|en          language of labels and messages (default: from LANG)
  -h, --help            show this help

Exit codes: 0 every evaluation complete or pending, 1 an evaluation or the rubric is invalid,
2 usage error or unreadable file.`;

/** `kinerja evaluate`: evaluates appraisal files against one rubric. */
export const evaluateCommand: Command = {
  name: 'evaluate',
  summary: 'evaluate appraisal JSON files against a rubric',
  help,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('evaluate', args, {
      rubric: { type: 'string', short: 'r' },
      format: { type: 'string' },
      lang: { type: 'string' },
    });
    if (values.help) {
      io.stdout.write(`${help}\n`);
      return ExitCode.ok;
    }
    const format = oneOf('--format', values.format, ['json', 'table'], 'json');
    const lang = detectLang(values.lang, io.env);
    if (values.rubric === undefined) throw new UsageError('--rubric <file> is required', 'evaluate');
    if (positionals.length === 0) throw new UsageError('no appraisal file given', 'evaluate');
    if (positionals.filter((p) => p === '-').length > 1) {
      throw new UsageError('standard input (-) can be read only once', 'evaluate');
    }
    const loaded = loadRubricOrReport(values.rubric, io, lang);
    if (!loaded.ok) return loaded.exitCode;
    // Read every input before evaluating, so a typo in the last file name does not leave half an output.
    const inputs = [];
    for (const path of positionals) inputs.push(await readInput(path, io, lang));
    const rows: EvaluationRow[] = inputs.map(({ source, text }) => ({
      source,
      evaluation: evaluateText(loaded.rubric, text, { source }),
    }));
    if (format === 'json') {
      const out: Evaluation | Evaluation[] =
        rows.length === 1 && rows[0] ? rows[0].evaluation : rows.map((r) => r.evaluation);
      io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    } else {
      io.stdout.write(`${formatEvaluationTable(rows, lang)}\n`);
      // The table has no room for reasons; the errors of invalid rows go to stderr.
      for (const r of rows) {
        if (r.evaluation.status !== 'invalid') continue;
        for (const d of r.evaluation.diagnostics) {
          if (d.severity === 'error') io.stderr.write(`${formatDiagnostic(d, lang)}\n`);
        }
      }
    }
    return rows.some((r) => r.evaluation.status === 'invalid') ? ExitCode.invalid : ExitCode.ok;
  },
};
