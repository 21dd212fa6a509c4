import type { Appraisal, Evaluation } from '@kinerja/core';
import { describe, expect, it } from 'vitest';
import { auditCohort } from '../../src/audit/auditCohort.js';
import type { Cohort } from '../../src/audit/Cohort.js';
import { distributionCurve } from '../../src/audit/distributionCurve.js';
import { formatAuditMarkdown } from '../../src/audit/formatAuditMarkdown.js';
import { groupDisparity } from '../../src/audit/groupDisparity.js';
import { simulateCohort, simulationRubric } from '../../src/audit/simulateCohort.js';
import { fisherExact, fisherMidP } from '../../src/audit/stats/fisherExact.js';

/** A cohort of bare appraisals and evaluations: sex, unit, predikat and two outcomes per person. */
function cohortOf(
  people: Array<{
    sex?: string;
    unit?: string;
    predicate?: string;
    promoted?: boolean | null;
    coached?: boolean;
  }>,
): Cohort {
  const appraisals = people.map(
    (p, i) =>
      ({
        employee: { nip: String(198501012010011000 + i), unit: p.unit ?? 'u1', position: 'Pelaksana' },
        period: { kind: 'annual', start: '2024-01-01', end: '2024-12-31' },
        ...(p.sex ? { facts: { jenis_kelamin: p.sex } } : {}),
      }) as Appraisal,
  );
  const outcome = (kind: string, met: boolean | null) => ({
    label: { id: kind, en: kind },
    kind,
    met,
    conditions: {} as never,
  });
  const evaluations = people.map(
    (p, i) =>
      ({
        rubric: { id: 't', version: '1', fingerprint: 'x' },
        appraisal: { nip: appraisals[i]?.employee.nip },
        status: 'complete',
        ...(p.predicate
          ? { predicate: { id: p.predicate, label: { id: p.predicate, en: p.predicate } } }
          : {}),
        groups: {},
        outcomes: {
          naik: outcome('promotion', p.promoted === undefined ? false : p.promoted),
          bina: outcome('coaching', p.coached ?? false),
        },
        flags: [],
        diagnostics: [],
      }) as Evaluation,
  );
  return { appraisals, evaluations };
}

const repeat = <T>(n: number, x: T): T[] => Array.from({ length: n }, () => x);

describe('group disparity, by hand', () => {
  // l: 40 people, 20 promoted (0.5); p: 40 people, 8 promoted (0.2) → ratio 0.2/0.5 = 0.4 < 0.8.
  const cohort = cohortOf([
    ...repeat(20, { sex: 'l', promoted: true }),
    ...repeat(20, { sex: 'l', promoted: false }),
    ...repeat(8, { sex: 'p', promoted: true }),
    ...repeat(32, { sex: 'p', promoted: false }),
    { sex: 'p', promoted: null },
    {},
  ]);
  const audit = groupDisparity(cohort, { by: ['jenis_kelamin'], outcomes: ['naik'] });
  const r = audit.results[0];
  it('computes rates, the impact ratio to the most-favoured group and an exact p-value (mid-p on request)', () => {
    expect(r?.reference).toBe('l');
    expect(r?.groups.map((g) => [g.value, g.n, g.selected, g.rate, g.ratio])).toEqual([
      ['l', 40, 20, 0.5, 1],
      ['p', 40, 8, 0.2, 0.4],
    ]);
    const p = r?.groups[1];
    expect(p?.pValue).toBeCloseTo(fisherExact(8, 32, 20, 20), 12);
    expect(
      groupDisparity(cohort, { by: ['jenis_kelamin'], outcomes: ['naik'], test: 'mid-p' }).results[0]
        ?.groups[1]?.pValue,
    ).toBeCloseTo(fisherMidP(8, 32, 20, 20), 12);
    expect(p?.pValue).toBeLessThan(0.01);
    expect(p?.flagged).toBe(true);
    expect(r?.undetermined).toBe(1);
    expect(r?.missingAttribute).toBe(1);
  });
  it('flags only ratio < 0.8 with significance, and warns on small groups', () => {
    const small = groupDisparity(
      cohortOf([
        ...repeat(6, { sex: 'l', promoted: true }),
        ...repeat(4, { sex: 'l', promoted: false }),
        ...repeat(3, { sex: 'p', promoted: true }),
        ...repeat(7, { sex: 'p', promoted: false }),
      ]),
      { by: ['jenis_kelamin'], outcomes: ['naik'] },
    ).results[0];
    const p = small?.groups.find((g) => g.value === 'p');
    expect(p?.ratio).toBeCloseTo(0.5, 12);
    expect(p?.belowThreshold).toBe(true);
    expect(p?.significant).toBe(false); // Fisher p for [[3,7],[6,4]] = 62120/167960 = 0.37
    expect(p?.pValue).toBeCloseTo(62120 / 167960, 12);
    expect(p?.flagged).toBe(false);
    expect(p?.smallSample).toBe(true);
    expect(small?.warnings.join(' ')).toMatch(/too small/);
  });
  it('for adverse outcomes (coaching) the most-favoured group has the lowest rate', () => {
    const c = groupDisparity(
      cohortOf([
        ...repeat(5, { unit: 'a', coached: true }),
        ...repeat(45, { unit: 'a' }),
        ...repeat(20, { unit: 'b', coached: true }),
        ...repeat(30, { unit: 'b' }),
      ]),
      { by: ['unit'], outcomes: ['bina'] },
    ).results[0];
    expect(c?.direction).toBe('adverse');
    expect(c?.reference).toBe('a');
    expect(c?.groups.find((g) => g.value === 'b')?.ratio).toBeCloseTo(0.1 / 0.4, 12);
    expect(c?.flagged).toBe(true);
  });
});

