import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rubricPath } from '../../batch/test/cohort.js';
import { runCli } from './support/runCli.js';

const run = (args: string[]) => runCli(args);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kinerja-sheet-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('kinerja evaluate --sheet', () => {
  it('is a usage error without an XLSX input, or as position 0', async () => {
    const csv = join(dir, 'a.csv');
    writeFileSync(csv, 'NIP\n');
    const map = join(dir, 'm.yaml');
    writeFileSync(map, 'fields: { nip: NIP }\n');
    const notXlsx = await run(['evaluate', '-r', rubricPath, '--mapping', map, '--sheet', 'Data', csv]);
    expect(notXlsx.code).toBe(2);
    expect(notXlsx.stderr).toContain('--sheet');
    const zero = await run(['evaluate', '-r', rubricPath, '--mapping', map, '--sheet', '0', csv]);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('position from 1');
  });
});
