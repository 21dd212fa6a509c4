/** Hand-computed golden cases for the objectivity checks: divergence, influence cap, calibration, anonymity. */
import { describe, expect, it } from 'vitest';
import { explainEvaluation, loadRubric, redactForEmployee } from '../../src/index.js';
import {
  appraisalOf,
  codes,
  expectComplete,
  integritas,
  type Rating,
  rate,
  ratersRubric,
  ratersTrace,
  roleDetail,
} from './helpers.js';

describe('divergence: the supervisor against the consensus', () => {
  const measure =
    '{ kind: raters, roles: { supervisor: { weight: 0.5 }, peer: { weight: 0.3 }, third-party: { weight: 0.2 } }, divergence: { threshold: 10 } }';
  // peers 70, 80 → 75; third party 80.
  // consensus = (0.3 × 75 + 0.2 × 80) / (0.3 + 0.2) = (22.5 + 16) / 0.5 = 77
  const others: Rating[] = [
    ['p1', 'peer', 70],
    ['p2', 'peer', 80],
    ['t1', 'third-party', 80],
  ];

  it('exactly at the threshold (|87 − 77| = 10): no flag, no warning', () => {
    const e = rate(measure, [['s', 'supervisor', 87], ...others]);
    expectComplete(e);
    expect(e.flags).toEqual([]);
    expect(codes(e)).not.toContain('rater-divergence');
    expect(ratersTrace(e).detail?.divergence).toMatchObject({
      checked: true,
      supervisor: 87,
      consensus: 77,
      difference: 10,
      flagged: false,
    });
  });

  it('just past it (|87.5 − 77| = 10.5 > 10): needs-review flag and a warning with both figures', () => {
    const e = rate(measure, [['s', 'supervisor', 87.5], ...others]);
    expectComplete(e);
    expect(e.flags).toEqual(['needs-review:integritas']);
    const d = e.diagnostics.find((x) => x.code === 'rater-divergence');
    expect(d).toMatchObject({
      severity: 'warning',
      expected: 77,
      received: 87.5,
      pointer: '/inputs/integritas',
    });
    // the score itself is untouched: 0.5 × 87.5 + 0.3 × 75 + 0.2 × 80 = 43.75 + 22.5 + 16 = 82.25
    expect(integritas(e).score).toBe(82.25);
  });

  it('a harsh supervisor is flagged too (|66 − 77| = 11), and an explicit consensus can be a single role', () => {
    expect(rate(measure, [['s', 'supervisor', 66], ...others]).flags).toEqual(['needs-review:integritas']);
    // consensus: third-party only = 80; |87 − 80| = 7 ≤ 10
    const onlyThird = measure.replace('threshold: 10', 'threshold: 10, consensus: [third-party]');
    expect(rate(onlyThird, [['s', 'supervisor', 87], ...others]).flags).toEqual([]);
  });

  it('no consensus rating: not checked, and the trace says so', () => {
    const e = rate(measure.replace('divergence', 'whenShort: renormalise, divergence'), [
      ['s', 'supervisor', 99],
    ]);
    expectComplete(e);
    expect(e.flags).toEqual([]);
    expect(ratersTrace(e).detail?.divergence).toMatchObject({ checked: false, why: 'no consensus rating' });
  });

  it('a consensus role that is not declared is refused when the rubric loads', () => {
    const r = loadRubric(
      ratersRubric(
        '{ kind: raters, roles: { supervisor: { weight: 1 } }, divergence: { threshold: 5, consensus: [peer] } }',
      ),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics.map((d) => d.code)).toContain('invalid-structure');
  });
});

