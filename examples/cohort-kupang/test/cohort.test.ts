import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Cohort, generateCohort, SEED } from '../generate.mjs';
import { loadPacks, NATIONAL_PACK, renderText, scoreCohort, summarise } from '../score.mjs';

const committed = JSON.parse(readFileSync(new URL('../cohort.json', import.meta.url), 'utf8')) as Cohort;
const packs = loadPacks();
const rows = scoreCohort(committed, packs);
const summary = summarise(rows, committed);

// The generator leaves a rater role short on purpose only here; every other appraisal must be complete.
const DELIBERATELY_SHORT: Record<string, string> = {
  'third-party-missing': 'third-party',
  'family-supervisor': 'supervisor',
};

describe('the synthetic Kupang cohort', () => {
  it('the committed cohort.json equals a fresh generation (regenerate with `node generate.mjs`)', () => {
    expect(committed).toEqual(generateCohort(SEED));
    expect(committed.synthetic).toBe(true);
  });

  it('has at least 300 employees over at least 6 units, with well-formed NIPs', () => {
    expect(committed.employees.length).toBeGreaterThanOrEqual(300);
    expect(committed.units.length).toBeGreaterThanOrEqual(6);
    expect(new Set(committed.employees.map((e) => e.nip)).size).toBe(committed.employees.length);
    for (const e of committed.employees) {
      // birth date (8) + appointment year-month (6) + sex (1) + sequence (3)
      expect(e.nip).toMatch(
        /^(19[6-9]\d|200\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d)(19[89]\d|20[0-2]\d)(0[1-9]|1[0-2])[12]\d{3}$/,
      );
      expect(Number(e.nip.slice(8, 12)) - Number(e.nip.slice(0, 4))).toBeGreaterThanOrEqual(18);
    }
    for (const u of committed.units) {
      expect(committed.employees.filter((e) => e.unit === u.id).length).toBe(u.size);
    }
  });

  it('every appraisal is complete, or pending only where the generator left a role short on purpose', () => {
    for (const r of rows) {
      const short = r.scenario.map((s) => DELIBERATELY_SHORT[s]).filter((x) => x !== undefined);
      if (short.length === 0) {
        expect({ nip: r.nip, status: r.status, errors: r.errors, pending: r.pending }).toEqual({
          nip: r.nip,
          status: 'complete',
          errors: [],
          pending: [],
        });
      } else {
        expect({ nip: r.nip, status: r.status, pending: r.pending }).toEqual({
          nip: r.nip,
          status: 'pending',
          pending: short,
        });
      }
    }
    expect(rows.filter((r) => r.status === 'pending').length).toBe(
      committed.employees.filter((e) => e.scenario.some((s) => s in DELIBERATELY_SHORT)).length,
    );
  });

  it('the per-unit summary adds up', () => {
    const keys = [
      'count',
      'pending',
      'invalid',
      'coaching',
      'flaggedForReview',
      'differsFromNational',
    ] as const;
    for (const k of keys) {
      expect(summary.units.reduce((a, u) => a + u[k], 0)).toBe(summary.total[k]);
    }
    for (const u of [...summary.units, summary.total]) {
      const predicates = Object.values(u.predicates).reduce((a, b) => a + b, 0);
      expect(predicates + u.pending + u.invalid).toBe(u.count);
    }
    expect(summary.total.count).toBe(committed.employees.length);
    expect(summary.total.invalid).toBe(0);
    expect(summary.total.coaching).toBe(
      rows.filter((r) => r.outcomes.some((o) => o.id === 'pembinaan')).length,
    );
  });

  it('the agency policy changes verdicts the national pack alone would give (lenient supervisors above all)', () => {
    expect(packs[NATIONAL_PACK]?.id).toBe('permenpanrb-6-2022');
    const differing = rows.filter((r) => r.differsFromNational);
    expect(differing.length).toBeGreaterThan(0);
    const lenient = rows.filter((r) => r.scenario.includes('lenient-supervisor'));
    expect(lenient.length).toBeGreaterThan(0);
    for (const r of lenient) {
      expect(r.national?.predicate).toBe('sangat-baik');
      expect(r.predicate).not.toBe('sangat-baik');
      expect(r.flags.some((f) => f.startsWith('needs-review:'))).toBe(true);
    }
  });

  it('the report stays readable in a terminal', () => {
    const text = renderText(rows, summary, committed);
    const lines = text.trimEnd().split('\n');
    expect(lines.length).toBe(committed.employees.length + committed.units.length + 13);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(140);
  });
});
