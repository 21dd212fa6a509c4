import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Evaluation } from '@kinerja/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliIo, main } from '../src/index.js';
import { runCli } from './support/runCli.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const rubric = 'examples/data/demo-pp46.rubric.yaml';
const appraisal = 'examples/data/demo-appraisal.json';
const appraisalText = readFileSync(join(repo, appraisal), 'utf8');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const run = (args: string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<Run> =>
  runCli(args, { stdin: options.stdin ?? '', ...(options.env ? { env: options.env } : {}) });

const noStack = (r: Run) => expect(`${r.stdout}${r.stderr}`).not.toMatch(/\n\s+at |Error:/);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kinerja-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('kinerja (top level)', () => {
  it('prints help and the version', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('validate');
    const version = await run(['--version']);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('treats no command and an unknown command as usage errors', async () => {
    expect((await run([])).code).toBe(2);
    const r = await run(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "frobnicate"');
    noStack(r);
  });

  it('shows help for each command the top-level help lists, each loaded on demand under its own name', async () => {
    const listed = [...(await run(['--help'])).stdout.matchAll(/^ {2}([a-z]+) {2,}\S/gm)].map(
      (m) => m[1] ?? '',
    );
    expect(listed).toEqual(['validate', 'evaluate', 'explain', 'schema', 'check', 'audit', 'serve']);
    for (const c of listed) {
      const r = await run([c, '-h']);
      expect(r.code, c).toBe(0);
      expect(r.stdout, c).toContain(`kinerja ${c}`);
    }
  });

  it('prints every help as plain text: no control character a terminal would act on or hide', async () => {
    // evaluate's help once printed the bytes 0x00 0x01 where it meant to show the text \x00\x01.
    for (const c of ['', 'validate', 'evaluate', 'explain', 'schema', 'check', 'audit', 'serve']) {
      const r = await run(c === '' ? ['--help'] : [c, '--help']);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is looked for.
      expect(r.stdout, c).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F]/);
    }
    expect((await run(['evaluate', '--help'])).stdout).toContain('(a NIP read as\n  "\\x00\\x01")');
  });

  it("lists every exit code batches use in evaluate's help", async () => {
    const help = (await run(['evaluate', '--help'])).stdout.replace(/\s+/g, ' ');
    for (const code of ['0 every', '1 an evaluation', '2 usage error', '3 a bug in Kinerja'])
      expect(help).toContain(code);
  });
});

describe('kinerja validate', () => {
  it('accepts the demo rubric', async () => {
    const r = await run(['validate', rubric]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('1 rubric checked: 0 errors, 0 warnings.\n');
  });

  it('prints file:line:column, the code and a message; exits 1', async () => {
    const bad = join(dir, 'bad.rubric.yaml');
    writeFileSync(bad, readFileSync(join(repo, rubric), 'utf8').replace('skp: 0.6', 'skp: 0.7'));
    const r = await run(['validate', bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^${bad.replace(/[.\\]/g, '\\$&')}:\\d+:\\d+  weight-sum  `, 'm'));
    expect(r.stdout).toContain('1 error');
    noStack(r);
  });

  it('speaks Indonesian with --lang id or an Indonesian LANG', async () => {
    const bad = join(dir, 'dup.rubric.yaml');
    writeFileSync(bad, 'kinerja: 1\nkinerja: 1\n');
    const byFlag = await run(['validate', '--lang', 'id', bad]);
    const byEnv = await run(['validate', bad], { env: { LANG: 'id_ID.UTF-8' } });
    expect(byFlag.stdout).toContain('2:1  duplicate-key  Kunci');
    expect(byEnv.stdout).toBe(byFlag.stdout);
    expect(byFlag.stdout).toContain('galat');
  });

  it('prints the diagnostics as JSON with --format json', async () => {
    const bad = join(dir, 'dup.rubric.yaml');
    const r = await run(['validate', '--format', 'json', bad, rubric]);
    expect(r.code).toBe(1);
    const diagnostics = JSON.parse(r.stdout);
    expect(diagnostics).toMatchObject([{ code: 'duplicate-key', span: { start: { line: 2, column: 1 } } }]);
  });

  it('reports a missing file in one line, exit 2, no stack', async () => {
    const r = await run(['validate', 'no/such.rubric.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(
      'no/such.rubric.yaml  file-unreadable  File "no/such.rubric.yaml" was not found.',
    );
    noStack(r);
  });

  it('refuses an unknown flag or format with exit 2', async () => {
    const flag = await run(['validate', '--strictest', rubric]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toBe(
      `kinerja: unknown option "--strictest"\nRun "kinerja validate --help" for usage.\n`,
    );
    expect((await run(['validate', '--format', 'xml', rubric])).code).toBe(2);
    expect((await run(['validate', '--lang', 'fr', rubric])).code).toBe(2);
    expect((await run(['validate'])).code).toBe(2);
  });
});

describe('kinerja evaluate', () => {
  it('prints one Evaluation as JSON for one appraisal', async () => {
    const r = await run(['evaluate', '--rubric', rubric, appraisal]);
    expect(r.code).toBe(0);
    const e = JSON.parse(r.stdout) as Evaluation;
    expect(e).toMatchObject({
      status: 'complete',
      rubric: { id: 'demo-pp46' },
      appraisal: { nip: '198501012010011001' },
    });
    expect(typeof e.score).toBe('number');
  });

  it('prints an array for several appraisals, reading - from stdin', async () => {
    const r = await run(['evaluate', '-r', rubric, appraisal, '-'], { stdin: appraisalText });
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as Evaluation[];
    expect(list.map((e) => e.status)).toEqual(['complete', 'complete']);
    expect(list[1]).toEqual(list[0]);
  });

  it('prints a table for people', async () => {
    const r = await run(['evaluate', '--rubric', rubric, appraisal, '--format', 'table', '--lang', 'en']);
    expect(r.code).toBe(0);
    const [head, row, ...rest] = r.stdout.trimEnd().split('\n');
    expect(rest).toEqual([]);
    expect(head).toMatch(/^file\s+NIP\s+status\s+score\s+predicate\s+outcomes met$/);
    expect(row).toMatch(
      new RegExp(`^${appraisal.replace(/\./g, '\\.')}\\s+198501012010011001\\s+complete\\s+[\\d.]+\\s+\\S`),
    );
  });

  it('exits 1 on invalid JSON, with the position on stderr in table mode', async () => {
    const r = await run(['evaluate', '--rubric', rubric, '-', '--format', 'table'], {
      stdin: '{ "employee": ',
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/<stdin>\s+—\s+invalid/);
    expect(r.stderr).toMatch(/^<stdin>:1:\d+ {2}json-syntax {2}/m);
    noStack(r);
    const json = await run(['evaluate', '--rubric', rubric, '-'], { stdin: '{' });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      status: 'invalid',
      diagnostics: [{ code: 'json-syntax' }],
    });
    // An array piped in is a batch, as the same bytes in a file are: an unclosed one stops with its position.
    const array = await run(['evaluate', '--rubric', rubric, '-'], { stdin: '[' });
    expect(array.code).toBe(1);
    expect(JSON.parse(array.stdout)).toEqual([]);
    expect(array.stderr).toMatch(/^<stdin>:1:2 {2}json-syntax {2}/m);
  });

  it('exits 1 on an invalid rubric and 2 on a missing rubric or appraisal, without a stack', async () => {
    const bad = join(dir, 'dup.rubric.yaml');
    const invalid = await run(['evaluate', '--rubric', bad, appraisal]);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toBe('');
    expect(invalid.stderr).toContain('duplicate-key');
    const noRubric = await run(['evaluate', '--rubric', 'missing.yaml', appraisal]);
    expect(noRubric.code).toBe(2);
    expect(noRubric.stderr).toContain('file-unreadable');
    const noAppraisal = await run(['evaluate', '--rubric', rubric, 'missing.json']);
    expect(noAppraisal).toMatchObject({ code: 2, stdout: '' });
    expect(noAppraisal.stderr).toContain('kinerja: File "missing.json" was not found.');
    for (const r of [invalid, noRubric, noAppraisal]) noStack(r);
  });

  it('requires --rubric and an appraisal', async () => {
    expect((await run(['evaluate', appraisal])).code).toBe(2);
    expect((await run(['evaluate', '--rubric', rubric])).code).toBe(2);
    expect((await run(['evaluate', '--rubric'])).code).toBe(2);
  });
});

describe('kinerja explain', () => {
  it('explains in Indonesian and in English', async () => {
    const id = await run(['explain', '--rubric', rubric, appraisal, '--lang', 'id']);
    const en = await run(['explain', '--rubric', rubric, appraisal, '--lang', 'en']);
    expect([id.code, en.code]).toEqual([0, 0]);
    expect(id.stdout).toContain('Predikat');
    expect(en.stdout).toContain('Predicate');
    expect(id.stdout).not.toBe(en.stdout);
  });

  it('takes exactly one appraisal', async () => {
    expect((await run(['explain', '--rubric', rubric, appraisal, appraisal])).code).toBe(2);
  });

  it('--view employee leaves out rater ids; the default and --view auditor show them', async () => {
    const rubric360 = 'rubrics/pp-30-2019/pp-30-2019-360.rubric.yaml';
    const rating = (rater: string, role: string, indicator: string, value: number) => ({
      rater,
      role,
      indicator,
      value,
    });
    const indicators = ['orientasi-pelayanan', 'komitmen', 'inisiatif-kerja', 'kerja-sama', 'kepemimpinan'];
    const appraisal360 = JSON.stringify({
      employee: {
        nip: '197903152005012002',
        unit: 'Bagian Organisasi',
        position: 'Kepala Subbagian',
        positionType: 'struktural',
      },
      period: { kind: 'annual', start: '2021-07-01', end: '2021-12-31' },
      targets: { skp: [{ id: 'iki-1', target: 100, realisation: 100 }] },
      ratings: [
        ...indicators.map((i) => rating('atasan', 'supervisor', i, 100)),
        rating('rekan-1', 'peer', 'orientasi-pelayanan', 90),
        rating('rekan-2', 'peer', 'orientasi-pelayanan', 110),
        rating('bawahan-1', 'subordinate', 'orientasi-pelayanan', 80),
      ],
    });
    const explain = (...more: string[]) =>
      run(['explain', '--rubric', rubric360, '-', '--lang', 'en', ...more], { stdin: appraisal360 });
    const auditor = await explain();
    expect(auditor.code).toBe(0);
    expect(auditor.stdout).toContain('rekan-1 (peer): 90 → 90');
    expect((await explain('--view', 'auditor')).stdout).toBe(auditor.stdout);
    const employee = await explain('--view', 'employee');
    expect(employee.code).toBe(0);
    for (const id of ['atasan', 'rekan-1', 'rekan-2', 'bawahan-1']) expect(employee.stdout).not.toContain(id);
    // (90 + 110) / 2 = 100: the peers only as their role's aggregate.
    expect(employee.stdout).toContain('peer: 2 → 100');
    const wrong = await explain('--view', 'supervisor');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--view must be auditor or employee, not "supervisor"');
  });

  it('--help in Bahasa Indonesia with --lang id, naming --view', async () => {
    const id = await run(['explain', '--help', '--lang', 'id']);
    expect(id.code).toBe(0);
    expect(id.stdout).toContain('Pemakaian: kinerja explain');
    expect(id.stdout).toContain('--view auditor|employee');
    const en = await run(['explain', '--help', '--lang', 'en']);
    expect(en.stdout).toContain('--view auditor|employee');
    expect(en.stdout).toContain('Usage: kinerja explain');
  });
});

describe('kinerja schema', () => {
  it('prints the rubric and appraisal schemas as JSON', async () => {
    const r = await run(['schema', 'rubric']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ $id: expect.stringContaining('rubric.schema.json') });
    const a = await run(['schema', 'appraisal']);
    expect(JSON.parse(a.stdout)).toMatchObject({ $id: expect.stringContaining('appraisal.schema.json') });
  });

  it('refuses an unknown schema', async () => {
    expect((await run(['schema', 'cases'])).code).toBe(2);
    expect((await run(['schema'])).code).toBe(2);
  });
});

describe('internal errors', () => {
  it('prints one line and a hint, the stack only with KINERJA_DEBUG=1', async () => {
    const broken = (env: Record<string, string>): CliIo => ({
      stdout: {
        write: () => {
          throw new Error('disk on fire');
        },
      },
      stderr: { write: (s: string) => (stderr += s) },
      stdin: Readable.from([]),
      cwd: repo,
      env,
    });
    let stderr = '';
    expect(await main(['schema', 'rubric'], broken({}))).toBe(3);
    expect(stderr).toContain('kinerja: internal error: disk on fire\n');
    expect(stderr).not.toMatch(/\n\s+at /);
    stderr = '';
    await main(['schema', 'rubric'], broken({ KINERJA_DEBUG: '1' }));
    expect(stderr).toMatch(/\n\s+at /);
  });
});
