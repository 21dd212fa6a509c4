import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledCondition, ConditionTrace } from '../../src/conditions/compileCondition.js';
import { compileCondition } from '../../src/conditions/compileCondition.js';
import type { FactCatalogue, FactSource } from '../../src/conditions/FactCatalogue.js';
import { Rational } from '../../src/numeric/rational.js';
import type { Condition } from '../../src/schema/conditionSchema.js';

const RATINGS = ['sangat-baik', 'baik', 'butuh-perbaikan', 'kurang', 'sangat-kurang'] as const;

const catalogue: FactCatalogue = {
  roots: {
    score: { type: 'number' },
    other: { type: 'number' },
    rating: { type: 'string', values: RATINGS },
    unit: { type: 'string' },
    flag: { type: 'boolean' },
    tags: { type: 'array', items: { type: 'string' } },
    nums: { type: 'array', items: { type: 'number' } },
    records: { type: 'array', items: { type: 'object', properties: { v: { type: 'number' } } } },
    hasil: {
      type: 'object',
      properties: {
        rating: { type: 'string', values: RATINGS },
        items: { type: 'array', items: { type: 'object', properties: { v: { type: 'number' } } } },
        limits: { type: 'array', items: { type: 'number' } },
      },
    },
    employee: {
      type: 'object',
      properties: {
        grade: { type: 'number' },
        unit: { type: 'string' },
        gender: { type: 'protected' },
        family: { type: 'object', properties: { religion: { type: 'protected' } } },
      },
    },
    extra: { type: 'object', properties: { known: { type: 'number' } }, open: true },
    anything: { type: 'any' },
    gender: { type: 'protected' },
  },
};

const P = '/outcomes/0/when';

function compile(condition: unknown, source?: string): CompiledCondition {
  const r = compileCondition(condition as Condition, {
    pointer: P,
    catalogue,
    ...(source === undefined ? {} : { source }),
  });
  if (!r.ok) throw new Error(`unexpected refusal: ${JSON.stringify(r.diagnostics, null, 2)}`);
  return r.value;
}

function refusal(condition: unknown) {
  const r = compileCondition(condition as Condition, { pointer: P, catalogue });
  if (r.ok) throw new Error('expected a refusal');
  return r.diagnostics.map((d) => ({
    code: d.code,
    pointer: d.pointer,
    expected: d.expected,
    received: d.received,
  }));
}

function facts(values: Record<string, unknown>): FactSource {
  return (root) => (Object.hasOwn(values, root) ? values[root] : undefined);
}

const leaf = (fact: string, operator: string, value: unknown, path?: string) => ({
  fact,
  operator,
  value,
  ...(path === undefined ? {} : { path }),
});

// A leaf whose value is fixed by a boolean fact: true, false, or undefined when `flag` is absent.
const T = leaf('flag', 'equal', true);
const missing = leaf('score', 'greaterThan', 0);
const F = leaf('flag', 'equal', false);

let protoBefore: string[];
beforeAll(() => {
  protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
});
afterAll(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
});

