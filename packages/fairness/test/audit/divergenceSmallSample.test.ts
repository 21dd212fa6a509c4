import type { Appraisal } from '@kinerja/core';
import { describe, expect, it } from 'vitest';
import { auditCohort } from '../../src/audit/auditCohort.js';
import { formatAuditMarkdown } from '../../src/audit/formatAuditMarkdown.js';
import { simulateCohort, simulationRubric } from '../../src/audit/simulateCohort.js';

// A simulated cohort of 10 teams of 8, where two harsh supervisors take over some appraisals and give every value
// a 1: `sekali` one person of team 1, `kerap` six people of team 2. Both sit far below the peers of those people and
// are flagged below the consensus; only the flag resting on one person carries the small-sample caution.
const rubric = simulationRubric();
const simulated = simulateCohort({ seed: 31, rubric });
const takeOver = (a: Appraisal, supervisor: string): Appraisal => ({
  ...a,
  ratings: (a.ratings ?? []).map((r) =>
    r.role === 'supervisor' ? { ...r, rater: supervisor, value: 1 } : r,
  ),
});
const appraisals = simulated.appraisals.map((a, i) => {
  if (i === 0) return takeOver(a, 'sekali');
  if (i >= 8 && i < 14) return takeOver(a, 'kerap');
  return a;
});
const report = auditCohort({ appraisals, evaluations: appraisals.map((a) => rubric.evaluate(a)), rubric });
const supervisor = (id: string) => report.divergence.supervisors.find((s) => s.supervisor === id);

describe('divergence: a flag resting on fewer people than the audit was measured on', () => {
  it('carries a small-sample caution with a code, its numbers and a message in id and en', () => {
    const once = supervisor('sekali');
    expect(once).toMatchObject({ ratees: 1, flag: 'below-consensus' });
    expect(once?.warnings).toHaveLength(1);
    const w = once?.warnings?.[0];
    expect(w?.code).toBe('small-sample');
    expect(w?.params).toEqual({
      supervisor: 'sekali',
      ratees: 1,
      validatedFrom: 4,
      estimate: once?.interval?.estimate,
      detectable: once?.test?.detectable,
      power: 0.95,
    });
    expect(w?.message.en).toMatch(
      /^supervisor "sekali" was flagged on 1 person only, fewer than 4 \(the smallest team this audit's power/,
    );
    expect(w?.message.en).toContain(
      'a habit of rating their own people up or down cannot be told from their view of that person',
    );
    expect(w?.message.en).toContain(`only a gap of at least ${once?.test?.detectable.toFixed(2)} points`);
    expect(w?.message.id).toMatch(/^atasan "sekali" ditandai berdasarkan 1 orang saja, kurang dari 4 /);
    expect(w?.message.id).toContain(`sedikitnya ${once?.test?.detectable.toFixed(2).replace('.', ',')} poin`);
    expect(report.findings.find((f) => f.audit === 'divergence' && f.subject === 'sekali')).toMatchObject({
      flag: 'below-consensus',
      warnings: ['small-sample'],
    });
  });

  it('is given to every flagged supervisor of fewer than 4 people and to no one else', () => {
    expect(supervisor('kerap')).toMatchObject({ ratees: 6, flag: 'below-consensus' });
    expect(supervisor('kerap')?.warnings).toBeUndefined();
    expect(
      report.findings.find((f) => f.audit === 'divergence' && f.subject === 'kerap')?.warnings,
    ).toBeUndefined();
    for (const s of report.divergence.supervisors)
      expect(s.warnings !== undefined, s.supervisor).toBe(s.flag !== undefined && s.ratees < 4);
  });

  it('is printed in the Markdown report, in Indonesian and in English, next to the finding and under divergence', () => {
    const en = formatAuditMarkdown(report, 'en');
    expect(en).toMatch(
      /\*\*divergence\*\* `sekali`: below-consensus \(estimate -\d\.\d\d points\) — small sample: see the warning under supervisor versus peers\n/,
    );
    expect(en).toMatch(/\*\*divergence\*\* `kerap`: below-consensus \(estimate -\d\.\d\d points\)\n/);
    const section = en.slice(en.indexOf('## Supervisor versus peers'));
    expect(section).toContain(`\nWarnings:\n- ${supervisor('sekali')?.warnings?.[0]?.message.en}\n`);
    const id = formatAuditMarkdown(report, 'id');
    expect(id).toMatch(
      /\*\*atasan vs rekan\*\* `sekali`: di bawah konsensus \(estimasi -\d,\d\d poin\) — sampel kecil: lihat peringatan di bagian atasan dibanding rekan kerja\n/,
    );
    const bagian = id.slice(id.indexOf('## Atasan dibanding rekan kerja'));
    expect(bagian).toContain(`\nPeringatan:\n- ${supervisor('sekali')?.warnings?.[0]?.message.id}\n`);
  });
});
