import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { maxSupportedDepth, parseYaml } from '../../src/parse/index.js';
import { expectPrototypeIntact } from './protoGuard.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/parse/${name}`, import.meta.url), 'utf8');
const at = (d: { span?: { start: { line: number; column: number } } }) =>
  d.span ? `${d.span.start.line}:${d.span.start.column}` : undefined;
const forbidden = new Set(['__proto__', 'constructor', 'prototype']);

describe('parseYaml fixtures', () => {
  // [file, code, line:column, pointer]
  const cases: Array<[string, string, string, string]> = [
    ['duplicate-key.yaml', 'duplicate-key', '3:1', '/nama'],
    ['duplicate-key-coerced.yaml', 'duplicate-key', '3:3', '/indikator/1'],
    ['alias.yaml', 'yaml-alias', '1:8', '/dasar'],
    ['anchor.yaml', 'yaml-alias', '2:5', '/dasar/0'],
    ['merge-key.yaml', 'yaml-alias', '3:7', '/anak/<<'],
    ['directive.yaml', 'yaml-directive', '1:1', ''],
    ['tag-directive.yaml', 'yaml-directive', '1:1', ''],
    ['custom-tag.yaml', 'yaml-tag', '2:7', '/skor'],
    ['binary-tag.yaml', 'yaml-tag', '2:9', '/logo/data'],
    ['str-tag.yaml', 'yaml-tag', '1:7', '/kode'],
    ['multi-doc.yaml', 'yaml-multiple-documents', '2:1', ''],
    ['proto-key.yaml', 'forbidden-key', '3:5', '/kriteria/0/__proto__'],
    ['constructor-key.yaml', 'forbidden-key', '1:1', '/constructor'],
    ['prototype-key.yaml', 'forbidden-key', '3:5', '/a/b/prototype'],
    ['syntax-error.yaml', 'yaml-syntax', '3:1', ''],
    ['bad-indent.yaml', 'yaml-syntax', '3:1', ''],
    ['tab-indent.yaml', 'yaml-syntax', '2:1', ''],
    ['complex-key.yaml', 'yaml-syntax', '2:5', '/peta'],
    ['unclosed-flow.yaml', 'yaml-syntax', '2:1', ''],
  ];
  it.each(cases)('%s → %s at %s', (file, code, pos, pointer) => {
    const r = parseYaml(fixture(file), { source: file });
    expect(r.ok).toBe(false);
    const first = r.diagnostics[0];
    expect(first).toMatchObject({ code, pointer, source: file, severity: 'error', stage: 'parse' });
    expect(at(first ?? {})).toBe(pos);
    expectPrototypeIntact();
  });

  it('reports every alias, and the tag next to its directive', () => {
    expect(parseYaml(fixture('alias.yaml')).diagnostics.map((d) => [d.code, at(d)])).toEqual([
      ['yaml-alias', '1:8'],
      ['yaml-alias', '3:10'],
    ]);
    expect(parseYaml(fixture('tag-directive.yaml')).diagnostics.map((d) => [d.code, at(d)])).toEqual([
      ['yaml-directive', '1:1'],
      ['yaml-tag', '3:7'],
    ]);
  });

  it('searches below a forbidden key', () => {
    const r = parseYaml(fixture('constructor-key.yaml'));
    expect(r.diagnostics.map((d) => [d.pointer, at(d)])).toEqual([
      ['/constructor', '1:1'],
      ['/constructor/prototype', '2:3'],
    ]);
    expectPrototypeIntact();
  });
});

