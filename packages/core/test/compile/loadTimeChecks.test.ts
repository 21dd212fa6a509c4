/**
 * Rubric mistakes that used to load fine and then made every appraisal invalid, or silently did nothing, are
 * refused when the rubric loads, each at the pointer (and line:column) of the mistake.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkFacts } from '../../src/compile/checkFacts.js';
import { checkRubricSettings, isUsableTimeZone } from '../../src/compile/checkRubricSettings.js';
import { exactDecimal } from '../../src/compile/exactDecimal.js';
import type { DiagnosticInit } from '../../src/diagnostics/createDiagnostic.js';
import { type Diagnostic, loadRubric, type RubricResolver } from '../../src/index.js';
import { Rational } from '../../src/numeric/rational.js';
import type { Rubric } from '../../src/schema/rubricSchema.js';
import { ratersRubric } from '../raters/helpers.js';

const demo = readFileSync(
  fileURLToPath(new URL('../../../../examples/data/demo-pp46.rubric.yaml', import.meta.url)),
  'utf8',
);
const compileRubricSource = readFileSync(
  fileURLToPath(new URL('../../src/compile/compileRubric.ts', import.meta.url)),
  'utf8',
);

/**
 * checkRubricSettings runs inside compileRubric once compileRubric calls it. Until then the tests that load a
 * whole rubric are expected to fail (`it.fails`, so they cannot pass by accident); once the call is there they
 * must pass. The direct tests of the check below run either way.
 */
const hooked = compileRubricSource.includes('checkRubricSettings(rubric');
const throughLoad = hooked ? it : it.fails;

function replaceOnce(text: string, from: string, to: string): string {
  expect(text.split(from).length, `exactly one ${JSON.stringify(from)} in the rubric`).toBe(2);
  return text.replace(from, to);
}

/** The demo rubric with one line replaced. */
function demoWith(from: string, to: string): string {
  return replaceOnce(demo, from, to);
}

const GENDER = '  gender: { type: string, protected: true, required: false }';
/** The demo rubric with one more fact declared. */
function withFact(line: string): string {
  return demoWith(GENDER, `${GENDER}\n  ${line}`);
}

/** `line:column` (1-based) of `token` in the first line of `yaml` that starts with `lineStart`. */
function position(yaml: string, lineStart: string, token: string): string {
  const lines = yaml.split('\n');
  const i = lines.findIndex((l) => l.startsWith(lineStart));
  expect(i, lineStart).toBeGreaterThanOrEqual(0);
  const column = (lines[i] as string).indexOf(token);
  expect(column, token).toBeGreaterThanOrEqual(0);
  return `${i + 1}:${column + 1}`;
}

/** Errors of loading `yaml`, as `code pointer line:column` (column of the value or key the mistake is at). */
function errors(yaml: string, resolve?: RubricResolver): string[] {
  const r = loadRubric(yaml, { source: 'test.rubric.yaml', ...(resolve ? { resolve } : {}) });
  if (r.ok) return [];
  return r.diagnostics
    .filter((d) => d.severity === 'error')
    .map(
      (d) =>
        `${d.code} ${d.pointer} ${d.span?.start.line}:${d.span?.start.column}${d.source ? ` ${d.source}` : ''}`,
    );
}

function loaded(yaml: string): Diagnostic[] {
  const r = loadRubric(yaml, { source: 'test.rubric.yaml' });
  expect(
    r.ok,
    r.ok ? '' : r.diagnostics.map((d) => `${d.code} ${d.pointer} ${d.message.en}`).join('\n'),
  ).toBe(true);
  return r.diagnostics;
}

/** Runs checkRubricSettings on a rubric object; returns `code pointer` of each report. */
function settings(rubric: Partial<Rubric>): string[] {
  const out: DiagnosticInit[] = [];
  checkRubricSettings({ groups: {}, ...rubric } as Rubric, { report: (d) => out.push(d) });
  return out.map((d) => `${d.code} ${d.pointer}`);
}

