/**
 * Load-time soundness: a rubric that loads must not fail every appraisal for a reason the load could see.
 *
 * 1. Evaluation order: groups are scored in the order their reads need, ties in id order (inside a group:
 *    targets, then indicators, then additions, each in the order their reads need, then the group score), then
 *    rated likewise, then the overall score, the predikat and the outcomes. A measure or condition reading a value
 *    no order can compute before it (its own group's score, itself, a circle, a rating while scoring) is refused
 *    (`read-before-computed`) at the key naming that value.
 * 2. Unreachable outcomes: a predikat level no band or matrix cell gives, or a flag nothing raises, can never
 *    hold (`unreachable-outcome`); a declared level nothing gives is only a warning (`unproduced-level`).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type Diagnostic, loadRubric } from '../../src/index.js';
import { loadRubricFile } from '../../src/node/index.js';
import { appraisal, expectComplete, load } from './helpers.js';

/** Loads and returns the diagnostics (whether or not it loaded). */
function diagnosticsOf(yaml: string): { ok: boolean; diagnostics: Diagnostic[] } {
  const r = loadRubric(yaml, { source: 'inline.rubric.yaml' });
  return { ok: r.ok, diagnostics: r.diagnostics };
}

function only(yaml: string, code: string): Diagnostic[] {
  return diagnosticsOf(yaml).diagnostics.filter((d) => d.code === code);
}

/**
 * Two groups, `perilaku` (indicators `integritas`, `pelayanan`, optional additions) and `skp` (indicator `x`),
 * with `integritas` measured by `measure` unless overridden. Groups sort perilaku < skp; indicators
 * integritas < pelayanan.
 */
function rubric(
  o: {
    integritas?: string;
    pelayanan?: string;
    appliesWhen?: string;
    additions?: string;
    skpId?: string;
    perilakuRating?: string;
    skpRating?: string;
    predicateBands?: string;
    outcomes?: string;
    levels?: string;
  } = {},
): string {
  const skp = o.skpId ?? 'skp';
  return `
kinerja: 1
id: order
version: 1.0.0
label: { id: Urutan, en: Order }
ratings:
  - { id: tinggi, label: { id: Tinggi, en: High } }
  - { id: rendah, label: { id: Rendah, en: Low } }
groups:
  perilaku:
    label: { id: Perilaku, en: Behaviour }
    indicators:
      integritas:
        label: { id: Integritas, en: Integrity }
        measure: ${o.integritas ?? '{ kind: value, input: score }'}${o.appliesWhen ? `\n        appliesWhen: ${o.appliesWhen}` : ''}
      pelayanan:
        label: { id: Pelayanan, en: Service }
        measure: ${o.pelayanan ?? '{ kind: value, input: score }'}${o.additions ? `\n    additions:\n${o.additions}` : ''}${o.perilakuRating ? `\n    rating: ${o.perilakuRating}` : ''}
  ${skp}:
    label: { id: SKP, en: Work targets }
    indicators:
      x: { label: { id: X, en: X }, measure: { kind: value, input: score } }${o.skpRating ? `\n    rating: ${o.skpRating}` : ''}
score:
  weights: { perilaku: 0.5, ${skp}: 0.5 }
predicate:
  levels:
${
  o.levels ??
  `    - { id: baik, label: { id: Baik, en: Good } }
    - { id: kurang, label: { id: Kurang, en: Poor } }`
}
  bands:
${
  o.predicateBands ??
  `    - { id: baik, range: "[50, inf)" }
    - { id: kurang, range: "(-inf, 50)" }`
}
${o.outcomes ? `outcomes:\n${o.outcomes}` : ''}
`;
}

const inputs = { integritas: { score: 80 }, pelayanan: { score: 60 }, x: { score: 90 } };
/** `inputs` without the records of the indicators given: they read a fact, so a `score` there would be unread. */
const inputsBut = (...ids: string[]) =>
  Object.fromEntries(Object.entries(inputs).filter(([id]) => !ids.includes(id)));
const value = (fact: string, path?: string) =>
  `{ kind: value, input: { fact: ${fact}${path ? `, path: ${path}` : ''} } }`;

