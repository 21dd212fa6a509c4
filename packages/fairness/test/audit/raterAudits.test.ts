import type { Role } from '@kinerja/core';
import { describe, expect, it } from 'vitest';
import type { RatingObservation } from '../../src/audit/Cohort.js';
import { centralTendency } from '../../src/audit/centralTendency.js';
import { halo } from '../../src/audit/halo.js';
import { interRaterAgreement } from '../../src/audit/interRaterAgreement.js';
import { raterLeniency } from '../../src/audit/raterLeniency.js';
import { supervisorDivergence } from '../../src/audit/supervisorDivergence.js';

/** [ratee, indicator, rater, role, value] → observations. */
const obs = (rows: Array<[string, string, string, Role, number]>): RatingObservation[] =>
  rows.map(([ratee, indicator, rater, role, value], index) => ({
    ratee,
    index,
    group: 'perilaku',
    indicator,
    rater,
    role,
    value,
  }));

describe('rater leniency, by hand', () => {
  // One indicator; A is above B and C on every ratee.
  //   x: A 4, B 3, C 3 → d_A = 4 − 3 = 1;  d_B = 3 − 3.5 = −0.5
  //   y: A 5, B 4, C 4 → d_A = 1;          d_B = −0.5
  //   z: A 4, B 2, C 2 → d_A = 2;          d_B = 2 − 3 = −1
  // A: mean 4/3, sd √(1/3), t(0.975, 2) = 4.3027 → 4/3 ± 1.4342 = [−0.101, 2.768]: not flagged.
  const ratings = obs([
    ['x', 'k', 'A', 'peer', 4],
    ['x', 'k', 'B', 'peer', 3],
    ['x', 'k', 'C', 'peer', 3],
    ['y', 'k', 'A', 'peer', 5],
    ['y', 'k', 'B', 'peer', 4],
    ['y', 'k', 'C', 'peer', 4],
    ['z', 'k', 'A', 'peer', 4],
    ['z', 'k', 'B', 'peer', 2],
    ['z', 'k', 'C', 'peer', 2],
  ]);
  it('estimates each rater against the others on the same people, with a t interval over ratees', () => {
    const audit = raterLeniency(ratings, { margin: 0.1 });
    const a = audit.raters.find((r) => r.rater === 'A');
    expect(audit.raters[0]?.rater).toBe('A');
    expect(a?.interval?.estimate).toBeCloseTo(4 / 3, 12);
    expect(a?.interval?.lower).toBeCloseTo(-0.101, 3);
    expect(a?.interval?.upper).toBeCloseTo(2.768, 3);
    expect(a?.interval?.method).toBe('t (df 2)');
    expect(a?.flag).toBeUndefined();
    expect(audit.raters.find((r) => r.rater === 'B')?.interval?.estimate).toBeCloseTo(-2 / 3, 12);
  });
  it('flags a rater whose interval lies wholly beyond the margin', () => {
    // A always exactly 1 above: zero spread, interval [1, 1].
    const steady = ratings.map((r) => (r.rater === 'A' && r.ratee === 'z' ? { ...r, value: 3 } : r));
    const audit = raterLeniency(steady, { margin: 0.1 });
    expect(audit.raters.find((r) => r.rater === 'A')?.flag).toBe('lenient');
    expect(audit.raters.find((r) => r.rater === 'B')?.flag).toBe('severe');
    expect(raterLeniency(steady, { margin: 1.5 }).raters.find((r) => r.rater === 'A')?.flag).toBeUndefined();
  });
  it('leaves self-ratings out by default; the default margin is 2.5% of the range seen', () => {
    const withSelf = [...ratings, ...obs([['x', 'k', 'x', 'self', 5]])];
    expect(raterLeniency(withSelf).raters.map((r) => r.rater)).not.toContain('x');
    expect(raterLeniency(ratings).margin).toBeCloseTo(0.025 * (5 - 2), 12);
  });
});