function facts(f: Rubric['facts']): DiagnosticInit[] {
  const out: DiagnosticInit[] = [];
  checkFacts(f, (t) => /^\d{4}-\d{2}-\d{2}$/.test(t) && !Number.isNaN(Date.parse(t)) && t !== '2023-02-30', {
    report: (d) => out.push(d),
  });
  return out;
}

describe('raters: labels of `map` that meet after normalising', () => {
  it('are refused as duplicate-id at the second label, like a scale’s', () => {
    const yaml = ratersRubric(
      '{ kind: raters, roles: { supervisor: { weight: 1 } }, map: { Baik: 4, baik: 2, Kurang: 1 } }',
    );
    expect(errors(yaml)).toEqual([
      'duplicate-id /groups/perilaku/indicators/integritas/measure/map/baik 12:88 test.rubric.yaml',
    ]);
  });
  it('also when they differ only in spaces, - or _', () => {
    const yaml = ratersRubric(
      '{ kind: raters, roles: { supervisor: { weight: 1 } }, map: { "di atas": 5, di-atas: 4, Di_Atas: 3 } }',
    );
    expect(errors(yaml).map((e) => e.split(' ').slice(0, 2).join(' '))).toEqual([
      'duplicate-id /groups/perilaku/indicators/integritas/measure/map/di-atas',
      'duplicate-id /groups/perilaku/indicators/integritas/measure/map/Di_Atas',
    ]);
  });
  it('distinct labels still load and map as declared', () => {
    const yaml = ratersRubric(
      '{ kind: raters, roles: { supervisor: { weight: 1 } }, map: { Baik: 4, Kurang: 1 } }',
    );
    expect(errors(yaml)).toEqual([]);
  });
});

describe('timeZone', () => {
  it('isUsableTimeZone accepts zones the calendar can place and refuses the rest', () => {
    for (const z of ['Asia/Makassar', 'Asia/Jakarta', 'Asia/Jayapura', 'UTC', 'Etc/GMT-8', '+08:00'])
      expect(isUsableTimeZone(z), z).toBe(true);
    for (const z of ['Mars/Phobos', 'toString', 'constructor', '__proto__', 'WITA', ' ', 'Z'])
      expect(isUsableTimeZone(z), z).toBe(false);
  });
  it('checkRubricSettings reports an unknown zone at /timeZone', () => {
    expect(settings({ timeZone: 'Mars/Phobos' })).toEqual(['invalid-time-zone /timeZone']);
    expect(settings({ timeZone: 'toString' })).toEqual(['invalid-time-zone /timeZone']);
    expect(settings({ timeZone: 'Asia/Makassar' })).toEqual([]);
  });
  throughLoad('a rubric with an unknown zone is refused at load, at its line', () => {
    expect(errors(demoWith('ratings:', 'timeZone: Mars/Phobos\nratings:'))).toEqual([
      'invalid-time-zone /timeZone 5:11 test.rubric.yaml',
    ]);
    expect(errors(demoWith('ratings:', 'timeZone: toString\nratings:'))).toEqual([
      'invalid-time-zone /timeZone 5:11 test.rubric.yaml',
    ]);
  });
  it('a known zone still loads', () => {
    loaded(demoWith('ratings:', 'timeZone: Asia/Jayapura\nratings:'));
  });
});

describe('effective dates', () => {
  it('checkRubricSettings refuses an impossible date and until before from', () => {
    expect(settings({ effective: { from: '2023-02-30' } })).toEqual(['invalid-effective /effective/from']);
    expect(settings({ effective: { from: '2023-01-01', until: '2023-13-01' } })).toEqual([
      'invalid-effective /effective/until',
    ]);
    expect(settings({ effective: { from: '2020-01-01', until: '2010-01-01' } })).toEqual([
      'invalid-effective /effective/until',
    ]);
    expect(settings({ effective: { from: '2020-01-01', until: '2020-01-01' } })).toEqual([]);
    expect(settings({ effective: { from: '2024-02-29' } })).toEqual([]);
  });
  throughLoad('are refused at load, at the date', () => {
    const reversed = demoWith('ratings:', 'effective: { from: 2020-01-01, until: 2010-01-01 }\nratings:');
    expect(errors(reversed)).toEqual([
      `invalid-effective /effective/until ${position(reversed, 'effective:', '2010')} test.rubric.yaml`,
    ]);
    const impossible = demoWith('ratings:', 'effective: { from: 2023-02-30 }\nratings:');
    expect(errors(impossible)).toEqual([
      `invalid-effective /effective/from ${position(impossible, 'effective:', '2023')} test.rubric.yaml`,
    ]);
  });
});

