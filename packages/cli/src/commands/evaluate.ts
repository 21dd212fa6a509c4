import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { formatFromPath } from '@kinerja/batch';
import type { Evaluation } from '@kinerja/core';
import { type BatchPlan, DEFAULT_CHUNK_SIZE, inputFormats, planBatch, runBatch } from '../batch/runBatch.js';
import { BatchSink } from '../batch/sink.js';
import { detectLang } from '../detectLang.js';
import { ExitCode } from '../exitCodes.js';
import { formatDiagnostic } from '../formatDiagnostic.js';
import { type EvaluationRow, formatEvaluationTable } from '../formatEvaluationTable.js';
import { loadRubricOrReport } from '../loadRubricOrReport.js';
import { oneOf } from '../oneOf.js';
import { checkOutTarget } from '../outTarget.js';
import { parseCommandArgs } from '../parseCommandArgs.js';
import { peekStdin } from '../peekStdin.js';
import { evaluateRead, readInput } from '../readInput.js';
import { startsWithArray } from '../startsWithArray.js';
import { UsageError } from '../UsageError.js';
import type { Command } from './Command.js';

const help = `Usage: kinerja evaluate --rubric <rubric.yaml> <input...> [options]

Evaluates appraisals against a rubric. Use - to read from standard input (read like the same bytes in a file).
One appraisal JSON file: one Evaluation, with line:column in its diagnostics, whatever other flags are given
(--out, --strict, --output-format json); several files, or any batch: an array.

Batches (exports of e-Kinerja/SKP portals, scored as they are, row by row):
  JSON arrays (.json), NDJSON (.ndjson, .jsonl), CSV (.csv, , or ; and decimal commas) and XLSX (.xlsx).
  CSV and XLSX need --mapping, a YAML file from the portal's column names to the appraisal format.
  Results are written as they are computed, in input order; a bad row is reported on stderr as file:row with
  its column and the batch goes on (unless --strict). A JSON array whose structure breaks (a missing comma)
  stops there, and stderr says how many elements after that point were not read. An input may be a FIFO or
  <(...): it is read once, as standard input is. Batches are scored by worker threads, up to one per core.
  A batch is what an array, an NDJSON/CSV/XLSX file, --mapping, --sheet, --input-format or
  --output-format ndjson|csv asks for. In CSV output, control characters in a cell (a NIP read as
  "\\x00\\x01") are replaced by U+FFFD, so they cannot break or hide in the table.

Options:
  -r, --rubric <file>          the rubric (required)
  --input-format <f>           json|ndjson|csv|xlsx (default: from the file extension)
  --mapping <file.yaml>        column mapping (required for csv and xlsx; optional for json and ndjson,
                               whose records are then flat objects keyed by column name)
  --output-format <f>          json (default; an array in batch mode)|ndjson|csv (one summary row per appraisal)
  --format json|table          json (default), or a table for people; not with a different --output-format
  --out <file>                 write results to a file instead of standard output; never an input, the rubric
                               or the mapping (refused, exit 2: it would be truncated before being read)
  --strict                     stop at the first row of a batch that cannot be scored
  --score-only                 leave the explanation out (traces): same verdicts, faster for bulk runs
  --sheet <name|n>             XLSX worksheet by name or position, 1 = the first (default: the mapping's
                               sheet, else the first)
  --workers <n>                batch worker threads (default: the number of cores; 1 = no threads);
                               the output is the same for any number
  --chunk-size <n>             records sent to a worker at a time (default: ${DEFAULT_CHUNK_SIZE})
  --lang id|en                 language of labels and messages (default: from LANG)
  -h, --help                   show this help

Each flag that takes a value is given at most once. An appraisal file or an NDJSON line over 1 MiB is
refused as input-too-large, read no further than the limit. A JSON-array element over 1 MiB is an
input-too-large row and the elements after it are read, from a file or from standard input alike; a CSV
record over 1,048,576 characters is csv-record-too-large and stops its file.

Exit codes: 0 every evaluation complete or pending, 1 an evaluation, a row, the mapping or the rubric is
invalid, 2 usage error, unreadable input (missing, a folder, a .xlsx that is no workbook), or output that
cannot be written (e.g. a full disk), 3 a bug in Kinerja (or a batch worker thread that stopped).`;