describe('distribution curve (SE MenPAN-RB 3/2023), by hand', () => {
  // Organisation Butuh Perbaikan, 7 people: 1 Sangat Baik, 2 Baik, 4 Butuh Perbaikan.
  const seven = cohortOf([
    { predicate: 'sangat-baik' },
    ...repeat(2, { predicate: 'baik' }),
    ...repeat(4, { predicate: 'butuh-perbaikan' }),
  ]);
  it('exact (default): max 10% of 7 = 0 Sangat Baik, min 60% of 7 = 5 Butuh Perbaikan → 1 person to move', () => {
    const c = distributionCurve(seven, { organisation: 'butuh-perbaikan' }).curves[0];
    expect(c?.bounds.map((b) => [b.levels.join('+'), b.kind, b.bound, b.count, b.off])).toEqual([
      ['sangat-baik', 'max', 0, 1, 1],
      ['butuh-perbaikan', 'min', 5, 4, 1],
    ]);
    expect(c?.fits).toBe(false);
    expect(c?.peopleToMove).toBe(1);
  });
  it('lenient and nearest rounding let the same unit fit', () => {
    expect(
      distributionCurve(seven, { organisation: 'butuh-perbaikan', rounding: 'lenient' }).curves[0]?.fits,
    ).toBe(true);
    expect(
      distributionCurve(seven, { organisation: 'butuh-perbaikan', rounding: 'nearest' }).curves[0]?.fits,
    ).toBe(true);
  });
  it('Baik: at most 70% Baik and at least one Butuh Perbaikan/Kurang; 10 × Baik misses by 3', () => {
    const c = distributionCurve(cohortOf(repeat(10, { predicate: 'baik' })), { organisation: 'baik' })
      .curves[0];
    expect(c?.bounds.map((b) => b.off)).toEqual([3, 1]);
    expect(c?.peopleToMove).toBe(3);
  });
  it('maps cukup → butuh-perbaikan, counts unmapped ids and missing predikat, and splits per unit', () => {
    const audit = distributionCurve(
      cohortOf([
        { predicate: 'cukup', unit: 'a' },
        { predicate: 'istimewa?', unit: 'a' },
        { unit: 'b' },
        { predicate: 'baik', unit: 'b' },
      ]),
      { organisation: 'kurang', per: 'unit' },
    );
    expect(audit.curves.map((c) => [c.group, c.n])).toEqual([
      ['*', 2],
      ['a', 1],
      ['b', 1],
    ]);
    expect(audit.curves[0]?.counts['butuh-perbaikan']).toBe(1);
    expect(audit.unmapped).toEqual({ 'istimewa?': 1 });
    expect(audit.withoutPredicate).toBe(1);
    // Kurang needs ≥ 1 BP and ≥ 1 Kurang (ceil of 10% and 60% of 1): 2 people in 1 seat.
    expect(audit.curves[2]?.feasible).toBe(false);
  });
});

