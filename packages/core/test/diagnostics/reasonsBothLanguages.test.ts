/** Reasons inside messages are given in both languages: the Indonesian message carries no English reason. */
import { describe, expect, it } from 'vitest';
import { createDiagnostic, loadRubric } from '../../src/index.js';
import { appraisal, load } from '../golden/helpers.js';

const rubric = (predicate: string) => `
kinerja: 1
id: reasons
version: 1.0.0
label: { id: Alasan, en: Reasons }
groups:
  g:
    label: { id: G, en: G }
    indicators:
      x: { label: { id: X, en: X }, measure: { kind: value, input: x } }
score:
  weights: { g: 1 }
predicate:
${predicate}
`;
const levels = `  levels:
    - { id: baik, label: { id: Baik, en: Good } }
    - { id: kurang, label: { id: Kurang, en: Poor } }`;

describe('reasons in both languages', () => {
  it('invalid-structure: the predikat with both bands and a matrix', () => {
    const r = loadRubric(
      rubric(`${levels}
  bands:
    - { id: baik, range: "[50, inf)" }
    - { id: kurang, range: "(-inf, 50)" }
  matrix: { rows: g, columns: g, cells: {} }`),
    );
    const d = r.diagnostics.find((x) => x.code === 'invalid-structure');
    expect(d?.message.id).toBe(
      'Struktur rubrik tidak konsisten: predikat memakai tepat satu dari `bands` atau `matrix`.',
    );
    expect(d?.message.en).toBe(
      'The rubric’s structure is inconsistent: the predicate has either `bands` or `matrix`, exactly one.',
    );
  });

  it('invalid-date: a period that ends before it starts', () => {
    const ok = load(
      rubric(`${levels}
  bands:
    - { id: baik, range: "[50, inf)" }
    - { id: kurang, range: "(-inf, 50)" }`),
    );
    const e = ok.evaluate(
      appraisal({
        inputs: { x: { x: 60 } },
        period: { kind: 'annual', start: '2023-12-31', end: '2023-01-01' },
      }),
    );
    const d = e.diagnostics.find((x) => x.code === 'invalid-date');
    expect(d?.message.id).toBe('Tanggal "2023-01-01" tidak sah: periode berakhir sebelum dimulai.');
    expect(d?.message.en).toBe('Date "2023-01-01" is not valid: the period ends before it starts.');
  });
});

describe('the engine’s own words in `expected`, shown in an Indonesian message', () => {
  it('a list too short: "≥ 2 butir" in Indonesian, "≥ 2 items" in English and in `expected`', () => {
    const r = loadRubric(
      rubric(`  levels:
    - { id: baik, label: { id: Baik, en: Good } }
  bands:
    - { id: baik, range: "(-inf, inf)" }`),
    );
    const d = r.diagnostics.find((x) => x.code === 'schema-range');
    expect(d?.expected).toBe('≥ 2 items');
    expect(d?.message.en).toContain('"≥ 2 items"');
    expect(d?.message.id).toContain('"≥ 2 butir"');
    expect(d?.message.id).not.toMatch(/items/);
  });

  it('a value that is not a number: "angka terhingga", while ids and field names stay as written', () => {
    const r = load(
      rubric(`${levels}
  bands:
    - { id: baik, range: "[50, inf)" }
    - { id: kurang, range: "(-inf, 50)" }`),
    );
    const e = r.evaluate(appraisal({ inputs: { x: { x: 'banyak' } } }));
    const d = e.diagnostics.find((x) => x.expected === 'finite number');
    expect(d, JSON.stringify(e.diagnostics)).toBeDefined();
    expect(d?.message.id).toContain('angka terhingga');
    expect(d?.message.id).not.toContain('finite number');
    const missing = r
      .evaluate(appraisal({ inputs: { x: {} } }))
      .diagnostics.find((x) => x.code === 'missing-input');
    expect(missing?.message.id).toContain('"x"');
  });
});

describe('the phrases the engine writes into `expected` when data is missing, in Indonesian', () => {
  it('a group with too few targets: "minimal 1 target untuk skp", with `expected` and English as before', () => {
    const r = load(`
kinerja: 1
id: targets
version: 1.0.0
label: { id: Target, en: Targets }
groups:
  skp:
    label: { id: SKP, en: SKP }
    items:
      measure: { kind: value, input: x }
score:
  weights: { skp: 1 }
predicate:
${levels}
  bands:
    - { id: baik, range: "[50, inf)" }
    - { id: kurang, range: "(-inf, 50)" }
`);
    const d = r.evaluate(appraisal()).diagnostics.find((x) => x.code === 'missing-input');
    expect(d?.expected).toBe('at least 1 target(s) for skp');
    expect(d?.message.id).toBe('Data penilaian tidak memuat "minimal 1 target untuk skp".');
    expect(d?.message.en).toBe('The appraisal has no "at least 1 target(s) for skp".');
  });

  it.each([
    ['missing-input', 'the data of target t1', 'data target t1'],
    [
      'missing-input',
      'data for at least one target of group skp',
      'data untuk minimal satu target dari kelompok skp',
    ],
    [
      'missing-input',
      'data for at least one indicator of group perilaku',
      'data untuk minimal satu indikator dari kelompok perilaku',
    ],
    ['missing-input', 'ratings of hasil-kerja and perilaku', 'rating hasil-kerja dan perilaku'],
    ['invalid-input', 'a value in [0, 1) ∪ [2, 3]', 'nilai dalam [0, 1) ∪ [2, 3]'],
  ] as const)('%s "%s" reads "%s" in Indonesian', (code, expected, id) => {
    const d = createDiagnostic({ code, pointer: '/x', expected });
    expect(d.message.id).toContain(`"${id}"`);
    expect(d.message.en).toContain(`"${expected}"`);
  });
});
