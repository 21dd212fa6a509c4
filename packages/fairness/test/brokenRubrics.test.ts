import { type CompiledRubric, loadRubric, parseYaml } from '@kinerja/core';
import { describe, expect, it } from 'vitest';
import {
  boundaries,
  bounds,
  determinism,
  findProtectedReads,
  formatLawResult,
  identity,
  monotonicity,
  protectedAttributes,
  reachability,
} from '../src/index.js';
import { demo, load, mustLoad, RICH_PATH, SEED } from './helpers/load.js';
import { GOOD_FROM_80, HEADER, oneIndicator, ratio } from './helpers/rubricYaml.js';

// Each law must catch a rubric (or, for laws no rubric can break, an engine) written to break it, and must pass
// the same rubric written correctly, so a law is never green because it checks nothing.

describe('monotonicity', () => {
  it('passes a ratio indicator whose direction is declared or inferred as higher', () => {
    for (const direction of ['', '        direction: higher']) {
      const r = monotonicity(mustLoad(oneIndicator(ratio(direction), GOOD_FROM_80)), {
        seed: SEED,
        numRuns: 50,
      });
      expect(r.ok, formatLawResult(r)).toBe(true);
    }
  });

  it('catches a ratio indicator declared `direction: lower`, with a shrunk, replayable counterexample', () => {
    const compiled = mustLoad(oneIndicator(ratio('        direction: lower'), GOOD_FROM_80));
    const r = monotonicity(compiled, { seed: SEED });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/\/inputs\/layanan\/realisation: .* group hasil score fell/);
    const ce = r.counterexample as { appraisal: unknown; change: { at: string; from: number; to: number } };
    expect(ce.change.at).toBe('/inputs/layanan/realisation');
    // Lower is "better" by the declaration, so the better appraisal has the smaller realisation.
    expect(ce.change.to).toBeLessThan(ce.change.from);
    expect(ce.appraisal).toHaveProperty('employee.nip');
    const replay = monotonicity(compiled, { seed: r.seed, ...(r.path ? { path: r.path } : {}) });
    expect(replay.counterexample).toEqual(r.counterexample);
  });

  it('catches predicate bands written upside down (a better score, a worse predicate)', () => {
    const bands = `    - { id: kurang, range: "[80, inf)" }
    - { id: baik, range: "(-inf, 80)" }`;
    const r = monotonicity(mustLoad(oneIndicator(ratio(), bands)), { seed: SEED });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/predicate worsened from baik to kurang/);
  });

  it('catches a coaching outcome that switches on for over-achievers', () => {
    const coaching = `outcomes:
  coaching:
    label: { id: Pembinaan, en: Coaching }
    kind: coaching
    when: { any: [{ fact: score, operator: greaterThan, value: 120 }] }
    event: { type: pembinaan }`;
    const r = monotonicity(mustLoad(oneIndicator(ratio(), GOOD_FROM_80, coaching)), { seed: SEED });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/coaching outcome coaching switched on/);
  });

  it('catches a rater rating that counts against the person (raters declared `direction: lower`)', () => {
    const raters = `        direction: lower
        measure: { kind: raters, roles: { supervisor: { weight: 1 } } }`;
    const r = monotonicity(mustLoad(oneIndicator(raters, GOOD_FROM_80)), { seed: SEED });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/^(sweep step \d+ of \d+, )?\/ratings\/\d+\/value/);
  });
});

const award = (gender: string) => `outcomes:
  award:
    label: { id: Penghargaan, en: Award }
    kind: award
    when:
      all:
        - { fact: predicate, operator: equal, value: baik }
        - { fact: facts, path: $.gender, operator: equal, value: P }
    event: { type: penghargaan }
facts:
  gender: { type: enum, values: [L, P], required: false${gender} }`;

