/**
 * Golden values for every measure kind, computed by hand from the regulations (docs: domain/regulations.md
 * §1.2, §1.3, §4.2). Each expected number carries its arithmetic; none was copied from the engine.
 */
import { describe, expect, it } from 'vitest';
import {
  appraisal,
  codes,
  expectComplete,
  indicator,
  load,
  measureOnce,
  singleMeasureRubric,
} from './helpers.js';

const score = (measure: string, record: Record<string, unknown>): number | undefined => {
  const e = measureOnce(measure, record);
  expectComplete(e);
  return indicator(e, 'g', 'x').score;
};

describe('ratio (kuantitas/kualitas: R / T × 100, Perka BKN 1/2013)', () => {
  it('on target: 10 / 10 × 100 = 100', () => {
    expect(score('{ kind: ratio, target: t, realisation: r }', { t: 10, r: 10 })).toBe(100);
  });

  it('quality 90 of 100: 90 / 100 × 100 = 90', () => {
    expect(score('{ kind: ratio, target: t, realisation: r }', { t: 100, r: 90 })).toBe(90);
  });

  it('over-achievement is not capped by default: 25 / 10 × 100 = 250', () => {
    expect(score('{ kind: ratio, target: t, realisation: r }', { t: 10, r: 25 })).toBe(250);
  });

  it('clamp {max: 120} caps it: min(250, 120) = 120, and the trace says the cap applied', () => {
    const e = measureOnce('{ kind: ratio, target: t, realisation: r, clamp: { max: 120 } }', {
      t: 10,
      r: 25,
    });
    expectComplete(e);
    const x = indicator(e, 'g', 'x');
    expect(x.score).toBe(120);
    expect(x.measure?.clamped).toBe('max');
    expect(x.measure?.unrounded).toBe(250); // 25 / 10 × 100
  });

  it('no float noise: 0.3 / 0.1 × 100 = 300 exactly (doubles give 299.99999999999994)', () => {
    expect(score('{ kind: ratio, target: t, realisation: r }', { t: 0.1, r: 0.3 })).toBe(300);
  });

  it('a zero target is a division-by-zero diagnostic, never Infinity or 0', () => {
    const e = measureOnce('{ kind: ratio, target: t, realisation: r }', { t: 0, r: 5 });
    expect(e.status).toBe('invalid');
    expect(codes(e)).toContain('division-by-zero');
    expect(indicator(e, 'g', 'x').score).toBeUndefined();
  });
});

describe('inverse-ratio ((2 − R/T) × 100, PermenPAN-RB 8/2021 kondisi khusus)', () => {
  it('target 8 months, realised 6.5: (2 − 6.5/8) × 100 = (2 − 0.8125) × 100 = 118.75', () => {
    expect(score('{ kind: inverse-ratio, target: t, realisation: r }', { t: 8, r: 6.5 })).toBe(118.75);
  });

  it('on target: (2 − 8/8) × 100 = 100', () => {
    expect(score('{ kind: inverse-ratio, target: t, realisation: r }', { t: 8, r: 8 })).toBe(100);
  });

  it('worse than target: (2 − 10/8) × 100 = 0.75 × 100 = 75', () => {
    expect(score('{ kind: inverse-ratio, target: t, realisation: r }', { t: 8, r: 10 })).toBe(75);
  });
});