describe('supervisor divergence, by hand', () => {
  // Two indicators. S1 rates p, q; S2 rates r, s; peers P1, P2 rate everyone.
  //   p: S1 (5, 4), peers (4,4) and (3,3) → consensus (3.5, 3.5) → gaps (1.5, 0.5) → 1.0
  //   q: S1 (4, 4), peers (3,4),(3,4) → consensus (3, 4) → gaps (1, 0) → 0.5
  //   r: S2 (3, 3), peers (3,3),(3,3) → 0;  s: S2 (2, 4), peers (3,3),(3,3) → (−1, 1) → 0
  // S1: gap 0.75; against the zero baseline: t interval 0.75 ± 12.706 · 0.3536/√2 = [−2.427, 3.927].
  const ratings = obs([
    ['p', 'a', 'S1', 'supervisor', 5],
    ['p', 'b', 'S1', 'supervisor', 4],
    ['p', 'a', 'P1', 'peer', 4],
    ['p', 'b', 'P1', 'peer', 4],
    ['p', 'a', 'P2', 'peer', 3],
    ['p', 'b', 'P2', 'peer', 3],
    ['q', 'a', 'S1', 'supervisor', 4],
    ['q', 'b', 'S1', 'supervisor', 4],
    ['q', 'a', 'P1', 'peer', 3],
    ['q', 'b', 'P1', 'peer', 4],
    ['q', 'a', 'P2', 'peer', 3],
    ['q', 'b', 'P2', 'peer', 4],
    ['r', 'a', 'S2', 'supervisor', 3],
    ['r', 'b', 'S2', 'supervisor', 3],
    ['r', 'a', 'P1', 'peer', 3],
    ['r', 'b', 'P1', 'peer', 3],
    ['r', 'a', 'P2', 'peer', 3],
    ['r', 'b', 'P2', 'peer', 3],
    ['s', 'a', 'S2', 'supervisor', 2],
    ['s', 'b', 'S2', 'supervisor', 4],
    ['s', 'a', 'P1', 'peer', 3],
    ['s', 'b', 'P1', 'peer', 3],
    ['s', 'a', 'P2', 'peer', 3],
    ['s', 'b', 'P2', 'peer', 3],
  ]);
  it('averages supervisor − consensus per ratee, then over ratees, ranked by size', () => {
    const audit = supervisorDivergence(ratings, { baseline: 'zero' });
    expect(audit.supervisors.map((s) => [s.supervisor, s.gap])).toEqual([
      ['S1', 0.75],
      ['S2', 0],
    ]);
    expect(audit.roleGap).toBeCloseTo(0.375, 12);
    const s1 = audit.supervisors[0];
    expect(s1?.interval?.lower).toBeCloseTo(0.75 - 12.706205 * (Math.sqrt(0.125) / Math.sqrt(2)), 4);
  });
  it('against the cohort baseline subtracts the median of the other supervisors’ gaps', () => {
    const audit = supervisorDivergence(ratings);
    const s1 = audit.supervisors.find((s) => s.supervisor === 'S1');
    expect(s1?.baseline).toBe(0);
    expect(audit.supervisors.find((s) => s.supervisor === 'S2')?.baseline).toBe(0.75);
    expect(s1?.interval?.estimate).toBe(0.75);
  });
});

describe('central tendency and halo, by hand', () => {
  // M gives 3 to everyone on everything; O1 and O2 spread 1–5 and vary across indicators.
  const people = ['a', 'b', 'c', 'd', 'e', 'f'];
  const levels = [1, 2, 3, 4, 5, 3];
  const rows: Array<[string, string, string, Role, number]> = [];
  people.forEach((p, i) => {
    const l = levels[i] as number;
    rows.push([p, 'k1', 'M', 'peer', 3], [p, 'k2', 'M', 'peer', 3]);
    rows.push([p, 'k1', 'O1', 'peer', l], [p, 'k2', 'O1', 'peer', Math.max(1, l - 1)]);
    rows.push([p, 'k1', 'O2', 'peer', Math.min(5, l + 1)], [p, 'k2', 'O2', 'peer', l]);
  });
  const ratings = obs(rows);
  it('central tendency: M’s SD is 0 against the others’, flagged', () => {
    const audit = centralTendency(ratings, { seed: 3 });
    const m = audit.raters.find((r) => r.rater === 'M');
    expect(m?.sd).toBe(0);
    expect(m?.interval?.estimate).toBe(0);
    expect(m?.flag).toBe('central-tendency');
    expect(audit.raters.find((r) => r.rater === 'O1')?.flag).toBeUndefined();
  });
  it('halo: M straight-lines every ratee (spread 0 where the others see 0.71), flagged', () => {
    const audit = halo(ratings);
    const m = audit.raters.find((r) => r.rater === 'M');
    expect(m?.straightLined).toBe(1);
    expect(audit.raters[0]?.rater).toBe('M');
    expect(m?.flag).toBe('halo');
  });
  it('agreement is computed per indicator and pooled', () => {
    const audit = interRaterAgreement(ratings);
    expect(audit.indicators.map((i) => i.indicator)).toEqual(['perilaku/k1', 'perilaku/k2', '*']);
    expect(audit.indicators[0]?.raters).toBe(3);
    expect(audit.indicators[0]?.units).toBe(6);
  });
});
