import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../src/parse/index.js';
import { expectPrototypeIntact } from './protoGuard.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/parse/${name}`, import.meta.url), 'utf8');
const at = (d: { span?: { start: { line: number; column: number } } }) =>
  d.span ? `${d.span.start.line}:${d.span.start.column}` : undefined;

describe('parseJson fixtures', () => {
  // [file, code, line:column, pointer]
  const cases: Array<[string, string, string, string]> = [
    ['duplicate-key.json', 'duplicate-key', '3:3', '/nip'],
    ['escaped-duplicate-key.json', 'duplicate-key', '1:23', '/a/nip'],
    ['proto-key.json', 'forbidden-key', '3:6', '/capaian/0/__proto__'],
    ['constructor-key.json', 'forbidden-key', '1:2', '/constructor'],
    ['trailing-comma.json', 'json-syntax', '3:18', ''],
    ['unterminated.json', 'json-syntax', '4:1', ''],
    ['single-quote.json', 'json-syntax', '2:3', ''],
    ['comment.json', 'json-syntax', '2:3', ''],
    ['trailing-garbage.json', 'json-syntax', '2:1', ''],
    ['nan.json', 'json-syntax', '2:12', ''],
    ['leading-zero.json', 'json-syntax', '1:12', ''],
  ];
  it.each(cases)('%s → %s at %s', (file, code, pos, pointer) => {
    const r = parseJson(fixture(file), { source: file });
    expect(r.ok).toBe(false);
    const first = r.diagnostics[0];
    expect(first).toMatchObject({ code, pointer, source: file, severity: 'error', stage: 'parse' });
    expect(at(first ?? {})).toBe(pos);
    expectPrototypeIntact();
  });

  it('reports every forbidden key, nested ones too', () => {
    expect(parseJson(fixture('constructor-key.json')).diagnostics.map((d) => [d.pointer, at(d)])).toEqual([
      ['/constructor', '1:2'],
      ['/constructor/prototype', '1:18'],
    ]);
  });

  it('refuses a root __proto__ without polluting', () => {
    const r = parseJson('{"__proto__": {"polluted": true}, "a": 1}');
    expect(r.diagnostics.map((d) => [d.code, d.pointer, at(d)])).toEqual([
      ['forbidden-key', '/__proto__', '1:2'],
    ]);
    expectPrototypeIntact();
  });
});

describe('parseJson syntax positions', () => {
  // Some of these the engine reports without a position; the scanner supplies it.
  const cases: Array<[string, string]> = [
    ['', '1:1'],
    ['   ', '1:4'],
    ['[1,2,]', '1:6'],
    ['{"a":\n  tru}', '2:3'],
    ['{"a" 1}', '1:6'],
    ['"abc', '1:5'],
    ['{"a":"\t"}', '1:7'],
    ['-', '1:2'],
    ['1.', '1:3'],
    ['{"a":1 "b":2}', '1:8'],
    ['\u00e9', '1:1'],
  ];
  it.each(cases)('%j → %s', (text, pos) => {
    const r = parseJson(text);
    expect(r.diagnostics.map((d) => [d.code, at(d)])).toEqual([['json-syntax', pos]]);
    expect(r.diagnostics[0]?.message.en).toMatch(/^JSON cannot be parsed: ./);
  });

  it('agrees with JSON.parse on what is valid', () => {
    const unit = fc.constantFrom(...'{}[]:,"\\ 0123-.eE+tfnrulsa\n\t'.split(''));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), (t) => {
        let valid = true;
        try {
          JSON.parse(t);
        } catch {
          valid = false;
        }
        const r = parseJson(t);
        const syntax = r.diagnostics.some((d) => d.code === 'json-syntax');
        expect(syntax).toBe(!valid);
      }),
      { numRuns: 3000 },
    );
    expectPrototypeIntact();
  });
});