describe('parseYaml values', () => {
  it('parses plain YAML 1.2 core', () => {
    const r = parseYaml(
      'a: 1\nb: [x, "y", 2.5, true, null, ~]\nc: {d: 0x10, e: 0o17, f: 1e3}\ng: yes\nh: on\n',
    );
    expect(r).toMatchObject({ ok: true, diagnostics: [] });
    // yes/on are strings in YAML 1.2, unlike 1.1.
    expect(r.ok && r.value).toEqual({
      a: 1,
      b: ['x', 'y', 2.5, true, null, null],
      c: { d: 16, e: 15, f: 1000 },
      g: 'yes',
      h: 'on',
    });
  });

  it('gives null for an empty or comment-only document', () => {
    for (const t of ['', '\n', '# nothing\n', '---\n', '---\n...\n']) {
      const r = parseYaml(t);
      expect(r.ok && r.value).toBe(null);
    }
  });

  it('allows a trailing document end marker', () => {
    expect(parseYaml('a: 1\n...\n# done\n')).toMatchObject({ ok: true, value: { a: 1 } });
  });

  it('refuses any second document, even an empty one', () => {
    expect(parseYaml('a: 1\n---\n').diagnostics.map((d) => [d.code, at(d)])).toEqual([
      ['yaml-multiple-documents', '2:1'],
    ]);
  });

  it('turns scalar keys into strings and keeps <<, .inf and .nan as ordinary data', () => {
    const r = parseYaml('1: a\ntrue: b\nnull: c\n1.5: d\n<<: {x: 1}\ninf: .inf\nnan: .nan\n');
    expect(r.ok && r.value).toEqual({
      '1': 'a',
      true: 'b',
      null: 'c',
      '1.5': 'd',
      '<<': { x: 1 },
      inf: Number.POSITIVE_INFINITY,
      nan: Number.NaN,
    });
  });

  it('builds ordinary objects', () => {
    const r = parseYaml('a: {b: 1}\n');
    expect(r.ok && Object.getPrototypeOf((r.value as { a: object }).a)).toBe(Object.prototype);
  });

  it('does not treat forbidden words as keys when they are values or inside strings', () => {
    const r = parseYaml('a: __proto__\nb: ["constructor", prototype]\n"x __proto__": 1\n');
    expect(r.ok && r.value).toEqual({ a: '__proto__', b: ['constructor', 'prototype'], 'x __proto__': 1 });
  });

  it('refuses a quoted __proto__ key and flow-mapping forbidden keys', () => {
    const r = parseYaml('"__proto__": {polluted: 1}\nx: {constructor: 1}\n');
    expect(r.diagnostics.map((d) => [d.code, d.pointer, at(d)])).toEqual([
      ['forbidden-key', '/__proto__', '1:1'],
      ['forbidden-key', '/x/constructor', '2:5'],
    ]);
    expectPrototypeIntact();
  });

  it('turns parser warnings into errors', () => {
    const r = parseYaml('a: "\\q"\n');
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]?.code).toBe('yaml-syntax');
  });
});

describe('parseYaml number precision', () => {
  it('refuses a literal a double cannot hold, even one whose exponent is too large to expand exactly', () => {
    // 1e-99999 underflows to 0 and 1000e-10003 (= 1e-10000) too; the exact check once expanded the exponent,
    // failed, and the failure was reported as input-too-deep.
    for (const [text, col] of [
      ['a: 0.60000000000000001', 4],
      ['a: 1e-99999', 4],
      ['b: [1, 1000e-10003]', 8],
    ] as const) {
      const r = parseYaml(text);
      expect(
        r.diagnostics.map((d) => [d.code, at(d)]),
        text,
      ).toEqual([['number-precision', `1:${col}`]]);
    }
    expect(parseYaml('a: 0e-99999').diagnostics).toEqual([]);
  });
});

