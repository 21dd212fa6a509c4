import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type ByteSource,
  formatFromPath,
  invalidEvaluation,
  readRecords,
  recordRef,
  spanInFile,
} from '@kinerja/batch';
import { type Appraisal, type Diagnostic, type Evaluation, parseJson } from '@kinerja/core';
import {
  type AuditOptions,
  attributeNames,
  attributeOf,
  auditCohort,
  formatAuditMarkdown,
  type HeadCountRounding,
  nearestName,
  type OrganisationPredicate,
  organisationPredicates,
} from '@kinerja/fairness';
import { rowReport } from '../batch/rowReport.js';
import type { CliIo } from '../CliIo.js';
import { decimalSeed } from '../decimalSeed.js';
import { detectLang } from '../detectLang.js';
import { ExitCode } from '../exitCodes.js';
import { formatDiagnostic } from '../formatDiagnostic.js';
import { loadRubricOrReport } from '../loadRubricOrReport.js';
import { oneOf } from '../oneOf.js';
import { parseCommandArgs } from '../parseCommandArgs.js';
import { STDIN_SOURCE, stdinUnreadable } from '../readInput.js';
import { startsWithArray } from '../startsWithArray.js';
import { statPath } from '../statPath.js';
import { errorReason, UsageError } from '../UsageError.js';
import type { Command } from './Command.js';

const help = `Usage: kinerja audit --rubric <rubric.yaml> --input <appraisals.json | .ndjson> [options]

Scores every appraisal of a cohort with the rubric, then audits the cohort: rater leniency/severity, central
tendency and halo; inter-rater agreement (Krippendorff's alpha); each supervisor against the peer consensus;
outcome disparity between groups (--by); and the SE MenPAN-RB 3/2023 distribution curve (--org-predicate).

Input: a JSON array of appraisals (or one appraisal, or { "appraisals": [...] }), or NDJSON (one per line),
read as kinerja evaluate reads a batch: each appraisal is parsed strictly (a duplicate key is an error) and
reported as file:line#pointer, the line where it starts (a syntax error or duplicate key: file:line:column
of the character itself). The format comes from --input-format, else the
extension (.json; .ndjson, .jsonl); standard input and other names: an array or one JSON value is JSON, else
NDJSON.

The report names what it was made from: the rubric (id, version, fingerprint), the inputs as given here and the
seed; the same command gives the same bytes. The Markdown report is in --lang throughout (decimal comma in id).

Options:
  -r, --rubric <file>        the rubric (required)
  -i, --input <file>         appraisals (required; repeatable; - for standard input, once)
  --input-format json|ndjson how to read the inputs (default: from the extension, see above)
  --by <attribute>           split outcomes by an attribute (repeatable): an employee field (unit, positionType,
                             rank, …) or a fact (jenis-kelamin, facts.x), protected ones included
  --outcome <id>             audit only these outcomes of the rubric (repeatable; default every outcome)
  --org-predicate <p>        the organisation's predikat: ${organisationPredicates.join(', ')}
  --curve-per <attribute>    check the curve per value of this attribute too (e.g. unit; needs --org-predicate)
  --rounding <r>             share → head count: exact (default: max floor, min ceil), nearest, lenient
                             (needs --org-predicate)
  --margin <points>          tolerated rater difference beyond the cohort's normal spread (default 0;
                             halo: 2.5% of the rating range)
  --alpha <a>                false-flag rate per rater for leniency and divergence, both ways (default 0.05)
  --power <p>                the chance of a flag each rater's "detectable shift" is given for (default 0.95)
  --seed <n>                 bootstrap seed (default 1): a decimal whole number from 0 to 4294967295
  --format json|markdown     json (default) or a Markdown report
  --lang id|en               language of the Markdown report and messages
  -h, --help                 show this help

Exit codes: 0 audited, 1 an appraisal does not evaluate (the audit still runs on the rest), a file cannot be
read to its end or the input holds no appraisal (no audit), 2 usage error or unreadable input.`;

/** Where one audited record was read, and what it holds. */
interface Record_ {
  ref: string;
  row: number;
  /** The appraisal as parsed, or why it could not be read. */
  value?: unknown;
  diagnostics?: Diagnostic[];
}

