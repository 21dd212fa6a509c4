import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulateCohort, simulationRubric, simulationRubricYaml } from '@kinerja/fairness';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/runCli.js';

const run = (args: string[], cwd: string, stdin: string[] = []) => runCli(args, { cwd, stdin });

describe('kinerja audit', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kinerja-audit-'));
    writeFileSync(join(dir, 'simulasi.rubric.yaml'), simulationRubricYaml);
    // 10 supervisors × 8 ratees; atasan-3 rates their team half a point higher.
    const cohort = simulateCohort({ seed: 11, rubric: simulationRubric(), biasedSupervisor: 2 });
    writeFileSync(join(dir, 'cohort.json'), JSON.stringify(cohort.appraisals));
    writeFileSync(join(dir, 'cohort.ndjson'), cohort.appraisals.map((a) => JSON.stringify(a)).join('\n'));
  });

  it('evaluates the cohort and prints the audit as JSON by default', async () => {
    const r = await run(
      [
        'audit',
        '-r',
        'simulasi.rubric.yaml',
        '--input',
        'cohort.json',
        '--by',
        'jenis-kelamin',
        '--org-predicate',
        'baik',
      ],
      dir,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.cohort).toMatchObject({ appraisals: 80, status: { complete: 80 } });
    expect(report.cohort.raters).toBeGreaterThan(80);
    expect(report.divergence.supervisors[0].supervisor).toBe('atasan-3');
    expect(report.disparity.results.map((d: { outcome: string }) => d.outcome)).toEqual([
      'kenaikan-pangkat',
      'pembinaan',
    ]);
    expect(report.curve.organisation).toBe('baik');
    expect(report.findings.some((f: { subject: string }) => f.subject === 'atasan-3')).toBe(true);
  });

  it('reads NDJSON (also from standard input) and renders Markdown in the language asked', async () => {
    const r = await run(
      ['audit', '-r', 'simulasi.rubric.yaml', '-i', 'cohort.ndjson', '--format', 'markdown', '--lang', 'id'],
      dir,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# Laporan audit penilaian kinerja');
    expect(r.stdout).not.toContain('## Disparitas');
    const json = await run(['audit', '-r', 'simulasi.rubric.yaml', '-i', '-'], dir, [
      '{"employee":{"nip":"123","unit":"u","position":"p"},"period":{"kind":"annual","start":"2024-01-01","end":"2024-12-31"}}\n',
    ]);
    expect(json.code).toBe(1); // a 3-digit NIP: the appraisal does not evaluate
    expect(json.stderr).toMatch(/1 appraisal\(s\) did not evaluate/);
    expect(JSON.parse(json.stdout).cohort.appraisals).toBe(1);
  });

  it('takes curve options: per unit, rounding', async () => {
    const r = await run(
      [
        'audit',
        '-r',
        'simulasi.rubric.yaml',
        '-i',
        'cohort.json',
        '--org-predicate',
        'Butuh Perbaikan',
        '--curve-per',
        'unit',
        '--rounding',
        'lenient',
      ],
      dir,
    );
    expect(r.code).toBe(0);
    const curve = JSON.parse(r.stdout).curve;
    expect(curve).toMatchObject({ organisation: 'butuh-perbaikan', rounding: 'lenient' });
    expect(curve.curves).toHaveLength(11);
  });

  it("passes --alpha and --power to the rater audits, and reports each rater's detectable shift", async () => {
    const r = await run(
      ['audit', '-r', 'simulasi.rubric.yaml', '-i', 'cohort.json', '--alpha', '0.1', '--power', '0.8'],
      dir,
    );
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.leniency).toMatchObject({ alpha: 0.1, power: 0.8 });
    expect(report.divergence).toMatchObject({ alpha: 0.1, power: 0.8 });
    const strict = JSON.parse(
      (await run(['audit', '-r', 'simulasi.rubric.yaml', '-i', 'cohort.json'], dir)).stdout,
    );
    const shift = (rep: { leniency: { raters: Array<{ rater: string; test: { detectable: number } }> } }) =>
      rep.leniency.raters.find((x) => x.rater === 'atasan-1')?.test.detectable as number;
    // A lower power and a higher alpha both need a smaller shift to flag.
    expect(shift(report)).toBeLessThan(shift(strict));
    for (const bad of [
      ['--alpha', '0'],
      ['--power', '1'],
      ['--power', 'x'],
    ])
      expect(
        (await run(['audit', '-r', 'simulasi.rubric.yaml', '-i', 'cohort.json', ...bad], dir)).code,
      ).toBe(2);
  });

  it('leaves the ratings of an appraisal that does not evaluate out of the audit', async () => {
    const cohort = simulateCohort({ seed: 11, rubric: simulationRubric() });
    const appraisals = cohort.appraisals.map((a, i) =>
      i === 2 ? { ...a, facts: { ...a.facts, 'jenis-kelamin': 'x' } } : a,
    );
    writeFileSync(join(dir, 'invalid.ndjson'), appraisals.map((a) => JSON.stringify(a)).join('\n'));
    const whole = JSON.parse(
      (await run(['audit', '-r', 'simulasi.rubric.yaml', '-i', 'cohort.json'], dir)).stdout,
    );
    const r = await run(['audit', '-r', 'simulasi.rubric.yaml', '-i', 'invalid.ndjson', '--lang', 'id'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('1 penilaian tidak dapat dievaluasi; sisanya diaudit.');
    const report = JSON.parse(r.stdout);
    expect(report.cohort.status).toEqual({ complete: 79, invalid: 1 });
    // The simulation rubric: 7 indicators, a supervisor and 4 peers per person.
    expect(report.cohort.ratings).toBe(whole.cohort.ratings - 35);
  });

  it('refuses an attribute no appraisal has, naming the nearest and those present', async () => {
    const typo = await run(
      ['audit', '-r', 'simulasi.rubric.yaml', '-i', 'cohort.json', '--by', 'jenis_kelamin', '--lang', 'en'],
      dir,
    );
    expect(typo.code).toBe(2);
    expect(typo.stdout).toBe('');
    expect(typo.stderr).toContain(
      '--by jenis_kelamin: no appraisal has this attribute; did you mean jenis-kelamin? Attributes present:',
    );
    expect(typo.stderr).toMatch(/Attributes present: .*jenis-kelamin.*unit/);
    const id = await run(
      ['audit', '-r', 'simulasi.rubric.yaml', '-i', 'cohort.json', '--by', 'jenis_kelamin', '--lang', 'id'],
      dir,
    );
    expect(id.code).toBe(2);
    expect(id.stderr).toContain(
      '--by jenis_kelamin: tidak ada penilaian yang memiliki atribut ini; maksudnya jenis-kelamin?',
    );
    expect(id.stderr).toContain('Atribut yang ada:');
    for (const name of ['constructor', 'toString', 'hasOwnProperty', '__proto__']) {
      const r = await run(['audit', '-r', 'simulasi.rubric.yaml', '-i', 'cohort.json', '--by', name], dir);
      expect(r.code, name).toBe(2);
    }
    const per = await run(
      [
        'audit',
        '-r',
        'simulasi.rubric.yaml',
        '-i',
        'cohort.json',
        '--org-predicate',
        'baik',
        '--curve-per',
        'untis',
        '--lang',
        'en',
      ],
      dir,
    );
    expect(per.code).toBe(2);
    expect(per.stderr).toContain('--curve-per untis: no appraisal has this attribute; did you mean unit?');
  });

  it('refuses a bad command line as a usage error', async () => {
    expect((await run(['audit', '-i', 'cohort.json'], dir)).code).toBe(2);
    expect((await run(['audit', '-r', 'simulasi.rubric.yaml'], dir)).code).toBe(2);
    expect(
      (
        await run(
          ['audit', '-r', 'simulasi.rubric.yaml', '-i', 'cohort.json', '--org-predicate', 'hebat'],
          dir,
        )
      ).code,
    ).toBe(2);
    expect(
      (await run(['audit', '-r', 'simulasi.rubric.yaml', '-i', 'cohort.json', '--format', 'pdf'], dir)).code,
    ).toBe(2);
    expect((await run(['audit', '-r', 'simulasi.rubric.yaml', '-i', 'missing.json'], dir)).code).toBe(2);
    expect((await run(['audit', '--help'], dir)).stdout).toContain('Usage: kinerja audit');
  });

  it('names the rubric (with its fingerprint), the inputs and the seed; the same command gives the same bytes', async () => {
    const args = ['audit', '-r', 'simulasi.rubric.yaml', '-i', 'cohort.ndjson', '--by', 'jenis-kelamin'];
    const json = await run([...args, '--seed', '42'], dir);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.cohort.rubric).toEqual({
      id: simulationRubric().id,
      version: simulationRubric().version,
      fingerprint: simulationRubric().fingerprint,
    });
    expect(report.cohort.inputs).toEqual(['cohort.ndjson']);
    expect(report.cohort.seed).toBe(42);
    for (const w of report.disparity.results.flatMap((r: { warnings: unknown[] }) => r.warnings))
      expect(w).toMatchObject({
        code: expect.any(String),
        message: { id: expect.any(String), en: expect.any(String) },
      });
    expect((await run([...args, '--seed', '42'], dir)).stdout).toBe(json.stdout);
    const md = await run([...args, '--seed', '42', '--format', 'markdown', '--lang', 'id'], dir);
    expect(md.stdout).toContain(`(\`${simulationRubric().fingerprint}\`)`);
    expect(md.stdout).toContain('**Masukan:** `cohort.ndjson`');
    expect(md.stdout).toContain('**Benih bootstrap:** 42');
  });
});