describe('influence cap', () => {
  const measure = (cap: number, combine = 'mean') =>
    `{ kind: raters, roles: { supervisor: { weight: 0.5 }, peer: { weight: 0.5, combine: ${combine} } }, influenceCap: ${cap} }`;

  it('caps both a lenient supervisor and an outlying peer; every leave-one-out stays within 2', () => {
    // W = 1, δ = cap × W / w = 2 / 0.5 = 4 for both roles.
    // Peers (mean, n = 3): centre = median(80, 80, 20) = 80, a = n × δ / 2 = 6 → [74, 86]: 20 → 74.
    //   peer mean = (80 + 80 + 74) / 3 = 78.
    // Supervisor (a lone rater): centre B = 78, λ = 1, b = δ = 4 → [74, 82]: 100 → 82.
    // Score = 0.5 × 82 + 0.5 × 78 = 41 + 39 = 80 (uncapped: 0.5 × 100 + 0.5 × 60 = 80 as well, by chance).
    // Leave-one-out: without s → 78 (gap 2); without the 74 → 0.5 × 82 + 0.5 × 80 = 81 (gap 1);
    //   without an 80 → 0.5 × 82 + 0.5 × 77 = 79.5 (gap 0.5). All ≤ 2.
    const e = rate(measure(2), [
      ['s', 'supervisor', 100],
      ['p1', 'peer', 80],
      ['p2', 'peer', 80],
      ['p3', 'peer', 20],
    ]);
    expectComplete(e);
    expect(integritas(e).score).toBe(80);
    const raters = ratersTrace(e).raters ?? [];
    expect(raters).toEqual([
      { rater: 's', role: 'supervisor', raw: 100, counted: 82, capped: true, inScore: true },
      { rater: 'p1', role: 'peer', raw: 80, counted: 80, inScore: true },
      { rater: 'p2', role: 'peer', raw: 80, counted: 80, inScore: true },
      { rater: 'p3', role: 'peer', raw: 20, counted: 74, capped: true, inScore: true },
    ]);
    expect(roleDetail(e, 'peer')).toMatchObject({ combined: 78, uncapped: 60 });
    expect(ratersTrace(e).detail?.influence).toEqual({ cap: 2, capped: 2 });
  });

  it('a lone supervisor of 100 against peers of 70, 80, 90 with cap 5 counts as 90: score 85, not 90', () => {
    // δ = 5 / 0.5 = 10. Peers: centre 80, a = 3 × 10 / 2 = 15 → [65, 95], nothing moves; mean 80.
    // Supervisor: B = 80, b = 10 → [70, 90]: 100 → 90. Score = 0.5 × 90 + 0.5 × 80 = 85.
    // Without the supervisor the score is 80: a gap of exactly the cap, 5.
    const e = rate(measure(5), [
      ['s', 'supervisor', 100],
      ['p1', 'peer', 70],
      ['p2', 'peer', 80],
      ['p3', 'peer', 90],
    ]);
    expect(integritas(e).score).toBe(85);
    expect(
      ratersTrace(e)
        .raters?.filter((r) => r.capped)
        .map((r) => r.rater),
    ).toEqual(['s']);
  });

  it('median: values are clipped to median ± δ, the median itself does not move', () => {
    // Peers (median, n = 4): 20, 80, 90, 95 → median (80 + 90) / 2 = 85; δ = 2 / 0.5 = 4, a = δ → [81, 89]:
    //   81, 81, 89, 89 → median still 85; leaving one out gives 81 or 89: a peer-role gap of 4, × 0.5 = 2.
    // Supervisor 85 = B: untouched. Score 0.5 × 85 + 0.5 × 85 = 85.
    const e = rate(measure(2, 'median'), [
      ['s', 'supervisor', 85],
      ['p1', 'peer', 20],
      ['p2', 'peer', 80],
      ['p3', 'peer', 90],
      ['p4', 'peer', 95],
    ]);
    expect(integritas(e).score).toBe(85);
    expect(ratersTrace(e).raters?.map((r) => r.counted)).toEqual([85, 81, 81, 89, 89]);
  });
});