describe('protectedAttributes', () => {
  it('passes a rubric that declares a protected fact and never reads it', () => {
    const yaml = oneIndicator(
      ratio(),
      GOOD_FROM_80,
      'facts:\n  gender: { type: enum, values: [L, P], protected: true }',
    );
    const r = protectedAttributes(mustLoad(yaml), { seed: SEED, numRuns: 50 });
    expect(r.ok, formatLawResult(r)).toBe(true);
    expect(r.runs).toBe(50);
  });

  it('statically: loadRubric refuses a rule reading a protected fact, and the scan names where', () => {
    const yaml = oneIndicator(ratio(), GOOD_FROM_80, award(', protected: true'));
    const loaded = loadRubric(yaml);
    expect(loaded.ok).toBe(false);
    expect(loaded.diagnostics.map((d) => d.code)).toContain('protected-fact');
    const parsed = parseYaml(yaml);
    if (!parsed.ok) throw new Error('the fixture must parse');
    expect(findProtectedReads(parsed.value, ['gender'])).toEqual([
      { pointer: '/outcomes/award/when/all/1', fact: 'gender' },
    ]);
  });

  it('the scan also sees measure inputs, band requires, rating rules and reads of the whole facts object', () => {
    const doc = {
      facts: { gender: { type: 'enum', protected: true } },
      groups: {
        g: {
          indicators: { i: { measure: { kind: 'value', input: { fact: 'facts', path: "$['gender']" } } } },
        },
      },
      predicate: {
        bands: [{ id: 'a', range: '[0, inf)', requires: { fact: 'facts', operator: 'equal', value: 1 } }],
      },
      outcomes: { o: { when: { not: { fact: 'gender', operator: 'equal', value: 'L' } } } },
    };
    expect(findProtectedReads(doc, ['gender'])).toEqual([
      { pointer: '/groups/g/indicators/i/measure/input', fact: 'gender' },
      { pointer: '/predicate/bands/0/requires', fact: '*' },
      { pointer: '/outcomes/o/when/not', fact: 'gender' },
    ]);
  });

  it('dynamically: an outcome reading a fact the law is told is protected changes with it', () => {
    const compiled = mustLoad(oneIndicator(ratio(), GOOD_FROM_80, award('')));
    // As written the rubric declares gender an ordinary fact, so nothing is protected…
    expect(protectedAttributes(compiled, { seed: SEED, numRuns: 20 }).ok).toBe(true);
    // …until the law is told to treat it as one.
    const r = protectedAttributes(compiled, { seed: SEED, protectedFacts: ['gender'] });
    expect(r.ok).toBe(false);
    expect(r.message).toContain('the rubric reads protected facts: gender at /outcomes/award/when/all/1');
    expect(r.message).toMatch(/changing only protected facts .* changed the evaluation/);
    const ce = r.counterexample as {
      change: { facts: Record<string, unknown> };
      difference: { pointer: string };
    };
    expect(Object.keys(ce.change.facts)).toEqual(['gender']);
    expect(ce.difference.pointer).toMatch(/^\/outcomes\/award/);
  });

  it('catches a predicate that depends on a non-protected copy of a protected attribute', () => {
    const bands = `    - { id: baik, range: "[80, inf)", requires: { fact: facts, path: $.jenis-kelamin, operator: equal, value: L }, otherwise: kurang }
    - { id: kurang, range: "(-inf, 80)" }`;
    const facts = `facts:
  gender: { type: enum, values: [L, P], protected: true }
  jenis-kelamin: { type: enum, values: [L, P] }`;
    const compiled = mustLoad(oneIndicator(ratio(), bands, facts));
    const r = protectedAttributes(compiled, { seed: SEED, protectedFacts: ['jenis-kelamin'] });
    expect(r.ok).toBe(false);
    expect(r.message).toContain('jenis-kelamin at /predicate/bands/0/requires');
  });

  it('notes protected facts the rubric does not declare instead of failing on them', () => {
    const r = protectedAttributes(mustLoad(oneIndicator(ratio(), GOOD_FROM_80)), {
      protectedFacts: ['religion'],
    });
    expect(r.ok).toBe(true);
    expect(r.message).toMatch(/not declared by the rubric.*religion/);
  });
});

describe('identity', () => {
  it('catches a rubric that singles out employees by NIP', () => {
    const favourites = `outcomes:
  award:
    label: { id: Penghargaan, en: Award }
    kind: award
    when: { all: [{ fact: employee, path: $.nip, operator: in, value: ["198501012010011001"] }] }
    event: { type: penghargaan }`;
    const r = identity(mustLoad(oneIndicator(ratio(), GOOD_FROM_80, favourites)), { seed: SEED });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/renaming the employee or raters changed the evaluation at \/outcomes\/award/);
    expect(r.counterexample).toHaveProperty('renamed.nip');
  });

  it('catches an engine whose verdict depends on the order ratings are listed in', () => {
    const rich = load(RICH_PATH);
    // A deliberately broken engine: flags the first rater, as a "first come, first served" bug would.
    const broken: CompiledRubric = {
      ...rich,
      evaluate: (a, o) => {
        const e = rich.evaluate(a, o);
        const first = (a as { ratings?: Array<{ rater: string; role: string }> }).ratings?.[0];
        return { ...e, flags: [...e.flags, `first:${first?.role}`] };
      },
    };
    const r = identity(broken, { seed: SEED });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/reordering raters or targets changed the verdict at \/flags/);
  });
});

