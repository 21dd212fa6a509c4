import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

// score.mjs runs on the built packages (`pnpm start` builds first; so does CI before the tests).
const built = existsSync(fileURLToPath(new URL('../../../packages/core/dist/node.js', import.meta.url)));
if (!built) console.warn('examples/cohort-kupang: closed-pipe test skipped, run `pnpm build` first');

// `node score.mjs --json | head`: the reader closes the pipe after the first bytes, which is the user's choice.
// A shell pipe, not a spawn() pipe: Node's are socket pairs whose buffers hold the whole output, so never close early.
it.skipIf(!built)(
  'ends quietly with exit code 0 when the reader closes the pipe early',
  async () => {
    const score = fileURLToPath(new URL('../score.mjs', import.meta.url));
    // $PIPESTATUS is the status of node, not of head.
    const pipeline = '"$0" "$1" --json | head -c 100 >/dev/null; exit "$PIPESTATUS"';
    const run = promisify(execFile)('bash', ['-c', pipeline, process.execPath, score], { timeout: 60_000 });
    const { stderr } = await run; // rejects, with the exit code, when score.mjs does not exit 0
    expect(stderr).toBe('');
  },
  70_000,
);