/**
 * Whether the command line asks for a batch: a flag only batches have (a mapping, a worksheet, an input format,
 * NDJSON or CSV output), a CSV/XLSX/NDJSON file, or a JSON file (or standard input) that holds an array.
 * Otherwise each file is one appraisal, read whole, with line:column in its diagnostics, and one file gives one
 * Evaluation object. `--out` and `--strict` do not make a batch: where the output goes, or a stop that one
 * appraisal cannot need, must not change its shape or its positions.
 */
function isBatch(
  values: {
    'input-format'?: string;
    mapping?: string;
    'output-format'?: string;
    sheet?: string;
  },
  files: readonly string[],
  io: { cwd: string },
  stdinFirst: string | undefined,
): boolean {
  if (
    values['input-format'] !== undefined ||
    values.mapping !== undefined ||
    (values['output-format'] !== undefined && values['output-format'] !== 'json') ||
    values.sheet !== undefined
  )
    return true;
  return files.some((file) => {
    // The same bytes piped in or named by path are read the same way.
    if (file === '-') return stdinFirst === '[';
    const format = formatFromPath(file);
    if (format !== undefined && format !== 'json') return true;
    return startsWithArray(resolve(io.cwd, file));
  });
}

/** A flag's whole number from 1 to `max`, or its default; anything else is a usage error. */
function countFlag(flag: string, value: string | undefined, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= 1 && n <= max))
    throw new UsageError(
      {
        id: `${flag} harus bilangan bulat dari 1 sampai ${max}, bukan "${value}"`,
        en: `${flag} must be a whole number from 1 to ${max}, not "${value}"`,
      },
      'evaluate',
    );
  return n;
}

/**
 * `--sheet`: digits are a position, anything else a name. It overrides the mapping's `sheet`; XLSX input always
 * has a mapping, and the mapping is what the reader takes its sheet from.
 */
function withSheet(plan: BatchPlan, value: string): void {
  const sheet = /^\d+$/.test(value) ? Number(value) : value.trim();
  if (sheet === '' || sheet === 0)
    throw new UsageError(
      {
        id: `--sheet harus nama lembar kerja atau posisinya mulai dari 1, bukan "${value}"`,
        en: `--sheet must be a worksheet name or its position from 1, not "${value}"`,
      },
      'evaluate',
    );
  if (!plan.inputs.some((i) => i.format === 'xlsx') || !plan.mapping)
    throw new UsageError(
      {
        id: '--sheet memilih lembar kerja masukan XLSX, dan tidak ada masukan XLSX',
        en: '--sheet chooses the worksheet of an XLSX input, and no input is XLSX',
      },
      'evaluate',
    );
  plan.mapping = { ...plan.mapping, sheet };
}

