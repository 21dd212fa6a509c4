import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import {
  type BatchEvent,
  createRecordScorer,
  type EvaluationWriter,
  formatFromPath,
  type InputFormat,
  type InputRecord,
  type LineBlock,
  loadMapping,
  type Mapping,
  type OutputFormat,
  readLineBlocks,
  readRecords,
  scoreRecords,
} from '@kinerja/batch';
import type { CompiledRubric, Diagnostic, Lang } from '@kinerja/core';
import type { CliIo } from '../CliIo.js';
import { ExitCode } from '../exitCodes.js';
import { formatDiagnostic } from '../formatDiagnostic.js';
import { type EvaluationRow, formatEvaluationTable } from '../formatEvaluationTable.js';
import { checkOutTarget } from '../outTarget.js';
import { readBoundedFile, STDIN_SOURCE } from '../readInput.js';
import { statPath } from '../statPath.js';
import { UsageError } from '../UsageError.js';
import {
  type BatchChunk,
  type ChunkHeader,
  type ChunkResult,
  createChunkScorer,
  type WorkerConfig,
} from './chunkScorer.js';
import { createOutputWriter } from './outputWriter.js';
import { Progress } from './progress.js';
import { rowReport, slim } from './rowReport.js';
import { BatchSink } from './sink.js';
import { batchWorkerEntry } from './workerEntry.js';
import { WorkerFailure, WorkerPool } from './workerPool.js';

/** A checked batch run: every input's format known, files readable, the mapping loaded. */
export interface BatchPlan {
  /** `stream`: not a regular file (a FIFO, `<(…)`), so read once as a stream, never opened by name. */
  inputs: Array<{ path: string; format: InputFormat; stream?: boolean }>;
  mapping?: Mapping;
  /** The mapping file's name and text, for worker threads to load it as this thread did. */
  mappingSource?: { path: string; text: string };
  output: OutputFormat | 'table';
  out?: string;
  strict: boolean;
  /** `--rubric` as given (relative to the cwd), for worker threads to compile it themselves. */
  rubricPath: string;
  /** Worker threads at most; 1 scores in this thread. */
  workers: number;
  /** Records per chunk sent to a worker. */
  chunkSize: number;
  /** Evaluate without the explanation (`--score-only`). */
  scoreOnly: boolean;
}

/** Records per chunk by default: large enough that messaging costs little, small enough to spread a batch. */
export const DEFAULT_CHUNK_SIZE = 256;

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
    rubric: string;
    workers: number;
    chunkSize?: number;
    scoreOnly?: boolean;
  },
  io: CliIo,
  lang: Lang,
): { ok: true; plan: BatchPlan } | { ok: false; exitCode: number } {
  const inputs = options.files.map((path): BatchPlan['inputs'][number] => {
    const format = options.inputFormat ?? (path === '-' ? 'json' : formatFromPath(path));
    if (format === undefined)
      throw new UsageError(
        {
          id: `format "${path}" tidak dapat dikenali dari namanya; berikan --input-format`,
          en: `cannot tell the format of "${path}" from its name; give --input-format`,
        },
        'evaluate',
      );
    if (path === '-') return { path, format };
    let stat: ReturnType<typeof statPath> | undefined;
    try {
      stat = statPath(resolve(io.cwd, path));
    } catch {
      stat = undefined;
    }
    if (stat === undefined)
      throw new UsageError(
        {
          id: `tidak dapat membaca "${path}": berkas tidak ada`,
          en: `cannot read "${path}": no such file`,
        },
        'evaluate',
      );
    if (stat.isDirectory())
      throw new UsageError(
        {
          id: `tidak dapat membaca "${path}": itu direktori, bukan berkas`,
          en: `cannot read "${path}": it is a directory, not a file`,
        },
        'evaluate',
      );
    // A FIFO, `<(…)` or a device can be read once, front to back: it is read as standard input is.
    if (!stat.isFile()) return { path, format, stream: true };
    return { path, format };
  });
  const tabular = inputs.find((i) => i.format === 'csv' || i.format === 'xlsx');
  if (tabular && options.mapping === undefined)
    throw new UsageError(
      {
        id: `--mapping <berkas.yaml> wajib untuk masukan ${tabular.format} ("${tabular.path}")`,
        en: `--mapping <file.yaml> is required for ${tabular.format} input ("${tabular.path}")`,
      },
      'evaluate',
    );
  if (options.out !== undefined)
    checkOutTarget(
      options.out,
      [
        ...inputs.map((i) => ({ path: i.path, role: 'input' as const })),
        { path: options.rubric, role: 'rubric' },
        ...(options.mapping !== undefined ? [{ path: options.mapping, role: 'mapping' as const }] : []),
      ],
      io.cwd,
      'evaluate',
    );
  const plan: BatchPlan = {
    inputs,
    output: options.output,
    strict: options.strict,
    rubricPath: options.rubric,
    workers: options.workers,
    chunkSize: options.chunkSize ?? DEFAULT_CHUNK_SIZE,
    scoreOnly: options.scoreOnly === true,
  };
  if (options.out !== undefined) plan.out = options.out;
  if (options.mapping !== undefined) {
    const read = readBoundedFile(options.mapping, io.cwd);
    if (!read.ok) {
      const d = read.diagnostics[0] as Diagnostic;
      throw new UsageError(d.message, 'evaluate');
    }
    const loaded = loadMapping(read.value, options.mapping);
    for (const d of loaded.diagnostics) io.stderr.write(`${formatDiagnostic(d, lang)}\n`);
    if (!loaded.ok) return { ok: false, exitCode: ExitCode.invalid };
    plan.mapping = loaded.mapping;
    plan.mappingSource = { path: options.mapping, text: read.value };
  }
  return { ok: true, plan };
}

