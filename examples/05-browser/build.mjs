// Bundles main.js and @kinerja/core for the browser: `node examples/05-browser/build.mjs` (after `pnpm build`).
// Writes dist/app.js (an ES module) and dist/index.html with that module INLINED, so the page works when opened
// straight from disk: browsers refuse `<script type="module" src>` over file://, but run an inline module.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Builds the page into `outdir`. `source: true` bundles @kinerja/core from its TypeScript sources (the "source"
 * export condition) instead of its built dist/, so tests need no `pnpm build` first. No module is marked
 * external: a `node:` import anywhere in the graph fails the build.
 */
export async function build({ outdir = join(here, 'dist'), source = false, minify = true } = {}) {
  const result = await esbuild.build({
    entryPoints: [join(here, 'main.js')],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    minify,
    legalComments: 'none',
    loader: { '.yaml': 'text' },
    ...(source ? { conditions: ['source'] } : {}),
    outfile: join(outdir, 'app.js'),
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const app = result.outputFiles.find((f) => f.path.endsWith('app.js')).text;
  // Inline: only `</script` could end the element early; esbuild already escapes it in strings, this is a guard.
  const inline = app.replace(/<\/script/gi, '<\\/script');
  const html = readFileSync(join(here, 'index.html'), 'utf8').replace(
    '<script type="module" src="./app.js"></script>',
    () => `<script type="module">\n${inline}</script>`,
  );
  mkdirSync(outdir, { recursive: true });
  writeFileSync(join(outdir, 'app.js'), app);
  writeFileSync(join(outdir, 'index.html'), html);
  return { app, html, metafile: result.metafile, warnings: result.warnings, outdir };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { outdir, app } = await build();
  console.log(`${join(outdir, 'index.html')} (${Math.round(app.length / 1024)} KiB of JavaScript inlined)`);
  console.log(`Open it in a browser: file://${join(outdir, 'index.html')}`);
}
