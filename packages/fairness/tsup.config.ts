import { defineConfig } from 'tsup';

export default defineConfig({
  // Two entries: the laws stay free of vitest and node:* (usable from the CLI or a browser); the vitest
  // helper lives behind its own subpath.
  entry: { index: 'src/index.ts', vitest: 'src/vitest/index.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'es2022',
  dts: true,
  sourcemap: true,
  clean: false,
  external: ['vitest', '@kinerja/core', 'fast-check'],
});