/** A file's failure: why, and the elements not read after it (JSON arrays). */
type FatalEvent = Extract<BatchEvent, { kind: 'fatal' }>;

/**
 * Where every scored record and file failure goes, in input order, whichever thread scored it: counts, the
 * progress line, row reports on stderr, the output text (or the table's rows).
 */
class BatchOutput {
  rows = 0;
  invalid = 0;
  failedFiles = 0;
  /** Files that could not be opened at all (`file-unreadable`, e.g. a .xlsx that is no workbook). */
  unreadableFiles = 0;
  /** Whether a record's text has been written: the next one is written as a later record. */
  wrote = false;
  /** The closing text a worker's writer gave once it had written (chunked runs). */
  end = '';
  readonly table: EvaluationRow[] = [];

  constructor(
    private readonly sink: BatchSink,
    private readonly progress: Progress,
    private readonly io: CliIo,
    private readonly lang: Lang,
    private readonly strict: boolean,
  ) {}

  /** One record's output; `report` is set for an invalid record. Resolves to true when the batch must stop. */
  async record(output: string | EvaluationRow, report: string | undefined): Promise<boolean> {
    this.rows++;
    if (report !== undefined) {
      this.invalid++;
      this.progress.clear();
      this.io.stderr.write(report);
    }
    if (typeof output === 'string') {
      this.wrote = true;
      await this.sink.write(output);
    } else this.table.push(output);
    this.progress.tick(this.rows, this.invalid);
    return report !== undefined && this.strict;
  }

  /**
   * Records 0 … `last` of a chunk scored in a worker: counted and reported one by one (the progress line, the
   * reports of invalid ones), then their output written at once. `written` is called when the chunk's buffer is
   * no longer needed.
   */
  async chunk(r: ChunkResult, last: number, written: () => void): Promise<void> {
    for (let i = 0, k = 0; i <= last; i++) {
      this.rows++;
      if (r.invalid[k] === i) {
        this.invalid++;
        this.progress.clear();
        this.io.stderr.write(r.reports[k++] as string);
      }
      this.progress.tick(this.rows, this.invalid);
    }
    let from = 0;
    if (!this.wrote) {
      await this.sink.write(r.head);
      from = r.ends[0] as number;
    }
    this.wrote = true;
    await this.sink.writeBytes(r.bytes.subarray(from, r.ends[last]), written);
  }

  /**
   * A file that cannot be read further, and how many of its elements were not read when that is known. True when
   * the batch must stop.
   */
  fatal({ diagnostics, unread }: FatalEvent): boolean {
    this.failedFiles++;
    // Unreadable, not invalid: the exit code tells a file that could not be opened as a workbook from bad rows.
    if (diagnostics.some((d) => d.code === 'file-unreadable')) this.unreadableFiles++;
    this.progress.clear();
    for (const d of diagnostics) this.io.stderr.write(`${formatDiagnostic(d, this.lang)}\n`);
    if (unread !== undefined) {
      const first = diagnostics[0];
      const where = first?.span
        ? `${first.source}:${first.span.start.line}:${first.span.start.column}`
        : (first?.source ?? '<input>');
      const words = {
        id: `berkas berhenti di sini: ${unread} elemen sesudahnya tidak dibaca`,
        en: `the file stops here: ${unread} element${unread === 1 ? '' : 's'} after this point not read`,
      };
      this.io.stderr.write(`${where}  ${words[this.lang]}\n`);
    }
    return this.strict;
  }
}

