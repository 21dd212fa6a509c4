import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { CompiledRubric } from '@kinerja/core';
import { loadRubricFile } from '@kinerja/core/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  csvCell,
  csvWriter,
  type InputFormat,
  jsonWriter,
  loadMapping,
  readRecords,
  type ScoredRecord,
  scoreRecords,
} from '../src/index.js';
import { rubricPath } from './cohort.js';
import {
  appraisals,
  csvText,
  flatObjects,
  jsonArrayText,
  LONG_COLUMNS,
  LONG_MAPPING,
  longRows,
  ndjsonText,
  WIDE_COLUMNS,
  WIDE_MAPPING,
  wideRows,
  xlsxBytes,
} from './labelledExport.js';

// A diagnostic's `source` is `<name>:<row>` with the name exactly as the caller gave it, never JSON-quoted (a
// session saw `"\"cohort:440\""` for a rating's row; that came from a test helper, see grouping.test.ts), for
// every reader, both layouts, a name given in code, a file path, a name that holds quotes, and quoted cells.
// Rows are counted by hand in labelledExport.ts.

let dir: string;
let rubric: CompiledRubric;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kinerja-source-labels-'));
  const loaded = loadRubricFile(rubricPath);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  rubric = loaded.value;
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const mappingOf = (text: string) => {
  const m = loadMapping(text, 'm.yaml');
  if (!m.ok) throw new Error(JSON.stringify(m.diagnostics.map((d) => d.message.en)));
  return m.mapping;
};

/** Each record: its ref, its status, and `source code pointer` of each error. */
const summary = (records: readonly ScoredRecord[]) =>
  records.map((r) => ({
    ref: r.ref,
    status: r.evaluation.status,
    errors: r.evaluation.diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => `${d.source} ${d.code} ${d.pointer}`),
  }));

/** What the three appraisals give, A, B and C starting on rows `a`, `b`, `c`; `bad` names the bad rows. */
const expected = (
  name: string,
  [a, b, c]: [number, number, number],
  bad: { rating: number; target: number; targetCode?: string },
) => [
  {
    ref: `${name}:${a}`,
    status: 'invalid',
    errors: [`${name}:${bad.rating} rating-out-of-scale /ratings/4/value`],
  },
  {
    ref: `${name}:${b}`,
    status: 'invalid',
    errors: [`${name}:${bad.target} ${bad.targetCode ?? 'cell-invalid'} /targets/hasil-kerja/1/target`],
  },
  { ref: `${name}:${c}`, status: 'complete', errors: [] },
];

