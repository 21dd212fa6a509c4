import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// What `npm publish` ships is a contract with people who never see this repository: a licence in every tarball,
// and an exports map whose every condition names the right file, including the type declarations a CommonJS
// consumer gets (a `.d.ts` there makes TypeScript call the package ESM-only and refuse `require`).
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const licence = readFileSync(join(root, 'LICENSE'), 'utf8');

interface Manifest {
  name: string;
  private?: boolean;
  license?: string;
  description?: string;
  exports?: Record<string, unknown>;
}

const published = ['packages', 'rubrics']
  .flatMap((dir) => readdirSync(join(root, dir)).map((name) => join(root, dir, name)))
  .filter((dir) => existsSync(join(dir, 'package.json')))
  .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest }))
  .filter(({ manifest }) => manifest.private !== true);

/** Every `[conditions…, target]` path through one export's condition tree. */
function leaves(value: unknown, conditions: string[] = []): Array<{ conditions: string[]; target: string }> {
  if (typeof value === 'string') return [{ conditions, target: value }];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, [...conditions, k]));
}

describe('published packages', () => {
  it('are found', () => {
    expect(published.map((p) => p.manifest.name)).toContain('@kinerja/core');
    expect(published.length).toBeGreaterThanOrEqual(6);
  });

  for (const { dir, manifest } of published) {
    describe(manifest.name, () => {
      it('ship the licence, a description and a README', () => {
        expect(manifest.license).toBe('Apache-2.0');
        expect(readFileSync(join(dir, 'LICENSE'), 'utf8')).toBe(licence);
        expect(manifest.description ?? '').not.toBe('');
        expect(existsSync(join(dir, 'README.md'))).toBe(true);
      });

      it('give CommonJS consumers CommonJS declarations and ESM consumers ESM ones', () => {
        for (const [subpath, entry] of Object.entries(manifest.exports ?? {}))
          for (const { conditions, target } of leaves(entry)) {
            const where = `${subpath} ${conditions.join(' > ')}`;
            if (conditions.includes('source')) continue;
            if (conditions.at(-1) === 'types') {
              // `types` before the runtime conditions beside it: resolvers take the first condition that matches.
              const parent = conditions
                .slice(0, -1)
                .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], entry);
              const keys = Object.keys(parent as object).filter((k) => k !== 'source');
              expect(keys[0], where).toBe('types');
              const under = conditions.includes('require') ? '.d.cts' : '.d.ts';
              expect(target.endsWith(under) || !target.endsWith('.d.ts'), `${where}: ${target}`).toBe(true);
            }
            if (conditions.includes('require')) expect(target, where).toMatch(/\.c(js|ts)$/);
          }
      });
    });
  }
});

// Resolution as TypeScript performs it for a consumer, against the built declarations: skipped before `pnpm build`.
const coreDist = join(root, 'packages/core/dist/index.d.cts');
describe.skipIf(!existsSync(coreDist))('@kinerja/core as a consumer resolves it', () => {
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
  };
  const resolve = (specifier: string, mode: ts.ResolutionMode) =>
    ts.resolveModuleName(specifier, join(root, 'consumer.ts'), options, ts.sys, undefined, undefined, mode)
      .resolvedModule?.resolvedFileName;

  for (const specifier of ['@kinerja/core', '@kinerja/core/node'])
    it(specifier, () => {
      const base = specifier.endsWith('/node') ? 'node' : 'index';
      expect(resolve(specifier, ts.ModuleKind.CommonJS)).toBe(join(root, `packages/core/dist/${base}.d.cts`));
      expect(resolve(specifier, ts.ModuleKind.ESNext)).toBe(join(root, `packages/core/dist/${base}.d.ts`));
    });
});