describe('efficiency (waktu/biaya, Perka BKN 1/2013: e = 1 − R/T; e ≤ 0.24 → 76 + 100e; e > 0.24 → 100 − 100e)', () => {
  const eff = '{ kind: efficiency, target: t, realisation: r }';

  it('on time (RW = TW = 12): e = 0 → (1.76·12 − 12)/12 × 100 = 76', () => {
    expect(score(eff, { t: 12, r: 12 })).toBe(76);
  });

  it('the 24% edge (TW 12, RW 9.12): e = 1 − 0.76 = 0.24 exactly → ≤ branch → (21.12 − 9.12)/12 × 100 = 100', () => {
    // In doubles 100 − 9.12/12×100 = 24.000000000000014 and naive code takes the > branch (76).
    const e = measureOnce(eff, { t: 12, r: 9.12 });
    expectComplete(e);
    const x = indicator(e, 'g', 'x');
    expect(x.score).toBe(100);
    expect(x.measure?.branch).toMatch(/≤/);
  });

  it('just past the edge (RW 9.11): e = 2.89/12 = 0.240833… > 0.24 → 100 − 24.0833… = 911/12 = 75.91666…', () => {
    const e = measureOnce(eff, { t: 12, r: 9.11 });
    expectComplete(e);
    const x = indicator(e, 'g', 'x');
    // (1200 − 289) / 12 = 911/12; the nearest double of 911/12 is what 911 / 12 gives in JS.
    expect(x.score).toBe(911 / 12);
    expect(x.measure?.branch).toMatch(/>/);
  });

  it('late (TW 12, RW 14): (1.76·12 − 14)/12 × 100 = 7.12/12 × 100 = 178/3 = 59.3333…', () => {
    expect(score(eff, { t: 12, r: 14 })).toBe(178 / 3);
  });

  it('late, rounded half-up to 2 dp: 59.3333… → 59.33', () => {
    expect(
      score('{ kind: efficiency, target: t, realisation: r, round: { decimals: 2, mode: half-up } }', {
        t: 12,
        r: 14,
      }),
    ).toBe(59.33);
  });

  it('early beyond 24% (TW 12, RW 6): e = 0.5 → 100 − 50 = 50', () => {
    expect(score(eff, { t: 12, r: 6 })).toBe(50);
  });

  it('activity not done (RW 0): score 0 (Perka: “… × 0 × 100”)', () => {
    const e = measureOnce(eff, { t: 12, r: 0 });
    expectComplete(e);
    expect(indicator(e, 'g', 'x').score).toBe(0);
  });

  it('cost with custom factor/threshold keeps the closed form: factor 1.76, threshold 0.24 written out = default', () => {
    expect(
      score('{ kind: efficiency, target: t, realisation: r, factor: 1.76, threshold: 0.24 }', {
        t: 12,
        r: 9.12,
      }),
    ).toBe(100);
  });
});

describe('efficiency: a target with no cost drops out, so the per-target mean divides by 3 (§1.2)', () => {
  const rubric = `
kinerja: 1
id: skp-pp46
version: 1.0.0
label: { id: SKP, en: SKP }
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
    round: { decimals: 2, mode: half-up }
score:
  weights: { skp: 1 }
predicate:
  levels:
    - { id: ada, label: { id: Ada, en: Present } }
    - { id: tidak-ada, label: { id: Tidak ada, en: Absent } }
  bands:
    - { id: ada, range: "(-inf, inf)" }
`;

  it('quantity 10/10 → 100, quality 90/100 → 90, time 9.12/12 → 100, cost 0/0 dropped: (100 + 90 + 100)/3 = 96.67', () => {
    const e = load(rubric).evaluate(
      appraisal({
        targets: {
          skp: [
            {
              id: 't1',
              quantityTarget: 10,
              quantity: 10,
              qualityTarget: 100,
              quality: 90,
              timeTarget: 12,
              time: 9.12,
              costTarget: 0,
              cost: 0,
            },
          ],
        },
      }),
    );
    expectComplete(e);
    const item = e.groups.skp?.items?.[0];
    expect(item?.score).toBe(290 / 3); // 96.666…, unrounded at the item
    expect(item?.measure?.parts?.[3]?.dropped).toBe(true);
    expect(e.groups.skp?.score).toBe(96.67); // 290/3 = 96.666… → half-up 2 dp
  });

  it('with a cost target the mean divides by 4: cost 900/1000 → e = 0.1 → 86; (100 + 90 + 100 + 86)/4 = 94', () => {
    const e = load(rubric).evaluate(
      appraisal({
        targets: {
          skp: [
            {
              id: 't1',
              quantityTarget: 10,
              quantity: 10,
              qualityTarget: 100,
              quality: 90,
              timeTarget: 12,
              time: 9.12,
              costTarget: 1000,
              cost: 900,
            },
          ],
        },
      }),
    );
    expectComplete(e);
    expect(e.groups.skp?.score).toBe(94); // 376 / 4
  });

  it('cost fields absent altogether with optional: true also drop: mean of 3 = 96.67', () => {
    const e = load(rubric).evaluate(
      appraisal({
        targets: {
          skp: [
            {
              id: 't1',
              quantityTarget: 10,
              quantity: 10,
              qualityTarget: 100,
              quality: 90,
              timeTarget: 12,
              time: 9.12,
            },
          ],
        },
      }),
    );
    expectComplete(e);
    expect(e.groups.skp?.score).toBe(96.67);
  });
});

