import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { loadRubricFile } from '@kinerja/core/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cohort, mappingPath, repo, rubricPath, writeCohort } from '../../batch/test/cohort.js';
import { Progress } from '../src/batch/progress.js';
import type { CliIo } from '../src/index.js';
import { runCli } from './support/runCli.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const run = (args: string[], cwd = repo, stdin = ''): Promise<Run> => runCli(args, { cwd, stdin });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kinerja-batch-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('kinerja evaluate: one cohort through JSON, NDJSON, CSV and XLSX', () => {
  it('gives byte-identical JSON results, equal to evaluating each appraisal directly', async () => {
    const appraisals = cohort();
    expect(appraisals.length).toBeGreaterThanOrEqual(20);
    for (const a of appraisals) expect(a.targets['hasil-kerja'].length).toBeGreaterThanOrEqual(2);
    const files = await writeCohort(dir, appraisals);
    const outputs: Record<string, Run> = {};
    for (const [format, folder] of Object.entries(files)) {
      const mapping = format === 'csv' || format === 'xlsx' ? ['--mapping', mappingPath] : [];
      outputs[format] = await run(
        ['evaluate', '-r', rubricPath, '--input-format', format, ...mapping, 'cohort'],
        folder,
      );
    }
    const json = outputs.json as Run;
    for (const format of ['ndjson', 'csv', 'xlsx']) {
      expect(outputs[format]?.stdout, format).toBe(json.stdout);
      // Tables name the column of each error; JSON records have no columns.
      expect(outputs[format]?.stderr.replace(/ \[column "[^"]+"\]/g, ''), format).toBe(json.stderr);
      expect(outputs[format]?.code, format).toBe(json.code);
    }

    const loaded = loadRubricFile(rubricPath);
    if (!loaded.ok) throw new Error('rubric');
    const direct = appraisals.map((a, i) => {
      const source = `cohort:${i + 2}`;
      const e = loaded.value.evaluate(a, { source });
      // In a batch every diagnostic names its row, also those core leaves without a source.
      e.diagnostics = e.diagnostics.map((d) => (d.source === undefined ? { ...d, source } : d));
      return e;
    });
    expect(json.stdout).toBe(`${JSON.stringify(direct, null, 2)}\n`);
    // The golden cases include appraisals that are invalid on purpose (an unknown rating …).
    const invalid = direct.filter((e) => e.status === 'invalid').length;
    expect(direct.length - invalid).toBeGreaterThanOrEqual(20);
    expect(json.code).toBe(invalid > 0 ? 1 : 0);
  });

  it('reads an XLSX workbook from standard input, arriving in pieces, as it reads the file', async () => {
    const files = await writeCohort(join(dir, 'stdin'), cohort().slice(0, 4));
    const args = ['evaluate', '-r', rubricPath, '--input-format', 'xlsx', '--mapping', mappingPath];
    const fromFile = await run([...args, 'cohort'], files.xlsx);
    const bytes = readFileSync(join(files.xlsx, 'cohort'));
    const pieces = [0, 1, 2, 3].map((i) =>
      bytes.subarray((i * bytes.length) >> 2, ((i + 1) * bytes.length) >> 2),
    );
    const fromStdin = await runCli([...args, '-'], { cwd: files.xlsx, stdin: pieces });
    expect(fromStdin.code).toBe(fromFile.code);
    expect(fromStdin.stdout).toBe(fromFile.stdout.replaceAll('"cohort:', '"<stdin>:'));
    expect(fromStdin.stdout).toContain('"<stdin>:5"');
  });

  it('writes NDJSON and CSV summaries, to a file with --out', async () => {
    const files = await writeCohort(join(dir, 'again'), cohort().slice(0, 3));
    const nd = await run(
      [
        'evaluate',
        '-r',
        rubricPath,
        '--input-format',
        'csv',
        '--mapping',
        mappingPath,
        '--output-format',
        'ndjson',
        'cohort',
      ],
      files.csv,
    );
    expect(nd.code).toBe(0);
    const lines = nd.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[0] as string).appraisal.nip).toMatch(/^\d{18}$/);

    const out = join(dir, 'summary.csv');
    const csv = await run(
      [
        'evaluate',
        '-r',
        rubricPath,
        '--input-format',
        'xlsx',
        '--mapping',
        mappingPath,
        '--output-format',
        'csv',
        '--out',
        out,
        'cohort',
      ],
      files.xlsx,
    );
    expect(csv.code).toBe(0);
    expect(csv.stdout).toBe('');
    const text = readFileSync(out, 'utf8');
    expect(text.split('\r\n')[0]).toBe('source,nip,status,predicate,score,outcomes_met,flags,first_error');
    expect(text.split('\r\n')[1]).toMatch(
      /^cohort:2,\d{18},complete,sangat-baik,,kenaikan-pangkat suksesi,,$/,
    );
    expect(text.endsWith('\r\n')).toBe(true);
  });
});

