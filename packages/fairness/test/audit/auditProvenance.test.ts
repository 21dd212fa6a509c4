import { describe, expect, it } from 'vitest';
import { auditCohort } from '../../src/audit/auditCohort.js';
import { formatAuditMarkdown } from '../../src/audit/formatAuditMarkdown.js';
import { groupDisparity } from '../../src/audit/groupDisparity.js';
import { simulateCohort, simulationRubric } from '../../src/audit/simulateCohort.js';

// What an auditor files with a report: what it was made from, figures they can quote, and warnings that say what to do.
describe('audit report: provenance, figures and warnings an auditor can use', () => {
  const rubric = simulationRubric();
  const cohort = {
    ...simulateCohort({ seed: 11, rubric, biasedSupervisor: 2 }),
    inputs: ['kohort-2025.ndjson'],
  };
  const report = auditCohort(cohort, { by: ['jenis-kelamin', 'unit'], organisation: 'baik', seed: 7 });

  it('says which rubric (id, version, fingerprint), which input and which seed it was made from', () => {
    expect(report.cohort.rubric).toEqual({
      id: rubric.id,
      version: rubric.version,
      fingerprint: rubric.fingerprint,
    });
    expect(report.cohort.rubric?.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(report.cohort.inputs).toEqual(['kohort-2025.ndjson']);
    expect(report.cohort.seed).toBe(7);
    expect(auditCohort(cohort, {}).cohort.seed).toBe(1);
    const id = formatAuditMarkdown(report, 'id');
    const en = formatAuditMarkdown(report, 'en');
    expect(id).toContain(`**Rubrik:** \`${rubric.id}\` ${rubric.version} (\`${rubric.fingerprint}\`)`);
    expect(en).toContain(`**Rubric:** \`${rubric.id}\` ${rubric.version} (\`${rubric.fingerprint}\`)`);
    expect(id).toContain('**Masukan:** `kohort-2025.ndjson`');
    expect(en).toContain('**Input:** `kohort-2025.ndjson`');
    expect(id).toContain('**Benih bootstrap:** 7');
    expect(en).toContain('**Bootstrap seed:** 7');
  });

  it('writes every decimal with a comma in Indonesian and a point in English', () => {
    const id = formatAuditMarkdown(report, 'id');
    // The rubric's version (1.0.0) is a name, not a number.
    const body = id
      .split('\n')
      .filter((l) => !l.startsWith('**Rubrik:**'))
      .join('\n');
    expect(body).not.toMatch(/\d\.\d/);
    expect(body).toMatch(/alpha 0,05;/);
    // An interval's ends are split by a semicolon, so "[0,13; 0,86]" cannot be misread.
    expect(body).toMatch(/\| \[-?\d+,\d\d; -?\d+,\d\d\] \|/);
    const en = formatAuditMarkdown(report, 'en');
    expect(en).toMatch(/alpha 0\.05;/);
    expect(en).toMatch(/\| \[-?\d+\.\d\d, -?\d+\.\d\d\] \|/);
    expect(en).not.toMatch(/\d,\d\d/);
  });

  it('says what each finding’s number is, and that a finding is a reason to look, not a verdict', () => {
    // An organisation rated Kurang must have far fewer Baik than this cohort: the curve is off by tens of people.
    const off = auditCohort(cohort, { organisation: 'kurang' });
    const curve = off.findings.find((f) => f.audit === 'curve');
    const lenient = report.findings.find((f) => f.audit === 'leniency' && f.subject === 'atasan-3');
    expect(curve).toBeDefined();
    expect(lenient).toBeDefined();
    const id = formatAuditMarkdown(report, 'id');
    const en = formatAuditMarkdown(report, 'en');
    expect(formatAuditMarkdown(off, 'id')).toContain(
      `: tidak sesuai pola (${curve?.value} orang harus dipindah)`,
    );
    expect(formatAuditMarkdown(off, 'en')).toContain(`: off-pattern (${curve?.value} people to move)`);
    expect(id).toContain(
      `\`atasan-3\`: terlalu murah (estimasi ${lenient?.value.toFixed(2).replace('.', ',')} poin)`,
    );
    expect(en).toContain(`\`atasan-3\`: lenient (estimate ${lenient?.value.toFixed(2)} points)`);
    expect(id).toContain('Temuan adalah alasan untuk memeriksa, bukan putusan.');
    expect(en).toContain('A finding is a reason to look, not a verdict.');
    // A disparity is unequal outcomes; the method cannot say they are discrimination.
    expect(id).toContain('bukan diskriminasi');
    expect(en).toContain('not discrimination');
    expect(id).not.toContain('outcome');
  });

  it('gives each disparity warning a stable code, its numbers, and both languages saying what to do', () => {
    const small = simulateCohort({ seed: 3, rubric, supervisors: 2 });
    const warnings = groupDisparity(small, { by: ['jenis-kelamin'] }).results.flatMap((r) => r.warnings);
    expect(warnings.length).toBeGreaterThan(0);
    for (const w of warnings) {
      expect(w.code).toBe('small-group');
      expect(typeof w.params.group).toBe('string');
      expect(w.message.id).toMatch(/^kelompok ".*" terlalu kecil .*gabungkan periode atau unit/);
      expect(w.message.en).toMatch(/^group ".*" is too small .*pool periods or units/);
    }
    const one = groupDisparity(
      { ...small, appraisals: small.appraisals.slice(0, 1), evaluations: small.evaluations.slice(0, 1) },
      { by: ['jenis-kelamin'] },
    );
    expect(one.results[0]?.warnings.at(-1)).toMatchObject({ code: 'too-few-groups', params: { groups: 1 } });
  });

  it('says whether the rater model converged as a field, not only inside the English method text', () => {
    expect(report.leniency.converged).toBe(true);
    expect(
      formatAuditMarkdown({ ...report, leniency: { ...report.leniency, converged: false } }, 'id'),
    ).toContain('gradien konjugat, TIDAK konvergen');
  });
});