describe('parseYaml limits', () => {
  it('refuses input over maxBytes, counting UTF-8 bytes, before parsing', () => {
    const text = 'a: "éééé"\n'; // 10 UTF-16 units, 14 bytes
    expect(parseYaml(text, { limits: { maxBytes: 14 } }).ok).toBe(true);
    const r = parseYaml(text, { limits: { maxBytes: 13 }, source: 'r.yaml' });
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({
      code: 'input-too-large',
      pointer: '',
      source: 'r.yaml',
      received: 14,
    });
    expect(at(r.diagnostics[0] ?? {})).toBe('1:1');
    // Unparseable text proves the size check comes first.
    expect(parseYaml('[[[[', { limits: { maxBytes: 3 } }).diagnostics[0]?.code).toBe('input-too-large');
  });

  it('counts depth with the root collection as 1', () => {
    const nest = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    expect(parseYaml(nest(64)).ok).toBe(true);
    const r = parseYaml(`x:\n  ${nest(65)}`);
    expect(r.diagnostics.map((d) => [d.code, at(d)])).toEqual([['input-too-deep', '2:66']]);
    expect(parseYaml('a:\n  b:\n    c: 1\n', { limits: { maxDepth: 2 } }).diagnostics[0]?.code).toBe(
      'input-too-deep',
    );
  });

  it('survives 100k nested flow collections and compact block sequences', () => {
    const flow = parseYaml('['.repeat(100_000));
    expect(flow.diagnostics.map((d) => [d.code, at(d)])).toEqual([['input-too-deep', '1:65']]);
    const block = parseYaml(`${'- '.repeat(100_000)}x`);
    expect(block.diagnostics.map((d) => [d.code, at(d)])).toEqual([['input-too-deep', '1:129']]);
    const maps = parseYaml('{a: '.repeat(100_000));
    expect(maps.diagnostics[0]?.code).toBe('input-too-deep');
  });

  it('caps a lifted depth limit at maxSupportedDepth so the composer cannot overflow', () => {
    const n = 200_000;
    const r = parseYaml(`${'['.repeat(n)}${']'.repeat(n)}`, {
      limits: { maxDepth: Number.POSITIVE_INFINITY },
    });
    expect(r.diagnostics.map((d) => [d.code, at(d), d.expected])).toEqual([
      ['input-too-deep', `1:${maxSupportedDepth + 1}`, maxSupportedDepth],
    ]);
    const deepest = `${'['.repeat(maxSupportedDepth)}${']'.repeat(maxSupportedDepth)}`;
    expect(parseYaml(deepest, { limits: { maxDepth: 10_000 } }).ok).toBe(true);
  });

  it('refuses more keys plus items than maxNodes', () => {
    const text = 'a: [1, 2]\nb: 3\n'; // a, 1, 2, b = 4
    expect(parseYaml(text, { limits: { maxNodes: 4 } }).ok).toBe(true);
    const r = parseYaml(text, { limits: { maxNodes: 3 } });
    expect(r.diagnostics.map((d) => [d.code, d.pointer, at(d)])).toEqual([
      ['input-too-many-keys', '/a', '1:8'],
    ]);
  });
});

