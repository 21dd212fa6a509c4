import { defineConfig, type Options } from 'tsup';

const shared: Options = {
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  target: 'es2022',
  outDir: 'dist',
  // Both configs run concurrently, so tsup's `clean` would race; the build script cleans dist first.
  clean: false,
};

export default defineConfig([
  {
    ...shared,
    entry: { index: 'src/index.ts' },
    platform: 'neutral',
  },
  {
    ...shared,
    entry: { node: 'src/node/index.ts' },
    platform: 'node',
    // One copy of the engine: `./node` imports the main entry by name, so `instanceof KinerjaError` holds across both.
    external: ['@kinerja/core'],
  },
]);
