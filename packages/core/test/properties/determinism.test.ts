/**
 * Laws: same rubric + same data = byte-identical output (architecture §6), and the order in which a rubric
 * lists its indicators changes neither the result nor the fingerprint.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import {
  appraisalWith,
  indicatorSpecs,
  inputsOf,
  micro,
  microNumber,
  mustLoad,
  RUNS,
  rubricObject,
} from './arbitraries.js';

/** A PP 46/2011-style rubric exercising items, dropped aspects, additions, raters, rounding and outcomes. */
const PP46 = `
kinerja: 1
id: determinism-pp46
version: 1.0.0
label: { id: Uji determinisme, en: Determinism }
facts:
  innovation: { type: boolean, default: false }
ratings:
  - { id: di-atas, label: { id: Di atas ekspektasi, en: Above expectation } }
  - { id: sesuai, label: { id: Sesuai ekspektasi, en: Meets expectation } }
  - { id: di-bawah, label: { id: Di bawah ekspektasi, en: Below expectation } }
groups:
  skp:
    label: { id: SKP, en: Work targets }
    items:
      measure:
        kind: mean
        of:
          - { kind: ratio, target: quantityTarget, realisation: quantity }
          - { kind: ratio, target: qualityTarget, realisation: quality }
          - { kind: efficiency, target: timeTarget, realisation: time }
          - { kind: efficiency, target: costTarget, realisation: cost, optional: true }
      rating:
        bands:
          - { id: di-atas, range: "(100, inf)" }
          - { id: sesuai, range: "[76, 100]" }
          - { id: di-bawah, range: "(-inf, 76)" }
    additions:
      tugas-tambahan:
        label: { id: Tugas tambahan, en: Additional duties }
        measure: { kind: lookup, input: count, table: [ { range: "[0, 0]", value: 0 }, { range: "[1, 3]", value: 1 }, { range: "[4, 6]", value: 2 }, { range: "[7, inf)", value: 3 } ] }
    round: { decimals: 2, mode: half-up }
  perilaku:
    label: { id: Perilaku, en: Behaviour }
    indicators:
      integritas:
        label: { id: Integritas, en: Integrity }
        measure: { kind: raters, roles: { supervisor: { weight: 0.6 }, peer: { weight: 0.4, combine: median } }, whenShort: renormalise }
      disiplin: { label: { id: Disiplin, en: Discipline }, measure: { kind: value, input: score } }
    round: { decimals: 2, mode: half-even }
score:
  weights: { skp: 0.6, perilaku: 0.4 }
  round: { decimals: 2, mode: half-up }
predicate:
  levels:
    - { id: sangat-baik, label: { id: Sangat Baik, en: Very good } }
    - { id: baik, label: { id: Baik, en: Good } }
    - { id: cukup, label: { id: Cukup, en: Fair } }
    - { id: kurang, label: { id: Kurang, en: Poor } }
    - { id: buruk, label: { id: Buruk, en: Bad } }
  bands:
    - { id: sangat-baik, range: "[91, inf)", requires: { fact: facts, path: $.innovation, operator: equal, value: true }, otherwise: baik }
    - { id: baik, range: "[76, 90]" }
    - { id: cukup, range: "[61, 75]" }
    - { id: kurang, range: "[51, 60]" }
    - { id: buruk, range: "(-inf, 50]" }
  gaps: { policy: round, round: { decimals: 0, mode: half-up } }
outcomes:
  coaching:
    label: { id: Pembinaan, en: Coaching }
    kind: coaching
    when: { fact: predicate, operator: in, value: [kurang, buruk] }
    event: { type: pembinaan }
`;

const amount = (min: number, max: number) => micro(min, max).map(microNumber);

const target = fc.record({
  id: fc.stringMatching(/^t[0-9]{1,3}$/),
  quantityTarget: amount(1, 100),
  quantity: amount(0, 150),
  qualityTarget: fc.constant(100),
  quality: amount(0, 100),
  timeTarget: amount(1, 12),
  time: amount(0, 18),
  costTarget: fc.oneof(fc.constant(0), amount(1, 1e6)),
  cost: amount(0, 1.5e6),
});

const pp46Appraisal = fc
  .record({
    targets: fc.array(target, { minLength: 1, maxLength: 5 }),
    count: fc.integer({ min: 0, max: 10 }),
    disiplin: amount(0, 100),
    supervisor: fc.option(amount(0, 100), { nil: undefined }),
    peers: fc.array(amount(0, 100), { maxLength: 4 }),
    innovation: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map((g) =>
    appraisalWith({
      targets: { skp: g.targets },
      inputs: { 'tugas-tambahan': { count: g.count }, disiplin: { score: g.disiplin } },
      ratings: [
        ...(g.supervisor === undefined
          ? []
          : [{ rater: 'atasan', role: 'supervisor', indicator: 'integritas', value: g.supervisor }]),
        ...g.peers.map((value, i) => ({ rater: `rekan-${i}`, role: 'peer', indicator: 'integritas', value })),
      ],
      ...(g.innovation === undefined ? {} : { facts: { innovation: g.innovation } }),
    }),
  );

describe('determinism', () => {
  const once = mustLoad(PP46);
  const twice = mustLoad(PP46);

  it('two compilations of the same rubric have the same fingerprint and rubric document', () => {
    expect(twice.fingerprint).toBe(once.fingerprint);
    expect(JSON.stringify(twice.rubric)).toBe(JSON.stringify(once.rubric));
  });

  it('the same appraisal evaluated twice, and by a second compilation, gives byte-identical JSON', () => {
    fc.assert(
      fc.property(pp46Appraisal, (a) => {
        const before = JSON.stringify(a);
        const first = JSON.stringify(once.evaluate(a));
        const second = JSON.stringify(once.evaluate(a));
        const third = JSON.stringify(twice.evaluate(structuredClone(a)));
        expect(second).toBe(first);
        expect(third).toBe(first);
        expect(JSON.stringify(a)).toBe(before); // evaluation does not touch its input
      }),
      RUNS,
    );
  });

  it('the generator reaches complete, pending-free verdicts and several predicates (the law is not vacuous)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(pp46Appraisal, (a) => {
        const e = once.evaluate(a);
        seen.add(`${e.status}:${e.predicate?.id ?? '-'}`);
      }),
      RUNS,
    );
    expect([...seen].filter((s) => s.startsWith('complete:')).length).toBeGreaterThanOrEqual(2);
  });
});

describe('order independence', () => {
  it('permuting the keys of groups.x.indicators in the YAML changes neither the result nor the fingerprint', () => {
    const withPermutation = indicatorSpecs.chain((specs) =>
      fc.tuple(
        fc.constant(specs),
        fc.shuffledSubarray([...specs], { minLength: specs.length, maxLength: specs.length }),
      ),
    );
    fc.assert(
      fc.property(withPermutation, ([specs, permuted]) => {
        const a = mustLoad(stringify(rubricObject(specs)));
        const b = mustLoad(stringify(rubricObject(permuted)));
        expect(b.fingerprint).toBe(a.fingerprint);
        const appraisal = appraisalWith({ inputs: inputsOf(specs) });
        const permutedInputs = appraisalWith({ inputs: inputsOf(permuted) });
        expect(JSON.stringify(b.evaluate(permutedInputs))).toBe(JSON.stringify(a.evaluate(appraisal)));
      }),
      { ...RUNS, numRuns: 100 },
    );
  });
});
