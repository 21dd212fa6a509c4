/**
 * @kinerja/batch — scores the exports that e-Kinerja/SKP portals already produce, as they are: JSON arrays,
 * NDJSON, CSV (`,` or `;`, decimal commas, BOM) and XLSX, read lazily record by record; a YAML mapping from the
 * portal's column names to the appraisal format v1; and JSON, NDJSON and CSV writers that never hold the batch.
 * Node only.
 *
 * @example
 * const mapping = loadMapping(readFileSync('mapping.yaml', 'utf8'), 'mapping.yaml');
 * for await (const event of scoreRecords(readRecords('export.csv', 'export.csv', 'csv'), rubric, { file: 'export.csv', mapping: mapping.mapping }))
 *   if (event.kind === 'scored') process.stdout.write(writer.write(event));
 *
 * @packageDocumentation
 */

export { type BoundMapping, bindMapping, type MappedRow } from './mapping/bindMapping.js';
export { type CellType, compileDateFormat, type DateFormat, readCell } from './mapping/cellValue.js';
export {
  type FieldRule,
  loadMapping,
  type Mapping,
  type RatingPart,
  type RatingRule,
  type TargetField,
  type TargetRule,
} from './mapping/loadMapping.js';
export { type GroupOptions, groupRows } from './readers/groupRows.js';
export { type CsvOptions, detectDelimiter, readCsv } from './readers/readCsv.js';
export { readJsonArray } from './readers/readJsonArray.js';
export {
  type LineBlock,
  type LineBlockOptions,
  lineRecords,
  type OversizedLine,
  readLineBlocks,
} from './readers/readLineBlocks.js';
export { readNdjson } from './readers/readNdjson.js';
export { formatFromPath, type ReadOptions, readRecords } from './readers/readRecords.js';
export { readXlsx, type XlsxOptions } from './readers/readXlsx.js';
export { type ByteSource, textChunks } from './readers/textChunks.js';
export { type Cell, type InputFormat, type InputRecord, recordRef, type TableRow } from './records.js';
export {
  type BatchEvent,
  createRecordScorer,
  invalidEvaluation,
  type RecordScorer,
  type ScoredRecord,
  type ScoreOptions,
  scoreRecords,
} from './scoreRecords.js';
export { spanInFile } from './spanInFile.js';
export {
  createWriter,
  csvCell,
  csvColumns,
  csvWriter,
  type EvaluationWriter,
  jsonWriter,
  ndjsonWriter,
  type OutputFormat,
} from './writers/writers.js';
