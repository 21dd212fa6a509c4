import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/runCli.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const demo = 'examples/data/demo-pp46.rubric.yaml';

const run = (args: string[], cwd = repo) => runCli(args, { cwd });

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
    expect(r.stdout).toContain('1 rubric(s), 0 broken law(s), seed 7.');
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
    expect(bad.stdout).toMatch(/replay: \{ seed: 3/);
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
});
