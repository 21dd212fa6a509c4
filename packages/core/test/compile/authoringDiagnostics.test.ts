/**
 * What a rubric author reads when a rubric is wrong: each diagnostic at the right place (pointer and line:column),
 * saying why in both languages, in reading order, and no more of them than a reader can use.
 */
import { describe, expect, it } from 'vitest';
import { type Diagnostic, diagnosticCatalogue, loadRubric } from '../../src/index.js';
import { decodeUtf8Text } from '../../src/text/decodeUtf8Text.js';

// A small valid rubric (two groups, bands); each test edits one line of it.
const BASE = `kinerja: 1
id: demo
version: 0.1.0
label: { id: Demo, en: Demo }
ratings:
  - { id: di-atas, label: { id: Di atas ekspektasi, en: Above expectation } }
  - { id: sesuai, label: { id: Sesuai ekspektasi, en: Meets expectation } }
  - { id: di-bawah, label: { id: Di bawah ekspektasi, en: Below expectation } }
groups:
  skp:
    label: { id: SKP, en: Work targets }
    indicators:
      hasil: { label: { id: Hasil, en: Result }, measure: { kind: value, input: score } }
  perilaku:
    label: { id: Perilaku, en: Behaviour }
    indicators:
      pelayanan: { label: { id: Pelayanan, en: Service }, measure: { kind: value, input: score } }
      integritas: { label: { id: Integritas, en: Integrity }, measure: { kind: value, input: score } }
score:
  weights: { skp: 0.6, perilaku: 0.4 }
predicate:
  levels:
    - { id: sangat-baik, label: { id: Sangat Baik, en: Very good } }
    - { id: baik, label: { id: Baik, en: Good } }
    - { id: cukup, label: { id: Cukup, en: Fair } }
    - { id: kurang, label: { id: Kurang, en: Poor } }
    - { id: buruk, label: { id: Buruk, en: Bad } }
  bands:
    - { id: sangat-baik, range: "[91, inf)" }
    - { id: baik, range: "[76, 91)" }
    - { id: cukup, range: "[61, 76)" }
    - { id: kurang, range: "[51, 61)" }
    - { id: buruk, range: "(-inf, 51)" }
`;

const PELAYANAN =
  '      pelayanan: { label: { id: Pelayanan, en: Service }, measure: { kind: value, input: score } }';
const BANDS = BASE.slice(BASE.indexOf('  bands:\n'));

function edit(from: string, to: string, text = BASE): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