/**
 * Scores every input record by record and writes each result as soon as it is known (JSON, NDJSON, CSV), so
 * memory stays flat however long the export is; `table` output, meant for people, gathers its rows. Row errors go
 * to stderr as `file:row#pointer  error  code  message [column "…"]`. With `strict`, the first invalid row or
 * unreadable file stops the run (the output written so far stays well-formed). With `workers` > 1, chunks of
 * records are scored in worker threads and written in input order: the same bytes on stdout and stderr as one
 * thread writes.
 *
 * @returns 0 when every row was scored (complete or pending), 1 when a row or a file failed, 2 when a file could
 * not be opened at all (`file-unreadable`), 3 when a worker thread failed (the output written so far is closed).
 */
export async function runBatch(
  plan: BatchPlan,
  rubric: CompiledRubric,
  io: CliIo,
  lang: Lang,
): Promise<number> {
  const progress = new Progress(io);
  const writer = plan.output === 'table' ? undefined : createOutputWriter(plan.output);
  const sink = plan.out === undefined ? BatchSink.of(io.stdout) : await BatchSink.toFile(plan.out, io.cwd);
  const out = new BatchOutput(sink, progress, io, lang, plan.strict);
  const chunked = plan.workers > 1;
  try {
    if (chunked) await scoreInChunks(plan, rubric, out, io, lang);
    else await scoreInThread(plan, rubric, writer, out, io, lang);
  } catch (error) {
    if (!(error instanceof WorkerFailure)) throw error;
    progress.clear();
    io.stderr.write(`kinerja: ${error.message}\n`);
    return ExitCode.internal;
  } finally {
    progress.clear();
    try {
      if (!writer) await sink.write(`${formatEvaluationTable(out.table, lang)}\n`);
      // In a chunked run this writer wrote nothing: its end is the end of an empty batch.
      else await sink.write(chunked && out.wrote ? out.end : writer.end());
    } finally {
      await sink.close();
    }
  }
  if (out.unreadableFiles > 0) return ExitCode.usage;
  return out.invalid > 0 || out.failedFiles > 0 ? ExitCode.invalid : ExitCode.ok;
}

/**
 * One input's name in diagnostics and its records. Reading stays in this thread in every mode, so the reader's
 * options (the mapping's delimiter, sheet and grouping) never need to reach a worker.
 */
function openInput(plan: BatchPlan, input: BatchPlan['inputs'][number], io: CliIo) {
  const { name, source } = inputSource(input, io);
  return {
    name,
    records: readRecords(source, name, input.format, plan.mapping ? { mapping: plan.mapping } : {}),
  };
}

function inputSource({ path, stream }: BatchPlan['inputs'][number], io: CliIo) {
  if (path === '-') return { name: STDIN_SOURCE, source: io.stdin };
  const full = resolve(io.cwd, path);
  // A FIFO has no size and cannot be reopened or read at an offset, which reading by name may do (XLSX).
  return { name: path, source: stream ? createReadStream(full) : full };
}

/**
 * An input as a chunked run reads it: NDJSON as blocks of `chunkSize` raw lines, which workers decode and split
 * themselves (this thread then allocates next to nothing per record); other formats as records.
 */
function openChunkedInput(
  plan: BatchPlan,
  input: BatchPlan['inputs'][number],
  io: CliIo,
): { name: string; records: AsyncIterable<InputRecord | LineBlock> } {
  if (input.format !== 'ndjson') return openInput(plan, input, io);
  const { name, source } = inputSource(input, io);
  return { name, records: readLineBlocks(source, name, { maxLines: plan.chunkSize }) };
}

/** `--workers 1`: reads, scores and writes record by record in this thread. */
async function scoreInThread(
  plan: BatchPlan,
  rubric: CompiledRubric,
  writer: EvaluationWriter | undefined,
  out: BatchOutput,
  io: CliIo,
  lang: Lang,
): Promise<void> {
  files: for (const input of plan.inputs) {
    const { name, records } = openInput(plan, input, io);
    const events = scoreRecords(records, rubric, {
      file: name,
      scoreOnly: plan.scoreOnly,
      ...(plan.mapping ? { mapping: plan.mapping } : {}),
    });
    for await (const event of events) {
      if (event.kind === 'fatal') {
        if (out.fatal(event)) break files;
        continue;
      }
      const report = event.evaluation.status === 'invalid' ? rowReport(event, lang) : undefined;
      const output = writer ? writer.write(event) : { source: event.ref, evaluation: slim(event.evaluation) };
      if (await out.record(output, report)) break files;
    }
  }
}

/** A unit of the ordered queue: a chunk being scored, or a file's fatal failure, which keeps its place. */
interface Job {
  chunk?: BatchChunk;
  result?: Promise<ChunkResult>;
  fatal?: FatalEvent;
}

/**
 * `--workers n`: this thread reads and splits the input (NDJSON into blocks of raw lines, so decoding, parsing,
 * mapping, evaluation and serialisation all happen in the workers), sends chunks of `chunkSize` records to up to
 * n worker threads, and writes the results strictly in input order. At most 2n chunks are in flight: when the queue is full the
 * reader waits for the oldest chunk to be written, so memory does not grow with the file. A batch that turns out
 * to be one chunk is scored here, without starting a thread.
 */