describe('compileCondition: leaves', () => {
  it('evaluates a bare leaf and traces it', () => {
    const c = compile(leaf('score', 'greaterThanInclusive', 76));
    const run = c(facts({ score: 80 }));
    expect(run.value).toBe(true);
    expect(run.diagnostics).toEqual([]);
    expect(run.trace).toEqual({
      kind: 'fact',
      pointer: P,
      fact: 'score',
      operator: 'greaterThanInclusive',
      expected: 76,
      actual: 80,
      value: true,
    });
    expect(c(facts({ score: 75.999999 })).value).toBe(false);
    expect(c.test(facts({ score: 76 }))).toBe(true);
  });

  it('compares Rational facts exactly and traces them as numbers', () => {
    const c = compile(leaf('score', 'lessThanInclusive', 24));
    const exact = Rational.from(100).sub(
      Rational.from('9.12').div(Rational.from(12)).mul(Rational.from(100)),
    );
    const run = c(facts({ score: exact }));
    expect(run.value).toBe(true);
    expect(run.trace).toMatchObject({ actual: 24 });
    expect(typeof (run.trace as { actual: unknown }).actual).toBe('number');
    expect(compile(leaf('score', 'equal', 0.1)).test(facts({ score: Rational.from('1/10') }))).toBe(true);
    expect(compile(leaf('score', 'in', [0.5, 1.5])).test(facts({ score: Rational.from('3/2') }))).toBe(true);
  });

  it('reads paths, including array indexes, and records the path in the trace', () => {
    const c = compile(leaf('hasil', 'equal', 'baik', '$.rating'));
    const run = c(facts({ hasil: { rating: 'baik' } }));
    expect(run.value).toBe(true);
    expect(run.trace).toMatchObject({ fact: 'hasil', path: '$.rating', actual: 'baik', expected: 'baik' });
    const d = compile(leaf('hasil', 'greaterThan', 3, '$.items[1].v'));
    expect(d.test(facts({ hasil: { items: [{ v: 1 }, { v: 4 }] } }))).toBe(true);
    expect(compile(leaf('records', 'lessThan', 3, '$[0].v')).test(facts({ records: [{ v: 2 }] }))).toBe(true);
  });

  it('evaluates every operator', () => {
    const cases: Array<[unknown, Record<string, unknown>, boolean]> = [
      [leaf('unit', 'equal', 'a'), { unit: 'a' }, true],
      [leaf('unit', 'notEqual', 'a'), { unit: 'a' }, false],
      [leaf('rating', 'in', ['baik', 'sangat-baik']), { rating: 'baik' }, true],
      [leaf('rating', 'notIn', ['baik', 'sangat-baik']), { rating: 'kurang' }, true],
      [leaf('tags', 'contains', 'x'), { tags: ['x', 'y'] }, true],
      [leaf('tags', 'doesNotContain', 'x'), { tags: ['x', 'y'] }, false],
      [leaf('score', 'lessThan', 50), { score: 50 }, false],
      [leaf('score', 'lessThanInclusive', 50), { score: 50 }, true],
      [leaf('score', 'greaterThan', 50), { score: 50.000001 }, true],
      [leaf('score', 'greaterThanInclusive', 50), { score: 49.999999 }, false],
      [leaf('flag', 'equal', false), { flag: false }, true],
      [leaf('anything', 'equal', null), { anything: null }, true],
    ];
    for (const [condition, values, expected] of cases) {
      const c = compile(condition);
      expect(c(facts(values)).value).toBe(expected);
      expect(c.test(facts(values))).toBe(expected);
    }
  });

  it('compares against another fact', () => {
    const c = compile(leaf('score', 'lessThan', { fact: 'hasil', path: '$.limits[0]' }));
    const run = c(facts({ score: 3, hasil: { limits: [4] } }));
    expect(run.value).toBe(true);
    expect(run.trace).toMatchObject({ expected: 4, actual: 3 });
    expect(compile(leaf('score', 'equal', { fact: 'other' })).test(facts({ score: 2, other: 2 }))).toBe(true);
    expect(compile(leaf('score', 'in', { fact: 'nums' })).test(facts({ score: 2, nums: [1, 2] }))).toBe(true);
  });
});

describe('compileCondition: Kleene logic', () => {
  const values = { flag: true };
  const cases: Array<[string, unknown, boolean | undefined]> = [
    ['all true', { all: [T, T] }, true],
    ['all with false', { all: [T, F] }, false],
    ['all false beats undefined', { all: [missing, F] }, false],
    ['all undefined beats true', { all: [T, missing] }, undefined],
    ['any true beats undefined', { any: [missing, T] }, true],
    ['any undefined beats false', { any: [F, missing] }, undefined],
    ['any all false', { any: [F, F] }, false],
    ['not true', { not: T }, false],
    ['not false', { not: F }, true],
    ['not undefined', { not: missing }, undefined],
    ['nested', { any: [{ all: [T, { not: missing }] }, { not: { any: [F] } }] }, true],
    ['nested undetermined', { all: [{ any: [F, missing] }, T] }, undefined],
  ];
  it.each(cases)('%s', (_name, condition, expected) => {
    const c = compile(condition);
    expect(c(facts(values)).value).toBe(expected);
    expect(c.test(facts(values))).toBe(expected);
  });

  it('evaluates every child (no short-circuit) and traces them all with pointers', () => {
    const c = compile({ any: [T, missing, { not: F }] });
    const run = c(facts({ flag: true }));
    expect(run.value).toBe(true);
    const trace = run.trace as Extract<ConditionTrace, { children: ConditionTrace[] }>;
    expect(trace.kind).toBe('any');
    expect(trace.pointer).toBe(P);
    expect(trace.children.map((t) => [t.pointer, t.value])).toEqual([
      [`${P}/any/0`, true],
      [`${P}/any/1`, undefined],
      [`${P}/any/2`, true],
    ]);
    expect(trace.children[2]).toMatchObject({
      kind: 'not',
      child: { pointer: `${P}/any/2/not`, value: false },
    });
    // The missing fact is still reported although `any` was already decided.
    expect(run.diagnostics.map((d) => [d.code, d.pointer])).toEqual([['missing-fact', `${P}/any/1`]]);
  });
});