describe('read-before-computed: a measure reading a value computed later is refused at load', () => {
  const measureAt = '/groups/perilaku/indicators/integritas/measure/input';
  it.each([
    [
      'its own group’s score',
      'groups',
      '$.perilaku.score',
      'groups.perilaku.score',
      'a group is scored after the groups it reads (order: perilaku, skp), but not after itself',
    ],
    [
      'its own score',
      'indicators',
      '$.integritas.score',
      'indicators.integritas.score',
      'an indicator’s score is known only once it is scored',
    ],
    [
      'the overall score',
      'score',
      undefined,
      'score',
      'the overall score is computed only after every group',
    ],
    ['the predikat', 'predicate', undefined, 'predicate', 'only outcomes can read it'],
    [
      'a later group’s rating',
      'groups',
      '$.skp.rating',
      'groups.skp.rating',
      'groups are rated only after every group is scored',
    ],
    ['the whole groups fact', 'groups', undefined, 'groups', 'the groups fact is complete only once'],
  ])('%s', (_what, fact, path, reads, why) => {
    const r = diagnosticsOf(rubric({ integritas: value(fact, path) }));
    expect(r.ok).toBe(false);
    const d = r.diagnostics.filter((x) => x.code === 'read-before-computed');
    expect(d).toHaveLength(1);
    expect(d[0]?.pointer).toBe(`${measureAt}/${path ? 'path' : 'fact'}`);
    expect(d[0]?.severity).toBe('error');
    expect(d[0]?.message.en).toContain(`${reads} is computed after indicator perilaku.integritas`);
    expect(d[0]?.message.en).toContain(why);
    expect(d[0]?.message.id).toContain(`${reads} baru dihitung setelah indikator perilaku.integritas`);
  });

  it('the diagnostic has the line:column of the path that names the value', () => {
    const yaml = rubric({ integritas: value('groups', '$.perilaku.score') });
    const d = only(yaml, 'read-before-computed')[0];
    const line = yaml.split('\n').findIndex((l) => l.includes('$.perilaku.score')) + 1;
    expect(d?.span?.start.line).toBe(line);
    const col = (yaml.split('\n')[line - 1] as string).indexOf('$.perilaku.score') + 1;
    expect(d?.span?.start.column).toBe(col);
  });

  it('two groups reading each other’s scores cannot both go first: the read of the later one is refused', () => {
    const y = rubric({ integritas: value('groups', '$.skp.score') }).replace(
      'x: { label: { id: X, en: X }, measure: { kind: value, input: score } }',
      `x: { label: { id: X, en: X }, measure: ${value('groups', '$.perilaku.score')} }`,
    );
    const d = only(y, 'read-before-computed');
    // Neither is ready; perilaku goes first by id, so its read of skp is the one no order satisfies.
    expect(d.map((x) => x.pointer)).toEqual([`${measureAt}/path`]);
    expect(d[0]?.message.en).toContain('nor around a circle of groups that read each other');
    expect(d[0]?.message.id).toContain('lingkaran kelompok yang saling membaca');
  });

  it('only a read on the circle is refused, not one that merely waits for the circle', () => {
    // ga reads gb; gb and gc read each other. gb is the smallest id on the circle, so it goes first and its read of
    // gc is the one refused; ga's read of gb is satisfiable and is not reported.
    const read = (g: string) => value('groups', `$.${g}.score`);
    const y = `
kinerja: 1
id: circle
version: 1.0.0
label: { id: Lingkaran, en: Circle }
groups:
  ga:
    label: { id: A, en: A }
    indicators:
      a: { label: { id: A, en: A }, measure: ${read('gb')} }
  gb:
    label: { id: B, en: B }
    indicators:
      b: { label: { id: B, en: B }, measure: ${read('gc')} }
  gc:
    label: { id: C, en: C }
    indicators:
      c: { label: { id: C, en: C }, measure: ${read('gb')} }
score:
  weights: { ga: 1 }
predicate:
  levels:
    - { id: ada, label: { id: Ada, en: Present } }
    - { id: kurang, label: { id: Kurang, en: Poor } }
  bands:
    - { id: ada, range: "[0, inf)" }
    - { id: kurang, range: "(-inf, 0)" }
`;
    expect(only(y, 'read-before-computed').map((d) => d.pointer)).toEqual([
      '/groups/gb/indicators/b/measure/input/path',
    ]);
  });

  it('a group reading a group named after it is scored after it; results still list groups by id', () => {
    // integritas reads skp's score (x = 90): perilaku = (90 + 60) ÷ 2 = 75; with id order it would be refused.
    const e = load(rubric({ integritas: value('groups', '$.skp.score') })).evaluate(
      appraisal({ inputs: inputsBut('integritas') }),
    );
    expectComplete(e);
    expect(e.groups.perilaku?.indicators?.integritas?.score).toBe(90);
    expect(e.groups.perilaku?.score).toBe(75);
    expect(Object.keys(e.groups)).toEqual(['perilaku', 'skp']);
  });

  it('an indicator reading a sibling named after it is scored after it; results list indicators by id', () => {
    const e = load(rubric({ integritas: value('indicators', '$.pelayanan.score') })).evaluate(
      appraisal({ inputs: inputsBut('integritas') }),
    );
    expectComplete(e);
    expect(e.groups.perilaku?.indicators?.integritas?.score).toBe(60);
    expect(Object.keys(e.groups.perilaku?.indicators ?? {})).toEqual(['integritas', 'pelayanan']);
  });

  it('a renamed group gives the same verdict: ids name things for people, not for the engine', () => {
    const a = load(rubric({ integritas: value('groups', '$.skp.score') })).evaluate(
      appraisal({ inputs: inputsBut('integritas') }),
    );
    const b = load(rubric({ skpId: 'a-skp', integritas: value('groups', '$.a-skp.score') })).evaluate(
      appraisal({ inputs: inputsBut('integritas') }),
    );
    expectComplete(b);
    expect([b.score, b.groups.perilaku?.score, b.groups['a-skp']?.score]).toEqual([
      a.score,
      a.groups.perilaku?.score,
      a.groups.skp?.score,
    ]);
  });

  it('a later sibling reads an earlier one; a later group reads an earlier group’s score and indicators', () => {
    const r = load(
      rubric({ pelayanan: value('indicators', '$.integritas.score') }).replace(
        'x: { label: { id: X, en: X }, measure: { kind: value, input: score } }',
        'x: { label: { id: X, en: X }, measure: { kind: mean, of: [ { kind: value, input: { fact: groups, path: $.perilaku.score } }, { kind: value, input: { fact: indicators, path: $.pelayanan.score } } ] } }',
      ),
    );
    const e = r.evaluate(appraisal({ inputs: inputsBut('pelayanan', 'x') }));
    expectComplete(e);
    expect(e.groups.perilaku?.score).toBe(80);
    expect(e.groups.skp?.score).toBe(80);
  });

  it('an addition may read its group’s indicators but not its group’s score', () => {
    const ok = load(
      rubric({
        additions: `      bonus: { label: { id: Bonus, en: Bonus }, measure: ${value('indicators', '$.pelayanan.score')} }`,
      }),
    );
    expectComplete(ok.evaluate(appraisal({ inputs })));
    const d = only(
      rubric({
        additions: `      bonus: { label: { id: Bonus, en: Bonus }, measure: ${value('groups', '$.perilaku.score')} }`,
      }),
      'read-before-computed',
    );
    expect(d.map((x) => x.pointer)).toEqual(['/groups/perilaku/additions/bonus/measure/input/path']);
    expect(d[0]?.message.en).toContain('after addition perilaku.bonus');
  });

  it('a measure nested in a mean is checked too', () => {
    const d = only(
      rubric({ integritas: `{ kind: mean, of: [ { kind: value, input: score }, ${value('score')} ] }` }),
      'read-before-computed',
    );
    expect(d.map((x) => x.pointer)).toEqual([
      '/groups/perilaku/indicators/integritas/measure/of/1/input/fact',
    ]);
  });
});

