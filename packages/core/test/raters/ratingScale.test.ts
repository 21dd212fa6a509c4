/**
 * A `raters` measure's `range` is its rating scale: a number off it (0 or −40 on a 1–5 scale) is refused at the
 * rating, not averaged into a behaviour score of −2.86. Without a range the rubric says, at load, that any number
 * counts.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRubric } from '../../src/index.js';
import { loadRubricFile } from '../../src/node/index.js';
import { appraisalOf, loadRaters, NIP, ratersRubric } from './helpers.js';

const BOUNDED =
  '{ kind: raters, roles: { supervisor: { weight: 0.5 }, peer: { weight: 0.5 } }, range: "[1, 5]", map: { baik: 4, cukup: 3 } }';

describe('a rating outside the declared scale', () => {
  const rubric = loadRaters(BOUNDED);

  it.each([0, -40, 5.5, 6])('%s is an error at the rating, with the scale and the value', (value) => {
    const e = rubric.evaluate(
      appraisalOf([
        ['atasan-1', 'supervisor', 4],
        ['rekan-1', 'peer', value],
      ]),
    );
    expect(e.status).toBe('invalid');
    expect(e.score).toBeUndefined();
    const d = e.diagnostics.find((x) => x.code === 'rating-out-of-scale');
    expect(d).toMatchObject({
      severity: 'error',
      pointer: '/ratings/1/value',
      expected: '[1, 5]',
      received: value,
    });
    expect(d?.message.en).toContain('[1, 5]');
    expect(d?.message.id).toContain('skala rating');
  });

  it('the ends of the scale and labels count as before', () => {
    const e = rubric.evaluate(
      appraisalOf([
        ['atasan-1', 'supervisor', 1],
        ['rekan-1', 'peer', 5],
        ['rekan-2', 'peer', 'baik'],
      ]),
    );
    expect(e.status).toBe('complete');
    // 0.5 × 1 + 0.5 × mean(5, 4) = 0.5 + 2.25
    expect(e.score).toBe(2.75);
  });

  it('is refused in a role shown with weight 0 too: it is still a wrong number in the data', () => {
    const shown = loadRaters(
      '{ kind: raters, roles: { supervisor: { weight: 1 }, self: { weight: 0, show: true } }, range: "[1, 5]" }',
    );
    const e = shown.evaluate(
      appraisalOf([
        ['atasan-1', 'supervisor', 4],
        [NIP, 'self', 9],
      ]),
    );
    expect(e.diagnostics.map((d) => [d.code, d.pointer])).toContainEqual([
      'rating-out-of-scale',
      '/ratings/1/value',
    ]);
  });
});

describe('the scale when the rubric loads', () => {
  const compile = (measure: string) => {
    const r = loadRubric(ratersRubric(measure), { source: 'r.rubric.yaml' });
    // The test rubric declares a level no band gives; that warning is not what is tested here.
    return { ok: r.ok, diagnostics: r.diagnostics.filter((d) => d.code !== 'unproduced-level') };
  };

  it('a raters measure without range loads with a raters-unbounded warning at the measure', () => {
    const r = compile('{ kind: raters, roles: { supervisor: { weight: 1 } } }');
    expect(r.ok).toBe(true);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.pointer])).toEqual([
      ['raters-unbounded', 'warning', '/groups/perilaku/indicators/integritas/measure'],
    ]);
  });

  it('with range, no warning', () => {
    const r = compile('{ kind: raters, roles: { supervisor: { weight: 1 } }, range: "[1, 5]" }');
    expect(r.ok).toBe(true);
    expect(r.diagnostics).toEqual([]);
  });

  it('a map value outside the range is refused at that label', () => {
    const r = compile(
      '{ kind: raters, roles: { supervisor: { weight: 1 } }, range: "[1, 5]", map: { baik: 4, istimewa: 6 } }',
    );
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.pointer])).toEqual([
      ['invalid-measure', '/groups/perilaku/indicators/integritas/measure/map/istimewa'],
    ]);
  });

  it('a range that is not an interval is invalid-range', () => {
    const r = compile('{ kind: raters, roles: { supervisor: { weight: 1 } }, range: "1 to 5" }');
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => [d.code, d.pointer])).toEqual([
      ['invalid-range', '/groups/perilaku/indicators/integritas/measure/range'],
    ]);
  });
});

describe('the packs declare their rating scales', () => {
  const pack = (p: string) => fileURLToPath(new URL(`../../../../rubrics/${p}`, import.meta.url));

  it.each([
    'permenpanrb-6-2022/permenpanrb-6-2022.rubric.yaml',
    'kupang-dinkes/kupang-dinkes.rubric.yaml',
    'kupang-administrasi/kupang-administrasi.rubric.yaml',
    'pp-30-2019/pp-30-2019.rubric.yaml',
    'pp-30-2019/pp-30-2019-360.rubric.yaml',
  ])('%s loads without raters-unbounded', (p) => {
    const r = loadRubricFile(pack(p));
    expect(r.ok).toBe(true);
    expect(r.diagnostics.filter((d) => d.code === 'raters-unbounded')).toEqual([]);
  });

  it('PermenPAN-RB 6/2022: a BerAKHLAK peer rating of 0 is refused (was a perilaku score below 1)', () => {
    const r = loadRubricFile(pack('permenpanrb-6-2022/permenpanrb-6-2022.rubric.yaml'));
    if (!r.ok) throw new Error('pack did not load');
    const e = r.value.evaluate({
      employee: { nip: NIP, unit: 'Dinkes', position: 'Analis' },
      period: { kind: 'annual', start: '2024-01-01', end: '2024-12-31' },
      targets: { 'hasil-kerja': [{ id: 't1', main: true, target: 100, realisation: 100 }] },
      ratings: [{ rater: 'peer-1', role: 'peer', indicator: 'akuntabel', value: 0 }],
      supervisorRatings: { 'hasil-kerja': 'sesuai', perilaku: 'sesuai' },
    });
    expect(e.status).toBe('invalid');
    expect(e.diagnostics.map((d) => [d.code, d.pointer, d.expected])).toContainEqual([
      'rating-out-of-scale',
      '/ratings/0/value',
      '[1, 5]',
    ]);
  });
});
