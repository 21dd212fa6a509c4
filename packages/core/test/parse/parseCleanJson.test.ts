import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultParseLimits } from '../../src/parse/ParseLimits.js';
import { parseCleanJson } from '../../src/parse/parseCleanJson.js';
import { scanJson } from '../../src/parse/scanJson.js';

const limits = defaultParseLimits;

/** The fast path may decline any text, but what it accepts the scanner must find clean, with the same value. */
function agreesWithScanner(text: string, l = limits): boolean {
  const quick = parseCleanJson(text, l);
  if (quick === undefined) return true;
  expect(scanJson(text, l)).toEqual([]);
  expect(quick.value).toEqual(JSON.parse(text));
  return true;
}

/** The number literals `JSON.stringify(v)` writes, found from the value rather than the text. */
function numberLiterals(v: unknown): string[] {
  if (typeof v === 'number') return [JSON.stringify(v)];
  if (typeof v !== 'object' || v === null) return [];
  return Object.values(v).flatMap(numberLiterals);
}

describe('parseCleanJson', () => {
  it('accepts clean appraisal-like text, colons and quotes inside strings included', () => {
    for (const text of [
      '{"a":1,"b":{"a":2},"c":[{"a":3},{"a":4}]}',
      '{"a:b":"x:y","q\\"u:":"\\":","s":"\\\\"}',
      // Runs of backslashes before a quote: even runs end the string, odd runs escape the quote.
      '{"\\\\":"a\\\\\\":b","c\\\\\\\\":"d:\\"\\\\"}',
      '[]',
      '"just a string: with a colon"',
      ' {\n  "nip": "199003152015031002",\n  "value": -12.75,\n  "ok": true, "none": null\n}\n',
      `{"long text":"${'x'.repeat(200_000)}"}`,
    ]) {
      expect(parseCleanJson(text, limits), text.slice(0, 40)).toEqual({ value: JSON.parse(text) });
    }
  });

  it('declines a repeated key at any depth, however it is spelt', () => {
    for (const text of [
      '{"a":1,"a":2}',
      '{"x":{"b":1,"c":2,"b":3}}',
      '[{"k":1},{"k":2,"k":3}]',
      '{"a":1,"\\u0061":2}',
    ]) {
      expect(parseCleanJson(text, limits), text).toBeUndefined();
      expect(scanJson(text, limits).map((f) => f.code)).toContain('duplicate-key');
    }
  });

  it('declines forbidden keys, escaped or not, and any literal the scanner checks for exactness', () => {
    for (const text of [
      '{"__proto__":{}}',
      '{"a":{"\\u005f_proto__":1}}',
      '{"constructor":1}',
      '{"x":1e2}',
      '{"x":2.5E-3}',
      '{"x":0.1234567890123456}',
      '{"x":-123456789012345}',
      '[1234567890123456]',
    ]) {
      expect(parseCleanJson(text, limits), text).toBeUndefined();
    }
    expect(parseCleanJson('{"x":123456789012345}', limits)).toEqual({ value: { x: 123456789012345 } });
    expect(parseCleanJson('{"e":"1e5","true":true,"false":false}', limits)).toBeDefined();
  });

  it('declines text past the depth and node limits exactly where the scanner stops', () => {
    const tight = { ...limits, maxDepth: 3, maxNodes: 4 };
    expect(parseCleanJson('[[[1]]]', tight)).toBeDefined();
    expect(parseCleanJson('[[[[1]]]]', tight)).toBeUndefined();
    expect(scanJson('[[[[1]]]]', tight)[0]?.code).toBe('input-too-deep');
    expect(parseCleanJson('{"a":1,"b":[1,2,3]}', tight)).toBeUndefined();
    expect(parseCleanJson('{"a":1,"b":[1,2]}', tight)).toBeDefined();
    expect(scanJson('{"a":1,"b":[1,2,3]}', tight)[0]?.code).toBe('input-too-many-keys');
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(parseCleanJson(deep, limits)).toBeUndefined();
  });

  it('declines syntax errors, leaving them to the scanner', () => {
    for (const text of ['{"a":1,}', '{"a" 1}', '[1 2]', '{"a":"\u0001"}', '', 'tru'])
      expect(parseCleanJson(text, limits), JSON.stringify(text)).toBeUndefined();
  });

  it('never accepts what the scanner refuses, on generated JSON with repeated keys spliced in', () => {
    const object = fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 3 }), {
      minKeys: 1,
      maxKeys: 6,
    });
    fc.assert(
      fc.property(object, fc.nat(), fc.constantFrom(undefined, 2), (o, pick, indent) => {
        const keys = Object.keys(o);
        const key = keys[pick % keys.length] as string;
        const text = `{${JSON.stringify(key)}:0,${JSON.stringify(o, null, indent).slice(1)}`;
        expect(parseCleanJson(text, limits)).toBeUndefined();
        return agreesWithScanner(text);
      }),
      { seed: 20261129, numRuns: 300 },
    );
  });

  it('agrees with the scanner on generated JSON, and accepts it when it holds nothing to check', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(undefined, 1, '\t'), (v, indent) => {
        const text = JSON.stringify(v, null, indent);
        agreesWithScanner(text);
        const scanned = scanJson(text, limits);
        const checkedLiteral = numberLiterals(v).some((l) => l.length > 15 || /e/i.test(l));
        if (scanned.length === 0 && !checkedLiteral) expect(parseCleanJson(text, limits)).toBeDefined();
        return true;
      }),
      { seed: 20261129, numRuns: 500 },
    );
  });
});