const isWrapper = (v: unknown): v is { appraisals: unknown[] } =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Array.isArray((v as { appraisals?: unknown }).appraisals) &&
  !('employee' in v);

/**
 * The appraisals of one input, read by the same @kinerja/batch readers as `kinerja evaluate` reads a batch (a
 * JSON array element by element, NDJSON line by line) and parsed by core's `parseJson` (duplicate keys, forbidden
 * keys, numbers too long to keep exactly are errors, not silently resolved), each named `file:line` by the line
 * it starts on. A file that holds `{ "appraisals": [...] }` gives its elements, each at its own line.
 */
async function* readAppraisals(
  input: ByteSource,
  name: string,
  format: 'json' | 'ndjson',
  topIsArray: boolean,
): AsyncGenerator<Record_ | { fatal: Diagnostic[] }> {
  for await (const record of readRecords(input, name, format)) {
    if (record.kind === 'fatal') {
      yield { fatal: record.diagnostics };
      return;
    }
    if (record.kind === 'error') {
      yield { ref: record.ref, row: record.row, diagnostics: record.diagnostics };
      continue;
    }
    if (record.kind !== 'json') continue;
    const parsed = parseJson(record.text, { source: record.ref });
    if (!parsed.ok) {
      yield {
        ref: record.ref,
        row: record.row,
        diagnostics: parsed.diagnostics.map((d) => spanInFile(d, record, name)),
      };
      continue;
    }
    if (format === 'json' && !topIsArray && isWrapper(parsed.value)) {
      for (const [i, value] of parsed.value.appraisals.entries()) {
        const line = record.row - 1 + (parsed.locator.locate(`/appraisals/${i}`)?.start.line ?? 1);
        yield { ref: recordRef(name, line), row: line, value };
      }
      continue;
    }
    yield { ref: record.ref, row: record.row, value: parsed.value };
  }
}

/**
 * The format of an audit input: `--input-format`, else its extension; standard input and other names are
 * sniffed (an array or one JSON value is JSON, anything else one appraisal per line), which is why they are
 * read whole first.
 */
