import { Readable } from 'node:stream';
import { createDiagnostic } from '@kinerja/core';
import { loadRubricFile } from '@kinerja/core/node';
import { describe, expect, it } from 'vitest';
import { type BatchEvent, readRecords, scoreRecords, spanInFile } from '../src/index.js';
import { repo } from './cohort.js';

const rubric = (() => {
  const loaded = loadRubricFile(`${repo}/examples/data/demo-pp46.rubric.yaml`);
  if (!loaded.ok) throw new Error('demo rubric');
  return loaded.value;
})();

async function errors(text: string, file: string, format: 'json' | 'ndjson') {
  const events: BatchEvent[] = [];
  const records = readRecords(Readable.from([Buffer.from(text)]), file, format);
  for await (const e of scoreRecords(records, rubric, { file })) events.push(e);
  return events.flatMap((e) => (e.kind === 'scored' ? e.evaluation.diagnostics : e.diagnostics));
}

describe('a syntax error inside a record keeps its true line:column in the file', () => {
  it('moves a span on the record’s first line by its column, later lines by its line', () => {
    const d = createDiagnostic({
      code: 'json-syntax',
      pointer: '',
      source: 'f.json:4',
      span: { start: { line: 1, column: 3 }, end: { line: 2, column: 7 } },
      params: { problem: 'unexpected-end' },
    });
    expect(spanInFile(d, { row: 4, column: 5 }, 'f.json')).toMatchObject({
      source: 'f.json',
      span: { start: { line: 4, column: 7 }, end: { line: 5, column: 7 } },
    });
    const { span: _span, ...noSpan } = d;
    expect(spanInFile(noSpan, { row: 4 }, 'f.json')).toBe(noSpan);
  });

  it('JSON array element and NDJSON line: file:line:column of the bad character', async () => {
    const json =
      '[\n{"employee": {"nip": "198501012010011001"},\n "period": {"kind": "annual", "end": 2013-12-31}}\n]\n';
    // Line 3: ` "period": {"kind": "annual", "end": 2013` is 41 characters; the `-` after 2013 is column 42.
    expect(await errors(json, 'inner-bad.json', 'json')).toEqual([
      expect.objectContaining({
        code: 'json-syntax',
        source: 'inner-bad.json',
        span: { start: { line: 3, column: 42 }, end: { line: 3, column: 43 } },
      }),
    ]);
    // On the element's first line the element's own column counts: `{` is at column 4 of line 2.
    const inline = await errors('[\n   {"a": ?}]', 'i.json', 'json');
    expect(inline[0]).toMatchObject({ source: 'i.json', span: { start: { line: 2, column: 10 } } });
    const ndjson = '{"a": 1}\n\n{"employee": ,}\n';
    expect(await errors(ndjson, 'd.ndjson', 'ndjson')).toContainEqual(
      expect.objectContaining({
        code: 'json-syntax',
        source: 'd.ndjson',
        span: expect.objectContaining({ start: { line: 3, column: 14 } }),
      }),
    );
  });
});