describe('determinism', () => {
  const compiled = demo();

  it('catches an engine that answers differently the second time', () => {
    let calls = 0;
    const broken: CompiledRubric = {
      ...compiled,
      evaluate: (a, o) => ({ ...compiled.evaluate(a, o), flags: [`call-${calls++}`] }),
    };
    const r = determinism(broken, { seed: SEED });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/^evaluated again, the evaluation differs at \/flags\/0/);
  });

  it('catches an engine that depends on the order keys are written in', () => {
    const broken: CompiledRubric = {
      ...compiled,
      evaluate: (a, o) => ({ ...compiled.evaluate(a, o), flags: Object.keys(a as object).slice(0, 1) }),
    };
    const r = determinism(broken, { seed: SEED });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/^with keys in reverse order/);
  });

  it('catches an engine that changes the appraisal it is given', () => {
    const broken: CompiledRubric = {
      ...compiled,
      evaluate: (a, o) => {
        (a as { employee: { name?: string } }).employee.name = 'changed';
        return compiled.evaluate(a, o);
      },
    };
    const r = determinism(broken, { seed: SEED });
    expect(r.ok).toBe(false);
    expect(r.message).toBe('evaluation changed the appraisal it was given');
  });
});

describe('bounds', () => {
  it('passes a ratio capped at its declared range', () => {
    const ind = `        range: "[0, 100]"
        measure: { kind: ratio, target: target, realisation: realisation, clamp: { max: 100 } }`;
    const r = bounds(mustLoad(oneIndicator(ind, GOOD_FROM_80)), { seed: SEED, numRuns: 50 });
    expect(r.ok, formatLawResult(r)).toBe(true);
  });

  it('catches an indicator score exceeding its declared range', () => {
    const r = bounds(mustLoad(oneIndicator(ratio('        range: "[0, 100]"'), GOOD_FROM_80)), {
      seed: SEED,
    });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/indicator layanan score [\d.]+ is outside its declared range \[0, 100\]/);
  });

  it('catches an overall score exceeding its declared range', () => {
    const yaml = oneIndicator(ratio(), GOOD_FROM_80).replace(
      'score: { weights: { hasil: 1 } }',
      'score: { weights: { hasil: 1 }, range: "[0, 120]" }',
    );
    const r = bounds(mustLoad(yaml), { seed: SEED });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/score [\d.]+ at \/ is outside its declared range "\[0, 120\]"/);
  });

  it('catches rounding that pushes a capped score past its cap', () => {
    const ind = `        measure: { kind: value, input: score, clamp: { max: 99.995 }, round: { decimals: 2, mode: half-up } }`;
    const r = bounds(mustLoad(oneIndicator(ind, GOOD_FROM_80)), { seed: SEED });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/indicator layanan score 100 is above its cap max 99.995/);
  });
});

describe('reachability', () => {
  it('catches an outcome no score can meet (a threshold above the cap)', () => {
    const yaml = oneIndicator(
      ratio(),
      GOOD_FROM_80,
      `outcomes:
  award:
    label: { id: Penghargaan, en: Award }
    kind: award
    when: { all: [{ fact: score, operator: greaterThan, value: 150 }] }
    event: { type: penghargaan }`,
    ).replace('score: { weights: { hasil: 1 } }', 'score: { weights: { hasil: 1 }, clamp: { max: 120 } }');
    const r = reachability(mustLoad(yaml), { seed: SEED, numRuns: 300 });
    expect(r.ok).toBe(false);
    expect(r.counterexample).toEqual({ unreached: ['outcome:award'] });
    expect(r.message).toMatch(/never reached in 300 appraisals: outcome:award/);
    // Sampling proves nothing unreachable: the message says how many to draw before blaming the rubric.
    expect(r.message).toContain(
      '(a sample, not a proof: draw at least 1200 appraisals before changing the rubric)',
    );
    expect(Object.keys(r.witnesses ?? {}).sort()).toEqual(['predicate:baik', 'predicate:kurang']);
  });

  it('catches a predicate level that no band gives', () => {
    const yaml = `${HEADER}groups:
  hasil:
    label: { id: Hasil, en: Results }
    indicators:
      layanan: { label: { id: Layanan, en: Service }, measure: { kind: value, input: score } }
score: { weights: { hasil: 1 } }
predicate:
  levels:
    - { id: istimewa, label: { id: Istimewa, en: Outstanding } }
    - { id: baik, label: { id: Baik, en: Good } }
    - { id: kurang, label: { id: Kurang, en: Poor } }
  bands:
    - { id: baik, range: "[80, inf)" }
    - { id: kurang, range: "(-inf, 80)" }
`;
    const r = reachability(mustLoad(yaml), { seed: SEED, numRuns: 200 });
    expect(r.ok).toBe(false);
    expect(r.counterexample).toEqual({ unreached: ['predicate:istimewa'] });
  });
});

