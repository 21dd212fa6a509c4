import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  createWriter,
  formatFromPath,
  type InputFormat,
  loadMapping,
  type Mapping,
  type OutputFormat,
  readRecords,
  type ScoredRecord,
  scoreRecords,
} from '@kinerja/batch';
import type { CompiledRubric, Diagnostic, Evaluation, Lang } from '@kinerja/core';
import { readTextFile } from '@kinerja/core/node';
import type { CliIo } from '../CliIo.js';
import { ExitCode } from '../exitCodes.js';
import { formatDiagnostic } from '../formatDiagnostic.js';
import { type EvaluationRow, formatEvaluationTable } from '../formatEvaluationTable.js';
import { STDIN_SOURCE } from '../readInput.js';
import { UsageError } from '../UsageError.js';
import { Progress } from './progress.js';
import { BatchSink } from './sink.js';

/** A checked batch run: every input's format known, files readable, the mapping loaded. */
export interface BatchPlan {
  inputs: Array<{ path: string; format: InputFormat }>;
  mapping?: Mapping;
  output: OutputFormat | 'table';
  out?: string;
  strict: boolean;
}

/** The input formats `--input-format` accepts. */
export const inputFormats: readonly InputFormat[] = ['json', 'ndjson', 'csv', 'xlsx'];

/**
 * Checks a batch command line before anything is scored: each input's format (from `--input-format` or the
 * extension), that each file can be read, and that CSV/XLSX come with a `--mapping`. Usage mistakes throw a
 * {@link UsageError} (exit 2); an invalid mapping is printed and gives exit 1.
 */
export function planBatch(
  options: {
    files: string[];
    inputFormat?: InputFormat;
    mapping?: string;
    output: OutputFormat | 'table';
    out?: string;
    strict: boolean;
  },
  io: CliIo,
  lang: Lang,
): { ok: true; plan: BatchPlan } | { ok: false; exitCode: number } {
  const inputs = options.files.map((path) => {
    const format = options.inputFormat ?? (path === '-' ? 'json' : formatFromPath(path));
    if (format === undefined)
      throw new UsageError(
        `cannot tell the format of "${path}" from its name; give --input-format`,
        'evaluate',
      );
    if (path !== '-') {
      let isFile = false;
      try {
        isFile = statSync(resolve(io.cwd, path)).isFile();
      } catch {
        isFile = false;
      }
      if (!isFile) throw new UsageError(`cannot read "${path}": no such file`, 'evaluate');
    }
    return { path, format };
  });
  const tabular = inputs.find((i) => i.format === 'csv' || i.format === 'xlsx');
  if (tabular && options.mapping === undefined)
    throw new UsageError(
      `--mapping <file.yaml> is required for ${tabular.format} input ("${tabular.path}")`,
      'evaluate',
    );
  const plan: BatchPlan = { inputs, output: options.output, strict: options.strict };
  if (options.out !== undefined) plan.out = options.out;
  if (options.mapping !== undefined) {
    const read = readTextFile(options.mapping, { cwd: io.cwd });
    if (!read.ok) {
      const d = read.diagnostics[0];
      throw new UsageError(d ? d.message[lang] : `cannot read ${options.mapping}`, 'evaluate');
    }
    const loaded = loadMapping(read.value, options.mapping);
    for (const d of loaded.diagnostics) io.stderr.write(`${formatDiagnostic(d, lang)}\n`);
    if (!loaded.ok) return { ok: false, exitCode: ExitCode.invalid };
    plan.mapping = loaded.mapping;
  }
  return { ok: true, plan };
}

/** The portal column an appraisal pointer was read from: the pointer itself or its nearest mapped ancestor. */
function columnOf(record: ScoredRecord, pointer: string): string | undefined {
  if (!record.columns) return undefined;
  for (let p = pointer; p !== ''; p = p.slice(0, p.lastIndexOf('/'))) {
    const column = record.columns.get(p);
    if (column !== undefined) return column;
  }
  return undefined;
}

const columnWord = { id: 'kolom', en: 'column' };

function reportRow(record: ScoredRecord, io: CliIo, lang: Lang): void {
  for (const d of record.evaluation.diagnostics) {
    if (d.severity !== 'error') continue;
    const named = d.code === 'cell-invalid' || d.code === 'nip-mangled';
    const column = named ? undefined : columnOf(record, d.pointer);
    io.stderr.write(`${formatDiagnostic(d, lang)}${column ? ` [${columnWord[lang]} "${column}"]` : ''}\n`);
  }
}

function slim(e: Evaluation): Evaluation {
  const outcomes: Evaluation['outcomes'] = {};
  for (const [id, o] of Object.entries(e.outcomes))
    outcomes[id] = { label: o.label, kind: o.kind, met: o.met, conditions: o.conditions };
  return { ...e, groups: {}, outcomes, diagnostics: [] };
}

/**
 * Scores every input record by record and writes each result as soon as it is known (JSON, NDJSON, CSV), so
 * memory stays flat however long the export is; `table` output, meant for people, gathers its rows. Row errors go
 * to stderr as `file:row#pointer  error  code  message [column "…"]`. With `strict`, the first invalid row or
 * unreadable file stops the run (the output written so far stays well-formed).
 *
 * @returns 0 when every row was scored (complete or pending), 1 when a row or a file failed.
 */
export async function runBatch(
  plan: BatchPlan,
  rubric: CompiledRubric,
  io: CliIo,
  lang: Lang,
): Promise<number> {
  const progress = new Progress(io);
  const writer = plan.output === 'table' ? undefined : createWriter(plan.output);
  let sink: BatchSink;
  try {
    sink = plan.out === undefined ? BatchSink.of(io.stdout) : await BatchSink.toFile(plan.out, io.cwd);
  } catch (error) {
    throw new UsageError(`cannot write "${plan.out}": ${(error as Error).message}`, 'evaluate');
  }
  const table: EvaluationRow[] = [];
  let rows = 0;
  let invalid = 0;
  let failedFiles = 0;
  const printFatal = (ds: Diagnostic[]) => {
    progress.clear();
    for (const d of ds) io.stderr.write(`${formatDiagnostic(d, lang)}\n`);
  };
  try {
    files: for (const { path, format } of plan.inputs) {
      const name = path === '-' ? STDIN_SOURCE : path;
      const input = path === '-' ? io.stdin : resolve(io.cwd, path);
      const delimiter = plan.mapping?.delimiter;
      const records = readRecords(input, name, format, delimiter ? { delimiter } : {});
      const events = scoreRecords(records, rubric, {
        file: name,
        ...(plan.mapping ? { mapping: plan.mapping } : {}),
      });
      for await (const event of events) {
        if (event.kind === 'fatal') {
          failedFiles++;
          printFatal(event.diagnostics);
          if (plan.strict) break files;
          continue;
        }
        rows++;
        const bad = event.evaluation.status === 'invalid';
        if (bad) {
          invalid++;
          progress.clear();
          reportRow(event, io, lang);
        }
        if (writer) await sink.write(writer.write(event));
        else table.push({ source: event.ref, evaluation: slim(event.evaluation) });
        progress.tick(rows, invalid);
        if (bad && plan.strict) break files;
      }
    }
  } finally {
    progress.clear();
    if (writer) await sink.write(writer.end());
    else await sink.write(`${formatEvaluationTable(table, lang)}\n`);
    await sink.close();
  }
  return invalid > 0 || failedFiles > 0 ? ExitCode.invalid : ExitCode.ok;
}
