import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nearestSpelling } from '../../src/diagnostics/nearestSpelling.js';
import type { Evaluation } from '../../src/index.js';
import { appraisal, load } from '../golden/helpers.js';
import { appraisalOf, loadRaters, NIP } from '../raters/helpers.js';

const demoYaml = readFileSync(
  fileURLToPath(new URL('../../../../examples/data/demo-pp46.rubric.yaml', import.meta.url)),
  'utf8',
);
const demoAppraisal = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../../../../examples/data/demo-appraisal.json', import.meta.url)),
    'utf8',
  ),
);
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));
const brief = (e: Evaluation) => e.diagnostics.map((d) => [d.code, d.pointer, d.severity]);

describe('the self role', () => {
  const rubric = loadRaters(
    '{ kind: raters, roles: { supervisor: { weight: 0.5 }, self: { weight: 0.5 } } }',
  );

  it('is refused from a rater who is not the employee, at the rating', () => {
    const e = rubric.evaluate(
      appraisalOf([
        ['atasan-1', 'supervisor', 4],
        ['someone-else', 'self', 5],
      ]),
    );
    expect(e.status).toBe('invalid');
    expect(brief(e)).toContainEqual(['self-rating-by-other', '/ratings/1', 'error']);
    const d = e.diagnostics.find((x) => x.code === 'self-rating-by-other');
    expect(d?.received).toBe('someone-else');
    expect(d?.expected).toBe(NIP);
    expect(e.score).toBeUndefined();
  });

  it('is left as it was when self is only shown (weight 0): it counts for nothing', () => {
    const shownOnly = loadRaters(
      '{ kind: raters, roles: { supervisor: { weight: 1 }, self: { weight: 0, show: true } } }',
    );
    const e = shownOnly.evaluate(
      appraisalOf([
        ['atasan-1', 'supervisor', 4],
        ['diri-1', 'self', 5],
      ]),
    );
    expect(e.status).toBe('complete');
    expect(e.score).toBe(4);
  });

  it('is refused inside a nested measure too', () => {
    const nested = loadRaters(
      '{ kind: mean, of: [ { kind: raters, roles: { supervisor: { weight: 0.5 }, self: { weight: 0.5 } } } ] }',
    );
    const e = nested.evaluate(
      appraisalOf([
        ['atasan-1', 'supervisor', 4],
        ['someone-else', 'self', 5],
      ]),
    );
    expect(brief(e)).toContainEqual(['self-rating-by-other', '/ratings/1', 'error']);
  });

  it('still counts when the employee gives it', () => {
    const e = rubric.evaluate(
      appraisalOf([
        ['atasan-1', 'supervisor', 4],
        [NIP, 'self', 5],
      ]),
    );
    expect(e.status).toBe('complete');
    expect(e.score).toBe(4.5);
  });
});

describe('conflicts naming no rater', () => {
  const rubric = loadRaters(
    '{ kind: raters, roles: { supervisor: { weight: 0.5 }, peer: { weight: 0.5 } } }',
  );
  const ratings = [
    ['a', 'supervisor', 4],
    ['b', 'peer', 5],
  ] as const;

  it('warn at the conflict, naming the raters present and the nearest one', () => {
    const e = rubric.evaluate(
      appraisalOf(ratings, {
        conflicts: [
          { rater: 'zzz', kind: 'family' },
          // "b " would be refused by the schema (no space around a rater id); case still differs unseen.
          { rater: 'B', kind: 'family' },
        ],
      }),
    );
    expect(brief(e)).toEqual([
      ['conflict-rater-unknown', '/conflicts/0/rater', 'warning'],
      ['conflict-rater-unknown', '/conflicts/1/rater', 'warning'],
    ]);
    const [zzz, b] = e.diagnostics;
    expect(zzz?.received).toBe('zzz');
    expect(zzz?.expected).toEqual(['a', 'b']);
    expect(zzz?.message.en).not.toContain('did you mean');
    expect(b?.message.en).toContain('did you mean "b"?');
    expect(b?.message.id).toContain('mungkin yang dimaksud "b"?');
  });

  it('stay silent when the conflict names a rater who rated (that rating is left out)', () => {
    const e = rubric.evaluate(appraisalOf(ratings, { conflicts: [{ rater: 'b', kind: 'family' }] }));
    expect(e.diagnostics.map((d) => d.code)).toContain('rater-excluded');
    expect(e.diagnostics.map((d) => d.code)).not.toContain('conflict-rater-unknown');
  });

  it('nearest rater: trimmed and case-blind first, then a few edits, else none', () => {
    expect(nearestSpelling('B ', ['a', 'b'])).toBe('b');
    expect(nearestSpelling('atasan-l', ['atasan-1', 'rekan-1'])).toBe('atasan-1');
    expect(nearestSpelling('zzz', ['a', 'b'])).toBeUndefined();
    expect(nearestSpelling('x', [])).toBeUndefined();
  });
});