describe('fact declarations', () => {
  const one = (f: Rubric['facts']) =>
    facts(f).map((d) => `${d.code} ${d.pointer} ${d.params?.problem ?? ''}`.trim());
  it('a default the fact would refuse', () => {
    expect(one({ bonus: { type: 'number', default: 'abc' } })).toEqual([
      'invalid-fact /facts/bonus/default default-type',
    ]);
    expect(one({ bonus: { type: 'number', min: 0, max: 10, default: 50 } })).toEqual([
      'invalid-fact /facts/bonus/default default-range',
    ]);
    expect(one({ n: { type: 'integer', default: 1.5 } })).toEqual([
      'invalid-fact /facts/n/default default-type',
    ]);
    expect(one({ b: { type: 'boolean', default: 'yes' } })).toEqual([
      'invalid-fact /facts/b/default default-type',
    ]);
    expect(one({ s: { type: 'string', default: 3 } })).toEqual([
      'invalid-fact /facts/s/default default-type',
    ]);
    expect(one({ g: { type: 'enum', values: ['a', 'b'], default: 'c' } })).toEqual([
      'invalid-fact /facts/g/default default-not-in-values',
    ]);
    expect(one({ d: { type: 'date', default: '2023-02-30' } })).toEqual([
      'invalid-fact /facts/d/default default-type',
    ]);
  });
  it('bounds and lists that cannot work or do nothing', () => {
    expect(one({ n: { type: 'number', min: 10, max: 0, required: false } })).toEqual([
      'min-above-max /facts/n/min',
    ]);
    expect(one({ g: { type: 'enum', required: false } })).toEqual([
      'invalid-fact /facts/g/type enum-without-values',
    ]);
    expect(one({ n: { type: 'number', values: ['a'], required: false } })).toEqual([
      'invalid-fact /facts/n/values ignored',
    ]);
    expect(one({ s: { type: 'string', min: 1, max: 2, required: false } })).toEqual([
      'invalid-fact /facts/s/min ignored',
      'invalid-fact /facts/s/max ignored',
    ]);
  });
  it('sound declarations pass', () => {
    expect(
      one({
        n: { type: 'number', min: 0, max: 10, default: 10 },
        i: { type: 'integer', min: 0, default: 3 },
        b: { type: 'boolean', default: false },
        g: { type: 'enum', values: ['a', 'b'], default: 'b' },
        d: { type: 'date', default: '2024-02-29' },
        s: { type: 'string', default: '' },
        e: { type: 'number', min: 5, max: 5, required: false },
      }),
    ).toEqual([]);
  });
  throughLoad('are refused at load, at the mistake', () => {
    const cases: Array<[string, string, string]> = [
      ['bonus: { type: number, default: "abc" }', 'invalid-fact /facts/bonus/default', '"abc"'],
      ['bonus: { type: number, min: 0, max: 10, default: 50 }', 'invalid-fact /facts/bonus/default', '50'],
      ['bonus: { type: number, min: 10, max: 0, required: false }', 'min-above-max /facts/bonus/min', '10'],
      ['grade: { type: enum, values: [a, b], default: c }', 'invalid-fact /facts/grade/default', 'c }'],
      ['grade: { type: enum, required: false }', 'invalid-fact /facts/grade/type', 'enum'],
      ['d: { type: date, default: 2023-02-30 }', 'invalid-fact /facts/d/default', '2023-02-30'],
      ['n: { type: number, values: [a], required: false }', 'invalid-fact /facts/n/values', '[a]'],
      ['n: { type: integer, default: 1.5 }', 'invalid-fact /facts/n/default', '1.5'],
    ];
    for (const [line, expected, at] of cases) {
      const yaml = withFact(line);
      expect(errors(yaml), line).toEqual([`${expected} ${position(yaml, `  ${line}`, at)} test.rubric.yaml`]);
    }
  });
});

