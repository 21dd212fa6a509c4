import type { Cell } from '../records.js';

/** How a mapped column is read. `nip` is reserved for `employee.nip`. */
export type CellType = 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'auto' | 'nip';

/** The types a mapping may name in `type:`. */
export const cellTypes: readonly CellType[] = ['string', 'number', 'integer', 'boolean', 'date', 'auto'];

/**
 * Why a cell cannot be read, in both languages: `why` English, `whyId` Indonesian (core's `cell-invalid` message
 * shows each in its own language).
 */
export interface CellReason {
  /** The reason in English. */
  why: string;
  /** The reason in Bahasa Indonesia. */
  whyId: string;
}

/** A compiled `format:` of a date column, e.g. `dd/MM/yyyy`. */
export interface DateFormat {
  /** The format as written. */
  text: string;
  /** Reads a cell in this format into YYYY-MM-DD, or says why not. */
  parse(text: string): { ok: true; value: string } | ({ ok: false } & CellReason);
}

/** Compiles a date format of tokens `yyyy`, `MM`, `M`, `dd`, `d` and literal characters. */
export function compileDateFormat(text: string): DateFormat | undefined {
  const order: Array<'y' | 'm' | 'd'> = [];
  let source = '';
  let rest = text;
  while (rest.length > 0) {
    const token = /^(yyyy|MM|M|dd|d)/.exec(rest)?.[1];
    if (token) {
      order.push(token[0] === 'y' ? 'y' : token[0] === 'M' ? 'm' : 'd');
      source += token === 'yyyy' ? '(\\d{4})' : token.length === 2 ? '(\\d{2})' : '(\\d{1,2})';
      rest = rest.slice(token.length);
    } else {
      const ch = rest[0] as string;
      if (/[A-Za-z]/.test(ch)) return undefined;
      source += ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
      rest = rest.slice(1);
    }
  }
  if (order.length !== 3 || new Set(order).size !== 3) return undefined;
  const re = new RegExp(`^${source}$`);
  return {
    text,
    parse(value) {
      const m = re.exec(value);
      if (!m) return { ok: false, why: `expected the form ${text}`, whyId: `diharapkan bentuk ${text}` };
      const parts: Record<string, number> = {};
      order.forEach((k, i) => {
        parts[k] = Number(m[i + 1]);
      });
      return isoDate(parts.y ?? 0, parts.m ?? 0, parts.d ?? 0);
    },
  };
}

function isoDate(
  y: number,
  m: number,
  d: number,
): { ok: true; value: string } | ({ ok: false } & CellReason) {
  if (m < 1 || m > 12) return { ok: false, why: `month ${m} does not exist`, whyId: `bulan ${m} tidak ada` };
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d < 1 || d > days) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    return {
      ok: false,
      why: `day ${d} does not exist in ${month}`,
      whyId: `tanggal ${d} tidak ada pada ${month}`,
    };
  }
  return {
    ok: true,
    value: `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TRUE_WORDS = new Set(['ya', 'y', 'yes', 'true', 'benar', '1', 'x', '✓']);
const FALSE_WORDS = new Set(['tidak', 'no', 'n', 'false', 'salah', '0']);

function significantDigits(digits: string): number {
  return digits.replace(/[^0-9]/g, '').replace(/^0+/, '').length;
}

/** What reading a cell gives: a value, or (when there is more to say than its type) why it cannot be read. */
export type CellResult =
  | { ok: true; value: string | number | boolean }
  | ({ ok: false } & (CellReason | { why?: undefined; whyId?: undefined }));

/** Options that decide how text becomes a number or a date. */
export interface ReadCellOptions {
  /** The decimal separator of numeric columns: `,` in `;`-delimited exports (`86,22`), else `.`. */
  decimal: ',' | '.';
  /** The date format of a date column; ISO YYYY-MM-DD is always accepted too. */
  dateFormat?: DateFormat;
}

/** Reads a number from text with the given decimal separator; at most 15 significant digits. */
function readNumber(text: string, decimal: ',' | '.'): CellResult {
  const re = decimal === ',' ? /^[+-]?\d+(?:,\d+)?$/ : /^[+-]?\d+(?:\.\d+)?$/;
  if (!re.test(text)) {
    return decimal === ','
      ? {
          ok: false,
          why: 'write decimals with a comma, e.g. 86,22',
          whyId: 'tulis desimal dengan koma, mis. 86,22',
        }
      : {
          ok: false,
          why: 'write decimals with a point, e.g. 86.22',
          whyId: 'tulis desimal dengan titik, mis. 86.22',
        };
  }
  if (significantDigits(text) > 15)
    return { ok: false, why: 'more than 15 significant digits', whyId: 'lebih dari 15 angka penting' };
  return { ok: true, value: Number(decimal === ',' ? text.replace(',', '.') : text) };
}

function utcDate(d: Date): string {
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/**
 * Reads one non-empty cell as a type. Never guesses across types: `86,22` is a number only in a numeric column
 * of a file whose decimal separator is `,`; a NIP must be 18 digits written as text.
 */
export function readCell(cell: Cell, type: CellType, options: ReadCellOptions): CellResult {
  switch (type) {
    case 'nip':
      return typeof cell === 'string' && /^\d{18}$/.test(cell) ? { ok: true, value: cell } : { ok: false };
    case 'string':
      return { ok: true, value: cell instanceof Date ? utcDate(cell) : String(cell) };
    case 'number':
    case 'integer': {
      const r =
        typeof cell === 'number'
          ? Number.isFinite(cell)
            ? ({ ok: true, value: cell } as const)
            : ({ ok: false } as const)
          : typeof cell === 'string'
            ? readNumber(cell, options.decimal)
            : ({ ok: false } as const);
      if (r.ok && type === 'integer' && !Number.isInteger(r.value))
        return { ok: false, why: 'not a whole number', whyId: 'bukan bilangan bulat' };
      return r;
    }
    case 'boolean': {
      if (typeof cell === 'boolean') return { ok: true, value: cell };
      const word = String(cell).toLowerCase();
      if (TRUE_WORDS.has(word)) return { ok: true, value: true };
      if (FALSE_WORDS.has(word)) return { ok: true, value: false };
      return {
        ok: false,
        why: 'write Ya/Tidak, true/false or 1/0',
        whyId: 'tulis Ya/Tidak, true/false, atau 1/0',
      };
    }
    case 'date': {
      if (cell instanceof Date) return { ok: true, value: utcDate(cell) };
      if (typeof cell !== 'string')
        return {
          ok: false,
          why: 'format the cells as dates or text',
          whyId: 'format sel sebagai tanggal atau teks',
        };
      const iso = ISO_DATE.exec(cell);
      if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
      if (options.dateFormat) return options.dateFormat.parse(cell);
      return { ok: false, why: 'expected the form yyyy-MM-dd', whyId: 'diharapkan bentuk yyyy-MM-dd' };
    }
    case 'auto': {
      if (typeof cell === 'number' || typeof cell === 'boolean') return { ok: true, value: cell };
      if (cell instanceof Date) return { ok: true, value: utcDate(cell) };
      // A number in the file's decimal style (86,22 or 86.22), else the text as it is.
      const n = readNumber(cell, options.decimal);
      return n.ok ? n : { ok: true, value: cell };
    }
  }
}
