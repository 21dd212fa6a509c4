import type { Diagnostic } from '@kinerja/core';
import { detectLang } from '../detectLang.js';
import { ExitCode } from '../exitCodes.js';
import { formatDiagnostic } from '../formatDiagnostic.js';
import { oneOf } from '../oneOf.js';
import { parseCommandArgs } from '../parseCommandArgs.js';
import { loadRubricBounded } from '../readInput.js';
import { UsageError } from '../UsageError.js';
import type { Command } from './Command.js';

const help = `Usage: kinerja validate <rubric.yaml...> [options]

Checks rubrics: YAML, format, extends, and the semantic checks (weights, bands, references).
Prints one line per problem: file:line:column  code  message (warnings marked "(warning)").

Options:
  --format text|json   text (default), or the diagnostics as a JSON array
  --lang id|en         message language (default: id when LANG is Indonesian, else en)
  -h, --help           show this help

Exit codes: 0 valid (warnings allowed), 1 a rubric has errors, 2 usage error or unreadable file.`;

const summaryText = {
  id: (files: number, errors: number, warnings: number) =>
    `${files} rubrik diperiksa: ${errors} galat, ${warnings} peringatan.`,
  en: (files: number, errors: number, warnings: number) =>
    `${files} ${files === 1 ? 'rubric' : 'rubrics'} checked: ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}.`,
};

/** `kinerja validate`: loads each rubric file and reports every diagnostic. */
export const validateCommand: Command = {
  name: 'validate',
  help,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('validate', args, {
      format: { type: 'string' },
      lang: { type: 'string' },
    });
    if (values.help) {
      io.stdout.write(`${help}\n`);
      return ExitCode.ok;
    }
    const format = oneOf('--format', values.format, ['text', 'json'], 'text');
    const lang = detectLang(values.lang, io.env);
    if (positionals.length === 0)
      throw new UsageError(
        { id: 'tidak ada berkas rubrik yang diberikan', en: 'no rubric file given' },
        'validate',
      );
    const all: Diagnostic[] = [];
    let unreadable = false;
    for (const file of positionals) {
      const loaded = loadRubricBounded(file, io.cwd);
      all.push(...loaded.diagnostics);
      if (loaded.diagnostics.some((d) => d.code === 'file-unreadable' && d.source === file))
        unreadable = true;
    }
    const errors = all.filter((d) => d.severity === 'error').length;
    if (format === 'json') {
      io.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
    } else {
      for (const d of all) io.stdout.write(`${formatDiagnostic(d, lang)}\n`);
      const warnings = all.filter((d) => d.severity === 'warning').length;
      io.stdout.write(`${summaryText[lang](positionals.length, errors, warnings)}\n`);
    }
    return unreadable ? ExitCode.usage : errors > 0 ? ExitCode.invalid : ExitCode.ok;
  },
};
