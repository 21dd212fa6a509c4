import type { ScoredRecord } from '@kinerja/batch';
import type { Evaluation, Lang } from '@kinerja/core';
import { formatDiagnostic } from '../formatDiagnostic.js';

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

/** Codes whose message already names the column it is about: adding `[column "…"]` would say it twice. */
const NAMES_ITS_COLUMN: ReadonlySet<string> = new Set([
  'cell-invalid',
  'cell-missing',
  'nip-mangled',
  'group-disagrees',
  'group-key-missing',
]);

/**
 * The stderr lines of an invalid row, `file:row#pointer  error  code  message [column "…"]`, one per error. Built
 * as text (not written) so a worker thread formats it exactly as the main thread would.
 */
export function rowReport(record: ScoredRecord, lang: Lang): string {
  let text = '';
  for (const d of record.evaluation.diagnostics) {
    if (d.severity !== 'error') continue;
    const column = NAMES_ITS_COLUMN.has(d.code) ? undefined : columnOf(record, d.pointer);
    text += `${formatDiagnostic(d, lang)}${column ? ` [${columnWord[lang]} "${column}"]` : ''}\n`;
  }
  return text;
}

/** An evaluation reduced to what the table shows, so a long `--format table` run does not hold every trace. */
export function slim(e: Evaluation): Evaluation {
  const outcomes: Evaluation['outcomes'] = {};
  for (const [id, o] of Object.entries(e.outcomes))
    outcomes[id] = { label: o.label, kind: o.kind, met: o.met };
  return { ...e, groups: {}, outcomes, diagnostics: [] };
}
