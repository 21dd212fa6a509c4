/** Hand-computed golden cases for the `raters` measure: aggregation, missing roles, conflicts. */
import { describe, expect, it } from 'vitest';
import { codes, expectComplete, integritas, rate, ratersTrace, roleDetail } from './helpers.js';

describe('aggregation within a role', () => {
  it('mean: (70 + 80 + 96) / 3 = 246 / 3 = 82', () => {
    const e = rate('{ kind: raters, roles: { peer: { weight: 1 } } }', [
      ['p1', 'peer', 70],
      ['p2', 'peer', 80],
      ['p3', 'peer', 96],
    ]);
    expectComplete(e);
    expect(integritas(e).score).toBe(82);
  });

  it('median, odd count: 60, 90, 75 → sorted 60, 75, 90 → 75', () => {
    const e = rate('{ kind: raters, roles: { peer: { weight: 1, combine: median } } }', [
      ['p1', 'peer', 60],
      ['p2', 'peer', 90],
      ['p3', 'peer', 75],
    ]);
    expectComplete(e);
    expect(integritas(e).score).toBe(75);
  });

  it('median, even count: 60, 90, 75, 100 → sorted 60, 75, 90, 100 → (75 + 90) / 2 = 82.5', () => {
    const e = rate('{ kind: raters, roles: { peer: { weight: 1, combine: median } } }', [
      ['p1', 'peer', 60],
      ['p2', 'peer', 90],
      ['p3', 'peer', 75],
      ['p4', 'peer', 100],
    ]);
    expectComplete(e);
    expect(integritas(e).score).toBe(82.5);
  });

  it('trimmed mean 0.25 of 8: floor(8 × 0.25) = 2 cut from each end → (60 + 70 + 80 + 90) / 4 = 75', () => {
    const e = rate('{ kind: raters, roles: { peer: { weight: 1, combine: trimmed-mean, trim: 0.25 } } }', [
      ['p1', 'peer', 100],
      ['p2', 'peer', 10],
      ['p3', 'peer', 90],
      ['p4', 'peer', 50],
      ['p5', 'peer', 80],
      ['p6', 'peer', 60],
      ['p7', 'peer', 95],
      ['p8', 'peer', 70],
    ]);
    expectComplete(e);
    expect(integritas(e).score).toBe(75);
  });

  it('roles weigh in: 0.5 × 90 + 0.3 × median(70, 80, 100) + 0.2 × 60 = 45 + 24 + 12 = 81', () => {
    const e = rate(
      '{ kind: raters, roles: { supervisor: { weight: 0.5 }, peer: { weight: 0.3, combine: median }, subordinate: { weight: 0.2 }, self: { weight: 0, show: true } } }',
      [
        ['s', 'supervisor', 90],
        ['p1', 'peer', 100],
        ['p2', 'peer', 70],
        ['p3', 'peer', 80],
        ['b1', 'subordinate', 60],
        ['198501012010011001', 'self', 100],
      ],
    );
    expectComplete(e);
    expect(integritas(e).score).toBe(81);
    // self is shown with weight 0, never counted
    expect(roleDetail(e, 'self')).toMatchObject({ count: 1, combined: 100, counted: false });
    expect(ratersTrace(e).raters?.find((r) => r.role === 'self')).toMatchObject({ raw: 100, inScore: false });
  });
});

describe('a missing role', () => {
  const roles = '{ supervisor: { weight: 0.6 }, peer: { weight: 0.2 }, third-party: { weight: 0.2 } }';
  const ratings = [
    ['s', 'supervisor', 80],
    ['t1', 'third-party', 100],
  ] as const;

  it('renormalise: (0.6 × 80 + 0.2 × 100) / 0.8 = (48 + 20) / 0.8 = 85, with a role-short info', () => {
    const e = rate(`{ kind: raters, roles: ${roles}, whenShort: renormalise }`, ratings);
    expectComplete(e);
    expect(integritas(e).score).toBe(85);
    expect(ratersTrace(e).detail?.renormalised).toBe(0.8);
    const d = e.diagnostics.find((x) => x.code === 'role-short');
    expect(d).toMatchObject({ severity: 'info', received: 0, expected: 1 });
  });

  it('pending: no score, the evaluation waits for the peer (0/1) with a role-short warning', () => {
    const e = rate(`{ kind: raters, roles: ${roles}, whenShort: pending }`, ratings);
    expect(e.status).toBe('pending');
    expect(e.pending).toEqual(['perilaku: integritas: peer (0/1)']);
    expect(integritas(e).status).toBe('pending');
    expect(integritas(e).score).toBeUndefined();
    expect(e.diagnostics.find((x) => x.code === 'role-short')?.severity).toBe('warning');
  });
});

describe('every role short under renormalise', () => {
  it('waits, naming each short role with its counts (supervisor 0/1, peer 1/2), not "(0)"', () => {
    const measure =
      '{ kind: raters, roles: { supervisor: { weight: 0.5 }, peer: { weight: 0.5, min: 2 } }, whenShort: renormalise }';
    const e = rate(measure, [['p1', 'peer', 90]]);
    expect(e.status).toBe('pending');
    expect(e.pending).toEqual(['perilaku: integritas: supervisor (0/1)', 'perilaku: integritas: peer (1/2)']);
  });
});

describe('a declared conflict of interest', () => {
  const measure = '{ kind: raters, roles: { supervisor: { weight: 0.5 }, peer: { weight: 0.5 } } }';

  it('the conflicted peer is left out: 0.5 × 80 + 0.5 × 90 = 85 (with p2 it would be 0.5 × 80 + 0.5 × 75 = 77.5)', () => {
    const ratings = [
      ['s', 'supervisor', 80],
      ['p1', 'peer', 90],
      ['p2', 'peer', 60],
    ] as const;
    const withConflict = rate(measure, ratings, { conflicts: [{ rater: 'p2', kind: 'family' }] });
    expectComplete(withConflict);
    expect(integritas(withConflict).score).toBe(85);
    const d = withConflict.diagnostics.find((x) => x.code === 'rater-excluded');
    expect(d).toMatchObject({ severity: 'info', received: 'p2', pointer: '/ratings/2' });
    expect(ratersTrace(withConflict).raters?.map((r) => r.rater)).toEqual(['s', 'p1']);
    expect(roleDetail(withConflict, 'peer')).toMatchObject({ count: 1, combined: 90 });

    const without = rate(measure, ratings);
    expect(integritas(without).score).toBe(77.5);
  });

  it('a self-rating in a non-self role is refused with self-rating', () => {
    const e = rate(measure, [
      ['s', 'supervisor', 80],
      ['198501012010011001', 'peer', 100],
    ]);
    expect(e.status).toBe('invalid');
    expect(codes(e)).toContain('self-rating');
  });
});
