import type { Appraisal, Evaluation } from '@kinerja/core';
import { describe, expect, it } from 'vitest';
import { attributeOf } from '../../src/audit/attributeOf.js';
import { auditCohort } from '../../src/audit/auditCohort.js';
import type { Cohort } from '../../src/audit/Cohort.js';
import { distributionCurve } from '../../src/audit/distributionCurve.js';
import { extractRatings } from '../../src/audit/extractRatings.js';
import { formatAuditMarkdown } from '../../src/audit/formatAuditMarkdown.js';
import { groupDisparity } from '../../src/audit/groupDisparity.js';
import { interRaterAgreement } from '../../src/audit/interRaterAgreement.js';
import { krippendorffAlpha } from '../../src/audit/krippendorffAlpha.js';
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
        ...(p.sex ? { facts: { 'jenis-kelamin': p.sex } } : {}),
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
  const audit = groupDisparity(cohort, { by: ['jenis-kelamin'], outcomes: ['naik'] });
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
      groupDisparity(cohort, { by: ['jenis-kelamin'], outcomes: ['naik'], test: 'mid-p' }).results[0]
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
      { by: ['jenis-kelamin'], outcomes: ['naik'] },
    ).results[0];
    const p = small?.groups.find((g) => g.value === 'p');
    expect(p?.ratio).toBeCloseTo(0.5, 12);
    expect(p?.belowThreshold).toBe(true);
    expect(p?.significant).toBe(false); // Fisher p for [[3,7],[6,4]] = 62120/167960 = 0.37
    expect(p?.pValue).toBeCloseTo(62120 / 167960, 12);
    expect(p?.flagged).toBe(false);
    expect(p?.smallSample).toBe(true);
    expect(small?.warnings.map((w) => w.code)).toEqual(['small-group', 'small-group']);
    expect(small?.warnings[1]?.params).toMatchObject({ group: 'p', n: 10, because: 'n,expected-selected' });
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
    const opts = { by: ['jenis-kelamin'], disparity: { outcomes: ['kenaikan-pangkat'] } };
    expect(auditCohort(biased, opts).disparity?.results[0]?.flagged).toBe(true);
    expect(auditCohort(fair, opts).disparity?.results[0]?.flagged).toBe(false);
  });
  it('renders the report in Markdown, in Indonesian and English', () => {
    const c = simulateCohort({ seed: 11, rubric, biasedSupervisor: 2 });
    const report = auditCohort(c, { by: ['jenis-kelamin', 'unit'], organisation: 'baik' });
    expect(report.findings.some((f) => f.audit === 'divergence' && f.subject === 'atasan-3')).toBe(true);
    const en = formatAuditMarkdown(report, 'en');
    expect(en).toContain('# Appraisal audit report');
    expect(en).toContain("## Inter-rater agreement (Krippendorff's alpha)");
    expect(en).toContain('## Distribution curve (SE MenPAN-RB 3/2023)');
    expect(en).toMatch(/\| atasan-3 \| 8 \|/);
    expect(en).toContain('| Detectable shift (95%) |');
    expect(en).toContain('Detectable shift: the smallest leniency or severity beyond the normal spread');
    // How precisely the normal spread is known, which every rater's test carries.
    const se = report.leniency.spread2Se.toFixed(4);
    expect(en).toContain(
      `normal spread between raters ${report.leniency.spread.toFixed(3)} (standard error of τ̂² ${se})`,
    );
    const id = formatAuditMarkdown(report, 'id');
    expect(id).toContain(`(galat baku τ̂² ${se.replace('.', ',')})`);
    expect(id).toContain('| Pergeseran terdeteksi (95%) |');
    expect(id).toContain('# Laporan audit penilaian kinerja');
    expect(id).toContain('## Atasan dibanding rekan kerja');
    expect(id).toContain('### jenis-kelamin → kenaikan-pangkat (menguntungkan)');
    expect(en).toContain('### jenis-kelamin → kenaikan-pangkat (favourable)');
  });
});

