import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diagnosticCatalogue, type MessageData } from '../../src/index.js';

const docPath = fileURLToPath(new URL('../../../../docs/errors.md', import.meta.url));

/**
 * Every parameter a message reads, shown as a placeholder: `‹name›` in the sentence where the value would go, so a
 * row reads as the sentence a user gets rather than one with holes in it.
 */
const placeholders: Readonly<Record<string, string | number>> = new Proxy(
  {},
  { get: (_target, key) => (typeof key === 'string' ? `‹${key}›` : undefined) },
);

/**
 * Where a message has variants chosen by a parameter, the variant a reader most likely meets, with realistic
 * values (a placeholder would pick the fallback wording, such as the flags-only one of `read-before-computed`).
 */
const examples: Readonly<Record<string, MessageData>> = {
  'yaml-syntax': { params: { problem: 'BAD_INDENT', detail: 'Bad indentation of a sequence entry' } },
  'json-syntax': { received: '}', expected: 'value', params: { problem: 'unexpected-character' } },
  'csv-syntax': { params: { problem: 'unclosed-quote', line: 12, column: 4 } },
  'read-before-computed': {
    params: {
      reads: 'indicators.kepemimpinan.score',
      reader: 'indicator',
      name: 'kepemimpinan',
      reason: 'indicator-score',
      order: 'perilaku, skp',
    },
  },
  'input-not-plain': { params: { problem: 'prototype' } },
  'schema-pattern': {
    received: '2024-1-5',
    expected: '^\\d{4}-\\d{2}-\\d{2}$',
    params: { form: 'a date YYYY-MM-DD', formId: 'tanggal YYYY-MM-DD' },
  },
  'invalid-fact': { received: 'lima', params: { problem: 'default-type', type: 'number' } },
  // The general wording; a string with a known form (a version, a NIP, a date) names that form instead.
  'schema-type': { expected: '‹expected›', received: '‹received›' },
};

function sample(code: string): MessageData {
  return Object.hasOwn(examples, code)
    ? (examples[code] as MessageData)
    : { expected: '‹expected›', received: '‹received›', params: placeholders };
}

const cell = (text: string): string => text.replace(/\|/g, '\\|');

/** docs/errors.md is written from the catalogue, so it has exactly one row per code. */
function render(): string {
  const rows = Object.entries(diagnosticCatalogue).map(([code, info]) => {
    const message = info.render(sample(code));
    return `| \`${code}\` | ${info.stage} | ${info.severity} | ${info.summary} | ${cell(message.id)} | ${cell(message.en)} |`;
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
    'The messages show each value a message carries as `‹name›`, or, where the wording depends on it, an example.',
    '',
    '| code | stage | severity | meaning | message (id) | message (en) |',
    '| --- | --- | --- | --- | --- | --- |',
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
  it('every row reads as a sentence: no value left blank in either language', () => {
    for (const code of Object.keys(diagnosticCatalogue)) {
      const message = diagnosticCatalogue[code as keyof typeof diagnosticCatalogue].render(sample(code));
      for (const text of [message.id, message.en]) {
        expect(text, code).not.toMatch(/ {2}|\s[.,;:)]|\(\s*\)|:\s*$|"—"/);
        expect(text.trim(), code).toBe(text);
      }
    }
  });
  it('every code renders non-empty messages in both languages', () => {
    for (const [code, info] of Object.entries(diagnosticCatalogue)) {
      const m = info.render({ expected: 1, received: 2, params: { a: 'x' } });
      expect(m.id.length, code).toBeGreaterThan(5);
      expect(m.en.length, code).toBeGreaterThan(5);
    }
  });
});
