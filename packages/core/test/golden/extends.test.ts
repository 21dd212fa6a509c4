/**
 * `extends` + `overrides` (RFC 7396 merge patch), and the PP 30/2019 weighted score 0.7 × SKP + 0.3 × perilaku
 * (§2.1) landing exactly on a band boundary.
 */
import { describe, expect, it } from 'vitest';
import type { RubricResolver } from '../../src/index.js';
import { appraisal, expectComplete, indicator, load } from './helpers.js';

const base = `
kinerja: 1
id: base-pp30
version: 1.0.0
label: { id: Dasar, en: Base }
groups:
  hasil:
    label: { id: Hasil kerja, en: Work results }
    indicators:
      a: { label: { id: A, en: A }, weight: 0.5, measure: { kind: value, input: x } }
      b: { label: { id: B, en: B }, weight: 0.5, measure: { kind: value, input: x } }
score:
  weights: { hasil: 1 }
predicate:
  levels:
    - { id: baik, label: { id: Baik, en: Good } }
    - { id: cukup, label: { id: Cukup, en: Fair } }
  bands:
    - { id: baik, range: "[89, inf)" }
    - { id: cukup, range: "(-inf, 89)" }
outcomes:
  award:
    label: { id: Penghargaan, en: Award }
    kind: award
    when: { fact: predicate, operator: equal, value: baik }
    event: { type: penghargaan }
  coaching:
    label: { id: Pembinaan, en: Coaching }
    kind: coaching
    when: { fact: predicate, operator: equal, value: cukup }
    event: { type: pembinaan }
`;

const child = `
kinerja: 1
id: child-agency
version: 2.0.0
label: { id: Turunan, en: Child }
extends: base-pp30
overrides:
  groups:
    hasil:
      indicators:
        a: { weight: 0.3 }
        c: { label: { id: C, en: C }, weight: 0.2, measure: { kind: value, input: x } }
  outcomes:
    coaching: null
`;

const resolve: RubricResolver = (ref) =>
  ref === 'base-pp30' ? { text: base, source: 'base.yaml' } : undefined;

describe('extends with overrides', () => {
  const parent = load(base);
  const derived = load(child, resolve);

  it('the base: 0.5 × 100 + 0.5 × 80 = 90 → baik ([89, inf))', () => {
    const e = parent.evaluate(appraisal({ inputs: { a: { x: 100 }, b: { x: 80 } } }));
    expectComplete(e);
    expect(e.score).toBe(90);
    expect(e.predicate?.id).toBe('baik');
    expect(Object.keys(e.outcomes).sort()).toEqual(['award', 'coaching']);
  });

  it('the child: a’s weight 0.5 → 0.3, c added at 0.2: 0.3 × 100 + 0.5 × 80 + 0.2 × 90 = 30 + 40 + 18 = 88 → cukup', () => {
    const e = derived.evaluate(appraisal({ inputs: { a: { x: 100 }, b: { x: 80 }, c: { x: 90 } } }));
    expectComplete(e);
    expect(indicator(e, 'hasil', 'a').weight).toBe(0.3);
    expect(indicator(e, 'hasil', 'b').weight).toBe(0.5);
    expect(indicator(e, 'hasil', 'c').weight).toBe(0.2);
    expect(indicator(e, 'hasil', 'a').contribution).toBe(30); // 100 × 0.3 / 1
    expect(indicator(e, 'hasil', 'c').contribution).toBe(18); // 90 × 0.2 / 1
    expect(e.score).toBe(88);
    expect(e.predicate?.id).toBe('cukup');
  });

  it('the child removed coaching with null: only award remains (and is not met for cukup)', () => {
    const e = derived.evaluate(appraisal({ inputs: { a: { x: 100 }, b: { x: 80 }, c: { x: 90 } } }));
    expect(Object.keys(e.outcomes)).toEqual(['award']);
    expect(e.outcomes.award?.met).toBe(false);
    expect(derived.rubric.outcomes && Object.hasOwn(derived.rubric.outcomes, 'coaching')).toBe(false);
  });

  it('the child keeps its own metadata and its fingerprint differs from the base', () => {
    expect(derived.id).toBe('child-agency');
    expect(derived.version).toBe('2.0.0');
    expect(derived.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(derived.fingerprint).not.toBe(parent.fingerprint);
    const e = derived.evaluate(appraisal({ inputs: { a: { x: 100 }, b: { x: 80 }, c: { x: 90 } } }));
    expect(e.rubric).toEqual({ id: 'child-agency', version: '2.0.0', fingerprint: derived.fingerprint });
  });

  it('the child without a resolver fails with extends-not-found', () => {
    expect(() => load(child)).toThrow(/extends-not-found/);
  });
});

describe('PP 30/2019 weighted score: 0.7 × 96 + 0.3 × 76 = 67.2 + 22.8 = 90 exactly', () => {
  // In doubles 0.7 * 96 + 0.3 * 76 = 89.99999999999999, which would fall into Cukup [70, 90).
  const rubric = load(`
kinerja: 1
id: pp30-weights
version: 1.0.0
label: { id: PP 30/2019, en: PP 30/2019 }
groups:
  skp:
    label: { id: SKP, en: Work targets }
    indicators:
      skp: { label: { id: Nilai SKP, en: SKP score }, measure: { kind: value, input: x } }
  perilaku:
    label: { id: Perilaku, en: Behaviour }
    indicators:
      perilaku: { label: { id: Nilai perilaku, en: Behaviour score }, measure: { kind: value, input: x } }
score:
  weights: { skp: 0.7, perilaku: 0.3 }
predicate:
  levels:
    - { id: sangat-baik, label: { id: Sangat Baik, en: Very good } }
    - { id: baik, label: { id: Baik, en: Good } }
    - { id: cukup, label: { id: Cukup, en: Fair } }
    - { id: kurang, label: { id: Kurang, en: Poor } }
    - { id: sangat-kurang, label: { id: Sangat Kurang, en: Very poor } }
  bands:
    - { id: sangat-baik, range: "[110, inf)" }
    - { id: baik, range: "[90, 110)" }
    - { id: cukup, range: "[70, 90)" }
    - { id: kurang, range: "[50, 70)" }
    - { id: sangat-kurang, range: "(-inf, 50)" }
`);

  it('score is 90 (not 89.99999999999999) and lands in baik [90, 110)', () => {
    expect(0.7 * 96 + 0.3 * 76).not.toBe(90); // the trap this guards against
    const e = rubric.evaluate(appraisal({ inputs: { skp: { x: 96 }, perilaku: { x: 76 } } }));
    expectComplete(e);
    expect(e.score).toBe(90);
    expect(e.predicate?.id).toBe('baik');
    expect(e.predicateTrace?.band?.range).toBe('[90, 110)');
  });

  it('one hundredth less (0.7 × 96 + 0.3 × 75.97 = 67.2 + 22.791 = 89.991) → cukup', () => {
    const e = rubric.evaluate(appraisal({ inputs: { skp: { x: 96 }, perilaku: { x: 75.97 } } }));
    expectComplete(e);
    expect(e.score).toBe(89.991);
    expect(e.predicate?.id).toBe('cukup');
  });
});
