import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rubricPath } from '../../batch/test/cohort.js';
import {
  appraisals,
  csvText,
  jsonArrayText,
  LONG_COLUMNS,
  LONG_MAPPING,
  longRows,
  ndjsonText,
  WIDE_COLUMNS,
  WIDE_MAPPING,
  wideRows,
  xlsxBytes,
} from '../../batch/test/labelledExport.js';
import { type CliRun, runCli } from './support/runCli.js';

// `kinerja evaluate` names each row `<input as given>:<row>` on stderr and in the output's `source`, never
// JSON-quoted: for each reader, both layouts, a bare file name, an absolute path, a name with quotes and spaces,
// and standard input. Rows are counted by hand in packages/batch/test/labelledExport.ts.

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kinerja-cli-labels-'));
  const files: Record<string, string | Buffer> = {
    'long.csv': csvText(LONG_COLUMNS, longRows(), true),
    'wide.csv': csvText(WIDE_COLUMNS, wideRows(), false),
    'long.xlsx': await xlsxBytes(LONG_COLUMNS, longRows()),
    'wide.xlsx': await xlsxBytes(WIDE_COLUMNS, wideRows()),
    'appraisals.json': jsonArrayText(appraisals()),
    'appraisals.ndjson': ndjsonText(appraisals()),
    'long.yaml': LONG_MAPPING,
    'wide.yaml': WIDE_MAPPING,
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Layout {
  file: string;
  mapping?: string;
  /** The rows (lines) A, B and C start on; A's refused rating and B's refused target. */
  refs: [number, number, number];
  rating: number;
  target: number;
  targetCode: string;
}
const LAYOUTS: Layout[] = [
  {
    file: 'long.csv',
    mapping: 'long.yaml',
    refs: [2, 11, 20],
    rating: 8,
    target: 12,
    targetCode: 'cell-invalid',
  },
  {
    file: 'long.xlsx',
    mapping: 'long.yaml',
    refs: [2, 11, 20],
    rating: 8,
    target: 12,
    targetCode: 'cell-invalid',
  },
  {
    file: 'wide.csv',
    mapping: 'wide.yaml',
    refs: [2, 3, 4],
    rating: 2,
    target: 3,
    targetCode: 'cell-invalid',
  },
  {
    file: 'wide.xlsx',
    mapping: 'wide.yaml',
    refs: [2, 3, 4],
    rating: 2,
    target: 3,
    targetCode: 'cell-invalid',
  },
  { file: 'appraisals.json', refs: [2, 3, 4], rating: 2, target: 3, targetCode: 'invalid-input' },
  { file: 'appraisals.ndjson', refs: [1, 2, 3], rating: 1, target: 2, targetCode: 'invalid-input' },
];

const evaluate = (input: string, layout: Layout, extra: string[] = [], stdin?: Buffer): Promise<CliRun> =>
  runCli(
    [
      'evaluate',
      '-r',
      rubricPath,
      ...(layout.mapping ? ['--mapping', layout.mapping] : []),
      ...extra,
      '--lang',
      'en',
      input,
    ],
    { cwd: dir, ...(stdin ? { stdin: [stdin] } : {}) },
  );

/** What stderr and the JSON and CSV outputs must say about the three appraisals, for an input named `name`. */
async function expectLabels(
  name: string,
  layout: Layout,
  input = name,
  extra: string[] = [],
  stdin?: Buffer,
) {
  const json = await evaluate(input, layout, extra, stdin);
  expect(json.code, json.stderr).toBe(1);
  expect(json.stderr.split('\n').map((line) => line.split('  ').slice(0, 2).join('  '))).toEqual([
    `${name}:${layout.rating}#/ratings/4/value  rating-out-of-scale`,
    `${name}:${layout.target}#/targets/hasil-kerja/1/target  ${layout.targetCode}`,
    '',
  ]);
  const evaluations = JSON.parse(json.stdout) as { diagnostics: { source: string; severity: string }[] }[];
  expect(
    evaluations.map((e) => e.diagnostics.filter((d) => d.severity === 'error').map((d) => d.source)),
  ).toEqual([[`${name}:${layout.rating}`], [`${name}:${layout.target}`], []]);
  const csv = await evaluate(input, layout, [...extra, '--output-format', 'csv'], stdin);
  const cell = /[,"]/.test(name)
    ? (row: number) => `"${name.replace(/"/g, '""')}:${row}"`
    : (row: number) => `${name}:${row}`;
  const lines = csv.stdout.split('\r\n').slice(1, -1);
  expect(lines.map((line, i) => line.slice(0, cell(layout.refs[i] ?? 0).length + 1))).toEqual(
    layout.refs.map((row) => `${cell(row)},`),
  );
}

describe('kinerja evaluate names rows as <input>:<row>', () => {
  it.each(LAYOUTS.map((l) => [l.file, l] as const))('%s, by its bare name', async (_, layout) => {
    await expectLabels(layout.file, layout);
  });

  it.each(LAYOUTS.map((l) => [l.file, l] as const))('%s, by its absolute path', async (_, layout) => {
    const path = join(dir, layout.file);
    await expectLabels(path, layout);
  });

  it.each(LAYOUTS.map((l) => [l.file, l] as const))('%s, named with quotes and spaces', async (_, layout) => {
    const name = `ekspor "Mei" ${layout.file}`;
    writeFileSync(join(dir, name), readFileSync(join(dir, layout.file)));
    await expectLabels(name, layout);
  });

  it.each(LAYOUTS.map((l) => [l.file, l] as const))('%s, from standard input', async (_, layout) => {
    const format = layout.file.slice(layout.file.lastIndexOf('.') + 1);
    const bytes = readFileSync(join(dir, layout.file));
    await expectLabels('<stdin>', layout, '-', ['--input-format', format], bytes);
  });

  it('the long CSV in worker threads, one appraisal a chunk: the same labels', async () => {
    const layout = LAYOUTS[0] as Layout;
    await expectLabels(layout.file, layout, layout.file, ['--workers', '2', '--chunk-size', '1']);
  });
});