describe('read-before-computed: conditions', () => {
  it('appliesWhen reading its own group’s score, also as the compared value', () => {
    const d = only(
      rubric({
        appliesWhen:
          '{ all: [ { fact: groups, path: $.perilaku.score, operator: greaterThan, value: 1 }, { fact: employee, path: $.yearsInRank, operator: lessThan, value: { fact: groups, path: $.perilaku.score } } ] }',
      }),
      'read-before-computed',
    );
    expect(d.map((x) => x.pointer)).toEqual([
      '/groups/perilaku/indicators/integritas/appliesWhen/all/0/path',
      '/groups/perilaku/indicators/integritas/appliesWhen/all/1/value/path',
    ]);
  });

  it('appliesWhen reading a group named after its own is ordered for: skp is scored first', () => {
    const r = load(
      rubric({ appliesWhen: '{ fact: groups, path: $.skp.score, operator: greaterThan, value: 95 }' }),
    );
    // skp = 90, not above 95: integritas does not apply, so perilaku is pelayanan alone (60).
    const e = r.evaluate(appraisal({ inputs: { pelayanan: { score: 60 }, x: { score: 90 } } }));
    expectComplete(e);
    expect(e.groups.perilaku?.indicators?.integritas?.status).toBe('not-applicable');
    expect(e.groups.perilaku?.score).toBe(60);
  });

  it('appliesWhen may read the appraisal’s own data', () => {
    const r = load(
      rubric({ appliesWhen: '{ fact: employee, path: $.positionType, operator: equal, value: struktural }' }),
    );
    const e = r.evaluate(
      appraisal({ inputs: { pelayanan: { score: 60 }, x: { score: 90 } } }, { positionType: 'pelaksana' }),
    );
    expectComplete(e);
  });

  it('flags fill as the evaluation runs: conditions before the predikat may not read them', () => {
    const d = only(
      rubric({ appliesWhen: '{ fact: flags, operator: doesNotContain, value: "rating-departs:skp" }' }),
      'read-before-computed',
    );
    expect(d.map((x) => x.pointer)).toEqual(['/groups/perilaku/indicators/integritas/appliesWhen/fact']);
    expect(d[0]?.message.en).toContain('the list is complete only after every group is rated');
  });

  it('rating rules read every group’s score and other groups’ ratings, not their own nor around a circle', () => {
    const rules = (path: string, value: string | number) =>
      `{ from: score, rules: [ { id: tinggi, when: { fact: groups, path: ${path}, operator: equal, value: ${value} } } ], otherwise: rendah }`;
    const skpBands =
      '{ from: score, bands: [ { id: tinggi, range: "[50, inf)" }, { id: rendah, range: "(-inf, 50)" } ] }';
    // perilaku is rated before skp: it may read skp's score, not skp's rating; skp may read perilaku's rating.
    const ok = load(
      rubric({
        perilakuRating: `{ from: score, rules: [ { id: tinggi, when: { fact: groups, path: $.skp.score, operator: greaterThan, value: 50 } } ], otherwise: rendah }`,
        skpRating: rules('$.perilaku.rating', 'tinggi'),
      }),
    );
    const e = ok.evaluate(appraisal({ inputs }));
    expectComplete(e);
    expect(e.groups.perilaku?.rating).toBe('tinggi');
    expect(e.groups.skp?.rating).toBe('tinggi');
    // perilaku reading skp's rating is rated after it, whatever the ids.
    const later = load(rubric({ perilakuRating: rules('$.skp.rating', 'tinggi'), skpRating: skpBands }));
    const rated = later.evaluate(appraisal({ inputs }));
    expectComplete(rated);
    expect(rated.groups.skp?.rating).toBe('tinggi');
    expect(rated.groups.perilaku?.rating).toBe('tinggi');
    const circle = only(
      rubric({
        perilakuRating: rules('$.skp.rating', 'tinggi'),
        skpRating: rules('$.perilaku.rating', 'tinggi'),
      }),
      'read-before-computed',
    );
    expect(circle.map((x) => x.pointer)).toEqual(['/groups/perilaku/rating/rules/0/when/path']);
    expect(circle[0]?.message.en).toContain('is computed after the rating of group perilaku');
    const own = only(
      rubric({ perilakuRating: rules('$.perilaku.rating', 'tinggi') }),
      'read-before-computed',
    );
    expect(own.map((x) => x.pointer)).toEqual(['/groups/perilaku/rating/rules/0/when/path']);
  });

  it('a band’s requires: the predikat bands may read the score and flags, not the predikat', () => {
    const bands = (
      requires: string,
    ) => `    - { id: baik, range: "[50, inf)", requires: ${requires}, otherwise: kurang }
    - { id: kurang, range: "(-inf, 50)" }`;
    const ok = load(
      rubric({
        predicateBands: bands(
          '{ all: [ { fact: score, operator: greaterThan, value: 0 }, { fact: flags, operator: doesNotContain, value: "needs-review:integritas" } ] }',
        ),
      }),
    );
    expectComplete(ok.evaluate(appraisal({ inputs })));
    const d = only(
      rubric({ predicateBands: bands('{ fact: predicate, operator: equal, value: baik }') }),
      'read-before-computed',
    );
    expect(d.map((x) => x.pointer)).toEqual(['/predicate/bands/0/requires/fact']);
    expect(d[0]?.message.en).toContain('predicate is computed after the predikat bands');
  });

  it('outcomes read anything: score, predikat, groups, indicators, flags', () => {
    const r = load(
      rubric({
        outcomes: `  award:
    label: { id: Penghargaan, en: Award }
    kind: award
    when:
      all:
        - { fact: predicate, operator: equal, value: baik }
        - { fact: score, operator: greaterThan, value: 50 }
        - { fact: groups, path: $.skp.score, operator: greaterThan, value: 50 }
        - { fact: indicators, path: $.integritas.score, operator: greaterThan, value: 50 }
        - { fact: flags, operator: doesNotContain, value: "needs-review:integritas" }
    event: { type: award }
    value: { kind: value, input: { fact: groups, path: $.skp.score } }`,
      }),
    );
    const e = r.evaluate(appraisal({ inputs }));
    expectComplete(e);
    expect(e.outcomes.award?.met).toBe(true);
    expect(e.outcomes.award?.value).toBe(90);
  });

  it('item measures and item bands may not read their own group’s target summary', () => {
    const y = `
kinerja: 1
id: items
version: 1.0.0
label: { id: Target, en: Targets }
ratings:
  - { id: tinggi, label: { id: Tinggi, en: High } }
  - { id: rendah, label: { id: Rendah, en: Low } }
groups:
  hasil:
    label: { id: Hasil, en: Results }
    items:
      measure: { kind: value, input: { fact: groups, path: $.hasil.items.count } }
      rating:
        bands:
          - { id: tinggi, range: "[50, inf)", requires: { fact: groups, path: $.hasil.items.ratings.tinggi.share, operator: greaterThan, value: 0 }, otherwise: rendah }
          - { id: rendah, range: "(-inf, 50)" }
score:
  weights: { hasil: 1 }
predicate:
  levels:
    - { id: ada, label: { id: Ada, en: Present } }
    - { id: kurang, label: { id: Kurang, en: Poor } }
  bands:
    - { id: ada, range: "[0, inf)" }
    - { id: kurang, range: "(-inf, 0)" }
`;
    const d = only(y, 'read-before-computed');
    expect(d.map((x) => x.pointer).sort()).toEqual([
      '/groups/hasil/items/measure/input/path',
      '/groups/hasil/items/rating/bands/0/requires/path',
    ]);
    expect(d[0]?.message.en).toContain('the targets of group hasil');
  });
});