const header =
  'NIP;Nama;Unit Kerja;Jabatan;Jenis Jabatan;TMT Golongan;Tahun Lalu;Predikat Lalu;Periode;Tgl Mulai;Tgl Selesai;RHK1 Target;RHK1 Realisasi;RHK1 Utama;RHK2 Target;RHK2 Realisasi;Rating HK;Rating PK';
const good = (nip: string, realisation = '86,22') =>
  `${nip};Budi;Dinas Kesehatan;Analis;pelaksana;01/04/2019;2023;Baik;annual;01/01/2024;31/12/2024;90;${realisation};Ya;10;10;sesuai;sesuai`;
const mapping = `fields:
  nip: NIP
  employee.name: Nama
  employee.unit: Unit Kerja
  employee.position: Jabatan
  employee.positionType: Jenis Jabatan
  employee.rankSince: { column: TMT Golongan, type: date, format: dd/MM/yyyy }
  employee.history[0].year: Tahun Lalu
  employee.history[0].predicate: Predikat Lalu
  period.kind: Periode
  period.start: { column: Tgl Mulai, format: dd/MM/yyyy }
  period.end: { column: Tgl Selesai, format: dd/MM/yyyy }
  supervisorRatings.hasil-kerja: Rating HK
  supervisorRatings.perilaku: Rating PK
targets:
  hasil-kerja:
    prefix: "RHK{n} "
    fields: { target: Target, realisation: Realisasi, main: Utama }
`;

describe('kinerja evaluate: bad rows', () => {
  it('reports a mangled NIP and a bad cell by file:row and column name, and scores the other rows', async () => {
    const csv = write(
      'bad.csv',
      [
        header,
        good('199003152015031002'),
        good('1.99003E+17'),
        good('199003152015031003', '86.22'),
        good('199003152015031004'),
      ].join('\n'),
    );
    const map = write('bad.mapping.yaml', mapping);
    const r = await run(['evaluate', '-r', rubricPath, '--mapping', map, '--output-format', 'csv', csv]);
    expect(r.code).toBe(1);
    const name = csv;
    expect(r.stderr).toContain(`${name}:3#/employee/nip  nip-mangled`);
    expect(r.stderr).toContain('"NIP"');
    expect(r.stderr).toContain(`${name}:4#/targets/hasil-kerja/0/realisation  cell-invalid`);
    expect(r.stderr).toContain('RHK1 Realisasi');
    const rows = r.stdout.trimEnd().split('\r\n');
    expect(rows).toHaveLength(5);
    expect(rows[2]).toBe(`${name}:3,1.99003E+17,invalid,,,,,nip-mangled`);
    expect(rows[4]).toMatch(/,complete,baik,/);
  });

  it('stops at the first bad row with --strict, leaving well-formed JSON', async () => {
    const csv = write(
      'strict.csv',
      [header, good('199003152015031002'), good('19900315'), good('199003152015031004')].join('\n'),
    );
    const map = write('strict.mapping.yaml', mapping);
    const r = await run(['evaluate', '-r', rubricPath, '--mapping', map, '--strict', csv]);
    expect(r.code).toBe(1);
    const results = JSON.parse(r.stdout);
    expect(results).toHaveLength(2);
    expect(results[1].status).toBe('invalid');
    expect(r.stderr.match(/nip-mangled/g)).toHaveLength(1);
  });

  it('names the column of an error that the evaluation finds', async () => {
    const csv = write(
      'sup.csv',
      [header, good('199003152015031002').replace(/sesuai;sesuai$/, 'luar biasa;sesuai')].join('\n'),
    );
    const map = write('sup.mapping.yaml', mapping);
    const r = await run(['evaluate', '-r', rubricPath, '--mapping', map, '--output-format', 'ndjson', csv]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /sup\.csv:2#\/supervisorRatings\/hasil-kerja {2}\S+ {2}.*\[column "Rating HK"\]/,
    );
  });

  it('escapes cells a spreadsheet would run as formulas', async () => {
    const csv = write('formula.csv', [header, good('"=HYPERLINK(""http://x"";""y"")"')].join('\n'));
    const map = write('formula.mapping.yaml', mapping);
    const r = await run(['evaluate', '-r', rubricPath, '--mapping', map, '--output-format', 'csv', csv]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\r\n')[1]).toBe(
      `${csv}:2,"'=HYPERLINK(""http://x"";""y"")",invalid,,,,,nip-mangled`,
    );
  });
});