async function scoreInChunks(
  plan: BatchPlan,
  rubric: CompiledRubric,
  out: BatchOutput,
  io: CliIo,
  lang: Lang,
): Promise<void> {
  const config: WorkerConfig = {
    rubricPath: plan.rubricPath,
    cwd: io.cwd,
    fingerprint: rubric.fingerprint,
    output: plan.output,
    lang,
    scoreOnly: plan.scoreOnly,
    ...(plan.mappingSource ? { mapping: plan.mappingSource } : {}),
  };
  const pool = new WorkerPool<BatchChunk, ChunkResult>(await batchWorkerEntry(), config, plan.workers);
  const limit = 2 * plan.workers;
  /** Output buffers written out, to go back to the workers with the next chunks. */
  const spares: ArrayBuffer[] = [];
  const recycle = (buffer: ArrayBuffer) => {
    if (buffer.byteLength > 0 && spares.length < limit + 2) spares.push(buffer);
  };
  const queue: Job[] = [];
  let chunks = 0;
  // The first chunk waits until a second one shows that the batch needs threads at all.
  let held: Job | undefined;
  let stopped = false;

  const send = (job: Job, local: boolean) => {
    const chunk = job.chunk as BatchChunk;
    job.chunk = undefined;
    if (local) {
      job.result = Promise.resolve(
        createChunkScorer(rubric, plan.mapping, plan.output, lang, plan.scoreOnly)(chunk),
      );
      return;
    }
    chunk.spare = spares.splice(0, 2);
    job.result = pool.run(chunk, [...(chunk.lines ? [chunk.lines.bytes.buffer] : []), ...chunk.spare]);
    // Awaited in order later; until then a worker failure must not count as an unhandled rejection.
    job.result.catch(() => {});
  };
  const release = (local: boolean) => {
    if (held) send(held, local);
    held = undefined;
  };
  const consume = async (job: Job): Promise<boolean> => {
    if (job.fatal) return out.fatal(job.fatal);
    const r = await (job.result as Promise<ChunkResult>);
    // Before the records: --strict may stop at one of them, and the output must still close.
    if (r.count > 0) out.end = r.end;
    if (plan.output === 'table') {
      for (let i = 0, k = 0; i < r.count; i++) {
        const report = r.invalid[k] === i ? r.reports[k++] : undefined;
        if (await out.record(r.rows[i] as EvaluationRow, report)) return true;
      }
      return false;
    }
    if (r.count === 0) return false;
    // With --strict, the first invalid record is the last one written, as in one thread.
    const stop = plan.strict ? r.invalid[0] : undefined;
    await out.chunk(r, stop ?? r.count - 1, () => recycle(r.bytes.buffer));
    return stop !== undefined;
  };
  const push = async (job: Job) => {
    if (job.chunk) {
      if (chunks++ === 0) held = job;
      else {
        release(false);
        send(job, false);
      }
    }
    queue.push(job);
    while (!stopped && queue.length >= limit) {
      release(false);
      stopped = await consume(queue.shift() as Job);
    }
  };

  try {
    for (const [part, input] of plan.inputs.entries()) {
      if (stopped) break;
      const { name, records } = openChunkedInput(plan, input, io);
      // Binds the mapping to the header here, so a file whose columns do not fit fails once, in its place.
      const check = createRecordScorer(rubric, {
        file: name,
        ...(plan.mapping ? { mapping: plan.mapping } : {}),
      });
      let header: ChunkHeader | undefined;
      let batch: InputRecord[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        const chunk: BatchChunk = { part, file: name, records: batch, ...(header ? { header } : {}) };
        batch = [];
        await push({ chunk });
      };
      for await (const record of records) {
        if (record.kind === 'lines') {
          await flush();
          await push({ chunk: { part, file: name, records: [], lines: record } });
          if (stopped) break;
          continue;
        }
        if (record.kind === 'header' || record.kind === 'fatal') {
          const failed = check.score(record);
          await flush();
          if (failed?.kind === 'fatal') {
            await push({ fatal: failed });
            break;
          }
          if (record.kind === 'header')
            header = {
              columns: record.columns,
              ...(record.delimiter ? { delimiter: record.delimiter } : {}),
            };
          continue;
        }
        batch.push(record);
        if (batch.length >= plan.chunkSize) await flush();
        if (stopped) break;
      }
      if (!stopped) await flush();
    }
    release(pool.started === 0);
    while (!stopped && queue.length > 0) stopped = await consume(queue.shift() as Job);
  } finally {
    await pool.close();
  }
}
