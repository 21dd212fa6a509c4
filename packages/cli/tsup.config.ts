import { defineConfig } from 'tsup';

// The configs run concurrently, so tsup's `clean` would race; the build script cleans dist first.

export default defineConfig([
  {
    // One build for the library and the bin, so the commands they share (loaded on demand) are one set of
    // chunks. esbuild keeps src/cli.ts's hashbang on dist/cli.js only.
    entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'es2022',
    dts: { entry: { index: 'src/index.ts' } },
    sourcemap: true,
    clean: false,
  },
  {
    // The batch worker thread's module, loaded by URL (src/batch/workerEntry.ts), beside cli.js and index.js.
    entry: { 'batch-worker': 'src/batch/worker.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'es2022',
    dts: false,
    sourcemap: true,
    clean: false,
  },
]);