describe('clamp with min above max', () => {
  const INTEGRITAS = 'measure: { kind: value, input: score } }\n';
  it('checkRubricSettings finds it in measures (nested too), groups and the score', () => {
    const value = { kind: 'value', input: 'x' } as const;
    expect(
      settings({
        groups: {
          g: {
            label: { id: 'G', en: 'G' },
            clamp: { min: 5, max: 1 },
            indicators: {
              a: { label: { id: 'A', en: 'A' }, measure: { ...value, clamp: { min: 100, max: 0 } } },
              b: {
                label: { id: 'B', en: 'B' },
                measure: { kind: 'mean', of: [value, { ...value, clamp: { min: 2, max: 1 } }] },
              },
            },
          },
        },
        score: { weights: { g: 1 }, clamp: { min: 1, max: 0 } },
      }),
    ).toEqual([
      'min-above-max /groups/g/indicators/a/measure/clamp/min',
      'min-above-max /groups/g/indicators/b/measure/of/1/clamp/min',
      'min-above-max /groups/g/clamp/min',
      'min-above-max /score/clamp/min',
    ]);
    expect(settings({ groups: { g: { label: { id: 'G', en: 'G' }, clamp: { min: 1, max: 1 } } } })).toEqual(
      [],
    );
  });
  throughLoad('is refused at load', () => {
    const yaml = demoWith(
      `integritas: { label: { id: Integritas, en: Integrity }, ${INTEGRITAS}`,
      'integritas: { label: { id: Integritas, en: Integrity }, measure: { kind: value, input: score, clamp: { min: 100, max: 0 } } }\n',
    );
    expect(errors(yaml)).toEqual([
      `min-above-max /groups/perilaku/indicators/integritas/measure/clamp/min ${position(yaml, '      integritas:', '100')} test.rubric.yaml`,
    ]);
  });
});

describe('overrides deleting what the base does not have', () => {
  const files: Record<string, string> = { base: demo };
  const resolve: RubricResolver = (ref) =>
    files[ref] !== undefined ? { text: files[ref] as string, source: `${ref}.yaml` } : undefined;
  const child = (overrides: string) =>
    `kinerja: 1\nid: child\nversion: 1.0.0\nlabel: { id: C, en: C }\nextends: base\noverrides:\n${overrides}`;

  it('a misspelt outcome or indicator is refused at its key in the child, naming the nearest key', () => {
    const r = loadRubric(
      child(
        '  outcomes:\n    awrd: null\n  groups:\n    perilaku:\n      indicators:\n        pelayanann: null\n',
      ),
      {
        source: 'child.yaml',
        resolve,
      },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(
      r.diagnostics.map(
        (d) => `${d.code} ${d.pointer} ${d.span?.start.line}:${d.span?.start.column} ${d.source}`,
      ),
    ).toEqual([
      'override-deletes-missing /overrides/outcomes/awrd 8:5 child.yaml',
      'override-deletes-missing /overrides/groups/perilaku/indicators/pelayanann 12:9 child.yaml',
    ]);
    const [outcome, indicator] = r.diagnostics as [Diagnostic, Diagnostic];
    expect(outcome.expected).toEqual(['coaching']);
    expect(indicator.expected).toEqual(['pelayanan', 'integritas']);
    expect(indicator.message.en).toContain('did you mean "pelayanan"');
    expect(indicator.message.id).toContain('mungkin maksudnya "pelayanan"');
    expect(outcome.message.en).not.toContain('did you mean');
  });
  it('deleting a key under a map the base lacks is refused too', () => {
    expect(errors(child('  score:\n    clampp: null\n'), resolve)).toEqual(
      ['override-deletes-missing /overrides/score/clampp 8:5 undefined'].map((s) =>
        s.replace(' undefined', ' test.rubric.yaml'),
      ),
    );
  });
  it('deleting a required key is reported at the child’s null, not at the top of the base', () => {
    expect(errors(child('  groups: null\n'), resolve)).toEqual([
      'override-deletes-required /overrides/groups 7:3 test.rubric.yaml',
    ]);
    expect(errors(child('  groups:\n    perilaku:\n      label: null\n'), resolve)).toEqual([
      'override-deletes-required /overrides/groups/perilaku/label 9:7 test.rubric.yaml',
    ]);
  });
  it('deleting keys the base has still works', () => {
    const r = loadRubric(child('  outcomes:\n    coaching: null\n'), { resolve });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.rubric.outcomes).toEqual({});
  });
});

