import {
  type CompiledRubric,
  createDiagnostic,
  type Diagnostic,
  type Evaluation,
  parseJson,
} from '@kinerja/core';
import { type BoundMapping, bindMapping, type MappedRow } from './mapping/bindMapping.js';
import type { Mapping } from './mapping/loadMapping.js';
import type { Cell, InputRecord } from './records.js';
import { spanInFile } from './spanInFile.js';

/** One input record and its evaluation. */
export interface ScoredRecord {
  /** `<file>:<row>`. */
  ref: string;
  /** The row (tables) or the line the record starts on (JSON). */
  row: number;
  /** The evaluation; `invalid` with the reasons when the row could not be read or mapped. */
  evaluation: Evaluation;
  /** The NIP as the row wrote it, when a mapping read one (also when it was refused). */
  nip?: string;
  /** Appraisal pointer → portal column, when a mapping built the appraisal. */
  columns?: ReadonlyMap<string, string>;
}

/** What {@link scoreRecords} yields: a scored record, or a file-level failure (the file's last event). */
export type BatchEvent =
  | ({ kind: 'scored' } & ScoredRecord)
  | {
      kind: 'fatal';
      diagnostics: Diagnostic[];
      /** JSON array: the elements after the break that were not read (see {@link InputRecord}). */
      unread?: number;
    };

/** Options of {@link scoreRecords}. */
export interface ScoreOptions {
  /** The input's name, for file-level diagnostics. */
  file: string;
  /** Column mapping: required for tables; for JSON, maps flat objects instead of reading appraisals. */
  mapping?: Mapping;
  /** Evaluate with `scoreOnly` (same verdicts, no explanation): for bulk runs that keep only the results. */
  scoreOnly?: boolean;
}

/**
 * In a long-format file each target and rating came from its own row: a diagnostic about one of them (pointer at
 * or below `/targets/<group>/<i>` or `/ratings/<i>`) names that row rather than the appraisal's first row.
 */
function atRow(d: Diagnostic, refs: ReadonlyMap<string, string> | undefined): Diagnostic {
  const parts = d.pointer.split('/');
  const depth = parts[1] === 'targets' ? 4 : parts[1] === 'ratings' ? 3 : 0;
  if (depth === 0 || parts.length < depth) return d;
  const row = refs?.get(parts.slice(0, depth).join('/'));
  return row === undefined || row === d.source ? d : { ...d, source: row };
}

/** An invalid evaluation that carries only its reasons, shaped like core's `evaluateText` for unparsable text. */
export function invalidEvaluation(rubric: CompiledRubric, diagnostics: Diagnostic[]): Evaluation {
  return {
    rubric: { id: rubric.id, version: rubric.version, fingerprint: rubric.fingerprint },
    appraisal: {},
    status: 'invalid',
    groups: {},
    outcomes: {},
    flags: [],
    diagnostics,
  };
}

/**
 * Scores one record at a time, synchronously, keeping only the bound mapping between records: the step
 * {@link scoreRecords} repeats for each record, for callers that move records themselves (in chunks, to worker
 * threads). Feed it a file's records in order, its header first; a new file needs a new scorer.
 */
export interface RecordScorer {
  /**
   * The event of one record: a scored record; a `fatal` (the file cannot be scored further: stop feeding it); or
   * `undefined` for a header that bound the mapping (and for a table row read before any header).
   */
  score(record: InputRecord): BatchEvent | undefined;
}