describe('compileCondition: missing facts and wrong types at run time', () => {
  it('a missing root fact is undefined with missing-fact, never false', () => {
    const c = compile(leaf('score', 'lessThan', 50), 'rubric.yaml');
    const run = c(facts({}));
    expect(run.value).toBeUndefined();
    expect(run.trace).toMatchObject({ value: undefined, actual: undefined });
    expect(run.diagnostics).toHaveLength(1);
    expect(run.diagnostics[0]).toMatchObject({
      code: 'missing-fact',
      stage: 'evaluate',
      severity: 'error',
      pointer: P,
      source: 'rubric.yaml',
      expected: 'score',
    });
    expect(c.test(facts({}))).toBeUndefined();
    // notIn / doesNotContain / notEqual are where json-rules-engine's silent answers hurt most.
    expect(compile(leaf('rating', 'notIn', ['kurang'])).test(facts({}))).toBeUndefined();
    expect(compile(leaf('unit', 'notEqual', 'x')).test(facts({}))).toBeUndefined();
  });

  it('a missing path is undefined with missing-fact naming fact and path', () => {
    const c = compile(leaf('hasil', 'equal', 1, '$.items[3].v'));
    const run = c(facts({ hasil: { items: [] } }));
    expect(run.value).toBeUndefined();
    expect(run.diagnostics[0]).toMatchObject({
      code: 'missing-fact',
      pointer: P,
      expected: 'hasil.items[3].v',
    });
  });

  it('a missing referenced value is undefined with missing-fact', () => {
    const c = compile(leaf('score', 'lessThan', { fact: 'hasil', path: '$.limits[0]' }));
    const run = c(facts({ score: 1, hasil: { limits: [] } }));
    expect(run.value).toBeUndefined();
    expect(run.diagnostics.map((d) => [d.code, d.expected])).toEqual([['missing-fact', 'hasil.limits[0]']]);
    const both = c(facts({}));
    expect(both.diagnostics.map((d) => d.expected)).toEqual(['score', 'hasil.limits[0]']);
  });

  it('reads own properties only', () => {
    const c = compile(leaf('anything', 'equal', 1, '$.inherited'));
    const run = c(facts({ anything: Object.create({ inherited: 1 }) }));
    expect(run.value).toBeUndefined();
    expect(run.diagnostics[0]).toMatchObject({ code: 'missing-fact', expected: 'anything.inherited' });
    expect(
      compile(leaf('anything', 'equal', 'function', '$.toString')).test(facts({ anything: {} })),
    ).toBeUndefined();
    expect(
      compile(leaf('anything', 'equal', 2, '$.length')).test(facts({ anything: [1, 2] })),
    ).toBeUndefined();
    expect(compile(leaf('extra', 'equal', 1, '$.valueOf')).test(facts({ extra: {} }))).toBeUndefined();
  });

  it('a numeric operator over a non-number is undefined with fact-type', () => {
    const c = compile(leaf('anything', 'lessThan', 5));
    for (const bad of ['3', '', null, true, [1], { a: 1 }, Number.NaN, Number.POSITIVE_INFINITY]) {
      const run = c(facts({ anything: bad }));
      expect(run.value).toBeUndefined();
      expect(run.diagnostics).toHaveLength(1);
      expect(run.diagnostics[0]).toMatchObject({
        code: 'fact-type',
        stage: 'evaluate',
        pointer: P,
        expected: 'number',
      });
      expect(c.test(facts({ anything: bad }))).toBeUndefined();
    }
    expect(c(facts({ anything: 4 })).value).toBe(true);
    expect(c(facts({ anything: Rational.from('9/2') })).value).toBe(true);
  });

  it('contains over a non-list is undefined with fact-type', () => {
    const c = compile(leaf('anything', 'contains', 'a'));
    const run = c(facts({ anything: 'abc' }));
    expect(run.value).toBeUndefined();
    expect(run.diagnostics[0]).toMatchObject({ code: 'fact-type', expected: 'array', received: 'abc' });
    expect(compile(leaf('anything', 'doesNotContain', 'a')).test(facts({ anything: 'xyz' }))).toBeUndefined();
  });

  it('a referenced value of the wrong type is undefined with fact-type', () => {
    const num = compile(leaf('score', 'greaterThan', { fact: 'anything' }));
    expect(num(facts({ score: 1, anything: '0' })).diagnostics[0]).toMatchObject({
      code: 'fact-type',
      expected: 'number',
    });
    const list = compile(leaf('score', 'in', { fact: 'anything' }));
    const run = list(facts({ score: 1, anything: 1 }));
    expect(run.value).toBeUndefined();
    expect(run.diagnostics[0]).toMatchObject({ code: 'fact-type', expected: 'array', received: 1 });
  });

  it('keeps traces JSON-safe', () => {
    const c = compile(leaf('anything', 'equal', 1, '$.x'));
    const run = c(facts({ anything: { x: { r: Rational.from('1/4'), big: 10n, nan: Number.NaN } } }));
    expect(run.trace).toMatchObject({ actual: { r: 0.25, big: 10, nan: 'NaN' } });
    expect(() => JSON.stringify(run)).not.toThrow();
  });
});