describe('simulated cohorts (fixed seeds) and the full report', () => {
  const rubric = simulationRubric();
  it('is deterministic per seed', () => {
    const a = simulateCohort({ seed: 5, rubric, supervisors: 2 });
    const b = simulateCohort({ seed: 5, rubric, supervisors: 2 });
    expect(JSON.stringify(a.appraisals)).toBe(JSON.stringify(b.appraisals));
    expect(a.evaluations.every((e) => e.status === 'complete')).toBe(true);
  });
  it('ranks the injected lenient supervisor first and flags it; the fair one is not flagged', () => {
    for (const seed of [11, 12, 13]) {
      const c = simulateCohort({ seed, rubric, biasedSupervisor: 2 });
      const report = auditCohort(c, {});
      expect(report.divergence.supervisors[0]?.supervisor).toBe('atasan-3');
      expect(report.leniency.raters.find((r) => r.rater === 'atasan-3')?.flag).toBe('lenient');
      expect(
        report.divergence.supervisors.find((s) => s.supervisor === c.truth.fairSupervisor)?.flag,
      ).toBeUndefined();
    }
  });
  it('says how large a shift each supervisor could hide: out of reach of +0.5 at 8 ratees, within it at 16', () => {
    // The mean over five seeded cohorts of the supervisors' median detectable shift (leniency audit, 95% power).
    // The README's information limit puts a fair supervisor's statistic at sd 0.151 (8 ratees) and 0.126 (16):
    // times z₀.₉₇₅ + z₀.₉₅ = 3.605, about 0.54 and 0.45 — the audit estimates its spread from the cohort, so its
    // figures scatter around those.
    const detectable = (ratees: number) => {
      let sum = 0;
      for (const seed of [1, 2, 3, 4, 5]) {
        const c = simulateCohort({ seed, rubric, rateesPerSupervisor: ratees });
        const report = auditCohort(c, {});
        expect(report.leniency.power).toBe(0.95);
        const own = report.leniency.raters
          .filter((r) => r.rater.startsWith('atasan-'))
          .map((r) => r.test?.detectable as number)
          .sort((a, b) => a - b);
        sum += own[Math.floor(own.length / 2)] as number;
      }
      return sum / 5;
    };
    const [four, eight, sixteen] = [detectable(4), detectable(8), detectable(16)];
    expect(four).toBeGreaterThan(eight);
    expect(eight).toBeGreaterThan(sixteen);
    expect(eight).toBeGreaterThan(0.5);
    expect(sixteen).toBeLessThan(0.5);
  }, 60_000);
  it('hands alpha and power to the rater audits', () => {
    const c = simulateCohort({ seed: 11, rubric, biasedSupervisor: 2 });
    const report = auditCohort(c, { alpha: 0.1, power: 0.8 });
    expect(report.leniency).toMatchObject({ alpha: 0.1, power: 0.8 });
    expect(report.divergence).toMatchObject({ alpha: 0.1, power: 0.8 });
    expect(auditCohort(c, {}).leniency).toMatchObject({ alpha: 0.05, power: 0.95 });
  });
  it('flags a rule that disadvantages one group, and not a fair one', () => {
    const biased = simulateCohort({
      seed: 21,
      rubric,
      supervisors: 40,
      peersPerRatee: 2,
      trainingAccess: { l: 0.9, p: 0.45 },
    });
    const fair = simulateCohort({
      seed: 21,
      rubric,
      supervisors: 40,
      peersPerRatee: 2,
      trainingAccess: { l: 0.675, p: 0.675 },
    });
    const opts = { by: ['jenis_kelamin'], disparity: { outcomes: ['kenaikan-pangkat'] } };
    expect(auditCohort(biased, opts).disparity?.results[0]?.flagged).toBe(true);
    expect(auditCohort(fair, opts).disparity?.results[0]?.flagged).toBe(false);
  });
  it('renders the report in Markdown, in Indonesian and English', () => {
    const c = simulateCohort({ seed: 11, rubric, biasedSupervisor: 2 });
    const report = auditCohort(c, { by: ['jenis_kelamin', 'unit'], organisation: 'baik' });
    expect(report.findings.some((f) => f.audit === 'divergence' && f.subject === 'atasan-3')).toBe(true);
    const en = formatAuditMarkdown(report, 'en');
    expect(en).toContain('# Appraisal audit report');
    expect(en).toContain("## Inter-rater agreement (Krippendorff's alpha)");
    expect(en).toContain('## Distribution curve (SE MenPAN-RB 3/2023)');
    expect(en).toMatch(/\| atasan-3 \| 8 \|/);
    expect(en).toContain('| Detectable shift (95%) |');
    expect(en).toContain('Detectable shift: the smallest leniency or severity beyond the normal spread');
    const id = formatAuditMarkdown(report, 'id');
    expect(id).toContain('| Pergeseran terdeteksi (95%) |');
    expect(id).toContain('# Laporan audit penilaian kinerja');
    expect(id).toContain('## Atasan dibanding rekan kerja');
    expect(id).toContain('### jenis_kelamin → kenaikan-pangkat (favourable)');
  });
});
