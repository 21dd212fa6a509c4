import { KinerjaError, loadRubric } from '@kinerja/core';
import { describe, expect, it } from 'vitest';
import { appraisal, BROKEN_RUBRIC, run } from '../example.mjs';

// The same code path as `node index.mjs`, run from source (vitest resolves @kinerja/core via the "source" condition).
const lines: string[] = [];
const out = run((line) => lines.push(line));
const printed = lines.join('\n');

const raterIds = [...new Set((appraisal.ratings as Array<{ rater: string }>).map((r) => r.rater))];

describe('examples/00-evaluate-in-code', () => {
  it('loads kupang-dinkes (extending permenpanrb-6-2022) and evaluates the officer to Baik', () => {
    expect(out.rubric.id).toBe('kupang-dinkes');
    expect(out.result.status).toBe('complete');
    expect(out.result.predicate?.id).toBe('baik');
    expect(out.result.groups['kinerja-dinkes']?.score).toBe(100);
    expect(out.result.groups.perilaku?.rating).toBe('sesuai');
    expect(out.result.outcomes['kenaikan-pangkat']?.met).toBe(true);
    expect(out.result.outcomes.pembinaan?.met).toBe(false);
    expect(out.result.diagnostics).toEqual([]);
    expect(printed).toContain('Predikat: Baik (baik)');
    expect(printed).toContain('Tindak lanjut kenaikan-pangkat: ya');
  });

  it("prints the employee's view: aggregated per role, no rater id anywhere", () => {
    expect(raterIds).toEqual(['atasan-1', 'rekan-1', 'rekan-2', 'mitra-1']);
    expect(out.explanation).toContain('Predikat: Baik');
    expect(out.explanation).toContain('rekan kerja: 2 → 4');
    // Ratings by the rubric's labels, as the employee knows them, not by their ids.
    expect(out.explanation).toContain('Perilaku kerja (BerAKHLAK): 4 (rata-rata); rating Sesuai Ekspektasi');
    expect(out.explanation).not.toContain('rating sesuai');
    for (const id of raterIds) {
      expect(out.explanation).not.toContain(id);
      expect(printed).not.toContain(id);
    }
    // The auditor's view of the same evaluation does name them: the redaction is what hides them.
    expect(JSON.stringify(out.result)).toContain('rekan-1');
  });

  it('shows the safe and the throwing API on the same broken rubric, with line:column', () => {
    expect(out.brokenDiagnostics.map((d) => [d.code, d.span?.start.line, d.span?.start.column])).toEqual([
      ['schema-unknown-property', 8, 5],
    ]);
    expect(printed).toContain('rusak.rubric.yaml:8:5 error schema-unknown-property');
    expect(out.thrown).toBeInstanceOf(KinerjaError);
    expect(out.thrown?.diagnostics).toEqual(out.brokenDiagnostics);
    expect(printed).toContain('KinerjaError: schema-unknown-property');
    // The typo is the only problem: fixed, the same text loads.
    expect(loadRubric(BROKEN_RUBRIC.replace('combin:', 'combine:')).ok).toBe(true);
  });
});
