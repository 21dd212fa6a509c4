import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParseLimits } from '../../src/parse/ParseLimits.js';
import { type JsonScanFinding, scanJson } from '../../src/parse/scanJson.js';
import { type ReferenceFinding, referenceScanJson } from '../support/referenceScanJson.js';

// The reference words a syntax error as English text; the scanner now gives stable keys. Each of the reference's
// texts maps to exactly one pair of keys, so the findings are compared field for field after this translation.
const EXPECTATIONS: Array<[RegExp, JsonScanFinding['expected']]> = [
  [/, expected a double-quoted property name$/, 'property-name'],
  [/, expected ':' after property name$/, 'colon'],
  [/, expected ',' or '\}'$/, 'comma-or-brace'],
  [/, expected ',' or '\]'$/, 'comma-or-bracket'],
  [/, expected a value$/, 'value'],
  [/ in number(?: fraction| exponent)?$/, 'digit'],
  [/ after the JSON value$/, 'end'],
];
const FIXED: Record<string, JsonScanFinding['problem']> = {
  'unterminated string': 'unterminated-string',
  'control character in string': 'control-character',
  'bad unicode escape': 'bad-unicode-escape',
  'bad escape in string': 'bad-escape',
};
function translated(found: ReferenceFinding[]): JsonScanFinding[] {
  return found.map(({ detail, ...f }) => {
    if (detail === undefined) return f;
    const fixed = FIXED[detail];
    if (fixed) return { ...f, problem: fixed };
    const rule = EXPECTATIONS.find(([re]) => re.test(detail));
    if (!rule) throw new Error(`unknown reference detail ${detail}`);
    const char = /^unexpected character ("(?:[^"\\]|\\.)*")/.exec(detail);
    if (char)
      return {
        ...f,
        problem: 'unexpected-character',
        received: JSON.parse(char[1] as string),
        expected: rule[1],
      };
    if (!detail.startsWith('unexpected end of input')) throw new Error(`unknown reference detail ${detail}`);
    return { ...f, problem: 'unexpected-end', expected: rule[1] };
  });
}

// Pieces that make near-JSON: keys that repeat or are forbidden, escapes good and bad, numbers good and bad,
// literals cut short, containers opened and closed out of turn, whitespace of every kind JSON allows (and one
// it does not).
const PIECES = [
  '{"a":1',
  ',"a":1',
  ',"b":[',
  '{"a":{"a":',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  ' ',
  '\n',
  '\t',
  '\r',
  '\u000b',
  '"a"',
  '"a":',
  '"b":',
  '"a\\u0062":',
  '"__proto__":',
  '"constructor":',
  '"prototype"',
  '"x/y~z":',
  '"\\n\\"\\\\\\/"',
  '"\\u12"',
  '"\\q"',
  '"\t"',
  '"é—"',
  '"',
  '0',
  '1',
  '-',
  '-0.5e+3',
  '01',
  '1.',
  '2E',
  'true',
  'false',
  'null',
  'nul',
  'tru',
];

const nearJson = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join(''));

// Well-formed documents whose keys come from a small set, so keys repeat (also as `a\u0062` for `ab`), forbidden
// keys appear, and limits are hit at every depth: the paths where findings pile up rather than stop the scan.
const KEYS = ['"a"', '"b"', '"ab"', '"a\\u0062"', '"__proto__"', '"constructor"', '"x/y~z"'];
const SCALARS = ['0', '-1.5e3', 'true', 'false', 'null', '"s"', '"\\n"', '"é"'];
const wellFormed = fc.letrec<{ value: string; array: string; object: string }>((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.constantFrom(...SCALARS), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }).map((xs) => `[${xs.join(',')}]`),
  object: fc
    .array(fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom('', ' ', '\n  '), tie('value')), {
      maxLength: 4,
    })
    .map((es) => `{${es.map(([k, ws, v]) => `${k}${ws}:${ws}${v}`).join(',')}}`),
})).value;

const limits = fc.record<ParseLimits>({
  maxBytes: fc.constant(1024 * 1024),
  maxDepth: fc.integer({ min: 1, max: 6 }),
  maxNodes: fc.integer({ min: 1, max: 30 }),
});

describe('scanJson', () => {
  it('finds exactly what the reference scanner finds, on near-JSON', () => {
    fc.assert(
      fc.property(nearJson, limits, (text, l) => {
        expect(scanJson(text, l)).toEqual(translated(referenceScanJson(text, l)));
      }),
      { seed: 20261129, numRuns: 5000 },
    );
  });

  it('finds exactly what the reference scanner finds, on well-formed JSON with repeated and forbidden keys', () => {
    fc.assert(
      fc.property(wellFormed, limits, (text, l) => {
        expect(scanJson(text, l)).toEqual(translated(referenceScanJson(text, l)));
      }),
      { seed: 20261129, numRuns: 2000 },
    );
  });

  it('reports a repeated key with its pointer and span, and nothing for clean text', () => {
    const l = { maxBytes: 1 << 20, maxDepth: 8, maxNodes: 100 };
    expect(scanJson('{"a":{"b":1,"b":2}}', l)).toEqual([
      { code: 'duplicate-key', start: 12, end: 15, pointer: '/a/b', received: 'b' },
    ]);
    expect(scanJson('{"a":[1,{"b":true}]}', l)).toEqual([]);
  });

  it('still finds a repeated key in an object too big to compare key by key', () => {
    const l = { maxBytes: 1 << 20, maxDepth: 8, maxNodes: 100 };
    const keys = Array.from({ length: 20 }, (_, k) => `"k${k}":${k}`);
    for (const repeat of ['k2', 'k19']) {
      const text = `{${keys.join(',')},"${repeat}":0,"k20":0}`;
      const found = scanJson(text, l);
      expect(found).toEqual([
        expect.objectContaining({ code: 'duplicate-key', pointer: `/${repeat}`, received: repeat }),
      ]);
      expect(found).toEqual(translated(referenceScanJson(text, l)));
    }
  });
});
