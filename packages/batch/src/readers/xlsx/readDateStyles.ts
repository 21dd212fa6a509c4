import { xmlParser } from './xmlParser.js';

// ECMA-376 §18.8.30: built-in formats 14–22 and 45–47 are dates or times; 27–36 and 50–58 are the East Asian
// locales' date formats. Everything else built in is a number or text format.
const BUILT_IN_DATE = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/**
 * Whether a custom number format shows a date or time: any of `y m d h s` (or `b`, the Buddhist year; either
 * case) outside quoted literals, escaped characters, `_x` spacers, `*x` fills and `[…]` sections (colours,
 * currencies, conditions), elapsed time such as `[h]` aside. The test exceljs and SheetJS apply, made
 * case-insensitive because Excel accepts `DD/MM/YYYY`.
 */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/[\\_*]./g, '')
    .replace(/\[(?:h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '');
  return /[ymdhsb]/i.test(bare);
}

/** For each cell format (`<cellXfs>` entry, the index a cell's `s` names): whether its number format is a date. */
export function readDateStyles(text: string): boolean[] {
  const custom = new Map<number, string>();
  const xfNumFmt: number[] = [];
  let inCellXfs = false;
  const parser = xmlParser({
    open(name, attributes) {
      if (name === 'numFmt') custom.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfNumFmt.push(Number(attributes.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  parser.write(text);
  parser.close();
  return xfNumFmt.map((id) => {
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : BUILT_IN_DATE.has(id);
  });
}