describe('predikat history', () => {
  const rubric = load(demoYaml);

  it('a year given twice is a duplicate-history-year at the second entry, not a duplicate rating', () => {
    const a = clone(demoAppraisal);
    a.employee.history = [
      { year: 2012, predicate: 'baik' },
      { year: 2011, predicate: 'baik' },
      { year: 2012, predicate: 'cukup' },
    ];
    const e = rubric.evaluate(a);
    expect(brief(e)).toEqual([['duplicate-history-year', '/employee/history/2/year', 'error']]);
    expect(e.diagnostics[0]?.message.en).toContain('2012');
    expect(e.diagnostics[0]?.message.id).toBe(
      'Riwayat predikat pegawai memuat tahun 2012 lebih dari sekali.',
    );
  });
});

describe('listed targets', () => {
  const rubric = load(demoYaml);

  it('a target id listed twice is refused at the second one and not counted twice', () => {
    const a = clone(demoAppraisal);
    const t1 = a.targets.skp[0];
    a.targets.skp = [t1, { ...t1, quantity: 5 }];
    const e = rubric.evaluate(a);
    expect(e.status).toBe('invalid');
    expect(brief(e)).toEqual([['duplicate-target', '/targets/skp/1/id', 'error']]);
    expect(e.groups.skp?.items?.map((i) => i.id)).toEqual(['t1']);
  });

  const minZero = demoYaml.replace(
    '          - { kind: efficiency, target: costTarget, realisation: cost, optional: true }\n',
    '          - { kind: efficiency, target: costTarget, realisation: cost, optional: true }\n      min: 0\n',
  );

  it('min 0 and no targets: the group has no score; where the overall score needs it, no-targets says why', () => {
    expect(minZero).not.toBe(demoYaml);
    const r = load(minZero);
    for (const targets of [undefined, { skp: [] }]) {
      const a = clone(demoAppraisal);
      if (targets) a.targets = targets;
      else delete a.targets;
      const e = r.evaluate(a);
      expect(e.status).toBe('invalid');
      expect(brief(e)).toEqual([['no-targets', '/targets/skp', 'error']]);
      expect(e.diagnostics[0]?.message.en).not.toContain('at least one');
      expect(e.groups.skp?.score).toBeUndefined();
    }
  });

  it('min 0 and no targets in a group outside the score: dropped quietly, the supervisor’s rating counts', () => {
    const y = minZero
      .replace(
        '    round: { decimals: 2, mode: half-up }\n  perilaku:',
        '    round: { decimals: 2, mode: half-up }\n    rating: { from: supervisor }\n  perilaku:',
      )
      .replace('weights: { skp: 0.6, perilaku: 0.4 }', 'weights: { perilaku: 1 }');
    const a = clone(demoAppraisal);
    a.targets = { skp: [] };
    a.supervisorRatings = { skp: 'sesuai' };
    const e = load(y).evaluate(a);
    expect(brief(e)).toEqual([]);
    expect(e.status).toBe('complete');
    expect(e.groups.skp).toMatchObject({ items: [], rating: 'sesuai' });
    expect(e.groups.skp?.score).toBeUndefined();
  });

  it('min 1 (the default) still asks for a target', () => {
    const a = clone(demoAppraisal);
    a.targets = { skp: [] };
    expect(brief(rubric.evaluate(a))).toContainEqual(['missing-input', '/targets/skp', 'error']);
  });
});

