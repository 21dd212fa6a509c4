import type { Appraisal } from '@kinerja/core';
import { describe, expect, it } from 'vitest';
import { auditCohort } from '../../src/audit/auditCohort.js';
import { formatAuditMarkdown } from '../../src/audit/formatAuditMarkdown.js';
import { smallSampleRatees } from '../../src/audit/raterWarning.js';
import { simulateCohort, simulationRubric } from '../../src/audit/simulateCohort.js';

// A simulated team, plus two harsh outsiders who give every value a 1: one rates a single person, the other six.
// Both are flagged severe; only the flag resting on one person carries the small-sample caution.
const rubric = simulationRubric();
const simulated = simulateCohort({ seed: 31, rubric });
const indicators = [...new Set((simulated.appraisals[0]?.ratings ?? []).map((r) => r.indicator))];
const harsh = (a: Appraisal, rater: string): Appraisal => ({
  ...a,
  ratings: [
    ...(a.ratings ?? []),
    ...indicators.map((indicator) => ({ rater, role: 'peer' as const, indicator, value: 1 })),
  ],
});
const appraisals = simulated.appraisals.map((a, i) => {
  let out = a;
  if (i === 0) out = harsh(out, 'sekali');
  if (i >= 10 && i < 16) out = harsh(out, 'kerap');
  return out;
});
const report = auditCohort({ appraisals, evaluations: appraisals.map((a) => rubric.evaluate(a)), rubric });
const rater = (id: string) => report.leniency.raters.find((r) => r.rater === id);

describe('leniency: a flag resting on fewer people than the audit was measured on', () => {
  it('carries a small-sample caution with a code, its numbers and a message in id and en', () => {
    const once = rater('sekali');
    expect(once).toMatchObject({ ratees: 1, flag: 'severe' });
    expect(once?.warnings).toHaveLength(1);
    const w = once?.warnings?.[0];
    expect(w?.code).toBe('small-sample');
    expect(w?.params).toEqual({
      rater: 'sekali',
      ratees: 1,
      validatedFrom: 4,
      estimate: once?.interval?.estimate,
      detectable: once?.test?.detectable,
      power: 0.95,
    });
    expect(w?.message.en).toMatch(
      /^rater "sekali" was flagged on 1 person only, fewer than 4 \(the smallest team/,
    );
    expect(w?.message.en).toContain(
      'a habit of leniency or severity cannot be told from their view of that person',
    );
    expect(w?.message.en).toContain(`only a shift of at least ${once?.test?.detectable.toFixed(2)} points`);
    expect(w?.message.id).toMatch(/^penilai "sekali" ditandai berdasarkan 1 orang saja, kurang dari 4 /);
    expect(w?.message.id).toContain(`sedikitnya ${once?.test?.detectable.toFixed(2).replace('.', ',')} poin`);
    expect(report.findings.find((f) => f.subject === 'sekali')).toMatchObject({
      audit: 'leniency',
      flag: 'severe',
      warnings: ['small-sample'],
    });
  });

  it('is given to every flagged rater of fewer than 4 people and to no one else, and changes no flag', () => {
    expect(smallSampleRatees).toBe(4);
    expect(rater('kerap')).toMatchObject({ ratees: 6, flag: 'severe' });
    expect(rater('kerap')?.warnings).toBeUndefined();
    for (const r of report.leniency.raters)
      expect(r.warnings !== undefined, r.rater).toBe(r.flag !== undefined && r.ratees < 4);
    // Fair peers of 1–3 people are in the simulated team too: unflagged, they are told nothing.
    expect(report.leniency.raters.some((r) => r.ratees < 4 && !r.flag)).toBe(true);
    expect(report.findings.find((f) => f.subject === 'kerap')?.warnings).toBeUndefined();
  });

  it('is printed in the Markdown report, in Indonesian and in English, next to the finding and under leniency', () => {
    const en = formatAuditMarkdown(report, 'en');
    expect(en).toContain('`sekali`: severe (estimate ');
    expect(en).toMatch(
      /`sekali`: severe \(estimate -\d\.\d\d points\) — small sample: see the warning under leniency\n/,
    );
    expect(en).toMatch(/`kerap`: severe \(estimate -\d\.\d\d points\)\n/);
    const section = en.slice(en.indexOf('## Rater leniency'), en.indexOf('## Central tendency'));
    expect(section).toContain('\nWarnings:\n- rater "');
    expect(section).toContain(`\n- ${rater('sekali')?.warnings?.[0]?.message.en}\n`);
    const id = formatAuditMarkdown(report, 'id');
    expect(id).toMatch(
      /`sekali`: terlalu keras \(estimasi -\d,\d\d poin\) — sampel kecil: lihat peringatan di bagian kemurahan\/kekerasan\n/,
    );
    expect(id).toContain('\nPeringatan:\n- penilai "');
    expect(id).toContain(`\n- ${rater('sekali')?.warnings?.[0]?.message.id}\n`);
  });
});
