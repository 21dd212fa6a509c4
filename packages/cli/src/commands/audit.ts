import type { Appraisal, Evaluation } from '@kinerja/core';
import {
  type AuditOptions,
  auditCohort,
  formatAuditMarkdown,
  type HeadCountRounding,
  type OrganisationPredicate,
  organisationPredicates,
} from '@kinerja/fairness';
import { detectLang } from '../detectLang.js';
import { ExitCode } from '../exitCodes.js';
import { formatDiagnostic } from '../formatDiagnostic.js';
import { loadRubricOrReport } from '../loadRubricOrReport.js';
import { oneOf } from '../oneOf.js';
import { parseCommandArgs } from '../parseCommandArgs.js';
import { readInput } from '../readInput.js';
import { UsageError } from '../UsageError.js';
import type { Command } from './Command.js';

const help = `Usage: kinerja audit --rubric <rubric.yaml> --input <appraisals.json | .ndjson> [options]

Scores every appraisal of a cohort with the rubric, then audits the cohort: rater leniency/severity, central
tendency and halo; inter-rater agreement (Krippendorff's alpha); each supervisor against the peer consensus;
outcome disparity between groups (--by); and the SE MenPAN-RB 3/2023 distribution curve (--org-predicate).

Input: a JSON array of appraisals (or one appraisal, or { "appraisals": [...] }), or NDJSON (one per line).

Options:
  -r, --rubric <file>        the rubric (required)
  -i, --input <file>         appraisals (required; repeatable; - for standard input)
  --by <attribute>           split outcomes by an attribute (repeatable): an employee field (unit, positionType,
                             rank, …) or a fact (jenis_kelamin, facts.x), protected ones included
  --outcome <id>             audit only these outcomes (repeatable; default every outcome)
  --org-predicate <p>        the organisation's predikat: ${organisationPredicates.join(', ')}
  --curve-per <attribute>    check the curve per value of this attribute too (e.g. unit)
  --rounding <r>             share → head count: exact (default: max floor, min ceil), nearest, lenient
  --margin <points>          tolerated rater difference beyond the cohort's normal spread (default 0;
                             halo: 2.5% of the rating range)
  --alpha <a>                false-flag rate per rater for leniency and divergence, both ways (default 0.05)
  --power <p>                the chance of a flag each rater's "detectable shift" is given for (default 0.95)
  --seed <n>                 bootstrap seed (default 1)
  --format json|markdown     json (default) or a Markdown report
  --lang id|en               language of the Markdown report and messages
  -h, --help                 show this help

Exit codes: 0 audited, 1 an appraisal does not evaluate (the audit still runs on the rest), 2 usage error.`;

function parseAppraisals(text: string, source: string): unknown[] {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return [];
  const ndjson = /\.(nd)?jsonl?$/i.test(source) && !/\.json$/i.test(source);
  if (!ndjson) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed)) return parsed;
      if (
        parsed &&
        typeof parsed === 'object' &&
        Array.isArray((parsed as { appraisals?: unknown }).appraisals)
      )
        return (parsed as { appraisals: unknown[] }).appraisals;
      return [parsed];
    } catch {
      // not one JSON document: try one per line
    }
  }
  return trimmed.split(/\r?\n/).flatMap((line, i) => {
    if (line.trim() === '') return [];
    try {
      return [JSON.parse(line) as unknown];
    } catch {
      throw new UsageError(`${source}:${i + 1}: not JSON`, 'audit');
    }
  });
}