describe('review fixes: what is audited and what the report says', () => {
  const rubric = simulationRubric();
  it('audits the ratings of complete and pending appraisals, not of invalid ones', () => {
    const c = simulateCohort({ seed: 11, rubric });
    const evaluations = c.evaluations.map((e, i) =>
      i === 2 ? { ...e, status: 'invalid' as const } : i === 3 ? { ...e, status: 'pending' as const } : e,
    );
    const ratings = extractRatings({ appraisals: c.appraisals, evaluations });
    expect(ratings.some((r) => r.index === 2)).toBe(false);
    expect(ratings.some((r) => r.index === 3)).toBe(true);
    expect(ratings.length).toBe(
      extractRatings(c).length - extractRatings(c).filter((r) => r.index === 2).length,
    );
    const report = auditCohort({ appraisals: c.appraisals, evaluations });
    expect(report.cohort.ratings).toBe(ratings.length);
    expect(formatAuditMarkdown(report, 'id')).toContain('tidak valid 1 — tidak diaudit');
  });

  it('reads own attributes only: constructor, toString, hasOwnProperty, __proto__ are absent', () => {
    const c = cohortOf([...repeat(3, { sex: 'l', promoted: true }), ...repeat(3, { sex: 'p' })]);
    for (const a of [
      'constructor',
      'toString',
      'hasOwnProperty',
      '__proto__',
      'employee.constructor',
      'facts.valueOf',
    ])
      expect(attributeOf(c.appraisals[0] as Appraisal, a)).toBeUndefined();
    const r = groupDisparity(c, { by: ['constructor'], outcomes: ['naik'] }).results[0];
    expect(r?.groups).toEqual([]);
    expect(r?.missingAttribute).toBe(6);
    const curve = distributionCurve(cohortOf([{ predicate: 'constructor' }, { predicate: 'baik' }]), {
      organisation: 'baik',
      per: 'toString',
    });
    expect({ ...curve.unmapped }).toEqual({ constructor: 1 });
    expect(curve.curves.map((k) => [k.group, k.n])).toEqual([
      ['*', 1],
      ['(none)', 1],
    ]);
  });

  it('shows who each audit left out, in both languages', () => {
    const c = cohortOf([
      ...repeat(20, { sex: 'l', promoted: true, predicate: 'baik' }),
      ...repeat(20, { sex: 'l', promoted: false, predicate: 'butuh-perbaikan' }),
      ...repeat(18, { sex: 'p', promoted: true, predicate: 'baik' }),
      ...repeat(22, { sex: 'p', promoted: false, predicate: 'amat-baik' }),
      ...repeat(7, { promoted: true }),
      { sex: 'p', promoted: null },
    ]);
    const report = auditCohort(c, {
      by: ['jenis-kelamin'],
      disparity: { outcomes: ['naik'] },
      organisation: 'baik',
    });
    const id = formatAuditMarkdown(report, 'id');
    const en = formatAuditMarkdown(report, 'en');
    expect(id).toContain(
      'Tidak disertakan: 7 orang tanpa atribut jenis-kelamin; 1 orang yang hasilnya belum ditentukan',
    );
    expect(en).toContain('Left out: 7 without the attribute jenis-kelamin; 1 whose outcome is undetermined');
    expect(id).toContain('8 orang tanpa predikat');
    expect(id).toContain('`amat-baik` 22');
    expect(en).toContain(
      '8 without a predikat (pending or invalid); predikat not mapped to an SE level: `amat-baik` 22',
    );
  });

  it('does not call a curve of nobody a fit', () => {
    const report = auditCohort(cohortOf(repeat(3, { predicate: 'amat-baik' })), { organisation: 'baik' });
    const k = report.curve?.curves[0];
    expect(k?.n).toBe(0);
    expect(k?.fits).toBe(false);
    expect(report.findings.filter((f) => f.audit === 'curve')).toEqual([]);
    const en = formatAuditMarkdown(report, 'en');
    expect(en).toContain(
      '### * (whole cohort) (n 0): not checked: nobody has a predikat mapped to an SE level',
    );
    expect(en).not.toContain('fits the pattern');
    expect(formatAuditMarkdown(report, 'id')).not.toContain('sesuai pola');
  });

  it('a curve whose minimum exceeds its maximum on the same level is infeasible, and says why', () => {
    const c = cohortOf([
      { predicate: 'baik' },
      { predicate: 'baik' },
      { predicate: 'butuh-perbaikan' },
      { predicate: 'sangat-baik' },
    ]);
    const k = distributionCurve(c, { organisation: 'baik', majorityFloor: true }).curves[0];
    expect(k?.feasible).toBe(false);
    expect(k?.conflicts).toEqual([{ kind: 'min-over-max', levels: ['baik'], min: 3, max: 2 }]);
    const report = auditCohort(c, { organisation: 'baik', curve: { majorityFloor: true } });
    expect(report.findings).toContainEqual({ audit: 'curve', subject: '*', flag: 'infeasible', value: 1 });
    expect(formatAuditMarkdown(report, 'id')).toContain(
      'pola tidak mungkin dipenuhi dengan jumlah ini: baik min 3 > maks 2',
    );
    expect(formatAuditMarkdown(report, 'en')).toContain(
      'the pattern cannot be met with this head count: baik min 3 > max 2',
    );
    // Without the floor the same four people can fit.
    expect(distributionCurve(c, { organisation: 'baik' }).curves[0]?.feasible).toBe(true);
  });

  it('lists a flagged group too small to conclude from as inconclusive, not as a finding', () => {
    const c = cohortOf([
      ...repeat(30, { sex: 'l', promoted: true }),
      ...repeat(10, { sex: 'l', promoted: false }),
      ...repeat(12, { sex: 'p', promoted: false }),
    ]);
    const report = auditCohort(c, { by: ['jenis-kelamin'], disparity: { outcomes: ['naik'] } });
    const p = report.disparity?.results[0]?.groups.find((g) => g.value === 'p');
    expect(p).toMatchObject({ flagged: true, smallSample: true, inconclusive: true, smallBecause: ['n'] });
    expect(report.findings.filter((f) => f.audit === 'disparity')).toEqual([]);
    const id = formatAuditMarkdown(report, 'id');
    expect(id).toContain('Tidak dapat disimpulkan (kelompok terlalu kecil; peringatan, bukan putusan):');
    expect(id).toContain('- `jenis-kelamin=p → naik`: rasio 0,000');
    expect(id).toContain('| tidak dapat disimpulkan |');
    expect(id).not.toContain('dampak merugikan');
    expect(formatAuditMarkdown(report, 'en')).toContain('| inconclusive |');
  });

  it('says what is too small: an expected count, not n, when n ≥ 30', () => {
    const c = cohortOf([
      ...repeat(1, { sex: 'l', promoted: true }),
      ...repeat(61, { sex: 'l', promoted: false }),
      ...repeat(62, { sex: 'p', promoted: false }),
    ]);
    const report = auditCohort(c, { by: ['jenis-kelamin'], disparity: { outcomes: ['naik'] } });
    const r = report.disparity?.results[0];
    expect(r?.groups.map((g) => g.smallBecause)).toEqual([['expected-selected'], ['expected-selected']]);
    expect(r?.warnings[0]?.message.en).toMatch(
      /^group "l" is too small to conclude from its ratio: expected selected 0\.5 < 5 at the pooled rate\. /,
    );
    expect(r?.warnings.map((w) => w.message.en).join(' ')).not.toMatch(/n 62/);
    expect(formatAuditMarkdown(report, 'id')).toContain(
      '- kelompok "p" terlalu kecil untuk disimpulkan dari rasionya: jumlah harapan terpilih 0,5 < 5 (pada tingkat gabungan)',
    );
  });

  it('the Indonesian report is Indonesian throughout; flags are words, the JSON keeps their ids', () => {
    const c = simulateCohort({ seed: 11, rubric, biasedSupervisor: 2 });
    const report = auditCohort(c, { by: ['jenis-kelamin', 'unit'], organisation: 'baik' });
    expect(report.findings.map((f) => f.flag)).toEqual(
      expect.arrayContaining(['lenient', 'above-consensus']),
    );
    const id = formatAuditMarkdown(report, 'id');
    expect(id).toContain('`atasan-3`: terlalu murah');
    expect(id).toContain('`atasan-3`: di atas konsensus');
    expect(id).toContain('| Penilai | Dinilai | Selisih | Acuan |');
    expect(id).toContain('terlalu kecil untuk disimpulkan');
    expect(id).toContain('baik maks 70%');
    expect(id).toContain('butuh-perbaikan + kurang minimal satu orang');
    expect(id).toContain('(lengkap 80)');
    expect(id).toContain('aturan empat perlima');
    for (const english of [
      'Method',
      'crossed',
      'pooled t',
      'bootstrap over',
      'flag:',
      'lenient',
      'severe',
      'unreliable',
      'consensus',
      'adverse-impact',
      'n.s.',
      'off-pattern',
      'selected',
      '| gap',
      'baseline',
      '| off |',
      ' max ',
      'at-least-one',
      'complete',
      'pending',
      'too small',
      'fewer than',
      'favourable',
      'rubric',
      'four-fifths',
      'Holm-adjusted',
      'group "',
    ])
      expect(id, english).not.toContain(english);
    const en = formatAuditMarkdown(report, 'en');
    expect(en).toContain('`atasan-3`: lenient');
    expect(en).toContain('is too small to conclude from its ratio');
  });

  it('does not compute alpha from one person, and lists nothing as unreliable then', () => {
    const c = simulateCohort({ seed: 1, rubric });
    const one = { appraisals: c.appraisals.slice(0, 1), evaluations: c.evaluations.slice(0, 1) };
    const agreement = interRaterAgreement(extractRatings(one));
    // Per indicator the units are the people rated: one. (Pooled, the units are person × indicator: seven.)
    const perIndicator = agreement.indicators.filter((i) => i.indicator !== '*');
    expect(perIndicator.length).toBe(7);
    for (const i of perIndicator) {
      expect(i.alpha.interval?.alpha).toBeUndefined();
      expect(i.alpha.interval?.notComputed).toBe('too-few-units');
    }
    const report = auditCohort(one, {});
    expect(report.findings.filter((f) => f.audit === 'agreement' && f.subject !== '*')).toEqual([]);
    expect(formatAuditMarkdown(report, 'id')).toMatch(
      /α tidak dihitung untuk \d+ indikator: kurang dari dua orang/,
    );
    expect(formatAuditMarkdown(report, 'en')).toMatch(
      /α not computed for \d+ indicator\(s\): fewer than two people/,
    );
    expect(krippendorffAlpha([[1, 2, 3]])).toMatchObject({ units: 1, notComputed: 'too-few-units' });
    expect(krippendorffAlpha([[1, 2, 3]]).alpha).toBeUndefined();
  });

  it('keeps a line break in a group name from breaking a table or a heading', () => {
    const c = cohortOf([
      ...repeat(30, { unit: 'baris\nbaru', promoted: true, predicate: 'baik' }),
      ...repeat(30, { unit: 'x|y', promoted: false, predicate: 'butuh-perbaikan' }),
    ]);
    const report = auditCohort(c, { by: ['unit'], organisation: 'baik', curve: { per: 'unit' } });
    for (const lang of ['id', 'en'] as const) {
      const md = formatAuditMarkdown(report, lang);
      expect(md).toContain('| baris\\nbaru * |');
      expect(md).toContain('| x\\|y |');
      expect(md).toContain('### baris\\nbaru (n 30)');
      const lines = md.split('\n');
      for (const line of lines.filter((l) => l.startsWith('|'))) expect(line.endsWith('|'), line).toBe(true);
      expect(lines.some((l) => l === 'baru * | 30 | 30 | 1.000 | 1.000 | – | – |  |')).toBe(false);
    }
  });
});