describe('parseYaml locator', () => {
  const text = [
    'nama: Rubrik',
    'kriteria:',
    '  - id: k1',
    '    bobot: 30',
    '  - id: k2',
    '    "a/b": {"c~d": [10, 20]}',
    'kosong:',
    '',
  ].join('\n');
  const r = parseYaml(text);
  if (!r.ok) throw new Error('fixture must parse');
  const loc = (p: string, what?: 'key' | 'value') => {
    const s = r.locator.locate(p, what);
    return s && `${s.start.line}:${s.start.column}-${s.end.line}:${s.end.column}`;
  };

  it('locates values in nested maps and sequences', () => {
    expect(loc('/nama')).toBe('1:7-1:13');
    expect(loc('/kriteria/0/bobot')).toBe('4:12-4:14');
    // A block collection's span runs through its last line break.
    expect(loc('/kriteria/1')).toBe('5:5-7:1');
    expect(loc('/kriteria/1/a~1b/c~0d/1')).toBe('6:25-6:27');
    expect(loc('')).toBe('1:1-7:8');
  });

  it('locates keys, falling back to the value where there is no key', () => {
    expect(loc('/kriteria/0/bobot', 'key')).toBe('4:5-4:10');
    expect(loc('/kriteria/1/a~1b', 'key')).toBe('6:5-6:10');
    expect(loc('/kriteria/1/a~1b/c~0d', 'key')).toBe('6:13-6:18');
    expect(loc('/kriteria/0', 'key')).toBe(loc('/kriteria/0'));
  });

  it('points at the key of an entry with an empty value', () => {
    expect(loc('/kosong')).toBe('7:1-7:7');
  });

  it('falls back to the deepest existing ancestor', () => {
    expect(loc('/kriteria/0/tidak-ada')).toBe(loc('/kriteria/0'));
    expect(loc('/kriteria/0/tidak-ada', 'key')).toBe(loc('/kriteria/0'));
    expect(loc('/kriteria/9/bobot')).toBe(loc('/kriteria'));
    expect(loc('/kriteria/01')).toBe(loc('/kriteria'));
    expect(loc('/nama/x/y')).toBe(loc('/nama'));
  });

  it('finds keys that were numbers, booleans or null in YAML', () => {
    const p = parseYaml('1: a\ntrue: b\n~: c\n');
    expect(p.ok && p.locator.locate('/true', 'key')).toEqual({
      start: { line: 2, column: 1 },
      end: { line: 2, column: 5 },
    });
    expect(p.ok && p.locator.locate('/null')?.start).toEqual({ line: 3, column: 4 });
  });

  it('is offered on failure when the text was readable', () => {
    const p = parseYaml('a:\n  b: 1\n  b: 2\n');
    expect(p.locator?.locate('/a/b', 'key')?.start).toEqual({ line: 2, column: 3 });
    expect(parseYaml('- '.repeat(100)).locator).toBeUndefined();
  });

  it('points an empty document at its first line, so a diagnostic about it still has a position', () => {
    const p = parseYaml('');
    expect(p.ok && p.locator.locate('/a')).toEqual({
      start: { line: 1, column: 1 },
      end: { line: 1, column: 1 },
    });
  });
});

describe('parseYaml properties', () => {
  const hasForbiddenKey = (v: unknown): boolean =>
    Array.isArray(v)
      ? v.some(hasForbiddenKey)
      : v !== null && typeof v === 'object'
        ? Object.entries(v).some(([k, x]) => forbidden.has(k) || hasForbiddenKey(x))
        : false;
  const json = fc.jsonValue().filter((v) => !hasForbiddenKey(v));

  it('round-trips any JSON-like value written by yaml.stringify', () => {
    fc.assert(
      fc.property(json, (v) => {
        const r = parseYaml(stringify(v));
        expect(r.diagnostics).toEqual([]);
        expect(r.ok && r.value).toEqual(v);
      }),
      { numRuns: 300 },
    );
    expectPrototypeIntact();
  });

  it('never throws and never pollutes on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'[]{}:-?&*!%|>"\'#,\n ab_'.split('')), maxLength: 60 }),
        (t) => {
          const r = parseYaml(t);
          for (const d of r.diagnostics) expect(d.span?.start.line).toBeGreaterThanOrEqual(1);
        },
      ),
      { numRuns: 500 },
    );
    expectPrototypeIntact();
  });
});

describe('parseYaml syntax messages', () => {
  it('words a yaml error in Indonesian from its code, and keeps the library’s English wording', () => {
    const cases: Array<[string, RegExp, RegExp]> = [
      ['a:\n\tb: 1', /tab tidak boleh dipakai untuk indentasi/, /Tabs are not allowed as indentation/],
      ['a: "x\\q"', /escape tidak sah di dalam string berkutip ganda/, /Invalid escape sequence/],
      ['a: b: c', /^YAML tidak dapat dibaca: /, /^YAML cannot be parsed: /],
      ['? [a]\n: 1', /kunci yang berupa koleksi tidak didukung/, /complex mapping keys are not supported/],
    ];
    for (const [text, id, en] of cases) {
      const d = parseYaml(text).diagnostics[0];
      expect(d?.code, text).toBe('yaml-syntax');
      expect(d?.message.id, text).toMatch(id);
      expect(d?.message.en, text).toMatch(en);
      // No English sentence from the library in the Indonesian message.
      expect(d?.message.id, text).not.toMatch(/ (are|is|not|must|the|in) /);
    }
  });
});