describe('calibration against the rater’s history', () => {
  const measure =
    '{ kind: raters, roles: { supervisor: { weight: 0.5 }, peer: { weight: 0.5 } }, calibration: { method: z-score, mean: 75, sd: 10 } }';

  it('z-score: 75 + (90 − 85) / 5 × 10 = 85; a peer without history counts as given (70): score 77.5', () => {
    const e = rate(
      measure,
      [
        ['s', 'supervisor', 90],
        ['p1', 'peer', 70],
      ],
      { raterStats: { s: { mean: 85, sd: 5, n: 12 } } },
    );
    expectComplete(e);
    // 0.5 × 85 + 0.5 × 70 = 42.5 + 35 = 77.5
    expect(integritas(e).score).toBe(77.5);
    const [s, p1] = ratersTrace(e).raters ?? [];
    expect(s).toMatchObject({ rater: 's', raw: 90, calibrated: 85, counted: 85 });
    expect(s?.calibration).toContain('z-score against rater history, n = 12');
    expect(p1).toMatchObject({ rater: 'p1', raw: 70, counted: 70 });
    expect(p1?.calibrated).toBeUndefined();
    expect(p1?.calibration).toContain('uncalibrated');
    const d = e.diagnostics.find((x) => x.code === 'rater-uncalibrated');
    expect(d).toMatchObject({ severity: 'info', received: 'p1', pointer: '/ratings/1' });
  });

  it('decimal history, exactly: 75 + (4 − 3.2) / 2.5 × 10 = 75 + 0.32 × 10 = 78.2', () => {
    const e = rate(
      measure,
      [
        ['s', 'supervisor', 4],
        ['p1', 'peer', 4],
      ],
      { raterStats: { s: { mean: 3.2, sd: 2.5, n: 40 }, p1: { mean: 4, sd: 0.1, n: 3 } } },
    );
    // p1: 75 + (4 − 4) / 0.1 × 10 = 75. Score = 0.5 × 78.2 + 0.5 × 75 = 39.1 + 37.5 = 76.6
    expect(ratersTrace(e).raters?.map((r) => r.counted)).toEqual([78.2, 75]);
    expect(integritas(e).score).toBe(76.6);
    expect(codes(e)).not.toContain('rater-uncalibrated');
  });

  it('raterStats with sd 0 are refused by the appraisal schema', () => {
    const e = rate(measure, [['s', 'supervisor', 4]], { raterStats: { s: { mean: 3, sd: 0, n: 4 } } });
    expect(e.status).toBe('invalid');
  });
});

describe('anonymity in the employee view', () => {
  const measure =
    '{ kind: raters, roles: { supervisor: { weight: 0.5 }, peer: { weight: 0.3 }, third-party: { weight: 0.2 } }, anonymity: { k: 3 }, divergence: { threshold: 5 } }';
  const below: Rating[] = [
    ['atasan-01', 'supervisor', 90],
    ['rekan-01', 'peer', 70],
    ['rekan-02', 'peer', 80],
    ['pihak-01', 'third-party', 80],
  ];
  const ids = ['atasan-01', 'rekan-01', 'rekan-02', 'rekan-03', 'pihak-01', 'rekan-x'];

  it('below k: the peer aggregate is withheld ("fewer than 3 responses"), and so is what would reveal it', () => {
    const e = rate(measure, [...below, ['rekan-x', 'peer', 10]], {
      conflicts: [{ rater: 'rekan-x', kind: 'family' }],
    });
    expectComplete(e);
    // auditor view: every rater with id, role, raw and counted values
    expect(ratersTrace(e).raters?.map((r) => [r.rater, r.role, r.raw, r.counted])).toEqual([
      ['atasan-01', 'supervisor', 90, 90],
      ['rekan-01', 'peer', 70, 70],
      ['rekan-02', 'peer', 80, 80],
      ['pihak-01', 'third-party', 80, 80],
    ]);
    // consensus (0.3 × 75 + 0.2 × 80) / 0.5 = 77, |90 − 77| = 13 > 5
    expect(e.flags).toEqual(['needs-review:integritas']);
    const auditor = JSON.stringify(e);
    for (const id of ['atasan-01', 'rekan-01', 'rekan-02', 'pihak-01', 'rekan-x'])
      expect(auditor).toContain(id);

    const v = redactForEmployee(e);
    const text = JSON.stringify(v);
    for (const id of ids) expect(text).not.toContain(id);
    const detail = v.groups.perilaku?.indicators?.integritas?.measure?.detail ?? {};
    expect(detail.peer).toEqual({ weight: 0.3, withheld: 'fewer than 3 responses' });
    // with the score, the supervisor's and third party's figures would give the peers' away: withheld too
    expect(detail.supervisor).toMatchObject({ withheld: expect.any(String) });
    expect(detail.supervisor).not.toHaveProperty('combined');
    expect(detail.divergence).not.toHaveProperty('consensus');
    expect(v.flags).toEqual(['needs-review:integritas']);
    const div = v.diagnostics.find((d) => d.code === 'rater-divergence');
    expect(div?.expected).toBeUndefined();
    expect(div?.message.en).not.toContain('77');
    // the score stays; the evaluation itself is not changed
    expect(v.groups.perilaku?.indicators?.integritas?.score).toBe(integritas(e).score);
    expect(ratersTrace(e).raters).toHaveLength(4);

    const en = explainEvaluation(e, 'en', { view: 'employee' });
    expect(en).toContain('peer: fewer than 3 responses');
    for (const id of ids) expect(en).not.toContain(id);
    expect(explainEvaluation(e, 'id', { view: 'employee' })).toContain('kurang dari 3 tanggapan');
    // the default (auditor) view keeps the ids
    const audit = explainEvaluation(e, 'en');
    expect(audit).toContain('rekan-01 (peer): 70 → 70');
    expect(audit).toBe(explainEvaluation(e, 'en', { view: 'auditor' }));
  });

  it('at k: the peer role appears aggregated (count 3, mean 80), still without ids', () => {
    const e = rate(measure, [...below, ['rekan-03', 'peer', 90]]);
    expectComplete(e);
    const v = redactForEmployee(e);
    const text = JSON.stringify(v);
    for (const id of ids) expect(text).not.toContain(id);
    const detail = v.groups.perilaku?.indicators?.integritas?.measure?.detail ?? {};
    // (70 + 80 + 90) / 3 = 80
    expect(detail.peer).toEqual({ count: 3, weight: 0.3, combined: 80 });
    expect(detail.supervisor).toEqual({ count: 1, weight: 0.5, combined: 90 });
    expect(v.groups.perilaku?.indicators?.integritas?.measure?.raters).toBeUndefined();
    expect(explainEvaluation(e, 'en', { view: 'employee' })).toContain('peer: 3 → 80');
  });
});