describe('compileCondition: compile-time refusals', () => {
  it('unknown root fact', () => {
    expect(refusal(leaf('skor', 'equal', 1))).toEqual([
      {
        code: 'unknown-fact',
        pointer: `${P}/fact`,
        received: 'skor',
        expected: Object.keys(catalogue.roots).sort(),
      },
    ]);
    expect(refusal(leaf('toString', 'equal', 1))[0]).toMatchObject({ code: 'unknown-fact' });
    expect(refusal(leaf('__proto__', 'equal', 1))[0]).toMatchObject({ code: 'unknown-fact' });
  });

  it('unknown property on a closed object, with the known names', () => {
    expect(refusal(leaf('hasil', 'equal', 'baik', '$.ratin'))).toEqual([
      {
        code: 'unknown-fact',
        pointer: `${P}/path`,
        received: 'hasil.ratin',
        expected: ['items', 'limits', 'rating'],
      },
    ]);
    expect(refusal(leaf('hasil', 'equal', 1, '$.items[0].w'))[0]).toMatchObject({
      code: 'unknown-fact',
      received: 'hasil.items[0].w',
      expected: ['v'],
    });
    expect(refusal(leaf('hasil', 'equal', 1, '$.items.v'))[0]).toMatchObject({
      code: 'unknown-fact',
      expected: '[n]',
    });
    expect(refusal(leaf('score', 'equal', 1, '$.x'))[0]).toMatchObject({
      code: 'unknown-fact',
      received: 'score.x',
    });
    expect(refusal(leaf('hasil', 'equal', 1, '$[0]'))[0]).toMatchObject({ code: 'unknown-fact' });
  });

  it('open objects and any shapes accept unknown properties', () => {
    expect(compile(leaf('extra', 'equal', 1, '$.whatever')).test(facts({ extra: { whatever: 1 } }))).toBe(
      true,
    );
    expect(
      compile(leaf('anything', 'equal', 1, '$.a[2].b')).test(facts({ anything: { a: [0, 0, { b: 1 }] } })),
    ).toBe(true);
  });

  it('protected facts: root, path, and containers of protected attributes', () => {
    expect(refusal(leaf('gender', 'equal', 'x'))).toEqual([
      { code: 'protected-fact', pointer: `${P}/fact`, received: 'gender', expected: undefined },
    ]);
    expect(refusal(leaf('employee', 'equal', 'x', '$.gender'))[0]).toMatchObject({
      code: 'protected-fact',
      pointer: `${P}/path`,
      received: 'employee.gender',
    });
    expect(refusal(leaf('employee', 'equal', 'x', '$.family.religion'))[0]).toMatchObject({
      code: 'protected-fact',
      received: 'employee.family.religion',
    });
    expect(refusal(leaf('employee', 'equal', 'x', '$.gender.x'))[0]).toMatchObject({
      code: 'protected-fact',
    });
    // Reading the whole container would copy the protected attribute into the trace.
    expect(refusal(leaf('employee', 'equal', 'x', '$.family'))[0]).toMatchObject({
      code: 'protected-fact',
      received: 'employee.family.religion',
    });
    expect(refusal(leaf('employee', 'equal', 'x'))[0]).toMatchObject({
      code: 'protected-fact',
      pointer: `${P}/fact`,
    });
    expect(refusal(leaf('score', 'equal', { fact: 'gender' }))[0]).toMatchObject({
      code: 'protected-fact',
      pointer: `${P}/value/fact`,
    });
    expect(
      compile(leaf('employee', 'greaterThan', 2, '$.grade')).test(facts({ employee: { grade: 3 } })),
    ).toBe(true);
  });

  it.each([
    '$..grade',
    '$.*',
    '$[?(@.grade > 1)]',
    "$['grade']",
    'grade',
    '$.grade[(@.length-1)]',
    '',
    '$.__proto__',
    '$.constructor',
    '$.prototype',
  ])('invalid path %j', (path) => {
    expect(refusal(leaf('anything', 'equal', 1, path))).toEqual([
      { code: 'invalid-path', pointer: `${P}/path`, received: path, expected: undefined },
    ]);
  });

  it('invalid path in a fact reference', () => {
    expect(refusal(leaf('score', 'equal', { fact: 'anything', path: '$..x' }))).toEqual([
      { code: 'invalid-path', pointer: `${P}/value/path`, received: '$..x', expected: undefined },
    ]);
  });

  it('unknown operator, including prototype names', () => {
    for (const operator of ['equals', 'toString', 'constructor', 'not:equal', 'someFact:equal']) {
      expect(refusal(leaf('score', operator, 1))).toEqual([
        {
          code: 'unknown-operator',
          pointer: `${P}/operator`,
          received: operator,
          expected: [
            'equal',
            'notEqual',
            'in',
            'notIn',
            'contains',
            'doesNotContain',
            'lessThan',
            'lessThanInclusive',
            'greaterThan',
            'greaterThanInclusive',
          ],
        },
      ]);
    }
  });

  it('empty all / any', () => {
    expect(refusal({ all: [] })).toEqual([
      { code: 'empty-condition', pointer: `${P}/all`, expected: undefined, received: undefined },
    ]);
    expect(refusal({ not: { any: [T, { any: [] }] } })).toEqual([
      { code: 'empty-condition', pointer: `${P}/not/any/1/any`, expected: undefined, received: undefined },
    ]);
  });

  it('reports every problem at once', () => {
    const codes = refusal({
      all: [
        leaf('skor', 'equal', 1),
        leaf('score', 'equals', 1),
        { any: [] },
        leaf('rating', 'equal', 'bagus'),
      ],
    }).map((d) => [d.code, d.pointer]);
    expect(codes).toEqual([
      ['unknown-fact', `${P}/all/0/fact`],
      ['unknown-operator', `${P}/all/1/operator`],
      ['empty-condition', `${P}/all/2/any`],
      ['operator-value', `${P}/all/3/value`],
    ]);
  });

  describe('operator-value', () => {
    const cases: Array<[string, unknown, string, unknown]> = [
      ['in needs a list', leaf('score', 'in', 1), '/value', 'array'],
      ['notIn needs a list', leaf('unit', 'notIn', 'a'), '/value', 'array'],
      ['in needs a non-empty list', leaf('unit', 'in', []), '/value', 'non-empty array'],
      [
        'in items must be scalars',
        leaf('anything', 'in', [1, [2]]),
        '/value/1',
        'string|number|boolean|null',
      ],
      ['in items must suit the fact', leaf('score', 'in', [1, '2']), '/value/1', 'number'],
      ['numeric needs a number', leaf('score', 'lessThan', '5'), '/value', 'number'],
      ['numeric needs a finite number', leaf('score', 'lessThan', Number.NaN), '/value', 'number'],
      [
        'numeric needs a finite number (inf)',
        leaf('score', 'greaterThan', Number.POSITIVE_INFINITY),
        '/value',
        'number',
      ],
      ['numeric refuses null', leaf('anything', 'greaterThan', null), '/value', 'number'],
      ['numeric over a string shape', leaf('unit', 'greaterThan', 1), '/operator', 'number'],
      ['numeric over a boolean shape', leaf('flag', 'lessThan', 1), '/operator', 'number'],
      ['numeric over an array shape', leaf('nums', 'lessThan', 1), '/operator', 'number'],
      ['equal to an object', leaf('anything', 'equal', { a: 1 }), '/value', 'string|number|boolean|null'],
      ['equal to an array', leaf('anything', 'notEqual', [1]), '/value', 'string|number|boolean|null'],
      ['equal to NaN', leaf('anything', 'equal', Number.NaN), '/value', 'string|number|boolean|null'],
      ['equal to undefined', leaf('anything', 'equal', undefined), '/value', 'string|number|boolean|null'],
      ['equal over an array shape', leaf('tags', 'equal', 'x'), '/operator', 'string|number|boolean|null'],
      ['equal with the wrong type', leaf('score', 'equal', '80'), '/value', 'number'],
      ['equal boolean with a string', leaf('flag', 'equal', 'true'), '/value', 'boolean'],
      ['typo in a rating', leaf('rating', 'equal', 'sangat-bagus'), '/value', RATINGS],
      ['typo in a rating path', leaf('hasil', 'notEqual', 'bagus', '$.rating'), '/value', RATINGS],
      ['typo in an in list', leaf('rating', 'in', ['baik', 'sangat-bagus']), '/value/1', RATINGS],
      ['contains over a non-list shape', leaf('unit', 'contains', 'a'), '/operator', 'array'],
      ['contains needs a scalar', leaf('tags', 'contains', ['a']), '/value', 'string|number|boolean|null'],
      ['contains with the wrong item type', leaf('nums', 'contains', 'a'), '/value', 'number'],
      [
        'contains over a list of objects',
        leaf('records', 'contains', 1),
        '/operator',
        'array of string|number|boolean|null',
      ],
      ['ref of the wrong type for numeric', leaf('score', 'lessThan', { fact: 'unit' }), '/value', 'number'],
      ['ref of the wrong type for in', leaf('score', 'in', { fact: 'other' }), '/value', 'array'],
      ['ref of another scalar type', leaf('score', 'equal', { fact: 'unit' }), '/value', 'number'],
      ['malformed ref', leaf('score', 'equal', { fact: 'other', params: {} }), '/value', '{ fact, path? }'],
    ];
    it.each(cases)('%s', (_name, condition, at, expected) => {
      const found = refusal(condition);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ code: 'operator-value', pointer: `${P}${at}`, expected });
    });

    it('accepts the matching cases', () => {
      for (const c of [
        leaf('rating', 'equal', 'sangat-baik'),
        leaf('rating', 'in', ['baik', 'kurang']),
        leaf('score', 'equal', Rational.from('1/3')),
        leaf('anything', 'equal', null),
        leaf('nums', 'contains', 2),
        leaf('score', 'equal', { fact: 'other' }),
        leaf('score', 'in', { fact: 'nums' }),
        leaf('score', 'lessThan', { fact: 'anything' }),
      ]) {
        expect(compileCondition(c as Condition, { pointer: P, catalogue }).ok).toBe(true);
      }
    });
  });

  it('refuses malformed nodes without throwing', () => {
    expect(refusal({ all: [T], any: [T] })[0]).toMatchObject({ code: 'schema-invalid', pointer: P });
    expect(refusal({ all: T })[0]).toMatchObject({ code: 'schema-invalid', pointer: `${P}/all` });
    expect(refusal({ all: [null] })[0]).toMatchObject({ code: 'schema-invalid', pointer: `${P}/all/0` });
    expect(refusal({ condition: 'named' })[0]).toMatchObject({ code: 'schema-invalid', pointer: P });
  });

  it('passes `source` to compile-time diagnostics', () => {
    const r = compileCondition(leaf('skor', 'equal', 1) as Condition, {
      pointer: P,
      catalogue,
      source: 'a.yaml',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]?.source).toBe('a.yaml');
  });
});