describe('parseJson values and limits', () => {
  it('parses strict JSON and ignores a leading BOM', () => {
    const r = parseJson('\ufeff{"nip": "1987", "nilai": [90.5, -1e2, true, null]}');
    expect(r).toMatchObject({
      ok: true,
      diagnostics: [],
      value: { nip: '1987', nilai: [90.5, -100, true, null] },
    });
  });

  it('treats differently escaped spellings as the same key', () => {
    const r = parseJson('{"a\\/b": 1, "a/b": 2}');
    expect(r.diagnostics.map((d) => [d.code, d.pointer])).toEqual([['duplicate-key', '/a~1b']]);
  });

  it('refuses input over maxBytes before parsing', () => {
    const r = parseJson('{"a": "ééé"', { limits: { maxBytes: 10 } });
    expect(r.diagnostics.map((d) => [d.code, d.received, at(d)])).toEqual([['input-too-large', 14, '1:1']]);
  });

  it('counts depth with the root container as 1', () => {
    const nest = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    expect(parseJson(nest(64)).ok).toBe(true);
    const r = parseJson(nest(65));
    expect(r.diagnostics.map((d) => [d.code, at(d)])).toEqual([['input-too-deep', '1:65']]);
    expect(parseJson('['.repeat(500_000)).diagnostics[0]?.code).toBe('input-too-deep');
    expect(parseJson('{"a":'.repeat(100_000)).diagnostics[0]?.code).toBe('input-too-deep');
  });

  it('refuses more keys plus items than maxNodes', () => {
    const text = '{"a": [1, 2], "b": {}}'; // a, 1, 2, b = 4
    expect(parseJson(text, { limits: { maxNodes: 4 } }).ok).toBe(true);
    const r = parseJson(text, { limits: { maxNodes: 3 } });
    expect(r.diagnostics.map((d) => [d.code, d.pointer, at(d)])).toEqual([
      ['input-too-many-keys', '/b', '1:15'],
    ]);
  });

  it('parses a small appraisal quickly', () => {
    const text = JSON.stringify({
      nip: '198701012010011001',
      periode: '2024',
      capaian: [{ id: 'k1', nilai: 90 }],
    });
    parseJson(text);
    const t0 = performance.now();
    for (let i = 0; i < 1000; i++) parseJson(text);
    // Generous bound: this guards against accidentally building the locator eagerly.
    expect((performance.now() - t0) / 1000).toBeLessThan(0.2);
  });
});

describe('parseJson locator', () => {
  const text = '{\n  "a": {"b/c": [1, {"d~e": true}]},\n  "f": null,\n  "g": "x"\n}';
  const r = parseJson(text);
  if (!r.ok) throw new Error('fixture must parse');
  const loc = (p: string, what?: 'key' | 'value') => {
    const s = r.locator.locate(p, what);
    return s && `${s.start.line}:${s.start.column}-${s.end.line}:${s.end.column}`;
  };

  it('locates values and keys, with / and ~ in keys', () => {
    expect(loc('/a/b~1c/1/d~0e')).toBe('2:28-2:32');
    expect(loc('/a/b~1c/1/d~0e', 'key')).toBe('2:21-2:26');
    expect(loc('/a/b~1c/0')).toBe('2:17-2:18');
    expect(loc('/f')).toBe('3:8-3:12');
    expect(loc('/g', 'key')).toBe('4:3-4:6');
    expect(loc('')).toBe('1:1-5:2');
  });

  it('copes with tab-indented JSON, which YAML block style would refuse', () => {
    const t = parseJson('{\n\t"a": {\n\t\t"b": 1\n\t}\n}');
    expect(t.ok && t.locator.locate('/a/b')?.start).toEqual({ line: 3, column: 8 });
  });

  it('falls back to the deepest existing ancestor', () => {
    expect(loc('/a/zz/q', 'key')).toBe(loc('/a'));
    expect(loc('/a/b~1c/5')).toBe(loc('/a/b~1c'));
  });

  it('is offered for duplicate and forbidden keys but not after syntax errors', () => {
    expect(parseJson('{"a": 1, "a": 2}').locator?.locate('/a', 'key')?.start).toEqual({ line: 1, column: 2 });
    expect(parseJson('{"a": 1,}').locator).toBeUndefined();
  });
});

describe('parseJson properties', () => {
  const forbidden = new Set(['__proto__', 'constructor', 'prototype']);
  const hasForbiddenKey = (v: unknown): boolean =>
    Array.isArray(v)
      ? v.some(hasForbiddenKey)
      : v !== null && typeof v === 'object'
        ? Object.entries(v).some(([k, x]) => forbidden.has(k) || hasForbiddenKey(x))
        : false;

  it('round-trips anything JSON.stringify writes', () => {
    fc.assert(
      fc.property(
        fc.jsonValue().filter((v) => !hasForbiddenKey(v)),
        fc.constantFrom(undefined, 2, '\t'),
        (v, indent) => {
          const text = JSON.stringify(v, null, indent);
          const r = parseJson(text);
          expect(r.diagnostics).toEqual([]);
          expect(r.ok && r.value).toEqual(JSON.parse(text));
        },
      ),
      { numRuns: 500 },
    );
    expectPrototypeIntact();
  });
});

