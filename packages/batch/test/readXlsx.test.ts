import { existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { type InputRecord, readXlsx } from '../src/index.js';
import { isDateFormat } from '../src/readers/xlsx/readDateStyles.js';
import { columnOf, readSheetRows } from '../src/readers/xlsx/readSheetRows.js';
import { openZipArchive } from '../src/readers/xlsx/zipArchive.js';

// Workbooks are written part by part here, so each test controls what a real writer might do differently:
// the order of zip members, prefixes, missing `r` attributes, hidden sheets, odd relationship targets.
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

interface Book {
  sheets: Array<{ name: string; xml: string; state?: string; target?: string }>;
  strings?: string[];
  styles?: string;
  date1904?: boolean;
  /** Members in this order; the rest follow. Default: sheets first, as exceljs's streaming writer stores them. */
  order?: string[];
}

const sheetXml = (rows: string, prefix = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><${prefix}worksheet xmlns${prefix ? `:${prefix.slice(0, -1)}` : ''}="${MAIN}"><${prefix}sheetData>${rows}</${prefix}sheetData></${prefix}worksheet>`;

function workbook(book: Book): Uint8Array {
  const parts: Record<string, string> = {};
  book.sheets.forEach((s, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] = s.xml;
  });
  parts['[Content_Types].xml'] = '<?xml version="1.0"?><Types/>';
  parts['_rels/.rels'] =
    `<?xml version="1.0"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  parts['xl/workbook.xml'] =
    `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">${book.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${book.sheets
      .map(
        (s, i) =>
          `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rIdS${i + 1}"${s.state ? ` state="${s.state}"` : ''}/>`,
      )
      .join('')}</sheets></workbook>`;
  parts['xl/_rels/workbook.xml.rels'] = `<?xml version="1.0"?><Relationships xmlns="${PKG_REL}">${book.sheets
    .map(
      (s, i) =>
        `<Relationship Id="rIdS${i + 1}" Type="${REL}/worksheet" Target="${s.target ?? `worksheets/sheet${i + 1}.xml`}"/>`,
    )
    .join(
      '',
    )}<Relationship Id="rIdSS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdSt" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;
  parts['xl/sharedStrings.xml'] =
    `<?xml version="1.0"?><sst xmlns="${MAIN}">${(book.strings ?? []).map((s) => `<si>${s}</si>`).join('')}</sst>`;
  parts['xl/styles.xml'] = book.styles ?? `<?xml version="1.0"?><styleSheet xmlns="${MAIN}"/>`;
  const order = [...(book.order ?? []), ...Object.keys(parts).filter((k) => !book.order?.includes(k))];
  const zipped: Record<string, Uint8Array> = {};
  for (const name of order) {
    const text = parts[name];
    if (text !== undefined) zipped[name] = strToU8(text);
  }
  return zipSync(zipped);
}

