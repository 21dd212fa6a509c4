/** Types of build.mjs. */
import type { Message, Metafile } from 'esbuild';

export function build(options?: { outdir?: string; source?: boolean; minify?: boolean }): Promise<{
  /** dist/app.js: the ES module bundle. */
  app: string;
  /** dist/index.html with app.js inlined as a module script. */
  html: string;
  metafile: Metafile;
  warnings: Message[];
  outdir: string;
}>;
