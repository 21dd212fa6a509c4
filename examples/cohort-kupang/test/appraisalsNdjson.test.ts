import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cohort } from '../generate.mjs';

// score.mjs and `kinerja audit` run on the built packages (`pnpm start` builds first; so does CI before the tests).
const root = new URL('../../../', import.meta.url);
const cli = fileURLToPath(new URL('packages/cli/dist/cli.js', root));
const built =
  existsSync(fileURLToPath(new URL('packages/core/dist/node.js', root))) &&
  existsSync(fileURLToPath(new URL('packages/fairness/dist/index.js', root))) &&
  existsSync(cli);
if (!built) console.warn('examples/cohort-kupang: --appraisals test skipped, run `pnpm build` first');

const run = promisify(execFile);
const score = fileURLToPath(new URL('../score.mjs', import.meta.url));
const cohort = JSON.parse(readFileSync(new URL('../cohort.json', import.meta.url), 'utf8')) as Cohort;
const dir = mkdtempSync(join(tmpdir(), 'kinerja-kupang-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PACKS = ['kupang-dinkes', 'kupang-administrasi'];
const nipsOf = (pack: string) =>
  cohort.employees.filter((e) => cohort.units.find((u) => u.id === e.unit)?.pack === pack).map((e) => e.nip);

describe.skipIf(!built)('score.mjs --appraisals <dir>: the cohort for `kinerja audit`', () => {
  let plain: { stdout: string; stderr: string };
  let written: { stdout: string; stderr: string };
  beforeAll(async () => {
    plain = await run(process.execPath, [score], { timeout: 60_000 });
    written = await run(process.execPath, [score, '--appraisals', dir], { timeout: 60_000 });
  }, 130_000);

  it('writes one NDJSON file per pack, one appraisal per line, and prints the same verdicts', () => {
    expect(written.stdout).toBe(plain.stdout);
    for (const pack of PACKS) {
      const text = readFileSync(join(dir, `${pack}.ndjson`), 'utf8');
      expect(text.endsWith('\n')).toBe(true);
      const lines = text.slice(0, -1).split('\n');
      const appraisals = lines.map((line) => JSON.parse(line) as { employee: { nip: string } });
      // One per employee of the pack's units, in cohort order, each on exactly one line.
      expect(appraisals.map((a) => a.employee.nip)).toEqual(nipsOf(pack));
      expect(written.stderr).toContain(
        `${lines.length} appraisals (${pack}) → ${join(dir, `${pack}.ndjson`)}`,
      );
    }
  });

  it('gives files `kinerja audit` reads whole, by sex and unit', async () => {
    for (const pack of PACKS) {
      const rubric = fileURLToPath(new URL(`rubrics/${pack}/${pack}.rubric.yaml`, root));
      const input = join(dir, `${pack}.ndjson`);
      const args = [
        cli,
        'audit',
        '--rubric',
        rubric,
        '--input',
        input,
        '--by',
        'jenis-kelamin',
        '--by',
        'unit',
      ];
      const { stdout, stderr } = await run(process.execPath, args, { timeout: 60_000 }); // rejects unless exit 0
      expect(stderr).toBe('');
      const report = JSON.parse(stdout) as {
        cohort: { appraisals: number; status: Record<string, number>; rubric: { id: string } };
        disparity: { results: Array<{ attribute: string }> };
      };
      expect(report.cohort.rubric.id).toBe(pack);
      expect(report.cohort.appraisals).toBe(nipsOf(pack).length);
      expect(report.cohort.status.invalid ?? 0).toBe(0);
      expect(new Set(report.disparity.results.map((r) => r.attribute))).toEqual(
        new Set(['jenis-kelamin', 'unit']),
      );
    }
  }, 130_000);

  it('refuses --appraisals without a folder: one line, exit code 2, nothing on standard output', async () => {
    const failed = await run(process.execPath, [score, '--appraisals'], { timeout: 60_000 }).catch((e) => e);
    expect(failed.code).toBe(2);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toBe(
      '--appraisals needs a folder to write <pack>.ndjson into, e.g. --appraisals out\n',
    );
  }, 70_000);
});