const dir = mkdtempSync(join(tmpdir(), 'kinerja-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const onDisk = (bytes: Uint8Array): string => {
  const path = join(dir, `book${++n}.xlsx`);
  writeFileSync(path, bytes);
  return path;
};

async function read(source: string | Uint8Array, sheet?: string | number): Promise<InputRecord[]> {
  const input = typeof source === 'string' ? source : Readable.from([Buffer.from(source)]);
  const out: InputRecord[] = [];
  for await (const r of readXlsx(input, 'b.xlsx', sheet !== undefined ? { sheet } : {})) out.push(r);
  return out;
}
const cellsOf = (records: InputRecord[]) =>
  records.map((r) => (r.kind === 'header' ? r.columns : r.kind === 'row' ? r.cells : r.kind));

const si = (text: string) => `<t>${text}</t>`;

describe('readXlsx', () => {
  it('reads a workbook whose sheets are stored before its shared strings and workbook part, the same every time', async () => {
    const book = workbook({
      sheets: [
        {
          name: 'Penilaian',
          xml: sheetXml(
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
              '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>87.5</v></c></row>',
          ),
        },
      ],
      strings: [si('NIP'), si('Nilai'), si('199003152015031002')],
      order: ['xl/worksheets/sheet1.xml'],
    });
    const path = onDisk(book);
    const expected = [
      ['NIP', 'Nilai'],
      ['199003152015031002', 87.5],
    ];
    for (let i = 0; i < 50; i++) expect(cellsOf(await read(path))).toEqual(expected);
    expect(cellsOf(await read(book))).toEqual(expected);
  });

  it('gives each cell type its value: shared, rich, inline, formula, boolean, error, number, date', async () => {
    const styles = `<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="#,##0.00&quot; hari&quot;"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>`;
    const header = `<row r="1">${'ABCDEFGHIJKL'
      .split('')
      .map((c) => `<c r="${c}1" t="inlineStr"><is><t>${c}</t></is></c>`)
      .join('')}</row>`;
    const row =
      '<row r="2">' +
      '<c r="A2" t="s"><v>0</v></c>' + // rich text, phonetic guide left out
      '<c r="B2" t="inlineStr"><is><r><t>Kota </t></r><r><t xml:space="preserve">Kupang </t></r></is></c>' +
      '<c r="C2" t="str"><f>A1&amp;"x"</f><v>Ax</v></c>' +
      '<c r="D2" t="b"><v>1</v></c>' +
      '<c r="E2" t="e"><v>#N/A</v></c>' +
      '<c r="F2"><f>1+1</f><v>2</v></c>' +
      '<c r="G2" s="1"><v>45658</v></c>' + // built-in 14: 2025-01-01
      '<c r="H2" s="2"><v>45658.5</v></c>' + // dd/mm/yyyy, noon
      '<c r="I2" s="3"><v>12.5</v></c>' + // a number format with a quoted literal is not a date
      '<c r="J2" t="s"><v>1</v></c>' + // a shared string of spaces is empty
      '<c r="K2" t="d"><v>2025-06-30T00:00:00Z</v></c>' +
      '<c r="L2" t="inlineStr"><is><t>R&amp;D &lt;3</t></is></c>' +
      '</row>';
    const book = workbook({
      sheets: [{ name: 'S', xml: sheetXml(header + row) }],
      strings: [
        '<r><t>Dinas </t></r><r><t>Kesehatan</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh>',
        si('   '),
      ],
      styles,
    });
    const [, second] = await read(onDisk(book));
    expect(second).toEqual({
      kind: 'row',
      ref: 'b.xlsx:2',
      row: 2,
      cells: [
        'Dinas Kesehatan',
        'Kota Kupang',
        'Ax',
        true,
        '#N/A',
        2,
        new Date('2025-01-01T00:00:00.000Z'),
        new Date('2025-01-01T12:00:00.000Z'),
        12.5,
        undefined,
        new Date('2025-06-30T00:00:00.000Z'),
        'R&D <3',
      ],
    });
  });

  it('counts serial dates from 1904 when the workbook says so', async () => {
    const styles = `<styleSheet xmlns="${MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
    const xml = sheetXml(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Tgl</t></is></c></row><row r="2"><c r="A2" s="1"><v>0</v></c></row>',
    );
    const rows = await read(onDisk(workbook({ sheets: [{ name: 'S', xml }], styles, date1904: true })));
    expect(cellsOf(rows)[1]).toEqual([new Date('1904-01-01T00:00:00.000Z')]);
  });

  it('reads serials before March 1900 as Excel shows them, and its phantom 1900-02-29 as text', async () => {
    const styles = `<styleSheet xmlns="${MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
    const serials = [1, 59, 60, 61, 43922];
    const xml = sheetXml(
      `<row r="1"><c r="A1" t="inlineStr"><is><t>Tgl</t></is></c></row>${serials
        .map((v, i) => `<row r="${i + 2}"><c r="A${i + 2}" s="1"><v>${v}</v></c></row>`)
        .join('')}`,
    );
    const rows = await read(onDisk(workbook({ sheets: [{ name: 'S', xml }], styles })));
    // Excel's 1900 system counts a 29 February 1900 (serial 60) that never was; days before it are not shifted.
    expect(cellsOf(rows).slice(1)).toEqual([
      [new Date('1900-01-01T00:00:00.000Z')],
      [new Date('1900-02-28T00:00:00.000Z')],
      ['1900-02-29'],
      [new Date('1900-03-01T00:00:00.000Z')],
      [new Date('2020-04-01T00:00:00.000Z')],
    ]);
    const in1904 = await read(onDisk(workbook({ sheets: [{ name: 'S', xml }], styles, date1904: true })));
    expect(cellsOf(in1904).slice(1, 4)).toEqual([
      [new Date('1904-01-02T00:00:00.000Z')],
      [new Date('1904-02-29T00:00:00.000Z')],
      [new Date('1904-03-01T00:00:00.000Z')],
    ]);
  });

  it('names the merged cells of each row, which the file leaves empty, without filling them', async () => {
    const rowsXml =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>NIP</t></is></c><c r="B1" t="inlineStr"><is><t>Unit</t></is></c><c r="C1" t="inlineStr"><is><t>Nilai</t></is></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>1</t></is></c><c r="B2" t="inlineStr"><is><t>Dinas</t></is></c><c r="C2"><v>80</v></c></row>' +
      '<row r="3"><c r="A3" t="inlineStr"><is><t>2</t></is></c><c r="C3"><v>90</v></c></row>' +
      '<row r="4"><c r="A4" t="inlineStr"><is><t>3</t></is></c><c r="B4" t="inlineStr"><is><t>Badan</t></is></c></row>';
    const merges = (prefix: string) =>
      `<${prefix}mergeCells count="2"><${prefix}mergeCell ref="B2:B3"/><${prefix}mergeCell ref="B4:D4"/></${prefix}mergeCells>`;
    for (const prefix of ['', 'x:']) {
      const xml = sheetXml(rowsXml.replace(/<(\/?)(row|c|is|t|v)\b/g, `<$1${prefix}$2`), prefix).replace(
        `</${prefix}worksheet>`,
        `${merges(prefix)}</${prefix}worksheet>`,
      );
      const rows = await read(onDisk(workbook({ sheets: [{ name: 'S', xml }] })));
      expect(rows.map((r) => (r.kind === 'row' ? (r.merged ?? []) : []))).toEqual([
        [],
        [],
        [{ column: 1, cell: 'B3', range: 'B2:B3', anchor: 'B2' }],
        // D4 is right of the header: no column reads it.
        [{ column: 2, cell: 'C4', range: 'B4:D4', anchor: 'B4' }],
      ]);
      // Not guessed: B3 stays empty.
      expect(cellsOf(rows)[2]).toEqual(['2', undefined, 90]);
    }
  });

  it('places cells by their reference, or one after another when a writer leaves `r` out; prefixed elements too', async () => {
    const sparse = sheetXml(
      '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>NIP</x:t></x:is></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>Nilai</x:t></x:is></x:c></x:row>' +
        '<x:row r="4"><x:c r="C4"><x:v>90</x:v></x:c></x:row>' +
        '<x:row><x:c t="inlineStr"><x:is><x:t>1990</x:t></x:is></x:c><x:c/><x:c><x:v>70</x:v></x:c><x:c><x:v>99</x:v></x:c></x:row>',
      'x:',
    );
    const rows = await read(onDisk(workbook({ sheets: [{ name: 'S', xml: sparse }] })));
    expect(rows).toEqual([
      { kind: 'header', columns: ['NIP', '', 'Nilai'] },
      { kind: 'row', ref: 'b.xlsx:4', row: 4, cells: [undefined, undefined, 90] },
      // The row without `r` follows row 4; its value past the header has no column: the row is refused, not cut.
      {
        kind: 'error',
        ref: 'b.xlsx:5',
        row: 5,
        diagnostics: [
          expect.objectContaining({
            code: 'cell-outside-header',
            received: '99',
            expected: 3,
            source: 'b.xlsx:5',
          }),
        ],
      },
    ]);
    const [outside] = (rows[2] as Extract<InputRecord, { kind: 'error' }>).diagnostics;
    expect(outside?.message.en).toContain('Cell D5 holds "99"');
  });

  it('chooses sheets by tab order (hidden ones count) or name, wherever their parts are, and lists them when missing', async () => {
    const one = (text: string) =>
      sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t></is></c></row>`);
    const book = onDisk(
      workbook({
        sheets: [
          { name: 'Petunjuk', xml: one('petunjuk'), state: 'hidden' },
          // An absolute target and one with `..`: both name members of the zip.
          { name: 'Data', xml: one('data'), target: '/xl/worksheets/sheet2.xml' },
          { name: '2025', xml: one('tahun'), target: '../xl/worksheets/sheet3.xml' },
        ],
      }),
    );
    expect(cellsOf(await read(book))).toEqual([['petunjuk']]);
    expect(cellsOf(await read(book, 2))).toEqual([['data']]);
    expect(cellsOf(await read(book, 'Data'))).toEqual([['data']]);
    expect(cellsOf(await read(book, '2025'))).toEqual([['tahun']]);
    for (const sheet of [4, 'Nilai'] as const) {
      const [fatal, ...rest] = await read(book, sheet);
      expect(rest).toEqual([]);
      expect(fatal).toMatchObject({
        kind: 'fatal',
        diagnostics: [{ code: 'sheet-missing', received: sheet }],
      });
      const message = (fatal as Extract<InputRecord, { kind: 'fatal' }>).diagnostics[0]?.message.en;
      expect(message).toContain('1 "Petunjuk", 2 "Data", 3 "2025"');
    }
  });

  it('refuses a file that is not a workbook, and a cell naming a shared string the workbook lacks', async () => {
    for (const bytes of [Buffer.from('NIP;Nilai\n1990;80\n'), zipSync({ 'a.txt': strToU8('x') })]) {
      const records = await read(onDisk(bytes));
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({
        kind: 'fatal',
        diagnostics: [{ code: 'file-unreadable', source: 'b.xlsx' }],
      });
    }
    const xml = sheetXml(
      '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>0</v></c></row><row r="3"><c r="A3" t="s"><v>7</v></c></row>',
    );
    const records = await read(onDisk(workbook({ sheets: [{ name: 'S', xml }], strings: [si('NIP')] })));
    expect(records.slice(0, 2).map((r) => r.kind)).toEqual(['header', 'row']);
    expect(records[2]).toMatchObject({ kind: 'fatal', diagnostics: [{ code: 'file-unreadable' }] });
    expect(JSON.stringify(records[2])).toContain('cell A3 names shared string 7');
    expect(records).toHaveLength(3);
  });

  it.runIf(existsSync('/proc/self/fd'))('lets go of the file when its reader is stopped early', async () => {
    // Text that does not compress, so the sheet is far larger than the streams' buffers and is still being read.
    let x = 1;
    const noise = () => {
      let t = '';
      for (let k = 0; k < 40; k++) {
        x = (x * 48271) % 2147483647;
        t += String.fromCharCode(97 + (x % 26));
      }
      return t;
    };
    const rows = Array.from(
      { length: 20_000 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>${noise()}</t></is></c></row>`,
    );
    const path = onDisk(workbook({ sheets: [{ name: 'S', xml: sheetXml(rows.join('')) }] }));
    const open = () =>
      readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`) === path;
        } catch {
          return false;
        }
      }).length;
    for (let i = 0; i < 5; i++) {
      for await (const record of readXlsx(path, 'b.xlsx')) if (record.kind === 'row') break;
    }
    // yauzl closes the descriptor asynchronously, once the sheet's stream has ended.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(open()).toBe(0);
  });

  it('refuses malformed sheet XML instead of stopping quietly', async () => {
    const xml = sheetXml(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>NIP</t></is></c></row><row r="2"><c r="A2"><v>1</v></row>',
    );
    const records = await read(onDisk(workbook({ sheets: [{ name: 'S', xml }] })));
    expect(records.at(-1)).toMatchObject({ kind: 'fatal', diagnostics: [{ code: 'file-unreadable' }] });
  });
});

describe('readSheetRows', () => {
  it('keeps a character split across chunks whole', async () => {
    const xml = sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>Niñé — ✓ 𝄞</t></is></c></row>');
    const bytes = Buffer.from(xml, 'utf8');
    const oneByteAtATime = Readable.from([...bytes].map((b) => Buffer.from([b])));
    const rows = [];
    for await (const row of readSheetRows(oneByteAtATime, {
      sheets: [],
      sharedStrings: [],
      dateStyles: [],
      date1904: false,
    }))
      rows.push(row);
    expect(rows).toEqual([{ number: 1, cells: ['Niñé — ✓ 𝄞'] }]);
  });
});

describe('openZipArchive', () => {
  it('refuses to inflate a part that declares more bytes than the caller will hold, and one it does not have', async () => {
    const zip = await openZipArchive(
      Buffer.from(zipSync({ 'xl/sharedStrings.xml': strToU8('x'.repeat(1000)) })),
    );
    try {
      await expect(zip.stream('xl/sharedStrings.xml', 999)).rejects.toThrow(
        'part xl/sharedStrings.xml is 1000 bytes, more than the 999 this reader holds in memory',
      );
      expect(await zip.text('xl/sharedStrings.xml', 1000)).toHaveLength(1000);
      await expect(zip.stream('xl/workbook.xml')).rejects.toThrow('the workbook has no part xl/workbook.xml');
    } finally {
      zip.close();
    }
  });
});

describe('columnOf', () => {
  it('reads column letters as Excel numbers them', () => {
    expect(['A1', 'Z9', 'AA10', 'az3', 'XFD1048576', '12'].map(columnOf)).toEqual([
      0,
      25,
      26,
      51,
      16383,
      undefined,
    ]);
  });
});

describe('isDateFormat', () => {
  it('sees dates and times, not numbers, text, currencies or quoted words', () => {
    for (const code of [
      'dd/mm/yyyy',
      'DD-MM-YYYY',
      'd mmmm yyyy',
      '[$-421]dd mmmm yyyy',
      'h:mm AM/PM',
      '[h]:mm:ss',
      'yyyy-mm-dd;@',
    ])
      expect(isDateFormat(code), code).toBe(true);
    for (const code of [
      'General',
      '0.00',
      '#,##0',
      '#,##0.00" hari"',
      '[$Rp-421]#,##0',
      '#,##0;[Red]-#,##0',
      '0.00E+00',
      '@',
      '_(* #,##0_)',
      '\\d0',
    ])
      expect(isDateFormat(code), code).toBe(false);
  });
});