interface Layout {
  format: InputFormat;
  mapping?: string;
  bytes: () => Promise<Uint8Array>;
  expect: (name: string) => ReturnType<typeof expected>;
}
const utf8 = (text: string) => Buffer.from(text, 'utf8');
const LAYOUTS: Record<string, Layout> = {
  'long CSV': {
    format: 'csv',
    mapping: LONG_MAPPING,
    bytes: async () => utf8(csvText(LONG_COLUMNS, longRows(), false)),
    // A's fifth rating is on row 8 and B's second target on row 12, not the rows their appraisals start on.
    expect: (name) => expected(name, [2, 11, 20], { rating: 8, target: 12 }),
  },
  'long CSV, every cell quoted': {
    format: 'csv',
    mapping: LONG_MAPPING,
    bytes: async () => utf8(csvText(LONG_COLUMNS, longRows(), true)),
    expect: (name) => expected(name, [2, 11, 20], { rating: 8, target: 12 }),
  },
  'long XLSX': {
    format: 'xlsx',
    mapping: LONG_MAPPING,
    bytes: () => xlsxBytes(LONG_COLUMNS, longRows()),
    expect: (name) => expected(name, [2, 11, 20], { rating: 8, target: 12 }),
  },
  'wide CSV': {
    format: 'csv',
    mapping: WIDE_MAPPING,
    bytes: async () => utf8(csvText(WIDE_COLUMNS, wideRows(), false)),
    expect: (name) => expected(name, [2, 3, 4], { rating: 2, target: 3 }),
  },
  'wide CSV, every cell quoted': {
    format: 'csv',
    mapping: WIDE_MAPPING,
    bytes: async () => utf8(csvText(WIDE_COLUMNS, wideRows(), true)),
    expect: (name) => expected(name, [2, 3, 4], { rating: 2, target: 3 }),
  },
  'wide XLSX': {
    format: 'xlsx',
    mapping: WIDE_MAPPING,
    bytes: () => xlsxBytes(WIDE_COLUMNS, wideRows()),
    expect: (name) => expected(name, [2, 3, 4], { rating: 2, target: 3 }),
  },
  'JSON array of appraisals': {
    format: 'json',
    bytes: async () => utf8(jsonArrayText(appraisals())),
    expect: (name) => expected(name, [2, 3, 4], { rating: 2, target: 3, targetCode: 'invalid-input' }),
  },
  'JSON array of flat rows (wide mapping)': {
    format: 'json',
    mapping: WIDE_MAPPING,
    bytes: async () => utf8(jsonArrayText(flatObjects(WIDE_COLUMNS, wideRows()))),
    expect: (name) => expected(name, [2, 3, 4], { rating: 2, target: 3 }),
  },
  'NDJSON of appraisals': {
    format: 'ndjson',
    bytes: async () => utf8(ndjsonText(appraisals())),
    expect: (name) => expected(name, [1, 2, 3], { rating: 1, target: 2, targetCode: 'invalid-input' }),
  },
  'NDJSON of flat rows (wide mapping)': {
    format: 'ndjson',
    mapping: WIDE_MAPPING,
    bytes: async () => utf8(ndjsonText(flatObjects(WIDE_COLUMNS, wideRows()))),
    expect: (name) => expected(name, [1, 2, 3], { rating: 1, target: 2 }),
  },
};

/** The three ways a caller names an input: a label in code, the file's path, a name holding quotes. */
const NAMES = ['in memory', 'file path', 'name with quotes'] as const;

async function scoreAs(layout: Layout, how: (typeof NAMES)[number], file: string) {
  const bytes = await layout.bytes();
  let input: string | Readable;
  let name: string;
  if (how === 'file path') {
    name = join(dir, file);
    writeFileSync(name, bytes);
    input = name;
  } else {
    name = how === 'in memory' ? 'cohort' : 'ekspor "Mei" 2024';
    input = Readable.from([bytes]);
  }
  const mapping = layout.mapping === undefined ? {} : { mapping: mappingOf(layout.mapping) };
  const records: ScoredRecord[] = [];
  for await (const e of scoreRecords(readRecords(input, name, layout.format, mapping), rubric, {
    file: name,
    ...mapping,
  })) {
    if (e.kind !== 'scored') throw new Error(JSON.stringify(e.diagnostics));
    records.push(e);
  }
  return { name, records };
}

describe('the source of a diagnostic is <name>:<row>, as given', () => {
  const cases = Object.keys(LAYOUTS).flatMap((layout) => NAMES.map((how) => [layout, how] as const));
  it.each(cases)('%s, %s', async (layoutName, how) => {
    const layout = LAYOUTS[layoutName] as Layout;
    const file = `${layoutName.replace(/\W+/g, '-')}.${layout.format}`;
    const { name, records } = await scoreAs(layout, how, file);
    expect(summary(records)).toEqual(layout.expect(name));
    // The writers pass the label on as it is: JSON escapes it once (parsing gives it back), CSV quotes the cell
    // only when the name needs it.
    const w = jsonWriter();
    const written = JSON.parse(
      records.map((r) => w.write(r)).join('') + w.end(),
    ) as ScoredRecord['evaluation'][];
    expect(written.map((e) => e.diagnostics.map((d) => d.source))).toEqual(
      records.map((r) => r.evaluation.diagnostics.map((d) => d.source)),
    );
    const c = csvWriter();
    for (const r of records) {
      const line = c.write(r).split('\r\n').at(-2) ?? '';
      expect(line.slice(0, csvCell(r.ref).length + 1)).toBe(`${csvCell(r.ref)},`);
    }
  });
});
