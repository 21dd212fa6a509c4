import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simulateCohort, simulationRubric, simulationRubricYaml } from '@kinerja/fairness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cohort, mappingPath, repo, rubricPath, writeCohort } from '../../batch/test/cohort.js';
import { onStdoutError } from '../src/stdoutError.js';
import { runCli } from './support/runCli.js';

// Regression tests of the CLI review: each block names the finding it covers.
const demoRubric = join(repo, 'examples/data/demo-pp46.rubric.yaml');
const demoAppraisal = join(repo, 'examples/data/demo-appraisal.json');
const appraisalText = readFileSync(demoAppraisal, 'utf8');
const noStack = (r: { stdout: string; stderr: string }) =>
  expect(`${r.stdout}${r.stderr}`).not.toMatch(/\n\s+at |Error:/);

let dir = '';
const write = (name: string, text: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kinerja-review-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('1: --out never overwrites what the command reads', () => {
  it('refuses an input (also through a symlink or another spelling), the rubric and the mapping, exit 2', async () => {
    const batch = `${JSON.stringify(JSON.parse(appraisalText))}\n`;
    const input = write('c.ndjson', batch);
    symlinkSync(input, join(dir, 'link.ndjson'));
    const rubricCopy = write('r.rubric.yaml', readFileSync(demoRubric, 'utf8'));
    const cases = [
      ['evaluate', '-r', demoRubric, '--out', 'c.ndjson', 'c.ndjson'],
      ['evaluate', '-r', demoRubric, '--out', './sub/../c.ndjson', 'c.ndjson'],
      ['evaluate', '-r', demoRubric, '--out', 'link.ndjson', 'c.ndjson'],
      ['evaluate', '-r', 'r.rubric.yaml', '--out', 'r.rubric.yaml', demoAppraisal],
      ['evaluate', '-r', 'r.rubric.yaml', '--out', 'r.rubric.yaml', 'c.ndjson'],
    ];
    mkdirSync(join(dir, 'sub'), { recursive: true });
    for (const args of cases) {
      const r = await runCli(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/--out ".*" is the (input|rubric) file/);
      noStack(r);
    }
    const mapped = await runCli(
      ['evaluate', '-r', rubricPath, '--mapping', mappingPath, '--out', mappingPath, 'c.ndjson'],
      { cwd: dir },
    );
    expect(mapped.code).toBe(2);
    expect(mapped.stderr).toContain('is the mapping file');
    expect(readFileSync(input, 'utf8')).toBe(batch);
    expect(readFileSync(rubricCopy, 'utf8')).toBe(readFileSync(demoRubric, 'utf8'));
    // Said in Indonesian when asked.
    const id = await runCli([...(cases[0] as string[]), '--lang', 'id'], { cwd: dir });
    expect(id.stderr).toContain('adalah berkas masukan');
  });
});

describe('2: output that cannot be written', () => {
  it('--out /dev/full is one line and exit 2, not an internal error', async () => {
    for (const extra of [[], ['--output-format', 'ndjson', '--workers', '1']]) {
      const r = await runCli(['evaluate', '-r', demoRubric, '--out', '/dev/full', ...extra, demoAppraisal]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('kinerja: cannot write "/dev/full": ENOSPC\n');
    }
  });

  it('the bin reports a failed standard output in one line, exit 2; EPIPE stays quiet', () => {
    const lines: string[] = [];
    const codes: number[] = [];
    const sink = { write: (s: string) => lines.push(s) };
    onStdoutError(Object.assign(new Error('x'), { code: 'ENOSPC' }), 'id', sink, (c) => codes.push(c), 0);
    onStdoutError(Object.assign(new Error('x'), { code: 'EPIPE' }), 'en', sink, (c) => codes.push(c), 1);
    expect(lines).toEqual(['kinerja: tidak dapat menulis ke keluaran standar: ENOSPC\n']);
    expect(codes).toEqual([2, 1]);
  });

  it('the bin built from these sources, stdout on /dev/full: no stack, exit 2', () => {
    const require = createRequire(import.meta.url);
    const esbuild = createRequire(require.resolve('tsup'))('esbuild');
    const bundle = join(dir, 'cli.mjs');
    esbuild.buildSync({
      entryPoints: [fileURLToPath(new URL('../src/cli.ts', import.meta.url))],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      conditions: ['source'],
      banner: {
        js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);",
      },
      logLevel: 'silent',
    });
    for (const extra of [[demoAppraisal], ['--workers', '1', '--output-format', 'ndjson', demoAppraisal]]) {
      const r = spawnSync(process.execPath, [bundle, 'evaluate', '-r', demoRubric, ...extra], {
        stdio: ['ignore', require('node:fs').openSync('/dev/full', 'w'), 'pipe'],
        encoding: 'utf8',
      });
      expect(r.stderr).toBe('kinerja: cannot write standard output: ENOSPC\n');
      expect(r.status).toBe(2);
    }
  });
});

describe('3, 4: check refuses runs and seeds that test nothing or are misread, and unreadable targets', () => {
  it('refuses --runs 0, empty, hex and exponent forms, and seeds beyond 32 bits', async () => {
    for (const flags of [
      ['--runs', '0'],
      ['--runs='],
      ['--seed='],
      ['--seed', '0x10'],
      ['--seed', '1e3'],
      ['--seed', '2147483648'],
      ['--runs', '1.5'],
    ]) {
      const r = await runCli(['check', demoRubric, ...flags]);
      expect(r.code, flags.join(' ')).toBe(2);
      expect(r.stderr, flags.join(' ')).toMatch(/needs a decimal whole number/);
    }
    const ok = await runCli(['check', demoRubric, '--seed=-5', '--runs', '3', '--law', 'bounds']);
    expect(ok.code).toBe(0);
  });

  it('a missing rubric and a folder without rubrics are exit 2, each with its own message', async () => {
    const missing = await runCli(['check', 'nope.yaml'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('"nope.yaml" was not found');
    mkdirSync(join(dir, 'adir'), { recursive: true });
    const folder = await runCli(['check', 'adir'], { cwd: dir });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('folder "adir" holds no *.rubric.yaml file');
    expect(folder.stderr).not.toContain('*.rubric.yaml" was not found');
  });
});

describe('5, 6: audit reads input as evaluate does, and refuses options that would do nothing', () => {
  let audit = '';
  let appraisals: unknown[] = [];
  beforeAll(() => {
    audit = join(dir, 'audit');
    mkdirSync(audit, { recursive: true });
    writeFileSync(join(audit, 'simulasi.rubric.yaml'), simulationRubricYaml);
    appraisals = simulateCohort({ seed: 3, rubric: simulationRubric() }).appraisals.slice(0, 6);
  });
  const run = (args: string[], stdin?: string) =>
    runCli(['audit', '-r', 'simulasi.rubric.yaml', ...args], { cwd: audit, ...(stdin ? { stdin } : {}) });

  it('names each bad record by its line (after a blank line too), once, with the code', async () => {
    const lines = appraisals.map((a) => JSON.stringify(a));
    writeFileSync(
      join(audit, 'blank.ndjson'),
      [lines[0], '', lines[1], '{"employee":5}', lines[2]].join('\n'),
    );
    const r = await run(['-i', 'blank.ndjson']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('blank.ndjson:4#/employee  schema-type');
    expect(r.stderr).not.toMatch(/blank\.ndjson(#|:)\d+: blank\.ndjson/);
    expect(JSON.parse(r.stdout).cohort.appraisals).toBe(4);
  });

  it('refuses duplicate keys as evaluate does, and reports JSON errors with line:column in both languages', async () => {
    const text = JSON.stringify(appraisals[0]);
    writeFileSync(join(audit, 'dup.ndjson'), `${text.replace('{', '{"employee":1,')}\n`);
    const dup = await run(['-i', 'dup.ndjson']);
    // At the repeated key itself: 13 characters were put before the object's own "employee".
    expect(dup.stderr).toContain(`dup.ndjson:1:${text.indexOf('"employee"') + 14}  duplicate-key`);
    expect(dup.code).toBe(1);
    // An error near the end of a pretty-printed array is reported where it is, not at line 1.
    const pretty = JSON.stringify(appraisals.slice(0, 2), null, 2);
    writeFileSync(join(audit, 'pretty.json'), `${pretty.slice(0, -2)},,\n]`);
    const bad = await run(['-i', 'pretty.json', '--lang', 'id']);
    expect(bad.code).toBe(1);
    const last = pretty.split('\n').length;
    expect(bad.stderr).toMatch(
      new RegExp(`^pretty\\.json:${last - 1}:\\d+ {2}json-syntax {2}JSON tidak dapat dibaca`, 'm'),
    );
    expect(bad.stderr).toContain('kohort tidak lengkap');
    noStack(bad);
  });

  it('gives the elements of { "appraisals": [...] } their own lines', async () => {
    const wrapped = JSON.stringify({ appraisals: [appraisals[0], { employee: 5 }] }, null, 2);
    writeFileSync(join(audit, 'wrapped.json'), wrapped);
    const r = await run(['-i', 'wrapped.json']);
    // The line the element starts on: its `{`, one above its first key.
    const line = wrapped.split('\n').findIndex((l) => l.includes('"employee": 5'));
    expect(r.stderr).toContain(`wrapped.json:${line}#/employee  schema-type`);
  });

  it('an empty cohort is an error, not an audit of nothing', async () => {
    writeFileSync(join(audit, 'empty.json'), '[]');
    const r = await run(['-i', 'empty.json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('holds no appraisals');
  });

  it('refuses an unknown --outcome (listing the outcomes), and curve options without --org-predicate', async () => {
    writeFileSync(join(audit, 'ok.json'), JSON.stringify(appraisals));
    const outcome = await run(['-i', 'ok.json', '--outcome', 'nosuch']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/has no outcome "nosuch"; its outcomes: kenaikan-pangkat, pembinaan/);
    for (const flags of [
      ['--curve-per', 'unit'],
      ['--rounding', 'lenient'],
    ]) {
      const r = await run(['-i', 'ok.json', ...flags]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${flags[0]} tunes the curve check, which needs --org-predicate`);
    }
    const twice = await run(['-i', '-', '-i', '-'], JSON.stringify(appraisals));
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('standard input (-) can be read only once');
  });
});

describe('7: an array on standard input is a batch, as the same file is', () => {
  it('scores both appraisals of a piped array', async () => {
    const two = JSON.stringify([JSON.parse(appraisalText), JSON.parse(appraisalText)]);
    const path = write('two.json', two);
    const piped = await runCli(['evaluate', '-r', demoRubric, '-'], { stdin: two });
    const byPath = await runCli(['evaluate', '-r', demoRubric, path]);
    expect(piped.code).toBe(0);
    expect(JSON.parse(piped.stdout)).toHaveLength(2);
    expect(piped.stdout).toBe(byPath.stdout.replaceAll(`"${path}:`, '"<stdin>:'));
  });
});

describe('8, 9, 10, 14: usage errors', () => {
  it('speaks Indonesian when asked, and names the command in the hint', async () => {
    const r = await runCli(['evaluate', '-r', demoRubric, '--workers', '0', demoAppraisal, '--lang', 'id']);
    expect(r.stderr).toBe(
      'kinerja: --workers harus bilangan bulat dari 1 sampai 1024, bukan "0"\nJalankan "kinerja evaluate --help" untuk cara pakai.\n',
    );
    const env = await runCli(['evaluate', '-r', demoRubric, 'nope.json'], { env: { LANG: 'id_ID.UTF-8' } });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain('Berkas "nope.json" tidak ditemukan.');
    expect(env.stderr).toContain('kinerja evaluate --help');
    const lang = await runCli(['validate', '--lang', 'xx', demoRubric]);
    expect(lang.stderr).toContain('Run "kinerja validate --help"');
    const format = await runCli(['evaluate', '-r', demoRubric, '--format', 'yaml', demoAppraisal]);
    expect(format.stderr).toContain('Run "kinerja evaluate --help"');
  });

  it('--workers -1 is one clear line', async () => {
    const r = await runCli(['evaluate', '-r', demoRubric, '--workers', '-1', demoAppraisal]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'kinerja: --workers needs a value, and "-1" reads as an option; write --workers=-1 if it is the value\nRun "kinerja evaluate --help" for usage.\n',
    );
  });

  it('refuses a flag given twice and contradicting format flags', async () => {
    const twice = await runCli(['evaluate', '-r', demoRubric, '-r', demoRubric, demoAppraisal]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('--rubric is given more than once');
    const formats = await runCli([
      'evaluate',
      '-r',
      demoRubric,
      '--format',
      'json',
      '--output-format',
      'csv',
      demoAppraisal,
    ]);
    expect(formats.code).toBe(2);
    expect(formats.stderr).toContain('--format json and --output-format csv contradict each other');
  });

  it('kinerja help evaluate prints the help of evaluate', async () => {
    const r = await runCli(['help', 'evaluate']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: kinerja evaluate/);
    expect((await runCli(['help', 'nosuch'])).code).toBe(2);
  });
});

describe('11: one appraisal keeps its shape and positions whatever flags are added', () => {
  it('--strict and --out give the same object as without them', async () => {
    const broken = write('broken.json', appraisalText.replace('"employee"', '"employee": 5, "x"'));
    const plain = await runCli(['evaluate', '-r', demoRubric, broken]);
    const strict = await runCli(['evaluate', '-r', demoRubric, '--strict', broken]);
    expect(strict.stdout).toBe(plain.stdout);
    expect(JSON.parse(plain.stdout).diagnostics[0].span.start.line).toBeGreaterThan(0);
    const out = join(dir, 'one.out.json');
    const toFile = await runCli(['evaluate', '-r', demoRubric, '--out', out, broken]);
    expect(toFile.code).toBe(plain.code);
    expect(readFileSync(out, 'utf8')).toBe(plain.stdout);
  });
});

describe('12: inputs too large or not files', () => {
  it('refuses /dev/zero as input-too-large after reading just past the limit', async () => {
    const r = await runCli(['evaluate', '-r', demoRubric, '/dev/zero']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).diagnostics[0]).toMatchObject({ code: 'input-too-large', expected: 1048576 });
    const v = await runCli(['validate', '/dev/zero']);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain('/dev/zero:1:1  input-too-large');
  });

  it('reports the size of a large regular file without reading it', async () => {
    const big = write('big.json', Buffer.alloc(3 * 1024 * 1024, 0x20));
    const r = await runCli(['evaluate', '-r', demoRubric, big]);
    expect(JSON.parse(r.stdout).diagnostics[0]).toMatchObject({ code: 'input-too-large', received: 3145728 });
  });

  it('standard input that cannot be read is unreadable (exit 2), not a JSON syntax error', async () => {
    const failing: AsyncIterable<Uint8Array> = {
      // biome-ignore lint/correctness/useYield: fails on its first read, as a directory does.
      async *[Symbol.asyncIterator]() {
        throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
      },
    };
    const { main } = await import('../src/index.js');
    let stderr = '';
    const code = await main(['evaluate', '-r', demoRubric, '-'], {
      stdout: { write: () => true },
      stderr: { write: (s: string) => (stderr += s) },
      stdin: failing,
      cwd: repo,
      env: {},
    });
    expect(code).toBe(2);
    expect(stderr).toContain('standard input is a directory, not a file');
  });
});

describe('13: control characters never reach CSV output', () => {
  it('replaces them with U+FFFD, in one thread and in workers', async () => {
    const files = await writeCohort(join(dir, 'ctl'), cohort().slice(0, 3));
    const csv = join(files.csv, 'cohort');
    const text = readFileSync(csv, 'utf8');
    const nip = /\b\d{18}\b/.exec(text)?.[0] as string;
    writeFileSync(csv, text.replace(nip, '\u0000\u0001\u0002'));
    for (const workers of ['1', '2']) {
      const r = await runCli(
        [
          'evaluate',
          '-r',
          rubricPath,
          '--input-format',
          'csv',
          '--mapping',
          mappingPath,
          '--output-format',
          'csv',
          '--workers',
          workers,
          '--chunk-size',
          '1',
          'cohort',
        ],
        { cwd: files.csv },
      );
      // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for them is the test.
      expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
      expect(r.stdout).toContain('\uFFFD\uFFFD\uFFFD');
    }
  });
});

describe('bytes that are not UTF-8', () => {
  // "Sité" saved as Windows-1252: é is the single byte 0xE9, refused where it is rather than read as U+FFFD.
  const latin1 = (text: string) => Buffer.from(text, 'latin1');

  it('in a rubric: encoding-invalid at its line:column, exit 1', async () => {
    write('w1252.rubric.yaml', latin1('kinerja: 1\nid: x\nlabel: { id: Sité, en: Site }\n'));
    const r = await runCli(['validate', 'w1252.rubric.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('w1252.rubric.yaml:3:17  encoding-invalid');
    noStack(r);
  });

  it('in an appraisal, from a file or from standard input alike', async () => {
    const bytes = latin1('{"employee": {"nama": "Sité"}}');
    write('w1252.json', bytes);
    const file = await runCli(['evaluate', '-r', demoRubric, 'w1252.json'], { cwd: dir });
    const piped = await runCli(['evaluate', '-r', demoRubric, '-'], { cwd: dir, stdin: [bytes] });
    for (const r of [file, piped]) {
      expect(r.code).toBe(1);
      const e = JSON.parse(r.stdout);
      expect(
        e.diagnostics.map((d: { code: string; span: { start: unknown } }) => [d.code, d.span.start]),
      ).toEqual([['encoding-invalid', { line: 1, column: 27 }]]);
    }
  });

  it('in a batch: a text editor is advised for JSON and NDJSON, Excel\'s "CSV UTF-8" for CSV, in both languages', async () => {
    write('w1252.ndjson', latin1('{"employee": {"name": "Sité"}}\n'));
    write('w1252-array.json', latin1('[{"employee": {"name": "Sité"}}]'));
    write('w1252.csv', latin1('NIP,Nama\n199003152015031002,Sité\n'));
    write('w1252.mapping.yaml', 'fields:\n  nip: NIP\n  employee.name: Nama\n');
    const editor = {
      id: 'Simpan ulang berkas sebagai UTF-8 dari penyunting teks (mis. "Simpan dengan Encoding" → UTF-8).',
      en: 'Save the file as UTF-8 in your text editor (e.g. "Save with Encoding" → UTF-8).',
    };
    const excel = {
      id: 'Simpan ulang berkas sebagai UTF-8 (di Excel: "CSV UTF-8").',
      en: 'Save the file as UTF-8 (in Excel: "CSV UTF-8").',
    };
    for (const lang of ['id', 'en'] as const) {
      for (const [file, where, advice, mapping] of [
        ['w1252.ndjson', 'w1252.ndjson:1', editor, []],
        ['w1252-array.json', 'w1252-array.json:1:28', editor, []],
        ['w1252.csv', 'w1252.csv:2:23', excel, ['--mapping', 'w1252.mapping.yaml']],
      ] as const) {
        const r = await runCli(['evaluate', '-r', demoRubric, ...mapping, '--lang', lang, file], {
          cwd: dir,
        });
        expect(r.code, r.stderr).toBe(1);
        const line = r.stderr.split('\n').find((l) => l.includes('encoding-invalid'));
        expect(line, r.stderr).toMatch(new RegExp(`^${where.replace(/\./g, '\\.')}  encoding-invalid  `));
        expect(line?.endsWith(advice[lang]), `${file} ${lang}: ${line}`).toBe(true);
        noStack(r);
      }
    }
  });
});

describe('usage errors of validate, schema and serve speak Indonesian too', () => {
  it.each([
    [['serve', '--lang', 'id'], '--rubric <berkas|paket> wajib diisi'],
    [
      ['serve', '-r', 'x.yaml', '--port', 'abc', '--lang', 'id'],
      '--port harus bilangan bulat dari 0 sampai 65535',
    ],
    [['validate', '--lang', 'id'], 'tidak ada berkas rubrik yang diberikan'],
    [['schema', 'nope'], 'unknown schema "nope" (rubric or appraisal)'],
  ])('%j', async (args, text) => {
    const r = await runCli(args, { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(text);
    noStack(r);
  });
});