describe('efficiency dropWhen variants (mean with a constant 50, so a drop shows as 50 and a 0 as 25)', () => {
  const m = (dropWhen?: string) =>
    `{ kind: mean, of: [ { kind: constant, value: 50 }, { kind: efficiency, target: t, realisation: r${
      dropWhen ? `, dropWhen: ${dropWhen}` : ''
    } } ] }`;
  const run = (dropWhen: string | undefined, t: number, r: number) => measureOnce(m(dropWhen), { t, r });

  it('default (target-zero): T 0, R 5 → dropped → 50/1 = 50', () => {
    const e = run(undefined, 0, 5);
    expectComplete(e);
    expect(indicator(e, 'g', 'x').score).toBe(50);
  });

  it('target-zero: T 0, R 0 → dropped → 50; T 10, R 0 → not done 0 → (50 + 0)/2 = 25', () => {
    const a = run('target-zero', 0, 0);
    expectComplete(a);
    expect(indicator(a, 'g', 'x').score).toBe(50);
    const b = run('target-zero', 10, 0);
    expectComplete(b);
    expect(indicator(b, 'g', 'x').score).toBe(25);
  });

  it('realisation-zero: T 10, R 0 → dropped → 50; T 0, R 5 → division-by-zero', () => {
    const a = run('realisation-zero', 10, 0);
    expectComplete(a);
    expect(indicator(a, 'g', 'x').score).toBe(50);
    const b = run('realisation-zero', 0, 5);
    expect(b.status).toBe('invalid');
    expect(codes(b)).toContain('division-by-zero');
  });

  it('both-zero: T 0, R 0 → dropped → 50; T 10, R 0 → 25; T 0, R 5 → division-by-zero', () => {
    const a = run('both-zero', 0, 0);
    expectComplete(a);
    expect(indicator(a, 'g', 'x').score).toBe(50);
    const b = run('both-zero', 10, 0);
    expectComplete(b);
    expect(indicator(b, 'g', 'x').score).toBe(25);
    const c = run('both-zero', 0, 5);
    expect(c.status).toBe('invalid');
    expect(codes(c)).toContain('division-by-zero');
  });

  it('never: T 0, R 0 → division-by-zero; T 10, R 0 → 25', () => {
    const a = run('never', 0, 0);
    expect(a.status).toBe('invalid');
    expect(codes(a)).toContain('division-by-zero');
    const b = run('never', 10, 0);
    expectComplete(b);
    expect(indicator(b, 'g', 'x').score).toBe(25);
  });
});

describe('scale (label → score, case and space insensitive)', () => {
  const m = '{ kind: scale, input: rating, map: { "Sangat Baik": 120, "Baik": 100, "Butuh Perbaikan": 80 } }';

  it.each([
    ['Sangat Baik', 120],
    ['  SANGAT   baik ', 120],
    ['baik', 100],
    ['butuh-perbaikan', 80],
    ['Butuh_Perbaikan', 80],
  ])('%j → %d', (label, expected) => {
    expect(score(m, { rating: label })).toBe(expected);
  });

  it('an unknown label is an unknown-rating diagnostic, never 0', () => {
    const e = measureOnce(m, { rating: 'Istimewa' });
    expect(e.status).toBe('invalid');
    expect(codes(e)).toContain('unknown-rating');
  });
});

describe('lookup (tugas tambahan: 0 → 0, 1–3 → 1, 4–6 → 2, ≥ 7 → 3; §1.3)', () => {
  const m = [
    '{ kind: lookup, input: count, table: [',
    '{ range: "[0, 0]", value: 0 }, { range: "[1, 3]", value: 1 },',
    '{ range: "[4, 6]", value: 2 }, { range: "[7, inf)", value: 3 } ] }',
  ].join(' ');

  it.each([
    [0, 0],
    [1, 1],
    [3, 1], // exact upper bound of 1–3
    [4, 2], // exact lower bound of 4–6
    [6, 2],
    [7, 3],
    [12, 3],
  ])('%d tasks → %d point(s)', (count, expected) => {
    expect(score(m, { count })).toBe(expected);
  });

  it('a value in no row (3.5) is an invalid-input diagnostic', () => {
    const e = measureOnce(m, { count: 3.5 });
    expect(e.status).toBe('invalid');
    expect(codes(e)).toContain('invalid-input');
  });
});

