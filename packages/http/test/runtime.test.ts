import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = join(dirname(fileURLToPath(import.meta.url)), '../src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('the handler runs on any Fetch API runtime', () => {
  it('imports no node:* and reads no Node globals outside src/node.ts', () => {
    const portable = files(src).filter((f) => relative(src, f) !== 'node.ts');
    expect(portable.length).toBeGreaterThan(5);
    for (const f of portable) {
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/from ['"]node:|require\(|import\(['"]node:/);
      expect(text, f).not.toMatch(/\b(?:process|Buffer|__dirname|setImmediate)\b/);
      // Only @kinerja/core's portable entry, never its ./node subpath.
      expect(text, f).not.toMatch(/@kinerja\/core\/node/);
    }
  });
});