/** `kinerja audit`: evaluates a cohort with a rubric and audits it for rater bias and disparity. */
export const auditCommand: Command = {
  name: 'audit',
  help,
  async run(args, io) {
    const { values } = parseCommandArgs('audit', args, {
      rubric: { type: 'string', short: 'r' },
      input: { type: 'string', short: 'i', multiple: true },
      by: { type: 'string', multiple: true },
      outcome: { type: 'string', multiple: true },
      'org-predicate': { type: 'string' },
      'curve-per': { type: 'string' },
      rounding: { type: 'string' },
      margin: { type: 'string' },
      alpha: { type: 'string' },
      power: { type: 'string' },
      seed: { type: 'string' },
      format: { type: 'string' },
      lang: { type: 'string' },
    });
    if (values.help) {
      io.stdout.write(`${help}\n`);
      return ExitCode.ok;
    }
    const format = oneOf('--format', values.format as string | undefined, ['json', 'markdown'], 'json');
    const lang = detectLang(values.lang as string | undefined, io.env);
    const inputs = (values.input as unknown as string[] | undefined) ?? [];
    if (values.rubric === undefined) throw new UsageError('--rubric <file> is required', 'audit');
    if (inputs.length === 0) throw new UsageError('--input <file> is required', 'audit');
    const orgFlag = values['org-predicate'] as string | undefined;
    const organisation =
      orgFlag === undefined
        ? undefined
        : oneOf<OrganisationPredicate>(
            '--org-predicate',
            orgFlag.toLowerCase().replace(/\s+/g, '-'),
            organisationPredicates,
            'baik',
          );
    const rounding = oneOf<HeadCountRounding>(
      '--rounding',
      values.rounding as string | undefined,
      ['exact', 'nearest', 'lenient'],
      'exact',
    );
    const number = (flag: string, v: string | undefined, whole: boolean): number | undefined => {
      if (v === undefined) return undefined;
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0 || (whole && !Number.isSafeInteger(n)))
        throw new UsageError(`${flag} needs a ${whole ? 'whole ' : ''}number ≥ 0, got "${v}"`, 'audit');
      return n;
    };
    const margin = number('--margin', values.margin as string | undefined, false);
    const seed = number('--seed', values.seed as string | undefined, true);
    const probability = (flag: string, v: string | undefined): number | undefined => {
      if (v === undefined) return undefined;
      const n = Number(v);
      if (!(n > 0 && n < 1))
        throw new UsageError(`${flag} needs a number between 0 and 1, got "${v}"`, 'audit');
      return n;
    };
    const alpha = probability('--alpha', values.alpha as string | undefined);
    const power = probability('--power', values.power as string | undefined);

    const loaded = loadRubricOrReport(values.rubric as string, io, lang);
    if (!loaded.ok) return loaded.exitCode;
    const appraisals: Appraisal[] = [];
    const evaluations: Evaluation[] = [];
    let invalid = 0;
    for (const path of inputs) {
      const { source, text } = await readInput(path, io, lang);
      parseAppraisals(text, source).forEach((record, i) => {
        const evaluation = loaded.rubric.evaluate(record, { source: `${source}#${i + 1}` });
        if (evaluation.status === 'invalid') {
          invalid += 1;
          for (const d of evaluation.diagnostics)
            if (d.severity === 'error') io.stderr.write(`${source}#${i + 1}: ${formatDiagnostic(d, lang)}\n`);
        }
        appraisals.push(record as Appraisal);
        evaluations.push(evaluation);
      });
    }
    const by = (values.by as unknown as string[] | undefined) ?? [];
    const outcomes = values.outcome as unknown as string[] | undefined;
    const curvePer = values['curve-per'] as string | undefined;
    const options: AuditOptions = {
      ...(by.length > 0 ? { by } : {}),
      ...(outcomes ? { disparity: { outcomes } } : {}),
      ...(organisation ? { organisation, curve: { rounding, ...(curvePer ? { per: curvePer } : {}) } } : {}),
      ...(margin !== undefined ? { margin } : {}),
      ...(alpha !== undefined ? { alpha } : {}),
      ...(power !== undefined ? { power } : {}),
      ...(seed !== undefined ? { seed } : {}),
    };
    const report = auditCohort({ appraisals, evaluations, rubric: loaded.rubric }, options);
    io.stdout.write(
      format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatAuditMarkdown(report, lang),
    );
    if (invalid > 0)
      io.stderr.write(`kinerja audit: ${invalid} appraisal(s) did not evaluate; audited the rest.\n`);
    return invalid > 0 ? ExitCode.invalid : ExitCode.ok;
  },
};