describe('read-before-computed agrees with the engine', () => {
  // Groups ga (a1, a2) and gb (b1, b2), declared in reverse; each indicator in turn reads each score. The engine
  // scores what is read first, so a read loads unless it is of itself or of its own group's score, and then the
  // reader's score is the value read: every input below is distinct, so a value read too early would show.
  const inputsOf = { a1: 10, a2: 20, b1: 30, b2: 40 };
  const expected: Record<string, number> = { ...inputsOf, ga: 15, gb: 35 };
  const yaml = (reader: string, fact: string, path: string) => {
    const m = (id: string) => (id === reader ? value(fact, path) : '{ kind: value, input: score }');
    return `
kinerja: 1
id: cross
version: 1.0.0
label: { id: Silang, en: Cross }
groups:
  gb:
    label: { id: B, en: B }
    indicators:
      b2: { label: { id: B2, en: B2 }, measure: ${m('b2')} }
      b1: { label: { id: B1, en: B1 }, measure: ${m('b1')} }
  ga:
    label: { id: A, en: A }
    indicators:
      a2: { label: { id: A2, en: A2 }, measure: ${m('a2')} }
      a1: { label: { id: A1, en: A1 }, measure: ${m('a1')} }
score:
  weights: { ga: 0.5, gb: 0.5 }
predicate:
  levels:
    - { id: ada, label: { id: Ada, en: Present } }
    - { id: kurang, label: { id: Kurang, en: Poor } }
  bands:
    - { id: ada, range: "[0, inf)" }
    - { id: kurang, range: "(-inf, 0)" }
`;
  };
  const cases: Array<[string, string, string, string]> = [];
  for (const reader of ['a1', 'a2', 'b1', 'b2'])
    for (const target of ['a1', 'a2', 'ga', 'b1', 'b2', 'gb'])
      cases.push(
        target.startsWith('g')
          ? [reader, target, 'groups', `$.${target}.score`]
          : [reader, target, 'indicators', `$.${target}.score`],
      );
  it.each(cases)('%s reads %s', (reader, target, fact, path) => {
    const r = loadRubric(yaml(reader, fact, path));
    const group = `g${reader[0]}`;
    if (target === reader || target === group) {
      expect(r.ok).toBe(false);
      expect(r.diagnostics.map((d) => d.code)).toEqual(['read-before-computed']);
      return;
    }
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // The reader reads a fact, not a record of its own.
    const inputs = Object.fromEntries(
      Object.entries(inputsOf)
        .filter(([k]) => k !== reader)
        .map(([k, v]) => [k, { score: v }]),
    );
    const e = r.value.evaluate(appraisal({ inputs }));
    expectComplete(e);
    expect(e.groups[group]?.indicators?.[reader]?.score).toBe(expected[target]);
    expect(Object.keys(e.groups)).toEqual(['ga', 'gb']);
  });
});

