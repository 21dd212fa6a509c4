import { columnOf } from './readSheetRows.js';

/** A merged range of a worksheet, 0-based columns and 1-based rows, inclusive. */
export interface MergedRange {
  /** As the workbook writes it, e.g. `B2:B3`. */
  ref: string;
  firstColumn: number;
  firstRow: number;
  lastColumn: number;
  lastRow: number;
}

const NAME = Buffer.from('mergeCell');
const LT = 0x3c;
const GT = 0x3e;
const COLON = 0x3a;
/** A tag longer than this is not a `<mergeCell ref="…"/>`: stop carrying it. */
const MAX_TAG = 4096;

/**
 * The merged ranges of a worksheet part. SpreadsheetML lists them in `<mergeCells>` *after* `<sheetData>`, so a
 * reader that streams rows learns of them only at the end; this reads the part once more first, looking for the
 * element by its bytes (a `<` cannot occur unescaped in text), which is much cheaper than parsing the XML again.
 */
export async function readMergedRanges(stream: AsyncIterable<Uint8Array | string>): Promise<MergedRange[]> {
  const ranges: MergedRange[] = [];
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    const buf = carry.length > 0 ? Buffer.concat([carry, bytes]) : bytes;
    let pos = 0;
    let keepFrom = -1;
    for (let at = buf.indexOf(NAME, pos); at !== -1; at = buf.indexOf(NAME, pos)) {
      const start = tagStart(buf, at);
      const after = buf[at + NAME.length];
      if (after === undefined) {
        keepFrom = start === -1 ? at : start;
        break;
      }
      pos = at + NAME.length;
      // `mergeCells` (the list) or text that merely contains the word.
      if (
        start === -1 ||
        !(after === 0x20 || after === 0x09 || after === 0x0a || after === 0x0d || after === 0x2f)
      )
        continue;
      const end = buf.indexOf(GT, pos);
      if (end === -1) {
        if (buf.length - start <= MAX_TAG) keepFrom = start;
        break;
      }
      const range = parseRef(/\sref\s*=\s*["']([^"']*)["']/.exec(buf.toString('latin1', pos, end))?.[1]);
      if (range) ranges.push(range);
      pos = end + 1;
    }
    // Keep what could be the start of a tag cut by the chunk's end.
    const from = keepFrom !== -1 ? keepFrom : Math.max(pos, buf.length - 64);
    carry = Buffer.from(buf.subarray(from));
  }
  return ranges;
}

/** Where the tag whose name ends at `at` starts (`<mergeCell` or `<x:mergeCell`); -1 when it is not a tag. */
function tagStart(buf: Buffer, at: number): number {
  if (buf[at - 1] === LT) return at - 1;
  if (buf[at - 1] !== COLON) return -1;
  for (let i = at - 2; i >= 0 && at - i < 64; i--) {
    const c = buf[i] as number;
    if (c === LT) return i;
    const nameChar =
      (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
    if (!nameChar) return -1;
  }
  return -1;
}

function parseRef(ref: string | undefined): MergedRange | undefined {
  const m =
    ref === undefined ? null : /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref);
  if (!m || ref === undefined) return undefined;
  const c0 = columnOf(m[1] as string) as number;
  const r0 = Number(m[2]);
  const c1 = m[3] ? (columnOf(m[3]) as number) : c0;
  const r1 = m[4] ? Number(m[4]) : r0;
  return {
    ref,
    firstColumn: Math.min(c0, c1),
    firstRow: Math.min(r0, r1),
    lastColumn: Math.max(c0, c1),
    lastRow: Math.max(r0, r1),
  };
}
