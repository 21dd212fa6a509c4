import { createDiagnostic } from '@kinerja/core';
import { groupTooLarge, keyMissing, keySplit } from '../mapping/groupDiagnostics.js';
import { type InputRecord, recordRef, type TableRow } from '../records.js';
import { KeyIndex } from './keyIndex.js';

/** Options of {@link groupRows}. */
export interface GroupOptions {
  /** The most rows one appraisal may have (default 1000); more is taken for a wrong `groupBy`. */
  maxRows?: number;
}

/**
 * Gathers the rows of one appraisal into a `group` record, for exports with one row per target or rating: rows
 * whose `groupBy` cells are equal and that **follow each other** form one appraisal. Only the current appraisal's
 * rows are held, so memory does not grow with the file (the keys already seen cost ~32 bytes an appraisal).
 *
 * Row errors: a row with an empty key cell; a key that comes back after another key (it names the rows the
 * appraisal had before; the returning rows are not scored); more than `maxRows` rows under one key. Error records
 * that arrive inside an appraisal are passed on after it, so records stay in the order of their first row. JSON
 * records are passed on as they are; when the header lacks a key column, rows are too (the mapping's binding
 * reports the column). An appraisal cut short by a `fatal` record is not passed on.
 */
export async function* groupRows(
  records: AsyncIterable<InputRecord>,
  file: string,
  groupBy: readonly string[],
  options: GroupOptions = {},
): AsyncGenerator<InputRecord> {
  const maxRows = options.maxRows ?? 1000;
  const seen = new KeyIndex();
  let keyAt: number[] | undefined;
  let current: { key: string; rows: TableRow[] } | undefined;
  // The key of refused rows that are being skipped until another key starts.
  let skipping: string | undefined;
  let held: InputRecord[] = [];

  const error = (row: number, diagnostic: ReturnType<typeof keyMissing>): InputRecord => ({
    kind: 'error',
    ref: recordRef(file, row),
    row,
    diagnostics: [diagnostic],
  });
  function* close(): Generator<InputRecord> {
    if (current) {
      const { rows } = current;
      const first = rows[0] as TableRow;
      seen.add(current.key, first.row, (rows[rows.length - 1] as TableRow).row);
      yield { kind: 'group', ref: first.ref, row: first.row, rows };
      current = undefined;
    }
    yield* held;
    held = [];
  }

  for await (const record of records) {
    switch (record.kind) {
      case 'header': {
        yield* close();
        const at = groupBy.map((c) => record.columns.indexOf(c));
        keyAt = at.every((i) => i >= 0) ? at : undefined;
        yield record;
        break;
      }
      case 'row': {
        if (!keyAt) {
          yield record;
          break;
        }
        const values: string[] = [];
        let empty: string | undefined;
        let emptyAt = -1;
        keyAt.forEach((i, k) => {
          const cell = record.cells[i];
          if (cell === undefined && empty === undefined) {
            empty = groupBy[k];
            emptyAt = i;
          } else if (cell !== undefined)
            values.push(cell instanceof Date ? cell.toISOString() : String(cell));
        });
        if (empty !== undefined) {
          // A key merged down an appraisal's rows (a common layout) is empty below its first row: say so.
          const merged = record.merged?.find((m) => m.column === emptyAt);
          const e = error(
            record.row,
            merged
              ? createDiagnostic({
                  code: 'cell-merged',
                  pointer: '',
                  source: record.ref,
                  params: { cell: merged.cell, range: merged.range, anchor: merged.anchor },
                })
              : keyMissing(empty, record.ref),
          );
          if (current) held.push(e);
          else yield e;
          break;
        }
        const key = values.join('\u001f');
        if (current && current.key === key) {
          if (current.rows.length < maxRows) {
            current.rows.push(record);
            break;
          }
          const first = current.rows[0] as TableRow;
          seen.add(key, first.row, record.row);
          current = undefined;
          skipping = key;
          yield error(first.row, groupTooLarge(groupBy, values, first.ref, maxRows));
          yield* close();
          break;
        }
        if (skipping === key) break;
        skipping = undefined;
        yield* close();
        const before = seen.get(key);
        if (before) {
          skipping = key;
          yield error(
            record.row,
            keySplit(groupBy, values, record.ref, {
              first: recordRef(file, before.first),
              last: recordRef(file, before.last),
            }),
          );
          break;
        }
        current = { key, rows: [record] };
        break;
      }
      case 'error':
        if (current) held.push(record);
        else yield record;
        break;
      case 'fatal':
        current = undefined;
        yield* close();
        yield record;
        return;
      default:
        yield* close();
        yield record;
    }
  }
  yield* close();
}
