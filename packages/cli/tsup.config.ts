import { defineConfig } from 'tsup';

// The configs run concurrently, so tsup's `clean` would race; the build script cleans dist first.

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'es2022',
    dts: true,
    sourcemap: true,
    clean: false,
  },
  {
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'es2022',
    dts: false,
    sourcemap: true,
    clean: false,
    banner: { js: '#!/usr/bin/env node' },
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