describe('weight-sum and band-gap print exact numbers', () => {
  it('exactDecimal prints every decimal place, and a fraction when the value does not terminate', () => {
    expect(exactDecimal(Rational.from(0.30000000000000004).add(Rational.from(0.7)))).toBe(
      '1.00000000000000004',
    );
    expect(exactDecimal(Rational.from('90.9999999999999999999999'))).toBe('90.9999999999999999999999');
    expect(exactDecimal(Rational.from(0.9))).toBe('0.9');
    expect(exactDecimal(Rational.from(-2))).toBe('-2');
    expect(exactDecimal(Rational.from('1/3'))).toBe('1/3');
  });
  it('score weights 0.30000000000000004 + 0.7 are not shown as "1", must be "1"', () => {
    const r = loadRubric(
      demoWith(
        'weights: { skp: 0.6, perilaku: 0.4 }',
        'weights: { skp: 0.30000000000000004, perilaku: 0.7 }',
      ),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const d = r.diagnostics.find((x) => x.code === 'weight-sum') as Diagnostic;
    expect(d.received).toBe('1.00000000000000004');
    expect(d.message.id).toBe('Jumlah bobot "1.00000000000000004", seharusnya tepat "1".');
  });
  it('group indicator weights likewise', () => {
    const yaml = demoWith(
      'pelayanan: { label: { id: Orientasi pelayanan, en: Service }, measure',
      'pelayanan: { label: { id: Orientasi pelayanan, en: Service }, weight: 0.30000000000000004, measure',
    ).replace(
      'integritas: { label: { id: Integritas, en: Integrity }, measure',
      'integritas: { label: { id: Integritas, en: Integrity }, weight: 0.7, measure',
    );
    const r = loadRubric(yaml);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.diagnostics.find((x) => x.code === 'weight-sum')?.received).toBe('1.00000000000000004');
  });
  it('rater role weights likewise, as text', () => {
    const r = loadRubric(
      ratersRubric(
        '{ kind: raters, roles: { supervisor: { weight: 0.30000000000000004 }, peer: { weight: 0.7 } } }',
      ),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const d = r.diagnostics.find((x) => x.code === 'weight-sum') as Diagnostic;
    expect(d.received).toBe('1.00000000000000004');
    expect(d.message.en).toBe('Weights add up to "1.00000000000000004"; they must be exactly "1".');
  });
  it('a band gap narrower than 12 decimals shows its exact ends', () => {
    const yaml = demoWith('range: "[76, 90]"', 'range: "[76, 90.9999999999999999999999]"').replace(
      '  gaps: { policy: lower }\n',
      '',
    );
    const r = loadRubric(yaml);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const gaps = r.diagnostics.filter((x) => x.code === 'band-gap').map((x) => x.received);
    expect(gaps).toContain('(90.9999999999999999999999, 91)');
    expect(gaps).toContain('(75, 76)');
  });
});

describe('the demo rubric and its zone, dates and facts', () => {
  it('still loads without new diagnostics', () => {
    expect(loaded(demo)).toEqual([]);
  });
});