describe('parseJson number precision', () => {
  it('refuses a literal JSON.parse would round, with its pointer and span, as YAML does', () => {
    const r = parseJson(
      '{"inputs": {"t1": {"x": 79.99999999999999999999}},\n "n": [1, 1e-400, 12345678901234567890]}',
    );
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.pointer, at(d), d.received])).toEqual([
      ['number-precision', '/inputs/t1/x', '1:25', '79.99999999999999999999'],
      ['number-precision', '/n/1', '2:11', '1e-400'],
      ['number-precision', '/n/2', '2:19', '12345678901234567890'],
    ]);
    expect(r.diagnostics[0]?.message.id).toMatch(/terlalu panjang/);
    // The text is well-formed, so positions of later (schema) findings can still be given.
    expect(r.locator).toBeDefined();
  });

  it('accepts what a double holds exactly, long or with an exponent', () => {
    for (const n of [
      '0.1',
      '-0.5e+3',
      '100000000000000000000',
      '1.50000000000000000000',
      '0e-99999',
      '2.5E-4',
    ]) {
      expect(parseJson(`[${n}]`).diagnostics, n).toEqual([]);
    }
  });

  it('flags a literal exactly when the shortest decimal of its double differs from it', () => {
    // Reference without Rational: both decimals brought to digits × 10^exp with no leading or trailing zeros.
    const canonical = (s: string) => {
      const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([-+]?\d+))?$/.exec(s);
      if (!m) throw new Error(s);
      const frac = m[3] ?? '';
      let digits = `${m[2]}${frac}`.replace(/^0+/, '');
      let exp = Number(m[4] ?? 0) - frac.length;
      while (digits.endsWith('0')) {
        digits = digits.slice(0, -1);
        exp++;
      }
      return digits === '' ? '0' : `${m[1]}${digits}e${exp}`;
    };
    const literal = fc
      .tuple(
        fc.constantFrom('', '-'),
        fc.stringMatching(/^(0|[1-9]\d{0,24})$/),
        fc.option(fc.stringMatching(/^\d{1,25}$/)),
        fc.option(fc.integer({ min: -340, max: 340 })),
      )
      .map(([s, i, f, e]) => `${s}${i}${f === null ? '' : `.${f}`}${e === null ? '' : `e${e}`}`);
    fc.assert(
      fc.property(literal, (n) => {
        const value = Number(n);
        fc.pre(Number.isFinite(value));
        const exact = canonical(n) === canonical(String(value).replace('e+', 'e'));
        const found = parseJson(`{"a":[${n}]}`).diagnostics.map((d) => [d.code, d.pointer]);
        expect(found).toEqual(exact ? [] : [['number-precision', '/a/0']]);
      }),
      { seed: 20261129, numRuns: 3000 },
    );
  });
});

describe('parseJson syntax messages', () => {
  // Worded from the scanner's finding in both languages: the engine's message is English only and differs
  // between engines, so it never reaches the diagnostic.
  const cases: Array<[string, string, string, unknown, unknown]> = [
    [
      '{"a" 1}',
      'JSON tidak dapat dibaca: karakter "1" tidak terduga, seharusnya \':\' setelah nama properti',
      'JSON cannot be parsed: unexpected character "1", expected \':\' after the property name',
      '1',
      'colon',
    ],
    [
      '{"a": 1',
      "JSON tidak dapat dibaca: teks berakhir terlalu cepat, seharusnya ',' atau '}'",
      "JSON cannot be parsed: unexpected end of input, expected ',' or '}'",
      undefined,
      'comma-or-brace',
    ],
    [
      '"abc',
      'JSON tidak dapat dibaca: string tidak ditutup dengan tanda kutip',
      'JSON cannot be parsed: unterminated string',
      undefined,
      undefined,
    ],
    [
      '[1] 😀',
      'JSON tidak dapat dibaca: karakter "😀" tidak terduga, seharusnya akhir teks setelah nilai JSON',
      'JSON cannot be parsed: unexpected character "😀", expected the end of the text after the JSON value',
      '😀',
      'end',
    ],
  ];
  it.each(cases)('%j', (text, id, en, received, expected) => {
    const [d, ...rest] = parseJson(text).diagnostics;
    expect(rest).toEqual([]);
    expect(d?.message).toEqual({ id, en });
    expect(d?.received).toBe(received);
    expect(d?.expected).toBe(expected);
  });

  it('never carries the engine message', () => {
    for (const text of ['{', '[1,]', '{"a":tru}', 'nul', '"\\x"', '{"a":1}x']) {
      const d = parseJson(text).diagnostics[0];
      expect(d?.code).toBe('json-syntax');
      expect(d?.message.id).not.toMatch(/Unexpected|position|JSON at/);
      expect(d?.message.id).not.toContain('undefined');
    }
  });
});