describe('scores too large to show', () => {
  const ratio = demoYaml.replace(
    'integritas: { label: { id: Integritas, en: Integrity }, measure: { kind: value, input: score } }',
    'integritas: { label: { id: Integritas, en: Integrity }, measure: { kind: ratio, target: t, realisation: r } }',
  );

  it('an exact score past the largest double is an error, never Infinity or null', () => {
    expect(ratio).not.toBe(demoYaml);
    const a = clone(demoAppraisal);
    a.inputs.integritas = { t: 5e-324, r: 1.7976931348623157e308 };
    const e = load(ratio).evaluate(a);
    expect(e.status).toBe('invalid');
    expect(brief(e)).toEqual([['score-not-representable', '/inputs/integritas', 'error']]);
    expect(e.score).toBeUndefined();
    expect(e.groups.perilaku?.indicators?.integritas?.status).toBe('error');
    expect(JSON.stringify(e)).not.toContain('null');
    expect(e.groups.perilaku?.score).toBeUndefined();
  });

  it('for a listed target too', () => {
    const a = clone(demoAppraisal);
    a.targets.skp[0].quantityTarget = 5e-324;
    a.targets.skp[0].quantity = 1.7976931348623157e308;
    const e = load(demoYaml).evaluate(a);
    expect(brief(e)).toEqual([['score-not-representable', '/targets/skp/0', 'error']]);
    expect(e.groups.skp?.items?.[0]?.status).toBe('error');
    expect(JSON.stringify(e)).not.toContain('null');
    expect(e.groups.skp?.score).toBeUndefined();
  });

  it('and for a group whose finite parts add up past it', () => {
    const sum = demoYaml.replace(
      '  perilaku:\n    label: { id: Perilaku, en: Behaviour }\n',
      '  perilaku:\n    label: { id: Perilaku, en: Behaviour }\n    combine: sum\n',
    );
    expect(sum).not.toBe(demoYaml);
    const a = clone(demoAppraisal);
    a.inputs = { pelayanan: { score: 1.7e308 }, integritas: { score: 1.7e308 } };
    const e = load(sum).evaluate(a);
    expect(brief(e)).toEqual([['score-not-representable', '/inputs', 'error']]);
    expect(e.groups.perilaku?.score).toBeUndefined();
    expect(e.score).toBeUndefined();
  });

  it('a merely large score is still shown', () => {
    const a = clone(demoAppraisal);
    a.inputs.integritas = { t: 1, r: 1e300 };
    const e = load(ratio).evaluate(a);
    expect(e.groups.perilaku?.indicators?.integritas?.score).toBe(1e302);
  });
});

describe('own properties only (prepareAppraisal)', () => {
  const rubric = load(demoYaml);

  it('an employee or period inherited from a prototype is missing', () => {
    const a = Object.create({ employee: demoAppraisal.employee });
    Object.assign(
      a,
      clone({ period: demoAppraisal.period, targets: demoAppraisal.targets, inputs: demoAppraisal.inputs }),
    );
    // `trusted` skips schema validation: what is left is prepareAppraisal's own reading.
    const e = rubric.evaluate(a, { trusted: true });
    expect(e.status).toBe('invalid');
    expect(brief(e)).toContainEqual(['schema-required', '', 'error']);
  });

  it('an inherited optional field (history) is not read', () => {
    const employee = Object.assign(
      Object.create({ history: [{ year: 2012, predicate: 'nope' }] }),
      demoAppraisal.employee,
    );
    const e = rubric.evaluate({ ...clone(demoAppraisal), employee }, { trusted: true });
    expect(e.status).toBe('complete');
  });

  it('a plain appraisal still evaluates as before', () => {
    const e = rubric.evaluate(appraisal({ targets: demoAppraisal.targets, inputs: demoAppraisal.inputs }));
    expect(e.status).toBe('complete');
  });
});