describe('piecewise (straight lines between points, flat beyond)', () => {
  const m = '{ kind: piecewise, input: x, points: [[0, 0], [50, 60], [100, 100]] }';

  it.each([
    [-10, 0], // flat below the first point
    [0, 0],
    [12.5, 15], // 0 + (60 − 0) × 12.5/50 = 15
    [25, 30], // 60 × 25/50 = 30
    [50, 60], // exactly on a point
    [75, 80], // 60 + (100 − 60) × 25/50 = 60 + 20 = 80
    [100, 100],
    [150, 100], // flat beyond the last point
  ])('x = %d → %d', (x, expected) => {
    expect(score(m, { x })).toBe(expected);
  });

  it('exact between decimal points: [[0.1, 0], [0.3, 100]] at 0.2 → 100 × 0.1/0.2 = 50 (doubles: 50.00000000000001)', () => {
    expect(score('{ kind: piecewise, input: x, points: [[0.1, 0], [0.3, 100]] }', { x: 0.2 })).toBe(50);
  });
});

describe('mean / sum / min / max / product over a = 7, b = 2.5 and a constant 0.5', () => {
  const parts = '[ { kind: value, input: a }, { kind: value, input: b }, { kind: constant, value: 0.5 } ]';
  const rec = { a: 7, b: 2.5 };

  it('mean = (7 + 2.5 + 0.5)/3 = 10/3', () => {
    expect(score(`{ kind: mean, of: ${parts} }`, rec)).toBe(10 / 3);
  });
  it('sum = 7 + 2.5 + 0.5 = 10', () => {
    expect(score(`{ kind: sum, of: ${parts} }`, rec)).toBe(10);
  });
  it('min = 0.5', () => {
    expect(score(`{ kind: min, of: ${parts} }`, rec)).toBe(0.5);
  });
  it('max = 7', () => {
    expect(score(`{ kind: max, of: ${parts} }`, rec)).toBe(7);
  });
  it('product = 7 × 2.5 × 0.5 = 8.75', () => {
    expect(score(`{ kind: product, of: ${parts} }`, rec)).toBe(8.75);
  });
  it('sum of 0.1 and 0.2 is exactly 0.3 (doubles: 0.30000000000000004)', () => {
    expect(
      score('{ kind: sum, of: [ { kind: value, input: a }, { kind: value, input: b } ] }', {
        a: 0.1,
        b: 0.2,
      }),
    ).toBe(0.3);
  });
  it('an optional part with no input drops out of the mean: (7 + 0.5)/2 = 3.75', () => {
    expect(
      score(
        '{ kind: mean, of: [ { kind: value, input: a }, { kind: value, input: b, optional: true }, { kind: constant, value: 0.5 } ] }',
        { a: 7 },
      ),
    ).toBe(3.75);
  });
});

