/**
 * The module a batch worker thread runs.
 *
 * - Built: tsup bundles this code into dist/cli.js and dist/index.js and emits the worker as
 *   dist/batch-worker.js beside them, so the sibling URL is right from either file.
 * - Sources (vitest runs src/*.ts, where `import.meta.url` ends in `.ts`): Node 20 cannot run TypeScript in a
 *   thread and vitest's transform does not reach threads, so sourceWorker.mjs bundles worker.ts with the current
 *   sources (esbuild, once per process) and the threads run that. Tests thus score with the same code in the
 *   main thread and in workers, never with a stale dist, and need no build first.
 */
export async function batchWorkerEntry(): Promise<URL> {
  if (!import.meta.url.endsWith('.ts')) return new URL('./batch-worker.js', import.meta.url);
  // A computed specifier: tsup must not pull this development helper into dist.
  const helper = new URL('./sourceWorker.mjs', import.meta.url).href;
  const { sourceWorkerUrl } = (await import(/* @vite-ignore */ helper)) as { sourceWorkerUrl(): URL };
  return sourceWorkerUrl();
}