describe('unreachable outcomes: levels no band gives, flags nothing raises', () => {
  const outcome = (when: string) => `  o:
    label: { id: Tindak lanjut, en: Outcome }
    kind: coaching
    when: ${when}
    event: { type: t }`;
  const threeLevels = `    - { id: baik, label: { id: Baik, en: Good } }
    - { id: kurang, label: { id: Kurang, en: Poor } }
    - { id: ghost, label: { id: Hantu, en: Ghost } }`;

  it('an outcome testing a declared level no band gives is refused; the level itself is a warning', () => {
    const r = diagnosticsOf(
      rubric({
        levels: threeLevels,
        outcomes: outcome('{ fact: predicate, operator: equal, value: ghost }'),
      }),
    );
    expect(r.ok).toBe(false);
    const u = r.diagnostics.filter((d) => d.code === 'unreachable-outcome');
    expect(u.map((d) => d.pointer)).toEqual(['/outcomes/o/when']);
    expect(u[0]?.span?.start.line).toBeGreaterThan(0);
    const w = r.diagnostics.filter((d) => d.code === 'unproduced-level');
    expect(w.map((d) => [d.pointer, d.severity])).toEqual([['/predicate/levels/2/id', 'warning']]);
    expect(w[0]?.message.en).toContain('"ghost" is declared, but no band or matrix cell gives it');
    expect(w[0]?.message.id).toContain('tidak ada band atau sel matriks');
  });

  it('a level no band covers is a warning only: the rubric loads and outcomes reaching it through other levels work', () => {
    const r = loadRubric(
      rubric({
        levels: threeLevels,
        outcomes: outcome('{ fact: predicate, operator: in, value: [kurang, ghost] }'),
      }),
    );
    expect(r.ok).toBe(true);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['unproduced-level']);
  });

  it('notIn every level a band gives is dead too; previousPredicates may hold any declared level', () => {
    expect(
      only(
        rubric({
          levels: threeLevels,
          outcomes: outcome('{ fact: predicate, operator: notIn, value: [baik, kurang] }'),
        }),
        'unreachable-outcome',
      ),
    ).toHaveLength(1);
    const r = loadRubric(
      rubric({
        levels: threeLevels,
        outcomes: outcome(
          '{ fact: employee, path: "$.previousPredicates[0]", operator: equal, value: ghost }',
        ),
      }),
    );
    expect(r.ok).toBe(true);
  });

  it('an `otherwise` level of a band with `requires` counts as given', () => {
    const r = loadRubric(
      rubric({
        levels: threeLevels,
        predicateBands: `    - { id: baik, range: "[50, inf)", requires: { fact: score, operator: greaterThan, value: 60 }, otherwise: ghost }
    - { id: kurang, range: "(-inf, 50)" }`,
        outcomes: outcome('{ fact: predicate, operator: equal, value: ghost }'),
      }),
    );
    expect(r.ok).toBe(true);
    expect(r.diagnostics).toEqual([]);
  });

  it('a matrix: a level no cell gives', () => {
    const y = (when: string) => `
kinerja: 1
id: matrix
version: 1.0.0
label: { id: Matriks, en: Matrix }
ratings:
  - { id: tinggi, label: { id: Tinggi, en: High } }
  - { id: rendah, label: { id: Rendah, en: Low } }
groups:
  a:
    label: { id: A, en: A }
    indicators:
      a1: { label: { id: A1, en: A1 }, measure: { kind: value, input: score } }
    rating: { from: supervisor }
  b:
    label: { id: B, en: B }
    indicators:
      b1: { label: { id: B1, en: B1 }, measure: { kind: value, input: score } }
    rating: { from: supervisor }
predicate:
  levels:
    - { id: baik, label: { id: Baik, en: Good } }
    - { id: kurang, label: { id: Kurang, en: Poor } }
    - { id: ghost, label: { id: Hantu, en: Ghost } }
  matrix:
    rows: a
    columns: b
    cells:
      tinggi: { tinggi: baik, rendah: kurang }
      rendah: { tinggi: kurang, rendah: kurang }
outcomes:
${outcome(when)}
`;
    const dead = diagnosticsOf(y('{ fact: predicate, operator: equal, value: ghost }'));
    expect(dead.diagnostics.map((d) => [d.code, d.pointer])).toEqual([
      ['unreachable-outcome', '/outcomes/o/when'],
      ['unproduced-level', '/predicate/levels/2/id'],
    ]);
    // A supervisor may give any rating: a condition on it is not narrowed to what bands or rules would suggest.
    expect(loadRubric(y('{ fact: groups, path: $.a.rating, operator: equal, value: rendah }')).ok).toBe(true);
  });

  it('a rating from the score is only ever one its bands give', () => {
    const bands = '{ from: score, bands: [ { id: tinggi, range: "(-inf, inf)" } ] }';
    expect(
      only(
        rubric({
          skpRating: bands,
          outcomes: outcome('{ fact: groups, path: $.skp.rating, operator: equal, value: rendah }'),
        }),
        'unreachable-outcome',
      ),
    ).toHaveLength(1);
    expect(
      loadRubric(
        rubric({
          skpRating: bands,
          outcomes: outcome('{ fact: groups, path: $.skp.rating, operator: equal, value: tinggi }'),
        }),
      ).ok,
    ).toBe(true);
  });

  it('a flag with a typo can never be raised; flags the rubric can raise load', () => {
    const raters =
      '{ kind: raters, roles: { supervisor: { weight: 0.5 }, peer: { weight: 0.5 } }, range: "[1, 5]" }';
    const typo = diagnosticsOf(
      rubric({
        integritas: raters,
        outcomes: outcome('{ fact: flags, operator: contains, value: "needs-reveiw:integritas" }'),
      }),
    );
    expect(typo.ok).toBe(false);
    expect(typo.diagnostics.map((d) => [d.code, d.pointer])).toEqual([
      ['unreachable-outcome', '/outcomes/o/when'],
    ]);
    // pelayanan takes no ratings, so nothing can flag it for review.
    expect(
      only(
        rubric({
          integritas: raters,
          outcomes: outcome('{ fact: flags, operator: contains, value: "needs-review:pelayanan" }'),
        }),
        'unreachable-outcome',
      ),
    ).toHaveLength(1);
    for (const when of [
      '{ fact: flags, operator: contains, value: "needs-review:integritas" }',
      '{ fact: flags, operator: doesNotContain, value: "needs-reveiw:integritas" }',
      '{ any: [ { fact: flags, operator: contains, value: "typo" }, { fact: predicate, operator: equal, value: baik } ] }',
    ]) {
      const r = loadRubric(rubric({ integritas: raters, outcomes: outcome(when) }));
      expect(r.ok, when).toBe(true);
    }
    const departs = loadRubric(
      rubric({
        skpRating:
          '{ from: supervisor, bands: [ { id: tinggi, range: "[50, inf)" }, { id: rendah, range: "(-inf, 50)" } ] }',
        outcomes: outcome('{ fact: flags, operator: contains, value: "rating-departs:skp" }'),
      }),
    );
    expect(departs.ok).toBe(true);
    const noSuggestion = only(
      rubric({
        skpRating: '{ from: supervisor }',
        outcomes: outcome('{ fact: flags, operator: contains, value: "rating-departs:skp" }'),
      }),
      'unreachable-outcome',
    );
    expect(noSuggestion).toHaveLength(1);
  });
});

describe('the packs load without any of these diagnostics', () => {
  const root = fileURLToPath(new URL('../../../../rubrics/', import.meta.url));
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.rubric.yaml') && !f.includes('node_modules'))
    .sort();
  it('found the packs', () => expect(files.length).toBeGreaterThan(5));
  it.each(files)('%s', (f) => {
    const r = loadRubricFile(`${root}${f}`);
    expect(r.ok).toBe(true);
    expect(r.diagnostics.map((d) => `${d.code} ${d.pointer}`)).toEqual([]);
  });
});
