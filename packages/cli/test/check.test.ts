import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/runCli.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const demo = 'examples/data/demo-pp46.rubric.yaml';

const run = (args: string[], cwd = repo) => runCli(args, { cwd });
const simulasi = readFileSync(join(repo, 'packages/fairness/test/fixtures/simulasi.rubric.yaml'), 'utf8');
const permenpan = readFileSync(
  join(repo, 'rubrics/permenpanrb-6-2022/permenpanrb-6-2022.rubric.yaml'),
  'utf8',
);

/** Writes rubrics into a fresh folder; each text must differ from the original (the edit applied). */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kinerja-check-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('kinerja check', () => {
  it('passes every law on the demo rubric and says so', async () => {
    const r = await run(['check', demo, '--seed', '7', '--runs', '25']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const law of [
      'monotonicity',
      'protectedAttributes',
      'identity',
      'determinism',
      'bounds',
      'boundaries',
    ]) {
      expect(r.stdout).toMatch(new RegExp(`✓ ${law} \\(\\d+ runs, seed 7\\)`));
    }
    expect(r.stdout).toContain('1 rubric(s), 0 broken law(s), 0 skipped law(s), seed 7.');
  });

  it('fails on a rubric that breaks a law, printing the counterexample and how to replay it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kinerja-check-'));
    // A ratio declared lower-is-better: more realisation raises the score, so monotonicity is broken.
    const broken = readFileSync(join(repo, demo), 'utf8').replace(
      '- { kind: ratio, target: quantityTarget, realisation: quantity }',
      '- { kind: inverse-ratio, target: quantityTarget, realisation: quantity }',
    );
    expect(broken).toContain('inverse-ratio');
    writeFileSync(join(dir, 'broken.rubric.yaml'), broken.replace('id: demo-pp46', 'id: broken'));
    // inverse-ratio is lower-is-better by its nature, and the law knows it: that rubric passes.
    const json = await run(['check', 'broken.rubric.yaml', '--law', 'monotonicity', '--format', 'json'], dir);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).results[0].laws[0].ok).toBe(true);
    // Declaring the wrong direction on a value indicator breaks the law.
    const lying = broken.replace(
      '      pelayanan: { label: { id: Orientasi pelayanan, en: Service }, measure: { kind: value, input: score } }',
      '      pelayanan: { label: { id: Orientasi pelayanan, en: Service }, direction: lower, measure: { kind: value, input: score } }',
    );
    expect(lying).toContain('direction: lower');
    writeFileSync(join(dir, 'lying.rubric.yaml'), lying.replace('id: demo-pp46', 'id: lying'));
    const bad = await run(['check', 'lying.rubric.yaml', '--law', 'monotonicity', '--seed', '3'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/✗ monotonicity/);
    expect(bad.stdout).toMatch(
      /replay: kinerja check lying.rubric.yaml --law monotonicity --seed 3 --path [\d:]+/,
    );
    expect(bad.stdout).toContain('1 broken law(s)');
  });

  it('refuses unknown laws and bad numbers as usage errors', async () => {
    expect((await run(['check', demo, '--law', 'kindness'])).code).toBe(2);
    expect((await run(['check', demo, '--runs', 'many'])).code).toBe(2);
    expect((await run(['check'])).code).toBe(2);
  });

  it('checks every rubric of a pack by id', async () => {
    const r = await run(
      ['check', 'pp-30-2019', '--law', 'determinism', '--runs', '5'],
      join(repo, 'rubrics'),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('pp-30-2019-360 ');
    expect(r.stdout).toContain('2 rubric(s), 0 broken law(s)');
  });

  it('--protected names a proxy fact: a rule reading a copy of gender breaks the law', async () => {
    const proxy = simulasi
      .replace('facts:\n', 'facts:\n  gender: { type: enum, values: [l, p], required: false }\n')
      .replace(
        '        - { fact: facts, path: $.diklat, operator: equal, value: true }',
        '        - { fact: facts, path: $.diklat, operator: equal, value: true }\n        - { fact: facts, path: $.gender, operator: notEqual, value: p }',
      );
    expect(proxy).toContain('$.gender');
    const dir = folder({ 'proxy.rubric.yaml': proxy });
    const args = [
      'check',
      'proxy.rubric.yaml',
      '--law',
      'protectedAttributes',
      '--seed',
      '1',
      '--runs',
      '30',
    ];
    const blind = await run(args, dir);
    expect(blind.code).toBe(0);
    expect(blind.stdout).toMatch(/✓ protectedAttributes \(30 runs, seed 1\)/);
    const seen = await run([...args, '--protected', 'gender'], dir);
    expect(seen.code).toBe(1);
    expect(seen.stdout).toContain(
      'the rubric reads protected facts: gender at /outcomes/kenaikan-pangkat/when/all/2',
    );
    expect(seen.stdout).toMatch(
      /replay: kinerja check proxy.rubric.yaml --law protectedAttributes --seed 1 .*--protected gender/,
    );
  });

  it('reports a law that ran no case as skipped, not passed', async () => {
    const dir = folder({ 'unprotected.rubric.yaml': simulasi.replace('protected: true, ', '') });
    const r = await run(['check', 'unprotected.rubric.yaml', '--law', 'protectedAttributes'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  – protectedAttributes skipped (0 runs): no protected facts declared');
    expect(r.stdout).not.toContain('✓ protectedAttributes');
    expect(r.stdout).toContain('1 rubric(s), 0 broken law(s), 1 skipped law(s), seed 1.');
    const json = await run(
      ['check', 'unprotected.rubric.yaml', '--law', 'protectedAttributes', '--format', 'json'],
      dir,
    );
    expect(JSON.parse(json.stdout).results[0].laws[0]).toMatchObject({ skipped: true, runs: 0, seed: 1 });
  });

  it('runs protectedAttributes on every pack: the national packs declare the merit attributes', async () => {
    for (const pack of [
      'permenpanrb-6-2022',
      'pp-30-2019',
      'pp-46-2011',
      'kupang-dinkes',
      'kupang-administrasi',
    ]) {
      const r = await run(
        ['check', pack, '--law', 'protectedAttributes', '--runs', '20', '--format', 'json'],
        join(repo, 'rubrics'),
      );
      expect(r.code, pack).toBe(0);
      for (const result of JSON.parse(r.stdout).results)
        expect(result.laws[0], `${pack}: ${result.rubric}`).toMatchObject({ ok: true, runs: 20 });
    }
  });

  it('says a rubric did not load instead of "0 rubric(s), 0 broken law(s)"', async () => {
    const reads = simulasi.replace(
      '        - { fact: facts, path: $.diklat, operator: equal, value: true }',
      '        - { fact: facts, path: $.jenis-kelamin, operator: equal, value: l }',
    );
    expect(reads).toContain('$.jenis-kelamin');
    const dir = folder({ 'reads.rubric.yaml': reads });
    const r = await run(['check', 'reads.rubric.yaml', '--lang', 'en'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('reads.rubric.yaml: the rubric did not load');
    expect(r.stdout).toContain(
      '0 rubric(s), 0 broken law(s), 0 skipped law(s), seed 1; 1 target(s) did not load: reads.rubric.yaml.',
    );
  });

  it('catches an inverted predicate matrix and replays the counterexample with the printed command', async () => {
    const inverted = permenpan
      .replace(
        'di-atas: { di-atas: sangat-baik, sesuai: baik, di-bawah: kurang }',
        'di-atas: { di-atas: kurang, sesuai: baik, di-bawah: sangat-baik }',
      )
      .replace(
        'sesuai: { di-atas: baik, sesuai: baik, di-bawah: kurang }',
        'sesuai: { di-atas: sangat-kurang, sesuai: baik, di-bawah: kurang }',
      );
    expect(inverted).toContain('di-atas: { di-atas: kurang');
    const dir = folder({ 'inverted.rubric.yaml': inverted });
    const r = await run(['check', 'inverted.rubric.yaml', '--seed', '1'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✗ monotonicity/);
    expect(r.stdout).toMatch(/predicate worsened/);
    const line = r.stdout.split('\n').find((l) => l.includes('replay: kinerja check'));
    expect(line).toBeDefined();
    const command = (line as string).replace(/^\s*replay: kinerja /, '').split(' ');
    const replayed = await run(command, dir);
    expect(replayed.code).toBe(1);
    const message = (out: string) => out.split('\n').find((l) => /predicate worsened/.test(l));
    expect(message(replayed.stdout)).toBe(message(r.stdout));
    expect(replayed.stdout).toMatch(/✗ monotonicity \(1 runs, seed 1\)/);
  });

  it('refuses --path without exactly one --law, and a malformed path', async () => {
    expect((await run(['check', demo, '--path', '0:1'])).code).toBe(2);
    expect((await run(['check', demo, '--law', 'bounds', '--path', 'zero'])).code).toBe(2);
  });
});

describe('kinerja check --lang id', () => {
  /** The report with what is not prose taken out: the replay commands and the counterexamples' JSON. */
  const prose = (out: string) =>
    out
      .split('\n')
      .filter((l) => !/^\s*[[\]{}"]/.test(l))
      .join('\n')
      .replace(/kinerja check[^`\n]*/g, '');
  /** The English words and phrases the report used before it followed --lang. */
  const english = [
    'runs',
    'seed',
    'skipped',
    'broken',
    'law(s)',
    'rubric(s)',
    'target(s)',
    'did not load',
    'replay',
    'counterexample',
    'never reached',
    'appraisals',
    'a sample, not a proof',
    'no protected facts declared',
    'determinism',
    'bounds',
    'boundaries',
    'monotonicity',
    'identity',
    'reachability',
  ];
  const found = (text: string) =>
    english.filter((w) => new RegExp(`(^|[^\\w])${w.replace(/[()]/g, '\\$&')}($|[^\\w])`).test(text));

  it('prints no English word of the report: laws, pass/skip/fail, summary, replay and counterexample', async () => {
    const dir = folder({
      'simulasi.rubric.yaml': simulasi,
      'unprotected.rubric.yaml': simulasi
        .replace('protected: true, ', '')
        .replace('id: simulasi-audit', 'id: tanpa-atribut'),
      'reads.rubric.yaml': simulasi.replace(
        '        - { fact: facts, path: $.diklat, operator: equal, value: true }',
        '        - { fact: facts, path: $.jenis-kelamin, operator: equal, value: l }',
      ),
    });
    const args = ['check', 'simulasi.rubric.yaml', 'unprotected.rubric.yaml', 'reads.rubric.yaml'];
    // Five runs: too few for reachability, so a broken law and its counterexample are in the report too.
    const en = await run([...args, '--runs', '5'], dir);
    const id = await run([...args, '--runs', '5', '--lang', 'id'], dir);
    expect(en.code).toBe(1);
    expect(id.code).toBe(1);
    // The list is the English report's own words, so a missing one here means the fixture lost a case.
    expect(found(prose(en.stdout + en.stderr))).toEqual(english);
    expect(found(prose(id.stdout + id.stderr))).toEqual([]);
    expect(id.stdout).toContain('  ✓ determinisme (5 kasus, benih acak 1)');
    expect(id.stdout).toContain('  – atribut terlindungi dilewati (0 kasus): tidak ada fakta terlindungi');
    expect(id.stdout).toMatch(
      / {2}✗ keterjangkauan \(5 kasus, benih acak 1\)\n {2}tidak pernah tercapai dalam 5/,
    );
    expect(id.stdout).toContain('\n  contoh pelanggaran:\n');
    expect(id.stdout).toContain(
      '  ulangi: kinerja check simulasi.rubric.yaml --law reachability --seed 1 --runs 5 --lang id\n',
    );
    expect(id.stdout).toContain(
      '2 rubrik, 2 hukum dilanggar, 1 hukum dilewati, benih acak 1; 1 rubrik atau paket tidak dapat dimuat: reads.rubric.yaml.',
    );
  });

  it('prints a broken law in Indonesian, and its replay line replays it', async () => {
    const inverted = permenpan
      .replace(
        'di-atas: { di-atas: sangat-baik, sesuai: baik, di-bawah: kurang }',
        'di-atas: { di-atas: kurang, sesuai: baik, di-bawah: sangat-baik }',
      )
      .replace(
        'sesuai: { di-atas: baik, sesuai: baik, di-bawah: kurang }',
        'sesuai: { di-atas: sangat-kurang, sesuai: baik, di-bawah: kurang }',
      );
    expect(inverted).toContain('di-atas: { di-atas: kurang');
    const dir = folder({ 'inverted.rubric.yaml': inverted });
    const r = await run(['check', 'inverted.rubric.yaml', '--law', 'monotonicity', '--lang', 'id'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/ {2}✗ monotonisitas \(\d+ kasus, benih acak 1\)\n/);
    expect(r.stdout).toMatch(/lebih baik\): predikat memburuk dari [\w-]+ ke [\w-]+/);
    expect(r.stdout).toContain('\n  contoh pelanggaran:\n');
    expect(found(prose(r.stdout))).toEqual([]);
    const line = r.stdout.split('\n').find((l) => l.startsWith('  ulangi: kinerja check'));
    expect(line).toMatch(
      /^ {2}ulangi: kinerja check inverted.rubric.yaml --law monotonicity --seed 1 --path [\d:]+ --lang id$/,
    );
    const replayed = await run((line as string).replace(/^\s*ulangi: kinerja /, '').split(' '), dir);
    expect(replayed.code).toBe(1);
    const message = (out: string) => out.split('\n').find((l) => /predikat memburuk/.test(l));
    expect(message(replayed.stdout)).toBe(message(r.stdout));
    expect(replayed.stdout).toContain('  ✗ monotonisitas (1 kasus, benih acak 1)\n');
  });

  it('keeps the JSON ids and adds the message in both languages', async () => {
    const dir = folder({ 'unprotected.rubric.yaml': simulasi.replace('protected: true, ', '') });
    const args = ['check', 'unprotected.rubric.yaml', '--law', 'protectedAttributes', '--format', 'json'];
    const law = JSON.parse((await run([...args, '--lang', 'id'], dir)).stdout).results[0].laws[0];
    expect(law).toMatchObject({
      law: 'protectedAttributes',
      skipped: true,
      message: expect.stringMatching(/^no protected facts declared/),
      text: {
        id: expect.stringMatching(/^tidak ada fakta terlindungi yang dinyatakan/),
        en: expect.stringMatching(/^no protected facts declared/),
      },
    });
  });
});
