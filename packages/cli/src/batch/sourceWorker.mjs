// Development only (never built or shipped; see workerEntry.ts): bundles worker.ts and the TypeScript sources it
// imports (@kinerja/* through their `source` export condition, as vitest.config.ts resolves them) into one plain
// ESM file a worker thread can run. Once per process; esbuild is the one tsup brings (a root devDependency).
import { createHash } from 'node:crypto';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

let built;

/** The URL of a worker bundled from the current sources. */
export function sourceWorkerUrl() {
  if (built) return built;
  const require = createRequire(import.meta.url);
  const esbuild = createRequire(require.resolve('tsup'))('esbuild');
  const result = esbuild.buildSync({
    entryPoints: [fileURLToPath(new URL('./worker.ts', import.meta.url))],
    outfile: 'batch-worker.mjs',
    write: false,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['source'],
    // Bundled CommonJS dependencies may require Node's modules.
    banner: {
      js: "import { createRequire as __kinerjaRequire } from 'node:module'; const require = __kinerjaRequire(import.meta.url);",
    },
    sourcemap: 'inline',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  // Named by content: test processes that bundle the same sources share one file, and none piles up.
  const outfile = join(
    tmpdir(),
    `kinerja-source-worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`,
  );
  if (!existsSync(outfile)) {
    // Written aside and renamed, so a process running in parallel never imports a half-written file.
    writeFileSync(`${outfile}.${process.pid}`, code);
    renameSync(`${outfile}.${process.pid}`, outfile);
  }
  built = pathToFileURL(outfile);
  return built;
}
