import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appraisalJsonSchema, publishedRubricSchema } from '../../src/index.js';

// The schema files ship in the package for editors; they are generated from the TypeBox source of truth and
// committed, so this test keeps them in step. Regenerate with UPDATE_SCHEMAS=1.
const files = [
  ['rubric.schema.json', publishedRubricSchema()],
  ['appraisal.schema.json', appraisalJsonSchema],
] as const;

// `pnpm lint` formats JSON its own way (short arrays on one line), so the files are written in biome's layout
// and compared as JSON text without whitespace: same keys, same order, same values.
function writeFormatted(path: string, schema: unknown): void {
  writeFileSync(path, `${JSON.stringify(schema, null, 2)}\n`);
  const biome = createRequire(import.meta.url).resolve('@biomejs/biome/bin/biome');
  execFileSync(process.execPath, [biome, 'format', '--write', path], { stdio: 'ignore' });
}

describe('published schema files', () => {
  for (const [name, schema] of files) {
    it(`schema/${name} matches the schema in code`, () => {
      const path = fileURLToPath(new URL(`../../schema/${name}`, import.meta.url));
      if (process.env.UPDATE_SCHEMAS === '1') writeFormatted(path, schema);
      const text = readFileSync(path, 'utf8');
      expect(text.endsWith('}\n'), 'ends with a newline').toBe(true);
      expect(JSON.stringify(JSON.parse(text)), `run UPDATE_SCHEMAS=1 vitest run ${name}`).toBe(
        JSON.stringify(schema),
      );
    });
  }
});