const LEVELS3 = `    - { id: sangat-baik, label: { id: Sangat Baik, en: Very good } }
    - { id: baik, label: { id: Baik, en: Good } }
    - { id: kurang, label: { id: Kurang, en: Poor } }`;

const predicate = (bands: string, gaps = '') => `${HEADER}facts:
  innovation: { type: boolean, default: false }
groups:
  hasil:
    label: { id: Hasil, en: Results }
    indicators:
      layanan: { label: { id: Layanan, en: Service }, measure: { kind: value, input: score } }
score: { weights: { hasil: 1 } }
predicate:
  levels:
${LEVELS3}
  bands:
${bands}
${gaps}`;

describe('boundaries', () => {
  it('passes bands whose bounds land where their brackets say, `requires` included', () => {
    const bands = `    - { id: sangat-baik, range: "[91, inf)", requires: { fact: facts, path: $.innovation, operator: equal, value: true }, otherwise: baik }
    - { id: baik, range: "[76, 91)" }
    - { id: kurang, range: "(-inf, 76)" }`;
    const r = boundaries(mustLoad(predicate(bands)));
    expect(r.ok, formatLawResult(r)).toBe(true);
    expect(r.runs).toBe(4);
  });

  it('passes integer bands with gaps closed by rounding', () => {
    const bands = `    - { id: sangat-baik, range: "[91, inf)" }
    - { id: baik, range: "[76, 90]" }
    - { id: kurang, range: "(-inf, 75]" }`;
    const r = boundaries(
      mustLoad(predicate(bands, '  gaps: { policy: round, round: { decimals: 0, mode: half-up } }')),
    );
    expect(r.ok, formatLawResult(r)).toBe(true);
  });

  it('catches a bound excluded on both sides that a gap policy sends into one of them', () => {
    const bands = `    - { id: sangat-baik, range: "(91, inf)" }
    - { id: baik, range: "[76, 91)" }
    - { id: kurang, range: "(-inf, 76)" }`;
    const r = boundaries(mustLoad(predicate(bands, '  gaps: { policy: upper }')));
    expect(r.ok).toBe(false);
    expect(r.message).toBe(
      '/predicate/bands: 91 (a bound of sangat-baik (91, inf)) lands in sangat-baik by the gap policy upper; expected outside sangat-baik',
    );
    expect(r.counterexample).toEqual([
      {
        bands: '/predicate/bands',
        score: 91,
        band: 'sangat-baik',
        range: '(91, inf)',
        landed: 'sangat-baik',
        expected: 'outside sangat-baik',
        gap: 'upper',
      },
    ]);
  });

  it('catches the same mistake in a group rating', () => {
    const ratings = `ratings:
  - { id: di-atas, label: { id: Di atas, en: Above } }
  - { id: di-bawah, label: { id: Di bawah, en: Below } }`;
    const rating = `    rating:
      from: score
      gaps: { policy: lower }
      bands:
        - { id: di-atas, range: "(100, inf)" }
        - { id: di-bawah, range: "(-inf, 100)" }
score: { weights: { hasil: 1 } }`;
    const yaml = oneIndicator(ratio(), GOOD_FROM_80, ratings).replace(
      'score: { weights: { hasil: 1 } }',
      rating,
    );
    const r = boundaries(mustLoad(yaml));
    expect(r.ok).toBe(false);
    expect(r.message).toBe(
      '/groups/hasil/rating/bands: 100 (a bound of di-bawah (-inf, 100)) lands in di-bawah by the gap policy lower; expected outside di-bawah',
    );
  });
});