/** A {@link RecordScorer} of one file against a rubric, with the options of {@link scoreRecords}. */
export function createRecordScorer(rubric: CompiledRubric, options: ScoreOptions): RecordScorer {
  const { mapping } = options;
  const evaluateOptions = (source: string) =>
    options.scoreOnly === true ? { source, scoreOnly: true } : { source };
  let bound: BoundMapping | undefined;
  // Flat JSON objects may differ in keys; the binding of the last key set is reused while it repeats.
  let jsonKeys = '';
  let jsonBound: BoundMapping | undefined;

  // Every diagnostic of a record names its row, also those core reports without a source (outcome facts).
  const evaluate = (appraisal: unknown, ref: string): Evaluation => {
    const e = rubric.evaluate(appraisal, evaluateOptions(ref));
    if (e.diagnostics.some((d) => d.source === undefined))
      e.diagnostics = e.diagnostics.map((d) => (d.source === undefined ? { ...d, source: ref } : d));
    return e;
  };
  const mapped = (m: MappedRow, ref: string, row: number): { kind: 'scored' } & ScoredRecord => {
    const evaluation = m.appraisal ? evaluate(m.appraisal, ref) : invalidEvaluation(rubric, m.diagnostics);
    if (m.refs && m.refs.size > 0)
      evaluation.diagnostics = evaluation.diagnostics.map((d) => atRow(d, m.refs));
    if (m.warnings) evaluation.diagnostics = [...evaluation.diagnostics, ...m.warnings];
    return {
      kind: 'scored',
      ref,
      row,
      evaluation,
      ...(m.nip !== undefined ? { nip: m.nip } : {}),
      columns: m.columns,
    };
  };
  const invalid = (record: { ref: string; row: number }, diagnostics: Diagnostic[]): BatchEvent => ({
    kind: 'scored',
    ref: record.ref,
    row: record.row,
    evaluation: invalidEvaluation(rubric, diagnostics),
  });

  return {
    score(record) {
      switch (record.kind) {
        case 'header': {
          if (!mapping) {
            return {
              kind: 'fatal',
              diagnostics: [
                createDiagnostic({
                  code: 'mapping-invalid',
                  pointer: '',
                  source: options.file,
                  params: {
                    detail: 'a CSV or XLSX export needs a mapping from its columns to the appraisal format',
                    detailId:
                      'ekspor CSV atau XLSX memerlukan pemetaan dari kolomnya ke format data penilaian',
                  },
                }),
              ],
            };
          }
          // An empty file would otherwise fail once per mapped column, none of which says why.
          if (record.columns.every((c) => c === ''))
            return {
              kind: 'fatal',
              diagnostics: [
                createDiagnostic({
                  code: 'header-missing',
                  pointer: '',
                  source: options.file,
                  received: options.file,
                }),
              ],
            };
          const b = bindMapping(mapping, record.columns, {
            file: options.file,
            ...(record.delimiter ? { delimiter: record.delimiter } : {}),
          });
          if (!b.ok) return { kind: 'fatal', diagnostics: b.diagnostics };
          bound = b.bound;
          return undefined;
        }
        case 'row':
          return bound
            ? mapped(bound.apply(record.cells, record.ref, record.merged), record.ref, record.row)
            : undefined;
        case 'group':
          return bound ? mapped(bound.applyGroup(record.rows), record.ref, record.row) : undefined;
        case 'json': {
          const parsed = parseJson(record.text, { source: record.ref });
          if (!parsed.ok)
            return invalid(
              record,
              parsed.diagnostics.map((d) => spanInFile(d, record, options.file)),
            );
          if (!mapping) {
            return {
              kind: 'scored',
              ref: record.ref,
              row: record.row,
              evaluation: evaluate(parsed.value, record.ref),
            };
          }
          const flat = flatten(parsed.value, record.ref);
          if ('diagnostics' in flat) return invalid(record, flat.diagnostics);
          const keys = flat.columns.join('\u0000');
          if (keys !== jsonKeys || !jsonBound) {
            const b = bindMapping(mapping, flat.columns, { file: options.file, missingIsEmpty: true });
            if (!b.ok) return invalid(record, b.diagnostics);
            jsonKeys = keys;
            jsonBound = b.bound;
          }
          return mapped(jsonBound.apply(flat.cells, record.ref), record.ref, record.row);
        }
        case 'error':
          return invalid(record, record.diagnostics);
        case 'fatal':
          return record;
      }
    },
  };
}

/**
 * Scores records one by one as they are read: maps table rows (or flat JSON objects) through the mapping, parses
 * JSON appraisals with core's `parseJson`, evaluates each against the rubric with full schema validation, and
 * yields the result before reading on. Nothing is kept between records except the bound mapping. A `fatal` event
 * is the last one.
 */
export async function* scoreRecords(
  records: AsyncIterable<InputRecord>,
  rubric: CompiledRubric,
  options: ScoreOptions,
): AsyncGenerator<BatchEvent> {
  const scorer = createRecordScorer(rubric, options);
  for await (const record of records) {
    const event = scorer.score(record);
    if (event === undefined) continue;
    yield event;
    if (event.kind === 'fatal') return;
  }
}

/** A flat JSON object as a row: its keys are the columns; strings are trimmed and empty ones absent. */
function flatten(
  value: unknown,
  ref: string,
): { columns: string[]; cells: (Cell | undefined)[] } | { diagnostics: Diagnostic[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      diagnostics: [
        createDiagnostic({
          code: 'schema-type',
          pointer: '',
          source: ref,
          expected: 'object',
          received: typeof value,
        }),
      ],
    };
  }
  const columns: string[] = [];
  const cells: (Cell | undefined)[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [k, v] of Object.entries(value)) {
    columns.push(k);
    if (typeof v === 'string') cells.push(v.trim() === '' ? undefined : v.trim());
    else if (typeof v === 'number' || typeof v === 'boolean') cells.push(v);
    else if (v === null) cells.push(undefined);
    else {
      cells.push(undefined);
      diagnostics.push(
        createDiagnostic({
          code: 'cell-invalid',
          pointer: `/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`,
          source: ref,
          received: v,
          expected: 'a text, a number or true/false',
          params: { column: k, type: 'scalar' },
        }),
      );
    }
  }
  return diagnostics.length > 0 ? { diagnostics } : { columns, cells };
}