describe('kinerja evaluate: batch exit codes', () => {
  it('is 2 for usage errors: csv without --mapping, an unknown format, a missing file', async () => {
    const csv = write('plain.csv', `${header}\n`);
    const noMapping = await run(['evaluate', '-r', rubricPath, csv]);
    expect(noMapping.code).toBe(2);
    expect(noMapping.stderr).toContain('--mapping');
    expect((await run(['evaluate', '-r', rubricPath, '--input-format', 'xls', csv])).code).toBe(2);
    expect((await run(['evaluate', '-r', rubricPath, '--output-format', 'xml', csv])).code).toBe(2);
    expect((await run(['evaluate', '-r', rubricPath, 'missing.ndjson'])).code).toBe(2);
    expect((await run(['evaluate', '-r', rubricPath, '--mapping', 'nope.yaml', csv])).code).toBe(2);
    expect(
      (await run(['evaluate', '-r', rubricPath, '--format', 'table', '--output-format', 'csv', csv])).code,
    ).toBe(2);
  });

  it('is 1 for an invalid mapping, with line:column in the mapping file', async () => {
    const map = write('wrong.mapping.yaml', 'fields:\n  nip: NIP\n  employee.unitt: Unit Kerja\n');
    const csv = write('ok.csv', `${header}\n`);
    const r = await run(['evaluate', '-r', rubricPath, '--mapping', map, csv]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${map}:3:3  mapping-invalid`);
    expect(r.stdout).toBe('');
  });

  it('is 1 when a mapped column is missing from the header; the file is not scored', async () => {
    const csv = write(
      'nocol.csv',
      `${header.replace('Unit Kerja', 'Unit')}\n${good('199003152015031002')}\n`,
    );
    const r = await run(['evaluate', '-r', rubricPath, '--mapping', write('m.yaml', mapping), csv]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('column-missing');
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  it('is 0 when every row is scored; NDJSON from stdin; table output', async () => {
    const a = readFileSync(join(repo, 'examples/data/demo-appraisal.json'), 'utf8');
    const line = JSON.stringify(JSON.parse(a));
    const r = await run(
      ['evaluate', '-r', 'examples/data/demo-pp46.rubric.yaml', '--input-format', 'ndjson', '-'],
      repo,
      `${line}\r\n\r\n${line}\n`,
    );
    expect(r.code).toBe(0);
    const results = JSON.parse(r.stdout);
    expect(results).toHaveLength(2);
    expect(results[1].diagnostics.every((d: { source?: string }) => d.source === '<stdin>:3')).toBe(true);
    const t = await run(
      [
        'evaluate',
        '-r',
        'examples/data/demo-pp46.rubric.yaml',
        '--input-format',
        'ndjson',
        '--format',
        'table',
        '-',
      ],
      repo,
      line,
    );
    expect(t.code).toBe(0);
    expect(t.stdout.split('\n')[1]).toMatch(/^<stdin>:1 /);
  });

  it('keeps a single appraisal file on the old path (one Evaluation, line:column)', async () => {
    const r = await run([
      'evaluate',
      '-r',
      'examples/data/demo-pp46.rubric.yaml',
      'examples/data/demo-appraisal.json',
    ]);
    expect(r.code).toBe(0);
    expect(Array.isArray(JSON.parse(r.stdout))).toBe(false);
  });

  it('reads a JSON array file in batch mode without flags', async () => {
    const a = JSON.parse(readFileSync(join(repo, 'examples/data/demo-appraisal.json'), 'utf8'));
    const path = write('arr.json', JSON.stringify([a, a], null, 2));
    const r = await run(['evaluate', '-r', 'examples/data/demo-pp46.rubric.yaml', path]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(2);
  });
});

describe('progress on stderr', () => {
  const io = (isTTY: boolean, env: Record<string, string> = {}) => {
    const out = { text: '' };
    const stderr = { write: (s: string) => (out.text += s), isTTY };
    return { out, io: { stdout: stderr, stderr, stdin: Readable.from([]), cwd: repo, env } as CliIo };
  };

  it('shows a line only on a terminal, outside CI, once the run is past a second', () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(0);
      const tty = io(true);
      const p = new Progress(tty.io);
      p.tick(64, 0);
      expect(tty.out.text).toBe('');
      vi.setSystemTime(2000);
      p.tick(128, 1);
      expect(tty.out.text).toBe('\r128 rows, 1 invalid, 64 rows/s\x1b[K');
      p.clear();
      expect(tty.out.text.endsWith('\r\x1b[K')).toBe(true);
      for (const quiet of [io(false), io(true, { CI: 'true' })]) {
        vi.setSystemTime(0);
        const q = new Progress(quiet.io);
        vi.setSystemTime(5000);
        q.tick(640, 0);
        q.clear();
        expect(quiet.out.text).toBe('');
      }
    } finally {
      vi.useRealTimers();
    }
  });
});
