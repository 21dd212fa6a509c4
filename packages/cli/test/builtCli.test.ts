import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repo } from '../../batch/test/cohort.js';

// Needs `pnpm build` (dist/cli.js): these run the CLI as users do, in a process of its own, where the way its
// standard input is connected matters to Node's module loading.
const distCli = join(repo, 'packages/cli/dist/cli.js');
const rubric = 'examples/data/demo-pp46.rubric.yaml';
const appraisal = JSON.stringify(
  JSON.parse(readFileSync(join(repo, 'examples/data/demo-appraisal.json'), 'utf8')),
);

function cli(args: string[], input: string) {
  // `input` makes standard input a pipe, as `echo | kinerja …` and CI runners give it.
  const r = spawnSync(process.execPath, [distCli, ...args], {
    cwd: repo,
    input,
    encoding: 'utf8',
    env: { ...process.env, CI: '1', LANG: 'C' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(!existsSync(distCli))('the built CLI with a pipe on standard input', () => {
  it('kinerja check loads its lazily imported modules (exit 1 for the demo rubric, never 3)', () => {
    const r = cli(['check', rubric, '--runs', '2'], '\n');
    expect(r.stderr).not.toContain('internal error');
    expect(r.stderr).not.toContain('Cannot find package');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('(2 runs, seed');
  });

  it('kinerja audit -i - reads the piped NDJSON', () => {
    const r = cli(['audit', '-r', rubric, '-i', '-'], `${appraisal}\n${appraisal}\n`);
    expect(r.stderr).not.toContain('internal error');
    expect(r.code).toBe(0);
  });

  it('kinerja evaluate reads bash <(...) as a stream, also with worker threads', () => {
    if (!existsSync('/bin/bash')) return;
    for (const workers of ['1', '2']) {
      const r = spawnSync(
        '/bin/bash',
        [
          '-c',
          `"$1" "$2" evaluate -r "$3" --input-format ndjson --output-format csv --workers ${workers} --chunk-size 1 <(printf '%s\\n%s\\n' "$4" "$4")`,
          'bash',
          process.execPath,
          distCli,
          rubric,
          appraisal,
        ],
        { cwd: repo, encoding: 'utf8', env: { ...process.env, CI: '1' }, input: '' },
      );
      expect(r.stderr, workers).toBe('');
      expect(r.status, workers).toBe(0);
      expect(
        r.stdout
          .trimEnd()
          .split('\r\n')
          .slice(1)
          .map((l) => l.split(',')[2]),
      ).toEqual(['complete', 'complete']);
    }
  });
});
