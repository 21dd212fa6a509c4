import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diagnosticCatalogue } from '../../src/index.js';

const docPath = fileURLToPath(new URL('../../../../docs/errors.md', import.meta.url));

/** docs/errors.md is written from the catalogue, so it has exactly one row per code. */
function render(): string {
  const rows = Object.entries(diagnosticCatalogue).map(([code, info]) => {
    const sample = info.render({ expected: '…', received: '…', params: {} });
    return `| \`${code}\` | ${info.stage} | ${info.severity} | ${info.summary} | ${sample.id.replace(/\|/g, '\\|')} |`;
  });
  return [
    '# Diagnostic codes',
    '',
    'Every problem Kinerja reports — in a rubric, an appraisal or a cases file — carries one of these stable codes,',
    'a JSON pointer, a 1-based line:column when the input came from text, what was expected and what was received,',
    'and a message in Bahasa Indonesia and English. Tools and tests should rely on the code and position, never on the',
    'wording. This file is generated from `packages/core/src/diagnostics/codes.ts` (`UPDATE_DOCS=1 pnpm test` rewrites',
    'it); a test fails when the two disagree.',
    '',
    '| code | stage | severity | meaning | message (id) |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

describe('docs/errors.md', () => {
  it('has one row per diagnostic code, in step with the catalogue', () => {
    const text = render();
    if (process.env.UPDATE_DOCS === '1') writeFileSync(docPath, text);
    expect(readFileSync(docPath, 'utf8')).toBe(text);
  });
  it('every code renders non-empty messages in both languages', () => {
    for (const [code, info] of Object.entries(diagnosticCatalogue)) {
      const m = info.render({ expected: 1, received: 2, params: { a: 'x' } });
      expect(m.id.length, code).toBeGreaterThan(5);
      expect(m.en.length, code).toBeGreaterThan(5);
    }
  });
});
