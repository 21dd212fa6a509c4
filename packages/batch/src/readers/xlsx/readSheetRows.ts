import type { Cell } from '../../records.js';
import type { WorkbookParts } from './readWorkbookParts.js';
import { parseStream, xmlParser } from './xmlParser.js';

/** One `<row>` of a worksheet: its number as the spreadsheet shows it, and its cells by column (0 = A). */
export interface SheetRow {
  readonly number: number;
  readonly cells: ReadonlyArray<Cell | undefined>;
}

/** A cell that cannot be read as the workbook claims it (a shared string it does not have, a bad reference). */
export class SheetCellError extends Error {}

const DAY_MS = 86_400_000;
// Excel's 1900 system counts a 1900-02-29 that never was (serial 60, kept from Lotus 1-2-3): from serial 61
// (1900-03-01) on, day n is 1899-12-30 + n; before it, 1899-12-31 + n (serial 1 is 1900-01-01).
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const PHANTOM_DAY = 60;
const EPOCH_1904 = Date.UTC(1904, 0, 1);
// Columns beyond XFD (16,384) are not Excel's; a reference past it is corrupt, not a wide sheet.
const MAX_COLUMN = 16_384;

/**
 * The date a serial stands for. Serial 60 in the 1900 system is the phantom 1900-02-29: it is given as that text,
 * as Excel shows it, so a date column refuses it (the day does not exist) instead of reading a day next to it.
 */
export function serialDate(serial: number, date1904: boolean): Date | string {
  if (date1904) return new Date(Math.round(EPOCH_1904 + serial * DAY_MS));
  if (serial >= PHANTOM_DAY && serial < PHANTOM_DAY + 1) return '1900-02-29';
  const days = serial >= 0 && serial < PHANTOM_DAY ? serial + 1 : serial;
  return new Date(Math.round(EPOCH_1900 + days * DAY_MS));
}

/** The letters of a column (0 = A, 26 = AA), for cell references in messages. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Column index (0 = A) of a cell reference such as `AB12`; undefined when it has no letters. */
export function columnOf(ref: string): number | undefined {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  return i === 0 ? undefined : col - 1;
}

/**
 * Streams a worksheet's rows as plain cells: text stays text (trimmed; empty is absent), numbers stay numbers,
 * numbers in a date format become `Date`s (UTC, rounded to the millisecond), booleans stay booleans, an error
 * cell is its code (`#N/A`), a formula gives its cached result. Rows hold one row at a time; empty rows are
 * skipped by the caller, not here.
 */
export async function* readSheetRows(
  stream: AsyncIterable<Uint8Array | string>,
  parts: WorkbookParts,
): AsyncGenerator<SheetRow> {
  const ready: SheetRow[] = [];
  let rowNumber = 0;
  let cells: Array<Cell | undefined> = [];
  let col = -1;
  let type = '';
  let style = 0;
  let ref = '';
  let value: string | undefined;
  let inline: string | undefined;
  let capture: 'v' | 'is' | undefined;
  let phonetic = 0;

  const cellValue = (): Cell | undefined => {
    switch (type) {
      case 's': {
        if (value === undefined || value.trim() === '') return undefined;
        const index = Number(value);
        const text = Number.isInteger(index) ? parts.sharedStrings[index] : undefined;
        if (text === undefined)
          throw new SheetCellError(
            `cell ${ref} names shared string ${value}, which the workbook does not have`,
          );
        return text.trim() || undefined;
      }
      case 'inlineStr':
        return inline?.trim() || undefined;
      case 'str':
      case 'e':
        return value?.trim() || undefined;
      case 'b':
        return value === undefined ? undefined : value.trim() === '1' || value.trim() === 'true';
      case 'd': {
        if (value === undefined || value.trim() === '') return undefined;
        const date = new Date(value.trim());
        return Number.isNaN(date.getTime()) ? value.trim() : date;
      }
      default: {
        if (value === undefined || value.trim() === '') return undefined;
        const n = Number(value);
        if (!Number.isFinite(n)) return value.trim();
        return parts.dateStyles[style] === true ? serialDate(n, parts.date1904) : n;
      }
    }
  };

  const parser = xmlParser({
    open(name, attributes) {
      switch (name) {
        case 'row': {
          const r = Number(attributes.r);
          rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
          cells = [];
          col = -1;
          return;
        }
        case 'c': {
          ref = attributes.r ?? '';
          const at = ref === '' ? undefined : columnOf(ref);
          col = at ?? col + 1;
          if (col >= MAX_COLUMN) throw new SheetCellError(`cell ${ref || `#${col + 1}`} is past column XFD`);
          type = attributes.t ?? 'n';
          style = Number(attributes.s ?? 0);
          value = undefined;
          inline = undefined;
          return;
        }
        case 'v':
          capture = 'v';
          value = '';
          return;
        case 'is':
          inline = '';
          return;
        case 'rPh':
          phonetic++;
          return;
        case 't':
          if (inline !== undefined && phonetic === 0) capture = 'is';
          return;
      }
    },
    close(name) {
      switch (name) {
        case 'v':
        case 't':
          capture = undefined;
          return;
        case 'rPh':
          phonetic--;
          return;
        case 'c': {
          const cell = cellValue();
          if (cell !== undefined) cells[col] = cell;
          return;
        }
        case 'row':
          ready.push({ number: rowNumber, cells });
          return;
      }
    },
    text(text) {
      if (capture === 'v') value += text;
      else if (capture === 'is') inline += text;
    },
  });
  yield* parseStream(stream, parser, () => ready.splice(0));
}