describe('evaluate with data that is not JSON', () => {
  const rubric = load(demoYaml);

  it('a class instance is refused as input-not-plain, a throwing getter too, instead of an exception', () => {
    class Form {
      constructor(readonly employee: unknown) {}
    }
    const instance = Object.assign(new Form(demoAppraisal.employee), { period: demoAppraisal.period });
    expect(brief(rubric.evaluate(instance))).toContainEqual(['input-not-plain', '', 'error']);

    const getter = clone(demoAppraisal) as Record<string, unknown>;
    Object.defineProperty(getter.employee as object, 'nip', {
      enumerable: true,
      get() {
        throw new Error('database connection lost');
      },
    });
    const e = rubric.evaluate(getter);
    expect(e.status).toBe('invalid');
    expect(brief(e)).toContainEqual(['input-not-plain', '/employee/nip', 'error']);
  });
});

describe('data the rubric has, in the wrong place', () => {
  const rubric = load(demoYaml);
  const misplaced = (e: Evaluation) => e.diagnostics.filter((d) => d.code === 'data-misplaced');

  it('a group of indicators given as one input names the indicator ids to use instead', () => {
    const a = clone(demoAppraisal);
    a.inputs = { ...a.inputs, perilaku: { score: 80 } };
    const [d, more] = misplaced(rubric.evaluate(a));
    expect(more).toBeUndefined();
    expect(d?.pointer).toBe('/inputs/perilaku');
    expect(d?.severity).toBe('error');
    expect(d?.expected).toEqual(Object.keys(rubric.rubric.groups.perilaku?.indicators ?? {}));
    expect(d?.message.en).toMatch(/^Group "perilaku" has no data of its own/);
    expect(d?.message.id).toMatch(/^Kelompok "perilaku" tidak punya data sendiri/);
  });

  it('the listed targets of a group under inputs are sent to targets, not called unknown', () => {
    const a = clone(demoAppraisal);
    a.inputs = { ...a.inputs, skp: { quantity: 1 } };
    const e = rubric.evaluate(a);
    expect(e.diagnostics.map((d) => d.code)).not.toContain('unknown-indicator');
    expect(misplaced(e)[0]?.message.en).toContain('reads its list of targets from `targets`');
  });

  it('an addition under targets is called an addition, and sent to inputs', () => {
    const pp46 = load(
      readFileSync(
        fileURLToPath(new URL('../../../../rubrics/pp-46-2011/pp-46-2011.rubric.yaml', import.meta.url)),
        'utf8',
      ),
    );
    const [d] = misplaced(
      pp46.evaluate(appraisal({ targets: { 'tugas-tambahan': [{ id: 't', count: 2 }] } })),
    );
    expect(d?.pointer).toBe('/targets/tugas-tambahan');
    expect(d?.message.en).toMatch(/^Addition "tugas-tambahan" reads its data from `inputs`/);
    expect(d?.message.id).toMatch(/^Tambahan nilai "tugas-tambahan" membaca datanya dari `inputs`/);
  });

  it('an id the rubric does not have is still unknown-indicator', () => {
    const a = clone(demoAppraisal);
    a.targets = { ...a.targets, 'tidak-ada': [] };
    const e = rubric.evaluate(a);
    expect(brief(e)).toContainEqual(['unknown-indicator', '/targets/tidak-ada', 'error']);
    expect(misplaced(e)).toEqual([]);
  });
});