function refused(text: string): Diagnostic[] {
  const r = loadRubric(text, { source: 'r.yaml' });
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.diagnostics;
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('the base rubric', () => {
  it('loads', () => {
    const r = loadRubric(BASE);
    expect(r.ok ? [] : r.diagnostics).toEqual([]);
  });
});

describe('pointers to keys the author chose', () => {
  it('escapes / and ~ in a scale label, so line:column is that label', () => {
    const text = edit(
      PELAYANAN,
      '      pelayanan: { label: { id: Pelayanan, en: Service }, measure: { kind: scale, input: r, map: { "baik/sekali~x": 100, "baik/sekali~X": 90 } } }',
    );
    const [d, ...rest] = refused(text);
    expect(rest).toEqual([]);
    expect(d?.code).toBe('duplicate-id');
    expect(d?.pointer).toBe('/groups/perilaku/indicators/pelayanan/measure/map/baik~1sekali~0X');
    const line = text.split('\n')[(d?.span?.start.line as number) - 1] as string;
    expect(line.slice((d?.span?.start.column as number) - 1)).toMatch(/^"baik\/sekali~X"/);
  });
});

describe('ids unique across the whole rubric', () => {
  it('refuses an indicator with the id of an indicator in another group, at that key', () => {
    const text = edit(PELAYANAN, PELAYANAN.replace('pelayanan:', 'hasil:'));
    const ds = refused(text);
    expect(ds.map((d) => [d.code, d.pointer, d.span?.start.line])).toEqual([
      ['duplicate-id', '/groups/perilaku/indicators/hasil', lineOf(text, 'hasil: { label: { id: Pelayanan')],
    ]);
  });

  it('lets a group share its id with an indicator, as docs/rubric-format.md says', () => {
    const text = edit(PELAYANAN, PELAYANAN.replace('pelayanan:', 'skp:'));
    expect(loadRubric(text).ok).toBe(true);
  });
});

describe('messages that say what is wrong', () => {
  it('weight-missing says the indicator has no weight', () => {
    const text = edit(PELAYANAN, PELAYANAN.replace('{ label', '{ weight: 1, label'));
    const [d] = refused(text);
    expect(d?.code).toBe('weight-missing');
    expect(d?.message.en).toContain('"integritas" has no `weight`');
    expect(d?.message.id).toContain('"integritas" tidak memiliki `weight`');
    expect(d?.message.en).not.toContain('parts that exist');
  });

  it('invalid-range says why: bounds reversed, or a bound with an exponent', () => {
    const reversed = refused(edit('range: "[76, 91)"', 'range: "[91, 76]"'));
    expect(reversed.map((d) => d.code)).toContain('invalid-range');
    const r = reversed.find((d) => d.code === 'invalid-range');
    expect(r?.message.en).toContain('the lower bound is greater than the upper bound');
    expect(r?.message.id).toContain('batas bawah lebih besar daripada batas atas');
    const exp = refused(edit('range: "[91, inf)"', 'range: "[9.1e1, inf)"')).find(
      (d) => d.code === 'invalid-range',
    );
    expect(exp?.message.en).toContain('exponent');
    expect(exp?.message.id).toContain('eksponen');
  });

  it('calls overlapping rows of a lookup table rows, not bands', () => {
    const [d] = refused(
      edit(
        PELAYANAN,
        '      pelayanan: { label: { id: Pelayanan, en: Service }, measure: { kind: lookup, input: days, table: [ { range: "[0, 5]", value: 100 }, { range: "[5, 10]", value: 80 } ] } }',
      ),
    );
    expect(d?.code).toBe('band-overlap');
    expect(d?.message.en).toBe('Rows [0, 5] and [5, 10] of the lookup table overlap.');
    expect(d?.message.id).toBe('Baris [0, 5] dan [5, 10] pada tabel lookup tumpang tindih.');
  });

  it('reports every missing cell of a predicate matrix', () => {
    const text = edit(
      BANDS,
      `  matrix:
    rows: skp
    columns: perilaku
    cells:
      di-atas: { di-atas: sangat-baik, sesuai: baik, di-bawah: kurang }
      sesuai: { di-atas: baik, sesuai: baik }
`,
    )
      .replace(
        '    label: { id: SKP, en: Work targets }\n',
        '    label: { id: SKP, en: Work targets }\n    rating: { from: supervisor }\n',
      )
      .replace(
        '    label: { id: Perilaku, en: Behaviour }\n',
        '    label: { id: Perilaku, en: Behaviour }\n    rating: { from: supervisor }\n',
      )
      .replace('score:\n  weights: { skp: 0.6, perilaku: 0.4 }\n', '');
    const missing = refused(text)
      .filter((d) => d.code === 'matrix-incomplete')
      .map((d) => d.received)
      .sort();
    expect(missing).toEqual([
      'skp=di-bawah, perilaku=di-atas',
      'skp=di-bawah, perilaku=di-bawah',
      'skp=di-bawah, perilaku=sesuai',
      'skp=sesuai, perilaku=di-bawah',
    ]);
  });

  it('words the type received in Indonesian, and the kind of an unknown reference', () => {
    const [t] = refused(edit('version: 0.1.0', 'version: [1]'));
    expect(t?.code).toBe('schema-type');
    expect(t?.message.id).toBe(
      'Tipe salah: diharapkan teks berbentuk versi MAYOR.MINOR.PATCH (mis. 1.2.0), diterima "daftar"; tulis nilainya di antara tanda kutip.',
    );
    const [label] = refused(edit('label: { id: Demo, en: Demo }', 'label: { id: [Demo], en: Demo }'));
    expect(label?.message.id).toBe('Tipe salah: diharapkan "teks", diterima "daftar".');
    const [u] = refused(edit('weights: { skp: 0.6, perilaku: 0.4 }', 'weights: { skp: 0.6, sikap: 0.4 }'));
    expect(u?.code).toBe('unknown-reference');
    expect(u?.message.id).toMatch(/^Kelompok "sikap" tidak dideklarasikan/);
    expect(u?.message.en).toMatch(/^Group "sikap" is not declared/);
  });

  it('shows a whole list of allowed values, and cuts a longer one at an item, saying how many are left', () => {
    const [op] = refused(
      edit(
        'kinerja: 1\n',
        'kinerja: 1\noutcomes:\n  x:\n    label: { id: X, en: X }\n    kind: coaching\n    when: { fact: score, operator: greaterthan, value: 1 }\n    event: { type: x }\n',
      ),
    );
    expect(op?.code).toBe('unknown-operator');
    expect(op?.message.en).toContain('"greaterThanInclusive"]');
    const many = Array.from({ length: 60 }, (_, i) => `level-${i}`);
    const render = diagnosticCatalogue['unknown-reference'].render;
    const m = render({ received: 'x', expected: many, params: { kind: 'group' } });
    for (const text of [m.en, m.id]) {
      const list = /\[(.*)\]/.exec(text)?.[1] as string;
      const shown = list.split(',').filter((s) => s.startsWith('"'));
      // Every shown item is whole (quoted at both ends), and the rest are counted.
      for (const s of shown) expect(s).toMatch(/^"level-\d+"$/);
      const rest = many.length - shown.length;
      expect(rest).toBeGreaterThan(0);
      expect(text).toContain(text === m.en ? `… and ${rest} more]` : `… dan ${rest} lainnya]`);
    }
  });

  it('tells the author of a rubric to save it as UTF-8 from an editor, not as an Excel CSV', () => {
    const bytes = new Uint8Array([0x61, 0x3a, 0x20, 0xe9, 0x0a]);
    const yaml = decodeUtf8Text(bytes, 'rubric.yaml');
    const d = yaml.ok ? undefined : yaml.diagnostics[0];
    expect(d?.code).toBe('encoding-invalid');
    expect(d?.message.en).not.toContain('Excel');
    expect(d?.message.en).toContain('text editor');
    expect(d?.message.id).not.toContain('Excel');
    const csv = decodeUtf8Text(bytes, 'nilai.csv');
    expect(csv.ok ? '' : csv.diagnostics[0]?.message.en).toContain('"CSV UTF-8"');
  });

  it('describes unreachable-outcome as it is used: an undeclared level is operator-value', () => {
    const summary = diagnosticCatalogue['unreachable-outcome'].summary;
    expect(summary).not.toMatch(/does not exist/);
    expect(summary).toContain('operator-value');
    const [d] = refused(
      edit(
        'kinerja: 1\n',
        'kinerja: 1\noutcomes:\n  x:\n    label: { id: X, en: X }\n    kind: coaching\n    when: { fact: predicate, operator: equal, value: luar-biasa }\n    event: { type: x }\n',
      ),
    );
    expect(d?.code).toBe('operator-value');
  });
});

describe('order and number of diagnostics', () => {
  it('orders compile diagnostics by line', () => {
    const text = edit(BANDS, BANDS.replaceAll(', inf)', ', inf)').replace(/\[(\d+), (\d+)\)/g, '[$1, $2]'));
    const lines = refused(text.replace('[76, 91]', '[76, 89]')).map((d) => d.span?.start.line as number);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it('orders schema diagnostics on one line by column', () => {
    const ds = refused(
      edit(
        'version: 0.1.0',
        'version: 0.1.0\nfacts: { gender: { type: string, protected: yes, required: no } }',
      ),
    );
    expect(ds.map((d) => d.code)).toEqual(['schema-type', 'schema-type']);
    const cols = ds.map((d) => d.span?.start.column as number);
    expect(cols).toEqual([...cols].sort((a, b) => a - b));
    expect(ds.map((d) => d.pointer)).toEqual(['/facts/gender/protected', '/facts/gender/required']);
  });

  it('keeps errors before warnings', () => {
    const text = edit('    - { id: buruk, range: "(-inf, 51)" }\n', '').replace('[91, inf)', '[92, inf)');
    const ds = refused(text);
    const severities = ds.map((d) => d.severity);
    expect(severities).toEqual([...severities].sort((a, b) => (a === b ? 0 : a === 'error' ? -1 : 1)));
  });

  it('reports at most 100 schema errors, however many items are wrong', () => {
    const zeros = Array.from({ length: 5000 }, () => '0').join(',');
    const ds = refused(edit('version: 0.1.0', `version: 0.1.0\nlegalBasis: [${zeros}]`));
    expect(ds.length).toBe(100);
    expect(ds.every((d) => d.code === 'schema-type')).toBe(true);
    expect(ds[0]?.pointer).toBe('/legalBasis/0');
  });

  it('reads a file with old Mac line ends (CR only) line by line', () => {
    const text = edit('weights: { skp: 0.6, perilaku: 0.4 }', 'weights: { skp: 0.6, perilaku: 0.3 }');
    const ds = refused(text.replaceAll('\n', '\r'));
    expect(ds.map((d) => [d.code, d.span?.start.line])).toEqual([['weight-sum', lineOf(text, 'weights:')]]);
    expect(loadRubric(BASE.replaceAll('\n', '\r')).ok).toBe(true);
  });
});

// The slips a policy maker makes while writing an agency rubric on a national pack (docs/panduan-rubrik.md), each
// read in Indonesian: the message must name what to write instead, not only what is wrong.
describe('what to write instead', () => {
  it('an unquoted version 1.0, which YAML reads as a number, names the version form', () => {
    const [d, ...rest] = refused(edit('version: 0.1.0', 'version: 1.0'));
    expect(rest).toEqual([]);
    expect(d?.code).toBe('schema-type');
    expect(d?.span?.start).toMatchObject({ line: 3, column: 10 });
    expect(d?.message.id).toContain('versi MAYOR.MINOR.PATCH (mis. 1.2.0)');
    expect(d?.message.id).toContain('tanda kutip');
    expect(d?.message.en).toContain('a version MAJOR.MINOR.PATCH (e.g. 1.2.0)');
  });

  it('a misspelt indicator in a condition path names the indicator meant', () => {
    const text = edit(
      'score:\n',
      'outcomes:\n  cek:\n    label: { id: Cek, en: Check }\n    kind: other\n    when: { fact: indicators, path: $.pelayaan.score, operator: lessThan, value: 80 }\n    event: { type: cek }\nscore:\n',
    );
    const [d, ...rest] = refused(text);
    expect(rest).toEqual([]);
    expect(d?.code).toBe('unknown-fact');
    expect(d?.pointer).toBe('/outcomes/cek/when/path');
    expect(d?.span?.start).toMatchObject({ line: lineOf(text, '$.pelayaan'), column: 37 });
    expect(d?.message.id).toContain('mungkin maksudnya "pelayanan"');
  });

  it('an unclosed quote and a key out of line say so in Indonesian, as the English detail does', () => {
    const quote = refused(edit('range: "[91, inf)" }', 'range: "[91, inf) }'));
    expect(quote[0]?.code).toBe('yaml-syntax');
    expect(quote[0]?.span?.start.line).toBe(lineOf(BASE, '[91, inf)'));
    expect(quote[0]?.message.id).toContain('tanda kutip penutup hilang');
    expect(quote[0]?.message.en).toContain('Missing closing "quote');
    const text = edit('    indicators:\n      hasil', '   indicators:\n      hasil');
    const [indent] = refused(text);
    expect(indent?.code).toBe('yaml-syntax');
    expect(indent?.span?.start).toMatchObject({ line: lineOf(text, '   indicators:'), column: 1 });
    expect(indent?.message.id).toContain('harus mulai di kolom yang sama');
  });

  it('a key written twice says to remove or merge one, in Indonesian words only', () => {
    const [d] = refused(edit('version: 0.1.0', 'version: 0.1.0\nversion: 0.2.0'));
    expect(d?.code).toBe('duplicate-key');
    expect(d?.message.id).not.toMatch(/mapping/);
    expect(d?.message.id).toContain('hapus atau gabungkan salah satunya');
  });

  const agency = (id: string, base: string) =>
    `kinerja: 1\nid: ${id}\nversion: 1.0.0\nlabel: { id: Guru, en: Teachers }\nextends: ${base}\n`;
  const resolve = (ref: string) =>
    ref === 'nasional'
      ? { text: BASE.replace('id: demo', 'id: nasional'), source: 'nasional.yaml' }
      : undefined;

  it('an extends that finds nothing says where a base is looked for', () => {
    const r = loadRubric(agency('guru', 'nasionl'), { source: 'guru.yaml', resolve });
    const [d] = r.ok ? [] : r.diagnostics;
    expect(d?.code).toBe('extends-not-found');
    expect(d?.source).toBe('guru.yaml');
    expect(d?.span?.start).toMatchObject({ line: 5, column: 10 });
    expect(d?.message.id).toContain('rubrics/<id>/<id>.rubric.yaml');
    expect(d?.message.id).toContain('@kinerja/rubric-<id>');
  });

  it("an agency rubric that takes its base's id is told to choose its own", () => {
    const r = loadRubric(agency('nasional', 'nasional'), { source: 'guru.yaml', resolve });
    const [d] = r.ok ? [] : r.diagnostics;
    expect(d?.code).toBe('extends-cycle');
    expect(d?.source).toBe('guru.yaml');
    expect(d?.message.id).toContain('nasional → nasional');
    expect(d?.message.id).toContain('beri id baru');
  });
});