describe('raters', () => {
  const rubric = (roles: string, whenShort = '') => `
kinerja: 1
id: raters-test
version: 1.0.0
label: { id: Penilai, en: Raters }
groups:
  perilaku:
    label: { id: Perilaku, en: Behaviour }
    indicators:
      integritas:
        label: { id: Integritas, en: Integrity }
        measure: { kind: raters, roles: ${roles}${whenShort ? `, whenShort: ${whenShort}` : ''} }
score:
  weights: { perilaku: 1 }
predicate:
  levels:
    - { id: ada, label: { id: Ada, en: Present } }
    - { id: tidak-ada, label: { id: Tidak ada, en: Absent } }
  bands:
    - { id: ada, range: "(-inf, inf)" }
`;
  const ratings = (list: Array<[string, string, number]>) =>
    list.map(([rater, role, value]) => ({ rater, role, indicator: 'integritas', value }));
  const run = (roles: string, list: Array<[string, string, number]>, whenShort = '') =>
    load(rubric(roles, whenShort)).evaluate(appraisal({ ratings: ratings(list) }));

  it('mean of one role: (80 + 90 + 100)/3 = 90', () => {
    const e = run('{ supervisor: { weight: 1 } }', [
      ['a', 'supervisor', 80],
      ['b', 'supervisor', 90],
      ['c', 'supervisor', 100],
    ]);
    expectComplete(e);
    expect(indicator(e, 'perilaku', 'integritas').score).toBe(90);
  });

  it('median of an even count: 70, 80, 90, 100 → (80 + 90)/2 = 85', () => {
    const e = run('{ peer: { weight: 1, combine: median } }', [
      ['p1', 'peer', 100],
      ['p2', 'peer', 70],
      ['p3', 'peer', 90],
      ['p4', 'peer', 80],
    ]);
    expectComplete(e);
    expect(indicator(e, 'perilaku', 'integritas').score).toBe(85);
  });

  it('trimmed mean 0.2 of 5 values: floor(5 × 0.2) = 1 cut from each end of 10, 60, 70, 80, 100 → (60 + 70 + 80)/3 = 70', () => {
    const e = run('{ peer: { weight: 1, combine: trimmed-mean, trim: 0.2 } }', [
      ['p1', 'peer', 80],
      ['p2', 'peer', 10],
      ['p3', 'peer', 100],
      ['p4', 'peer', 60],
      ['p5', 'peer', 70],
    ]);
    expectComplete(e);
    expect(indicator(e, 'perilaku', 'integritas').score).toBe(70);
  });

  const threeRoles = '{ supervisor: { weight: 0.5 }, peer: { weight: 0.3 }, subordinate: { weight: 0.2 } }';

  it('role weights 0.5/0.3/0.2: 0.5 × 90 + 0.3 × (80 + 70)/2 + 0.2 × 60 = 45 + 22.5 + 12 = 79.5', () => {
    const e = run(threeRoles, [
      ['s', 'supervisor', 90],
      ['p1', 'peer', 80],
      ['p2', 'peer', 70],
      ['b1', 'subordinate', 60],
    ]);
    expectComplete(e);
    expect(indicator(e, 'perilaku', 'integritas').score).toBe(79.5);
  });

  it('a short role with whenShort renormalise: (0.5 × 90 + 0.3 × 75)/0.8 = 67.5/0.8 = 84.375', () => {
    const e = run(
      threeRoles,
      [
        ['s', 'supervisor', 90],
        ['p1', 'peer', 80],
        ['p2', 'peer', 70],
      ],
      'renormalise',
    );
    expectComplete(e);
    expect(indicator(e, 'perilaku', 'integritas').score).toBe(84.375);
    expect(codes(e)).toContain('role-short');
  });

  it('a short role with whenShort pending: status pending, pending names the role, no predicate', () => {
    const e = run(
      threeRoles,
      [
        ['s', 'supervisor', 90],
        ['p1', 'peer', 80],
        ['p2', 'peer', 70],
      ],
      'pending',
    );
    expect(e.status).toBe('pending');
    expect(e.pending?.some((p) => p.includes('subordinate'))).toBe(true);
    expect(e.predicate).toBeUndefined();
    expect(indicator(e, 'perilaku', 'integritas').status).toBe('pending');
  });

  it('pending is the default whenShort', () => {
    const e = run(threeRoles, [
      ['s', 'supervisor', 90],
      ['p1', 'peer', 80],
    ]);
    expect(e.status).toBe('pending');
    expect(e.pending?.some((p) => p.includes('subordinate'))).toBe(true);
  });
});

describe('a group whose every part drops out', () => {
  const rubric = load(singleMeasureRubric('{ kind: value, input: v, optional: true }'));

  it('the indicator is dropped and the verdict is not complete', () => {
    const e = rubric.evaluate(appraisal({ inputs: { x: {} } }));
    expect(indicator(e, 'g', 'x').status).toBe('dropped');
    expect(e.status).toBe('invalid');
    expect(e.predicate).toBeUndefined();
  });

  // CORE BUG (compile/compileGroup.ts score() returns status 'dropped' without a diagnostic; compileScore and
  // compilePredicate then return undefined silently): the evaluation is 'invalid' with an EMPTY diagnostics
  // list, so nobody can tell why there is no verdict. Architecture §3: data problems are diagnostics pointing
  // into the appraisal; Evaluation.status documents invalid as "see diagnostics".
  it('an invalid verdict always carries at least one error diagnostic saying why', () => {
    const e = rubric.evaluate(appraisal({ inputs: { x: {} } }));
    expect(e.status).toBe('invalid');
    expect(e.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });
});
