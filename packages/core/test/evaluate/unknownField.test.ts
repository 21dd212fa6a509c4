import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../src/index.js';
import { appraisal, load } from '../golden/helpers.js';

const brief = (e: Evaluation) => e.diagnostics.map((d) => [d.code, d.pointer, d.severity]);

// A listed target read by ratio + optional efficiency, an addition read by an optional lookup, an indicator read by
// a fact only: the shape of PP 46/2011, where a misspelt optional field used to drop its aspect without a word.
const rubric = load(`
kinerja: 1
id: unknown-field
version: 1.0.0
label: { id: Uji kolom, en: Field test }
facts:
  bonus: { type: number, default: 0 }
groups:
  skp:
    label: { id: SKP, en: SKP }
    items:
      min: 1
      measure:
        kind: mean
        of:
          - { kind: ratio, target: quantityTarget, realisation: quantity }
          - { kind: efficiency, target: costTarget, realisation: cost, optional: true }
    additions:
      tugas-tambahan:
        label: { id: Tugas tambahan, en: Additional duties }
        measure: { kind: lookup, input: count, optional: true, table: [{ range: "[0, inf)", value: 1 }] }
  lain:
    label: { id: Lain, en: Other }
    indicators:
      dari-fakta: { label: { id: Fakta, en: Fact }, measure: { kind: value, input: { fact: facts, path: $.bonus } } }
score:
  weights: { skp: 0.5, lain: 0.5 }
predicate:
  levels:
    - { id: ada, label: { id: Ada, en: Present } }
    - { id: tidak-ada, label: { id: Tidak ada, en: Absent } }
  bands:
    - { id: ada, range: "[0, inf)" }
    - { id: tidak-ada, range: "(-inf, 0)" }
`);

describe('fields of an input record or listed target that no measure reads', () => {
  it('are an error at the field, listing what the rubric reads there and the nearest spelling', () => {
    const e = rubric.evaluate(
      appraisal({
        targets: { skp: [{ id: 't1', quantityTarget: 10, quantity: 10, biayaTarget: 5, costs: 4 }] },
        inputs: { 'tugas-tambahan': { jumlah: 5 } },
      }),
    );
    expect(e.status).toBe('invalid');
    expect(brief(e)).toEqual([
      ['unknown-field', '/inputs/tugas-tambahan/jumlah', 'error'],
      ['unknown-field', '/targets/skp/0/biayaTarget', 'error'],
      ['unknown-field', '/targets/skp/0/costs', 'error'],
    ]);
    const [count, typo, swapped] = e.diagnostics;
    expect(typo?.expected).toEqual(['cost', 'costTarget', 'quantity', 'quantityTarget']);
    expect(typo?.message.en).not.toContain('did you mean');
    expect(swapped?.message.en).toContain('did you mean "cost"?');
    expect(swapped?.message.id).toContain('mungkin yang dimaksud "cost"?');
    expect(count?.expected).toEqual(['count']);
    expect(count?.message.en).toContain('Fields read: count.');
  });

  it('leave the fields the appraisal format defines for a listed target alone (id, label, main)', () => {
    const e = rubric.evaluate(
      appraisal({
        targets: { skp: [{ id: 't1', label: 'Laporan', main: true, quantityTarget: 10, quantity: 10 }] },
        inputs: { 'tugas-tambahan': { count: 2 } },
      }),
    );
    expect(brief(e)).toEqual([]);
    expect(e.status).toBe('complete');
  });

  it('cover an indicator that reads only facts: anything in its record is unread', () => {
    const e = rubric.evaluate(
      appraisal({
        targets: { skp: [{ id: 't1', quantityTarget: 1, quantity: 1 }] },
        inputs: { 'dari-fakta': { bonus: 3 } },
      }),
    );
    expect(brief(e)).toEqual([['unknown-field', '/inputs/dari-fakta/bonus', 'error']]);
    expect(e.diagnostics[0]?.expected).toEqual([]);
    expect(e.diagnostics[0]?.message.en).toContain('The rubric reads no field here.');
  });

  it('count the fields of every alternative of a one-of and of nested measures', () => {
    const oneOf = load(`
kinerja: 1
id: one-of-fields
version: 1.0.0
label: { id: Uji, en: Test }
groups:
  g:
    label: { id: G, en: G }
    items:
      measure:
        kind: one-of
        of:
          - { kind: ratio, target: target, realisation: realisation }
          - kind: max
            of:
              - { kind: ratio, target: targetMax, realisation: realisationRange }
              - { kind: ratio, target: targetMin, realisation: realisationRange }
score:
  weights: { g: 1 }
predicate:
  levels:
    - { id: ada, label: { id: Ada, en: Present } }
    - { id: tidak-ada, label: { id: Tidak ada, en: Absent } }
  bands:
    - { id: ada, range: "[0, inf)" }
    - { id: tidak-ada, range: "(-inf, 0)" }
`);
    const ok = oneOf.evaluate(
      appraisal({ targets: { g: [{ id: 'a', targetMin: 80, targetMax: 90, realisationRange: 85 }] } }),
    );
    expect(brief(ok)).toEqual([]);
    const typo = oneOf.evaluate(
      appraisal({ targets: { g: [{ id: 'a', target: 80, realisation: 80, realisasi: 85 }] } }),
    );
    expect(brief(typo)).toEqual([['unknown-field', '/targets/g/0/realisasi', 'error']]);
    expect(typo.diagnostics[0]?.expected).toEqual([
      'realisation',
      'realisationRange',
      'target',
      'targetMax',
      'targetMin',
    ]);
  });
});
