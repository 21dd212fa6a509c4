import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appraisalJsonSchema, publishedRubricSchema } from '../../src/index.js';

// The schema files ship in the package for editors; they are generated from the TypeBox source of truth and
// committed, so this test keeps them in step. Regenerate with UPDATE_SCHEMAS=1.
const files = [
  ['rubric.schema.json', publishedRubricSchema()],
  ['appraisal.schema.json', appraisalJsonSchema],
] as const;

// The files are JSON.stringify's two-space layout, byte for byte: biome is told to leave packages/core/schema alone
// (biome.json), so no formatter ever rewrites them, and regenerating unchanged schemas leaves git clean.
const layout = (schema: unknown): string => `${JSON.stringify(schema, null, 2)}\n`;

describe('published schema files', () => {
  for (const [name, schema] of files) {
    it(`schema/${name} matches the schema in code`, () => {
      const path = fileURLToPath(new URL(`../../schema/${name}`, import.meta.url));
      if (process.env.UPDATE_SCHEMAS === '1') writeFileSync(path, layout(schema));
      expect(readFileSync(path, 'utf8'), `run UPDATE_SCHEMAS=1 vitest run ${name}`).toBe(layout(schema));
    });
  }
});