describe('parseYaml follow-on errors', () => {
  // A rubric-shaped text of 260 lines: aspects a0, a1, … of five lines each, `label:` of aspect i on line 5 + 5i.
  const rubric = (edit: (lines: string[]) => void): string => {
    const lines = ['kinerja: 1', 'id: contoh', 'aspects:'];
    for (let i = 0; lines.length < 260; i++) {
      lines.push(`  a${i}:`, `    label: { id: A${i}, en: A${i} }`, '    direction: higher');
      lines.push('    range: "[0, 100]"', '    measure: { kind: value, input: score }');
    }
    edit(lines);
    return `${lines.join('\n')}\n`;
  };
  const line = (n: number, text: string) => (lines: string[]) => {
    lines[n - 1] = text;
  };
  const report = (text: string) => parseYaml(text).diagnostics.map((d) => `${at(d)} ${d.message.id}`);

  it('reports a tab used for indentation once, not once for every line the parser then misreads', () => {
    const diagnostics = parseYaml(rubric(line(10, '\tlabel: { id: A1, en: A1 }'))).diagnostics;
    expect(diagnostics.map(at)).toEqual(['10:1']);
    expect(diagnostics[0]?.message.id).toBe(
      'YAML tidak dapat dibaca: tab tidak boleh dipakai untuk indentasi; gunakan spasi; 53 kesalahan lain sampai ' +
        'baris 259 adalah akibat dari kesalahan ini dan tidak ditampilkan',
    );
    expect(diagnostics[0]?.message.en).toBe(
      'YAML cannot be parsed: Tabs are not allowed as indentation; 53 more errors up to line 259 follow from this ' +
        'one and are not shown',
    );
  });

  it('reports a tab at line 10 and an unrelated unclosed quote at line 200, each as its own mistake', () => {
    const text = rubric((lines) => {
      line(10, '\tlabel: { id: A1, en: A1 }')(lines);
      line(200, '    label: "A39')(lines);
    });
    expect(report(text)).toEqual([
      '10:1 YAML tidak dapat dibaca: tab tidak boleh dipakai untuk indentasi; gunakan spasi; 53 kesalahan lain ' +
        'sampai baris 259 adalah akibat dari kesalahan ini dan tidak ditampilkan',
      '200:16 YAML tidak dapat dibaca: tanda kutip penutup hilang: tutup teks yang dibuka dengan tanda kutip',
    ]);
  });

  it('reports a mis-indented line once with the count of its siblings that then look misaligned', () => {
    expect(report(rubric(line(10, '     label: { id: A1, en: A1 }')))).toEqual([
      '11:1 YAML tidak dapat dibaca: indentasi tidak sesuai: setiap butir di tingkat yang sama harus mulai di ' +
        'kolom yang sama dengan butir di atasnya; 2 kesalahan lain sampai baris 13 adalah akibat dari kesalahan ' +
        'ini dan tidak ditampilkan',
    ]);
  });

  it('still reports two tabs in different places as two mistakes', () => {
    const text = rubric((lines) => {
      line(10, '\tlabel: { id: A1, en: A1 }')(lines);
      line(250, '\tlabel: { id: A49, en: A49 }')(lines);
    });
    expect(parseYaml(text).diagnostics.map(at)).toEqual(['10:1', '250:1']);
  });

  it('reports an unclosed quote in a { } once, not again for the } it swallowed', () => {
    const diagnostics = parseYaml(rubric(line(10, '    label: { id: "A1, en: A1 }'))).diagnostics;
    expect(diagnostics.map(at)).toEqual(['10:31']);
    expect(diagnostics[0]?.message.id).toMatch(/^YAML tidak dapat dibaca: tanda kutip penutup hilang/);
  });

  it('keeps the library’s wording of an error that nothing follows from', () => {
    const [d] = parseYaml('a:\n\tb: 1').diagnostics;
    expect(d?.message.en).toBe('YAML cannot be parsed: Tabs are not allowed as indentation');
  });
});
