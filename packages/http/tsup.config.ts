import { defineConfig } from 'tsup';

// The handler (index) uses only Fetch API globals (checked by tsconfig.runtime.json and test/runtime.test.ts);
// node.ts is the one entry that imports node:*.
export default defineConfig({
  entry: { index: 'src/index.ts', node: 'src/node.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'es2022',
  dts: true,
  sourcemap: true,
  clean: false,
  external: ['@kinerja/core'],
  // Keep `node:http`: Deno and Bun resolve built-ins only with the prefix.
  removeNodeProtocol: false,
});
