import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mappingPath, repo, rubricPath } from '../../batch/test/cohort.js';
import { runCli } from './support/runCli.js';

const demoRubric = 'examples/data/demo-pp46.rubric.yaml';
const appraisal = JSON.stringify(
  JSON.parse(readFileSync(join(repo, 'examples/data/demo-appraisal.json'), 'utf8')),
);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kinerja-batch-inputs-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const write = (name: string, text: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const csvLines = (stdout: string) => stdout.trimEnd().split('\r\n').slice(1);

describe('kinerja evaluate: inputs that are not regular files', () => {
  it('a folder is a folder, not a missing file (exit 2, in id and en)', async () => {
    const folder = join(dir, 'd.ndjson');
    mkdirSync(folder);
    const en = await runCli(['evaluate', '-r', demoRubric, folder, '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(`cannot read "${folder}": it is a directory, not a file`);
    const id = await runCli(['evaluate', '-r', demoRubric, folder, '--lang', 'id']);
    expect(id.stderr).toContain(`tidak dapat membaca "${folder}": itu direktori, bukan berkas`);
    const missing = await runCli(['evaluate', '-r', demoRubric, join(dir, 'none.ndjson')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
  });

  // With worker threads too, through bash's <(...), in builtCli.test.ts.
  it('a FIFO (as bash <(...) gives) is read once as a stream', async () => {
    const fifo = join(dir, 'pipe.ndjson');
    const made = await new Promise<number | null>((done) => spawn('mkfifo', [fifo]).on('close', done));
    expect(made).toBe(0);
    // The writer is another process, as bash's is; it blocks until the CLI opens the FIFO.
    const writer = spawn('sh', ['-c', 'printf "%s\\n%s\\n" "$1" "$1" > "$2"', 'sh', appraisal, fifo]);
    const written = new Promise((done) => writer.on('close', done));
    const r = await runCli(['evaluate', '-r', demoRubric, fifo, '--output-format', 'csv', '--workers', '1']);
    await written;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(csvLines(r.stdout).map((l) => l.split(',').slice(0, 3).join(','))).toEqual([
      `${fifo}:1,198501012010011001,complete`,
      `${fifo}:2,198501012010011001,complete`,
    ]);
  });
});

describe('kinerja evaluate: a JSON array with bad elements', () => {
  it('reports an element that is not an object at its line and reads every element after it', async () => {
    const path = write('mixed.json', `[${appraisal},\n1,\n"x", null,\n${appraisal},\n{"x":1}\n]`);
    const r = await runCli(['evaluate', '-r', demoRubric, path, '--output-format', 'csv']);
    expect(r.code).toBe(1);
    expect(csvLines(r.stdout).map((l) => l.split(',').slice(0, 3).join(','))).toEqual([
      `${path}:1,198501012010011001,complete`,
      `${path}:2,,invalid`,
      `${path}:3,,invalid`,
      `${path}:3,,invalid`,
      `${path}:4,198501012010011001,complete`,
      `${path}:5,,invalid`,
    ]);
    expect(r.stderr).toContain(`${path}:2  schema-type`);
    expect(r.stderr).toContain('received "string"');
    expect(r.stderr).toContain('received "null"');
  });

  it('a broken array structure stops the file and says how many elements were not read', async () => {
    // Line 2 lacks a comma between its two objects: that one and the two after it are not read.
    const path = write('nocomma.json', `[${appraisal},\n${appraisal} ${appraisal},\n${appraisal}, 7]`);
    const r = await runCli(['evaluate', '-r', demoRubric, path, '--output-format', 'csv']);
    expect(r.code).toBe(1);
    expect(csvLines(r.stdout)).toHaveLength(2);
    const column = appraisal.length + 2;
    expect(r.stderr).toContain(`${path}:2:${column}  json-syntax`);
    expect(r.stderr).toContain(
      `${path}:2:${column}  the file stops here: 3 elements after this point not read`,
    );
    const id = await runCli(['evaluate', '-r', demoRubric, path, '--output-format', 'csv', '--lang', 'id']);
    expect(id.stderr).toContain('berkas berhenti di sini: 3 elemen sesudahnya tidak dibaca');
  });

  it('an element over 1 MiB is an input-too-large row and the file goes on, from a file or from stdin in any pieces', async () => {
    const max = 1024 * 1024;
    // The appraisal with a long note, `bytes` long in all: just over the limit, and well over it.
    const padded = (bytes: number) => {
      const head = `${appraisal.slice(0, -1)},"catatan":"`;
      return `${head}${'x'.repeat(bytes - head.length - 2)}"}`;
    };
    const text = `[\n${appraisal},\n${padded(max + 1)},\n${padded(max + 70_000)},\n${appraisal}\n]\n`;
    const path = write('large.json', text);
    const args = ['evaluate', '-r', demoRubric, '--output-format', 'csv', '--lang', 'en'];
    const fromFile = await runCli([...args, path]);
    expect(fromFile.code).toBe(1);
    expect(csvLines(fromFile.stdout).map((l) => l.split(',').slice(0, 3).join(','))).toEqual([
      `${path}:2,198501012010011001,complete`,
      `${path}:3,,invalid`,
      `${path}:4,,invalid`,
      `${path}:5,198501012010011001,complete`,
    ]);
    expect(fromFile.stderr).toContain(
      `${path}:3:1  input-too-large  The text is ${max + 1} bytes, over the limit of ${max} bytes.`,
    );
    expect(fromFile.stderr).toContain(`${path}:4:1  input-too-large  The text is ${max + 70_000} bytes`);
    expect(fromFile.stderr).not.toContain('json-syntax');
    const bytes = Buffer.from(text);
    for (const size of [7_919, 64 * 1024, 100_000, bytes.length]) {
      const pieces: Buffer[] = [];
      for (let at = 0; at < bytes.length; at += size) pieces.push(bytes.subarray(at, at + size));
      const fromStdin = await runCli([...args, '-'], { stdin: pieces });
      expect(fromStdin.stdout, `${size}-byte pieces`).toBe(fromFile.stdout.replaceAll(path, '<stdin>'));
      expect(fromStdin.stderr, `${size}-byte pieces`).toBe(fromFile.stderr.replaceAll(path, '<stdin>'));
    }
  });

  it('a syntax error inside an element or an NDJSON line is reported at its line:column in the file', async () => {
    const json = write(
      'inner-bad.json',
      '[\n{"employee": {"nip": "198501012010011001"},\n "period": {"kind": "annual", "start": "2013-01-01", "end": 2013-12-31}}\n]\n',
    );
    const r = await runCli(['evaluate', '-r', demoRubric, json, '--output-format', 'csv']);
    expect(r.stderr).toContain(`${json}:3:65  json-syntax`);
    const ndjson = write('bad.ndjson', `${appraisal}\n  {"employee": ,}\n`);
    for (const workers of ['1', '2']) {
      const n = await runCli([
        'evaluate',
        '-r',
        demoRubric,
        ndjson,
        '--output-format',
        'csv',
        '--workers',
        workers,
      ]);
      expect(n.stderr, workers).toContain(`${ndjson}:2:16  json-syntax`);
      // The output still names the record by the line it starts on.
      expect(csvLines(n.stdout)[1]).toMatch(
        new RegExp(`^${ndjson.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2,`),
      );
    }
  });
});

describe('kinerja evaluate: a .xlsx that is no workbook', () => {
  it('is unreadable input, exit 2 like a missing file, with the reason in Bahasa Indonesia', async () => {
    const renamed = write('renamed.xlsx', 'NIP;Nama\n199003152015031002;Sari\n');
    const empty = write('empty.xlsx', '');
    for (const path of [renamed, empty]) {
      const r = await runCli(['evaluate', '-r', rubricPath, '--mapping', mappingPath, path, '--lang', 'id']);
      expect(r.code, path).toBe(2);
      expect(r.stderr).toContain(`Berkas "${path}" tidak dapat dibaca: bukan buku kerja XLSX yang utuh ("`);
      expect(r.stderr).not.toContain('not a readable');
    }
    const en = await runCli([
      'evaluate',
      '-r',
      rubricPath,
      '--mapping',
      mappingPath,
      renamed,
      '--lang',
      'en',
    ]);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(`File "${renamed}" cannot be read: it is not a readable XLSX workbook ("`);
  });
});