/** `kinerja evaluate`: evaluates appraisal files against one rubric. */
export const evaluateCommand: Command = {
  name: 'evaluate',
  help,
  async run(args, processIo) {
    let io = processIo;
    const { values, positionals } = parseCommandArgs('evaluate', args, {
      rubric: { type: 'string', short: 'r' },
      format: { type: 'string' },
      lang: { type: 'string' },
      'input-format': { type: 'string' },
      mapping: { type: 'string' },
      'output-format': { type: 'string' },
      out: { type: 'string' },
      strict: { type: 'boolean' },
      'score-only': { type: 'boolean' },
      sheet: { type: 'string' },
      workers: { type: 'string' },
      'chunk-size': { type: 'string' },
    });
    if (values.help) {
      io.stdout.write(`${help}\n`);
      return ExitCode.ok;
    }
    const format = oneOf('--format', values.format, ['json', 'table'], 'json');
    const lang = detectLang(values.lang, io.env);
    if (values.rubric === undefined)
      throw new UsageError(
        { id: '--rubric <berkas> wajib diberikan', en: '--rubric <file> is required' },
        'evaluate',
      );
    if (positionals.length === 0)
      throw new UsageError({ id: 'tidak ada berkas penilaian', en: 'no appraisal file given' }, 'evaluate');
    if (positionals.filter((p) => p === '-').length > 1) {
      throw new UsageError(
        {
          id: 'masukan standar (-) hanya dapat dibaca sekali',
          en: 'standard input (-) can be read only once',
        },
        'evaluate',
      );
    }
    const outputFormat =
      values['output-format'] === undefined
        ? undefined
        : oneOf('--output-format', values['output-format'], ['json', 'ndjson', 'csv'], 'json');
    // Two flags for one choice: which one wins would be a guess.
    if (
      values.format !== undefined &&
      outputFormat !== undefined &&
      !(format === 'json' && outputFormat === 'json')
    )
      throw new UsageError(
        {
          id: `--format ${format} dan --output-format ${outputFormat} saling bertentangan; berikan salah satu`,
          en: `--format ${format} and --output-format ${outputFormat} contradict each other; give one of them`,
        },
        'evaluate',
      );
    const workers = countFlag('--workers', values.workers, 1024, availableParallelism());
    const chunkSize = countFlag('--chunk-size', values['chunk-size'], 100_000, DEFAULT_CHUNK_SIZE);
    let stdinFirst: string | undefined;
    if (positionals.includes('-')) {
      const peeked = await peekStdin(io.stdin);
      stdinFirst = peeked.first;
      io = { ...io, stdin: peeked.stdin };
    }
    if (isBatch(values, positionals, io, stdinFirst)) {
      const planned = planBatch(
        {
          files: positionals,
          ...(values['input-format'] !== undefined
            ? { inputFormat: oneOf('--input-format', values['input-format'], inputFormats, 'json') }
            : {}),
          ...(values.mapping !== undefined ? { mapping: values.mapping } : {}),
          output: format === 'table' ? 'table' : (outputFormat ?? 'json'),
          ...(values.out !== undefined ? { out: values.out } : {}),
          strict: values.strict === true,
          rubric: values.rubric,
          workers,
          chunkSize,
          scoreOnly: values['score-only'] === true,
        },
        io,
        lang,
      );
      if (!planned.ok) return planned.exitCode;
      if (values.sheet !== undefined) withSheet(planned.plan, values.sheet);
      const rubric = loadRubricOrReport(values.rubric, io, lang);
      if (!rubric.ok) return rubric.exitCode;
      return await runBatch(planned.plan, rubric.rubric, io, lang);
    }
    if (values.out !== undefined)
      checkOutTarget(
        values.out,
        [
          ...positionals.map((path) => ({ path, role: 'input' as const })),
          { path: values.rubric, role: 'rubric' },
        ],
        io.cwd,
        'evaluate',
      );
    const loaded = loadRubricOrReport(values.rubric, io, lang);
    if (!loaded.ok) return loaded.exitCode;
    // Read every input before evaluating, so a typo in the last file name does not leave half an output.
    const inputs = [];
    for (const path of positionals) inputs.push(await readInput(path, io));
    const rows: EvaluationRow[] = inputs.map((read) => ({
      source: read.source,
      evaluation: evaluateRead(loaded.rubric, read, values['score-only'] === true ? { scoreOnly: true } : {}),
    }));
    const sink =
      values.out === undefined ? BatchSink.of(io.stdout) : await BatchSink.toFile(values.out, io.cwd);
    try {
      if (format === 'json') {
        const out: Evaluation | Evaluation[] =
          rows.length === 1 && rows[0] ? rows[0].evaluation : rows.map((r) => r.evaluation);
        await sink.write(`${JSON.stringify(out, null, 2)}\n`);
      } else {
        await sink.write(`${formatEvaluationTable(rows, lang)}\n`);
        // The table has no room for reasons; the errors of invalid rows go to stderr.
        for (const r of rows) {
          if (r.evaluation.status !== 'invalid') continue;
          for (const d of r.evaluation.diagnostics) {
            if (d.severity === 'error') io.stderr.write(`${formatDiagnostic(d, lang)}\n`);
          }
        }
      }
    } finally {
      await sink.close();
    }
    return rows.some((r) => r.evaluation.status === 'invalid') ? ExitCode.invalid : ExitCode.ok;
  },
};
