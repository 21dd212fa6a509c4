/**
 * The employee's view of evaluations that carry no rater list to learn ids from: a score-only evaluation, and an
 * invalid one whose schema errors name raters. No rater id may reach the employee, and a lone peer's rating may
 * not be deduced from a divergence warning's figures.
 */
import { describe, expect, it } from 'vitest';
import { redactForEmployee } from '../../src/index.js';
import { appraisalOf, loadRaters } from './helpers.js';

describe('redactForEmployee without traces', () => {
  it('withholds the divergence figures of a score-only evaluation, whose anonymity cannot be checked', () => {
    const rubric = loadRaters(
      '{ kind: raters, roles: { supervisor: { weight: 0.5 }, peer: { weight: 0.5 } }, divergence: { threshold: 0.5 }, anonymity: { k: 3 } }',
    );
    // One peer rated 1: the consensus "1" in the warning would be that peer's own rating.
    const input = appraisalOf([
      ['atasan', 'supervisor', 5],
      ['rekan-sendiri', 'peer', 1],
    ]);
    for (const scoreOnly of [false, true]) {
      const view = redactForEmployee(rubric.evaluate(input, { scoreOnly }));
      const d = view.diagnostics.find((x) => x.code === 'rater-divergence');
      expect(d?.message.id, `scoreOnly ${scoreOnly}`).toBe(
        'Rating atasan "(disembunyikan)" untuk integritas menyimpang dari konsensus penilai lain "(disembunyikan)" lebih dari 0.5; perlu ditinjau.',
      );
      expect(d).not.toHaveProperty('received');
      expect(JSON.stringify(view)).not.toContain('rekan-sendiri');
    }
  });

  it('takes rater ids out of schema errors: a raterStats key in the pointer, a too-long rater id', () => {
    const rubric = loadRaters(
      '{ kind: raters, roles: { supervisor: { weight: 0.5 }, peer: { weight: 0.5 } } }',
    );
    const stats = rubric.evaluate(
      appraisalOf(
        [
          ['SECRET-SUP', 'supervisor', 4],
          ['p', 'peer', 4],
        ],
        { raterStats: { 'SECRET-SUP': { mean: 3, sd: 0, n: 2 } } },
      ),
    );
    expect(stats.status).toBe('invalid');
    expect(JSON.stringify(stats.diagnostics)).toContain('SECRET-SUP');
    const view = redactForEmployee(stats);
    expect(JSON.stringify(view)).not.toContain('SECRET-SUP');
    expect(view.diagnostics.map((d) => d.pointer)).toContain('/raterStats/(anonymous)/sd');

    const long = 'SECRET-SUP-'.repeat(13);
    const tooLong = redactForEmployee(rubric.evaluate(appraisalOf([[long, 'supervisor', 4]])));
    expect(tooLong.status).toBe('invalid');
    expect(JSON.stringify(tooLong)).not.toContain('SECRET-SUP');
  });
});