describe('a role short on several indicators', () => {
  const measure =
    '{ kind: raters, roles: { supervisor: { weight: 0.6 }, peer: { weight: 0.2 }, third-party: { weight: 0.2 } }, whenShort: renormalise }';
  // Two indicators rated by the same roles: the same missing role is the same news for both.
  const text = ratersRubric(measure).replace(
    '        measure: ',
    `        measure: ${measure}\n      disiplin:\n        label: { id: Disiplin, en: Discipline }\n        measure: `,
  );
  const loaded = loadRubric(text, { source: 'two.rubric.yaml' });
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message.en).join('\n'));

  it('says once per role that it has no ratings, not once per indicator', () => {
    const ratings = ['integritas', 'disiplin'].flatMap((indicator) => [
      { rater: 's', role: 'supervisor', indicator, value: 80 },
      { rater: 'p', role: 'peer', indicator, value: 90 },
    ]);
    const e = loaded.value.evaluate({ ...appraisalOf([]), ratings });
    // (0.6 × 80 + 0.2 × 90) / 0.8 = 82.5 on each indicator, each renormalised without the third party.
    const scores = ['integritas', 'disiplin'].map((id) => e.groups.perilaku?.indicators?.[id]?.score);
    expect(scores).toEqual([82.5, 82.5]);
    const short = e.diagnostics.filter((d) => d.code === 'role-short');
    expect(short).toHaveLength(1);
    expect(short[0]).toMatchObject({ severity: 'info', received: 0, expected: 1, pointer: '/ratings' });
    expect(short[0]?.message.en).toContain('third-party');
  });

  it('keeps the notes that differ: another role, or another count', () => {
    const ratings = [
      { rater: 's', role: 'supervisor', indicator: 'integritas', value: 80 },
      { rater: 'p', role: 'peer', indicator: 'integritas', value: 90 },
      { rater: 's', role: 'supervisor', indicator: 'disiplin', value: 80 },
    ];
    const e = loaded.value.evaluate({ ...appraisalOf([]), ratings });
    const short = e.diagnostics.filter((d) => d.code === 'role-short').map((d) => d.message.en);
    expect(short).toHaveLength(2);
    expect(short.filter((m) => m.includes('third-party'))).toHaveLength(1);
    expect(short.filter((m) => m.includes('Role peer') || m.includes('"peer"'))).toHaveLength(1);
  });
});
