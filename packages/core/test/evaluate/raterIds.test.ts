/**
 * Rater ids are compared exactly, so the appraisal refuses ids that differ from another only by what cannot be
 * seen: "peer-1 " rated as a second rater, and the employee's NIP with a trailing space rated as a peer.
 */
import { describe, expect, it } from 'vitest';
import { appraisalOf, loadRaters, NIP } from '../raters/helpers.js';

const rubric = loadRaters('{ kind: raters, roles: { supervisor: { weight: 0.5 }, peer: { weight: 0.5 } } }');

describe('rater ids', () => {
  it.each([
    [`${NIP} `, 'the NIP with a trailing space'],
    ['peer-1 ', 'a trailing space'],
    [' peer-1', 'a leading space'],
    ['peer-1\t', 'a trailing tab'],
    ['peer-1\u00a0', 'a trailing no-break space'],
    ['peer\u00001', 'a NUL inside'],
    ['peer-1\u0085', 'a C1 control character (NEL)'],
  ])('%j (%s) is refused in a rating, with a plain message', (id) => {
    const e = rubric.evaluate(
      appraisalOf([
        ['atasan-1', 'supervisor', 4],
        ['peer-1', 'peer', 4],
        [id, 'peer', 2],
      ]),
    );
    expect(e.status).toBe('invalid');
    const d = e.diagnostics.find((x) => x.pointer === '/ratings/2/rater');
    expect(d?.code).toBe('schema-pattern');
    expect(d?.received).toBe(id);
    expect(d?.message.en).toContain('a rater id with no leading or trailing space and no control character');
    expect(d?.message.id).toContain('id penilai tanpa spasi di awal atau akhir dan tanpa karakter kontrol');
  });

  it('is refused in a conflict too', () => {
    const e = rubric.evaluate(
      appraisalOf(
        [
          ['atasan-1', 'supervisor', 4],
          ['peer-1', 'peer', 4],
        ],
        { conflicts: [{ rater: 'peer-1 ', kind: 'family' }] },
      ),
    );
    expect(e.status).toBe('invalid');
    expect(e.diagnostics.map((d) => [d.code, d.pointer])).toEqual([['schema-pattern', '/conflicts/0/rater']]);
  });

  it('spaces inside an id, and any letters, are allowed and compared exactly', () => {
    const e = rubric.evaluate(
      appraisalOf([
        ['Ibu Maria Ndun', 'supervisor', 4],
        ['rekan 1', 'peer', 3],
        ['Rekan 1', 'peer', 5],
      ]),
    );
    expect(e.status).toBe('complete');
    // 0.5 × 4 + 0.5 × mean(3, 5)
    expect(e.score).toBe(4);
  });
});