async function openInput(
  path: string,
  flag: 'json' | 'ndjson' | undefined,
  io: CliIo,
): Promise<{ name: string; input: ByteSource; format: 'json' | 'ndjson'; topIsArray: boolean }> {
  if (path !== '-') {
    let stat: ReturnType<typeof statPath> | undefined;
    try {
      stat = statPath(resolve(io.cwd, path));
    } catch (error) {
      throw new UsageError(
        errorReason(error) === 'ENOENT'
          ? { id: `berkas "${path}" tidak ditemukan`, en: `file "${path}" was not found` }
          : {
              id: `tidak dapat membaca "${path}": ${errorReason(error)}`,
              en: `cannot read "${path}": ${errorReason(error)}`,
            },
        'audit',
      );
    }
    if (!stat?.isFile())
      throw new UsageError(
        { id: `"${path}" bukan berkas (direktori?)`, en: `"${path}" is not a file (a directory?)` },
        'audit',
      );
    const byName = formatFromPath(path);
    if (byName === 'csv' || byName === 'xlsx')
      throw new UsageError(
        {
          id: `audit membaca JSON atau NDJSON; skor dulu "${path}" dengan kinerja evaluate --mapping`,
          en: `audit reads JSON or NDJSON; "${path}" is ${byName}`,
        },
        'audit',
      );
    const format = flag ?? byName;
    if (format !== undefined) {
      const full = resolve(io.cwd, path);
      return { name: path, input: full, format, topIsArray: format === 'json' && startsWithArray(full) };
    }
  }
  const read = path === '-' ? await readAll(io.stdin) : readFileSync(resolve(io.cwd, path));
  const name = path === '-' ? STDIN_SOURCE : path;
  const text = new TextDecoder().decode(read);
  const topIsArray = /^\uFEFF?\s*\[/.test(text);
  const format =
    flag ??
    (topIsArray || parseJson(text, { limits: { maxBytes: Number.MAX_SAFE_INTEGER } }).ok ? 'json' : 'ndjson');
  const input = (async function* () {
    yield read;
  })();
  return { name, input, format, topIsArray };
}

async function readAll(stdin: CliIo['stdin']): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  try {
    for await (const chunk of stdin) parts.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  } catch (error) {
    throw stdinUnreadable(error);
  }
  return Buffer.concat(parts);
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
      'input-format': { type: 'string' },
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
    if (values.rubric === undefined)
      throw new UsageError(
        { id: '--rubric <berkas> wajib diberikan', en: '--rubric <file> is required' },
        'audit',
      );
    if (inputs.length === 0)
      throw new UsageError(
        { id: '--input <berkas> wajib diberikan', en: '--input <file> is required' },
        'audit',
      );
    if (inputs.filter((p) => p === '-').length > 1)
      throw new UsageError(
        {
          id: 'masukan standar (-) hanya dapat dibaca sekali',
          en: 'standard input (-) can be read only once',
        },
        'audit',
      );
    const inputFormat =
      values['input-format'] === undefined
        ? undefined
        : oneOf('--input-format', values['input-format'] as string, ['json', 'ndjson'], 'json');
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
    // The curve is checked only against an organisation's predikat: without one these would do nothing.
    for (const flag of ['--curve-per', '--rounding'] as const) {
      if (organisation === undefined && values[flag.slice(2) as 'curve-per' | 'rounding'] !== undefined)
        throw new UsageError(
          {
            id: `${flag} mengatur pemeriksaan kurva, yang memerlukan --org-predicate`,
            en: `${flag} tunes the curve check, which needs --org-predicate`,
          },
          'audit',
        );
    }
    const rounding = oneOf<HeadCountRounding>(
      '--rounding',
      values.rounding as string | undefined,
      ['exact', 'nearest', 'lenient'],
      'exact',
    );
    const number = (flag: string, v: string | undefined): number | undefined => {
      if (v === undefined) return undefined;
      const n = /^\d+(?:\.\d+)?$/.test(v) ? Number(v) : Number.NaN;
      if (!Number.isFinite(n))
        throw new UsageError(
          {
            id: `${flag} memerlukan bilangan desimal ≥ 0, bukan "${v}"`,
            en: `${flag} needs a decimal number ≥ 0, got "${v}"`,
          },
          'audit',
        );
      return n;
    };
    const margin = number('--margin', values.margin as string | undefined);
    // The bootstrap's generator keeps 32 unsigned bits of the seed.
    const seed = decimalSeed(values.seed as string | undefined, 'audit', 0, 2 ** 32 - 1);
    const probability = (flag: string, v: string | undefined): number | undefined => {
      if (v === undefined) return undefined;
      const n = /^(?:0?\.\d+|\d+(?:\.\d+)?)$/.test(v) ? Number(v) : Number.NaN;
      if (!(n > 0 && n < 1))
        throw new UsageError(
          {
            id: `${flag} memerlukan bilangan antara 0 dan 1, bukan "${v}"`,
            en: `${flag} needs a number between 0 and 1, got "${v}"`,
          },
          'audit',
        );
      return n;
    };
    const alpha = probability('--alpha', values.alpha as string | undefined);
    const power = probability('--power', values.power as string | undefined);

    const loaded = loadRubricOrReport(values.rubric as string, io, lang);
    if (!loaded.ok) return loaded.exitCode;
    const outcomes = values.outcome as unknown as string[] | undefined;
    const known = Object.keys(loaded.rubric.rubric.outcomes ?? {}).sort();
    for (const o of outcomes ?? []) {
      if (!known.includes(o))
        throw new UsageError(
          {
            id: `rubrik ${loaded.rubric.id} tidak memiliki outcome "${o}"; outcome-nya: ${known.join(', ') || '(tidak ada)'}`,
            en: `rubric ${loaded.rubric.id} has no outcome "${o}"; its outcomes: ${known.join(', ') || '(none)'}`,
          },
          'audit',
        );
    }
    const appraisals: Appraisal[] = [];
    const evaluations: Evaluation[] = [];
    let invalid = 0;
    let unread = 0;
    for (const path of inputs) {
      const { name, input, format: inFormat, topIsArray } = await openInput(path, inputFormat, io);
      for await (const r of readAppraisals(input, name, inFormat, topIsArray)) {
        if ('fatal' in r) {
          unread += 1;
          for (const d of r.fatal) io.stderr.write(`${formatDiagnostic(d, lang)}\n`);
          continue;
        }
        const evaluation =
          r.diagnostics !== undefined
            ? invalidEvaluation(loaded.rubric, r.diagnostics)
            : loaded.rubric.evaluate(r.value, { source: r.ref });
        // Every diagnostic names its record, also those core reports without a source, as evaluate's batches do.
        evaluation.diagnostics = evaluation.diagnostics.map((d) =>
          d.source === undefined ? { ...d, source: r.ref } : d,
        );
        if (evaluation.status === 'invalid') {
          invalid += 1;
          io.stderr.write(rowReport({ ref: r.ref, row: r.row, evaluation }, lang));
        }
        appraisals.push((r.value ?? {}) as Appraisal);
        evaluations.push(evaluation);
      }
    }
    if (unread > 0) {
      // A cohort cut short by a broken file would be audited as if it were whole: refuse rather than mislead.
      io.stderr.write(
        `kinerja audit: ${
          lang === 'id'
            ? `${unread} berkas tidak dapat dibaca sampai akhir; kohort tidak lengkap, audit tidak dijalankan.`
            : `${unread} file(s) could not be read to the end; the cohort is incomplete, so it was not audited.`
        }\n`,
      );
      return ExitCode.invalid;
    }
    if (evaluations.length === 0) {
      io.stderr.write(
        `kinerja audit: ${
          lang === 'id'
            ? 'masukan tidak berisi penilaian; tidak ada yang dapat diaudit.'
            : 'the input holds no appraisals; there is nothing to audit.'
        }\n`,
      );
      return ExitCode.invalid;
    }
    const by = (values.by as unknown as string[] | undefined) ?? [];
    const curvePer = values['curve-per'] as string | undefined;
    // An attribute no one has is a typo (jenis_kelamin for jenis-kelamin), not a finding: say which ones exist.
    for (const [flag, attribute] of [
      ...by.map((b) => ['--by', b] as const),
      ...(curvePer !== undefined ? [['--curve-per', curvePer] as const] : []),
    ]) {
      if (appraisals.some((a) => attributeOf(a, attribute) !== undefined)) continue;
      const names = attributeNames(appraisals);
      const near = nearestName(attribute, names);
      const list = names.join(', ');
      throw new UsageError(
        {
          id: `${flag} ${attribute}: tidak ada penilaian yang memiliki atribut ini${near ? `; maksudnya ${near}?` : '.'} Atribut yang ada: ${list || '(tidak ada)'}`,
          en: `${flag} ${attribute}: no appraisal has this attribute${near ? `; did you mean ${near}?` : '.'} Attributes present: ${list || '(none)'}`,
        },
        'audit',
      );
    }
    const options: AuditOptions = {
      ...(by.length > 0 ? { by } : {}),
      ...(outcomes ? { disparity: { outcomes } } : {}),
      ...(organisation ? { organisation, curve: { rounding, ...(curvePer ? { per: curvePer } : {}) } } : {}),
      ...(margin !== undefined ? { margin } : {}),
      ...(alpha !== undefined ? { alpha } : {}),
      ...(power !== undefined ? { power } : {}),
      ...(seed !== undefined ? { seed } : {}),
    };
    // The report names its inputs as given on the command line, so the same command gives the same bytes.
    const report = auditCohort({ appraisals, evaluations, rubric: loaded.rubric, inputs }, options);
    io.stdout.write(
      format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatAuditMarkdown(report, lang),
    );
    if (invalid > 0)
      io.stderr.write(
        `kinerja audit: ${
          lang === 'id'
            ? `${invalid} penilaian tidak dapat dievaluasi; sisanya diaudit.`
            : `${invalid} appraisal(s) did not evaluate; audited the rest.`
        }\n`,
      );
    return invalid > 0 ? ExitCode.invalid : ExitCode.ok;
  },
};
