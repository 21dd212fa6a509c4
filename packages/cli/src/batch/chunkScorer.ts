import {
  createRecordScorer,
  type InputRecord,
  type LineBlock,
  lineRecords,
  loadMapping,
  type Mapping,
  type OutputFormat,
  type RecordScorer,
} from '@kinerja/batch';
import type { CompiledRubric, Lang } from '@kinerja/core';
import { loadRubricFile } from '@kinerja/core/node';
import type { EvaluationRow } from '../formatEvaluationTable.js';
import { createOutputWriter } from './outputWriter.js';
import { rowReport, slim } from './rowReport.js';
import { Utf8Buffer } from './Utf8Buffer.js';

/** A table's header as a chunk carries it, so a worker can bind the mapping without having read the file. */
export interface ChunkHeader {
  columns: readonly string[];
  delimiter?: ',' | ';';
}

/** Consecutive records of one input, sent to a worker (or scored in the main thread) as one unit. */
export interface BatchChunk {
  /** Index of the input in the plan: a worker keeps one bound mapping per input. */
  part: number;
  /** The input's name in diagnostics (`file`, or `<stdin>`). */
  file: string;
  /** The header the main thread read and checked, for tables. */
  header?: ChunkHeader;
  /** `json`, `row` and `error` records, in file order. */
  records: InputRecord[];
  /**
   * NDJSON lines as raw bytes, split into records by the scorer (after `records`, which then holds nothing):
   * the main thread hands over memory it read, and the text is decoded only in the worker.
   */
  lines?: LineBlock;
  /**
   * Output buffers the main thread has written out, handed back (transferred) for this thread to fill again, so
   * neither thread allocates a new one per chunk.
   */
  spare?: ArrayBuffer[];
}

/**
 * What a chunk gives back, everything already formatted so the main thread only writes bytes in order. Writers
 * write a batch's first record differently (`[` of a JSON array, the CSV header line); `bytes` holds every record
 * as a later record, and `head` record 0 as the batch's very first, since only the main thread knows which chunk
 * that is. The records' output is UTF-8 in one buffer with offsets, not a string per record: it is transferred
 * rather than copied between threads, written as it is, and the buffer then goes back to a worker as a `spare`,
 * so the main thread never holds the output as strings.
 */
export interface ChunkResult {
  /** Records scored (a table row read before any header is not). */
  count: number;
  /** Writer output of every record, as a batch's later records, UTF-8; empty for table output. */
  bytes: Uint8Array<ArrayBuffer>;
  /** `ends[i]`: the byte offset where record i's output ends in `bytes`. */
  ends: number[];
  /** Writer output of record 0 as a batch's first record. */
  head: string;
  /** The writer's closing text once something was written. */
  end: string;
  /** Table output: source and slimmed evaluation per record. */
  rows: EvaluationRow[];
  /** Indices of invalid records, ascending. */
  invalid: number[];
  /** Their stderr reports, aligned with `invalid`. */
  reports: string[];
}

/** Everything a worker needs to score like the main thread: sent once, as `workerData`. */
export interface WorkerConfig {
  /** `--rubric` as given, read relative to `cwd` (includes resolve the same way). */
  rubricPath: string;
  cwd: string;
  /** The main thread's compiled rubric; a worker refuses to score against anything else. */
  fingerprint: string;
  /** The mapping file's text and name. */
  mapping?: { text: string; path: string };
  output: OutputFormat | 'table';
  lang: Lang;
  /** `--score-only`. */
  scoreOnly?: boolean;
}

/** Output buffers a scorer keeps for later chunks: about as many as can be in flight to it. */
const MAX_SPARES = 4;

/** Scores chunks in order; keeps the bound mapping of the input it last saw. */
export type ChunkScorer = (chunk: BatchChunk) => ChunkResult;

/**
 * A chunk scorer over a compiled rubric: the code a worker runs, and the main thread too when a batch is a single
 * chunk (starting a worker, which compiles the rubric again, would cost more than the chunk).
 */
export function createChunkScorer(
  rubric: CompiledRubric,
  mapping: Mapping | undefined,
  output: OutputFormat | 'table',
  lang: Lang,
  scoreOnly = false,
): ChunkScorer {
  let part = -1;
  let scorer: RecordScorer | undefined;
  const spares: ArrayBuffer[] = [];
  return (chunk) => {
    for (const buffer of chunk.spare ?? []) if (spares.length < MAX_SPARES) spares.push(buffer);
    if (chunk.part !== part || !scorer) {
      part = chunk.part;
      scorer = createRecordScorer(rubric, { file: chunk.file, scoreOnly, ...(mapping ? { mapping } : {}) });
      if (chunk.header) {
        const bound = scorer.score({ kind: 'header', ...chunk.header });
        // The main thread bound this very header before sending it; a different answer here is a bug.
        if (bound !== undefined) throw new Error(`the header of ${chunk.file} no longer binds in a worker`);
      }
    }
    const result: ChunkResult = {
      count: 0,
      bytes: new Uint8Array(0),
      ends: [],
      head: '',
      end: '',
      rows: [],
      invalid: [],
      reports: [],
    };
    const writer = output === 'table' ? undefined : createOutputWriter(output);
    const bytes = writer ? new Utf8Buffer(spares.pop()) : undefined;
    const records = chunk.lines ? lineRecords(chunk.lines, chunk.file) : chunk.records;
    for (const record of records) {
      const event = scorer.score(record);
      if (event === undefined) continue;
      if (event.kind === 'fatal') throw new Error(`a fatal record reached a worker (${chunk.file})`);
      const index = result.count++;
      if (event.evaluation.status === 'invalid') {
        result.invalid.push(index);
        result.reports.push(rowReport(event, lang));
      }
      if (!writer || !bytes) {
        result.rows.push({ source: event.ref, evaluation: slim(event.evaluation) });
        continue;
      }
      // A fresh writer writes record 0 as a batch's first; the same call again gives it as a later record.
      if (index === 0) result.head = writer.write(event);
      result.ends.push(bytes.append(writer.write(event)));
    }
    if (bytes) result.bytes = bytes.bytes();
    if (writer && result.count > 0) result.end = writer.end();
    return result;
  };
}

/**
 * A worker's start: loads the rubric and the mapping as the main thread did and checks that the rubric compiled
 * to the same fingerprint (the file may have changed since). A refusal is a message for the user, not a stack.
 */
export function workerScorer(
  config: WorkerConfig,
): { ok: true; score: ChunkScorer } | { ok: false; message: string } {
  const loaded = loadRubricFile(config.rubricPath, { cwd: config.cwd });
  if (!loaded.ok)
    return {
      ok: false,
      message: `a worker cannot load the rubric "${config.rubricPath}": ${loaded.diagnostics[0]?.message[config.lang] ?? 'unknown error'}`,
    };
  if (loaded.value.fingerprint !== config.fingerprint)
    return {
      ok: false,
      message: `the rubric "${config.rubricPath}" changed while the batch was starting (fingerprint ${loaded.value.fingerprint}, expected ${config.fingerprint}); run again`,
    };
  let mapping: Mapping | undefined;
  if (config.mapping) {
    const m = loadMapping(config.mapping.text, config.mapping.path);
    if (!m.ok) return { ok: false, message: `a worker cannot load the mapping "${config.mapping.path}"` };
    mapping = m.mapping;
  }
  return {
    ok: true,
    score: createChunkScorer(loaded.value, mapping, config.output, config.lang, config.scoreOnly === true),
  };
}
