/**
 * Every mistake in a mapping file is told in the reader's language: the Indonesian message of `mapping-invalid`
 * carries no English clause, at the same pointer and line:column as the English one.
 */
import type { CompiledRubric, Diagnostic } from '@kinerja/core';
import { describe, expect, it } from 'vitest';
import { bindMapping, createRecordScorer, loadMapping } from '../src/index.js';

// Words of an English detail that Indonesian never uses; ids, keys and column names in the cases avoid them.
const ENGLISH =
  /\b(the|must|is|are|not|give|of|with|an|each|only|once|from|like|such|paths|unknown|expected|one|twice|least)\b/;

// `[what is wrong, mapping, pointer, line, column, Indonesian detail]`: one case per detail loadMapping writes.
const cases: ReadonlyArray<readonly [string, string, string, number, number, string]> = [
  [
    'an unknown top-level key',
    'fields: { nip: NIP }\nratingz: []\n',
    '/ratingz',
    2,
    1,
    'kunci "ratingz" tidak dikenal; yang ada: version, delimiter, decimal, dateFormat, sheet, groupBy, fields, constants, targets, ratings',
  ],
  [
    'an empty groupBy column',
    'groupBy: [NIP, ""]\nfields: { nip: NIP }\n',
    '/groupBy/1',
    1,
    16,
    'kolom groupBy harus berupa teks yang tidak kosong',
  ],
  [
    'an empty column name',
    'fields:\n  nip: NIP\n  employee.unit: ""\n',
    '/fields/employee.unit',
    3,
    18,
    'nama kolom harus berupa teks yang tidak kosong',
  ],
  [
    'an empty `column`',
    'fields:\n  nip: NIP\n  employee.unit: { column: "" }\n',
    '/fields/employee.unit/column',
    3,
    28,
    'column harus berupa teks yang tidak kosong',
  ],
  [
    'an empty rater',
    'ratings:\n  - { column: Nilai, rater: "", role: peer, indicator: akuntabel }\n',
    '/ratings/0/rater',
    2,
    29,
    'rater (teks, atau { column: … } untuk membacanya dari tiap baris) harus berupa teks yang tidak kosong',
  ],
  [
    'an unknown type',
    'fields:\n  nip: NIP\n  employee.unit: { column: Unit, type: text }\n',
    '/fields/employee.unit/type',
    3,
    40,
    'type harus salah satu dari string, number, integer, boolean, date, auto',
  ],
  [
    'optional not true/false',
    'fields:\n  nip: NIP\n  employee.unit: { column: Unit, optional: "yes" }\n',
    '/fields/employee.unit/optional',
    3,
    44,
    'optional harus true atau false',
  ],
  [
    'a constant that is not a number',
    'fields: { nip: NIP }\nconstants:\n  inputs.kinerja.nilai: tinggi\n',
    '/constants/inputs.kinerja.nilai',
    3,
    25,
    'isian ini harus berisi angka, bukan "tinggi" (tulis dengan angka, mis. 100 atau 86.22)',
  ],
  [
    'a constant that is not a whole number',
    'fields: { nip: NIP }\nconstants:\n  employee.history[0].year: 2023.5\n',
    '/constants/employee.history[0].year',
    3,
    29,
    'isian ini harus berisi bilangan bulat, bukan 2023.5 (bukan bilangan bulat)',
  ],
  [
    'a constant that is not a date',
    'fields: { nip: NIP }\nconstants:\n  period.end: 31-12-2024\n',
    '/constants/period.end',
    3,
    15,
    'isian ini harus berisi tanggal, bukan "31-12-2024" (diharapkan bentuk yyyy-MM-dd)',
  ],
  [
    'a constant NIP that is not 18 digits',
    'fields: { employee.unit: Unit }\nconstants:\n  employee.nip: "12345"\n',
    '/constants/employee.nip',
    3,
    17,
    'isian ini harus berisi NIP 18 digit yang ditulis sebagai teks, bukan "12345"',
  ],
  [
    'a target constant that is not true/false',
    'fields: { nip: NIP }\ntargets:\n  hasil-kerja:\n    prefix: "RHK{n} "\n    fields: { target: Target, main: { value: mungkin } }\n',
    '/targets/hasil-kerja/fields/main/value',
    5,
    46,
    'isian ini harus berisi nilai benar/salah, bukan "mungkin" (tulis Ya/Tidak, true/false, atau 1/0)',
  ],
  [
    'a mapping that is a list',
    '- fields\n',
    '',
    1,
    1,
    'pemetaan harus berupa mapping YAML yang berisi `fields`, `targets`, `ratings`, dan `constants`',
  ],
  ['a version other than 1', 'version: 2\nfields: { nip: NIP }\n', '/version', 1, 10, 'version harus 1'],
  [
    'a delimiter other than , or ;',
    'delimiter: "|"\nfields: { nip: NIP }\n',
    '/delimiter',
    1,
    12,
    'delimiter harus "," atau ";"',
  ],
  [
    'an unknown decimal separator',
    'decimal: koma\nfields: { nip: NIP }\n',
    '/decimal',
    1,
    10,
    'decimal harus ",", ".", atau auto',
  ],
  [
    'sheet 0',
    'sheet: 0\nfields: { nip: NIP }\n',
    '/sheet',
    1,
    8,
    'sheet harus berupa nama lembar kerja atau urutannya (1 = lembar pertama)',
  ],
  [
    'an empty groupBy list',
    'groupBy: []\nfields: { nip: NIP }\n',
    '/groupBy',
    1,
    10,
    'groupBy harus berupa nama kolom atau daftar nama kolom, mis. [NIP, Periode]',
  ],
  [
    'a groupBy column named twice',
    'groupBy: [NIP, NIP]\nfields: { nip: NIP }\n',
    '/groupBy/1',
    1,
    16,
    'kolom "NIP" disebut dua kali',
  ],
  [
    'a dateFormat without MM',
    'dateFormat: dd/mm/yyyy\nfields: { nip: NIP }\n',
    '/dateFormat',
    1,
    13,
    'dateFormat harus memakai dd (atau d), MM (atau M), dan yyyy masing-masing satu kali, mis. dd/MM/yyyy',
  ],
  [
    'two entries setting one field',
    'fields:\n  nip: NIP\n  employee.nip: NIP Baru\n',
    '/fields/employee.nip',
    3,
    3,
    'ini mengisi data penilaian yang sama dengan /fields/nip',
  ],
  [
    'a path that cannot be read',
    'fields:\n  nip: NIP\n  employee..unit: Unit\n',
    '/fields/employee..unit',
    3,
    3,
    '"employee..unit" bukan path seperti employee.unit atau employee.history[0].year',
  ],
  [
    'a sub-path of id',
    'fields:\n  nip: NIP\n  id.kode: Kode\n',
    '/fields/id.kode',
    3,
    3,
    '"id.kode": `id` tidak punya sub-path',
  ],
  [
    'an unknown employee path',
    'fields:\n  nip: NIP\n  employee.umur: Umur\n',
    '/fields/employee.umur',
    3,
    3,
    '"employee.umur": path employee yang ada: nip, name, unit, position, positionType, functionalLevel, rank, rankSince, history[i].year, history[i].predicate',
  ],
  [
    'an unknown period path',
    'fields:\n  nip: NIP\n  period.year: Tahun\n',
    '/fields/period.year',
    3,
    3,
    '"period.year": path period yang ada: kind, start, dan end',
  ],
  [
    'an inputs path without its input',
    'fields:\n  nip: NIP\n  inputs.kinerja: Nilai\n',
    '/fields/inputs.kinerja',
    3,
    3,
    '"inputs.kinerja": path inputs berbentuk inputs.<id-indikator>.<nama-input>',
  ],
  [
    'a facts path too deep',
    'fields:\n  nip: NIP\n  facts.masa.kerja: Masa\n',
    '/fields/facts.masa.kerja',
    3,
    3,
    '"facts.masa.kerja": path facts berbentuk facts.<id-fakta>',
  ],
  [
    'supervisorRatings without a group',
    'fields:\n  nip: NIP\n  supervisorRatings: Rating\n',
    '/fields/supervisorRatings',
    3,
    3,
    '"supervisorRatings": path supervisorRatings berbentuk supervisorRatings.<id-kelompok>',
  ],
  [
    'an unknown raterStats path',
    'fields:\n  nip: NIP\n  raterStats.r1.max: Maks\n',
    '/fields/raterStats.r1.max',
    3,
    3,
    '"raterStats.r1.max": path raterStats yang ada: raterStats.<penilai>.mean, .sd, dan .n',
  ],
  [
    'targets under fields',
    'fields:\n  nip: NIP\n  targets.hasil: Target\n',
    '/fields/targets.hasil',
    3,
    3,
    '"targets.hasil": targets punya bagian sendiri dalam pemetaan',
  ],
  [
    'a path outside the appraisal format',
    'fields:\n  nip: NIP\n  pegawai.nama: Nama\n',
    '/fields/pegawai.nama',
    3,
    3,
    '"pegawai.nama": path ini tidak menunjuk isian data penilaian (id, employee.*, period.*, inputs.*, facts.*, supervisorRatings.*, raterStats.*)',
  ],
  [
    'fields as a list',
    'fields: [NIP]\n',
    '/fields',
    1,
    9,
    'fields harus memetakan path data penilaian ke nama kolom',
  ],
  [
    'a NIP read as a number',
    'fields:\n  nip: { column: NIP, type: number }\n',
    '/fields/nip/type',
    2,
    29,
    'employee.nip selalu dibaca sebagai 18 digit teks',
  ],
  [
    'a column format without MM',
    'fields:\n  nip: NIP\n  period.start: { column: Mulai, format: dd-mm-yyyy }\n',
    '/fields/period.start/format',
    3,
    42,
    'format harus memakai dd (atau d), MM (atau M), dan yyyy masing-masing satu kali, mis. dd/MM/yyyy',
  ],
  [
    'a format on a text column',
    'fields:\n  nip: NIP\n  employee.unit: { column: Unit, format: dd/MM/yyyy }\n',
    '/fields/employee.unit/format',
    3,
    42,
    'format hanya berlaku untuk kolom tanggal',
  ],
  [
    'a field given as a number',
    'fields:\n  nip: NIP\n  employee.unit: 5\n',
    '/fields/employee.unit',
    3,
    18,
    'tulis nama kolom, atau { column, type, format, optional }',
  ],
  [
    'constants as a text',
    'fields: { nip: NIP }\nconstants: annual\n',
    '/constants',
    2,
    12,
    'constants harus memetakan path data penilaian ke nilai',
  ],
  [
    'a constant given as a list',
    'fields: { nip: NIP }\nconstants:\n  period.kind: [annual]\n',
    '/constants/period.kind',
    3,
    16,
    'konstanta berupa teks, angka, atau true/false',
  ],
  [
    'a {n} column with groupBy',
    'groupBy: NIP\nfields: { nip: NIP }\ntargets:\n  hasil-kerja: { fields: { target: "RHK{n} Target" } }\n',
    '/targets/hasil-kerja/fields/target',
    4,
    36,
    'dengan groupBy tiap baris memuat satu target: tulis nama kolomnya tanpa {n}',
  ],
  [
    'a target column without {n}',
    'fields: { nip: NIP }\ntargets:\n  hasil-kerja: { fields: { target: Target } }\n',
    '/targets/hasil-kerja/fields/target',
    3,
    36,
    'nama kolom (beserta prefix) harus memuat {n}, yaitu nomor target (atau pakai groupBy: satu baris per target)',
  ],
  [
    'targets as a list',
    'fields: { nip: NIP }\ntargets: []\n',
    '/targets',
    2,
    10,
    'targets harus memetakan id kelompok ke { prefix, fields }',
  ],
  [
    'a group id with a capital and a space',
    'fields: { nip: NIP }\ntargets:\n  Hasil Kerja: { prefix: "RHK{n} ", fields: { target: Target } }\n',
    '/targets/Hasil Kerja',
    3,
    3,
    '"Hasil Kerja" bukan id kelompok yang sah',
  ],
  [
    'a group given as a text',
    'fields: { nip: NIP }\ntargets:\n  hasil-kerja: RHK\n',
    '/targets/hasil-kerja',
    3,
    16,
    'tulis { prefix: "RHK{n} ", fields: { target: Target, realisation: Realisasi } }',
  ],
  [
    'a prefix given as a number',
    'fields: { nip: NIP }\ntargets:\n  hasil-kerja: { prefix: 1, fields: { target: "RHK{n} Target" } }\n',
    '/targets/hasil-kerja/prefix',
    3,
    26,
    'prefix harus berupa teks, mis. "RHK{n} "',
  ],
  [
    'target fields given as a text',
    'fields: { nip: NIP }\ntargets:\n  hasil-kerja: { prefix: "RHK{n} ", fields: Target }\n',
    '/targets/hasil-kerja/fields',
    3,
    45,
    'fields harus memetakan isian target (id, label, main, target, realisation, …) ke kolom',
  ],
  [
    'a target field name with a hyphen',
    'fields: { nip: NIP }\ntargets:\n  hasil-kerja: { prefix: "RHK{n} ", fields: { target: Target, nilai-akhir: Nilai } }\n',
    '/targets/hasil-kerja/fields/nilai-akhir',
    3,
    63,
    '"nilai-akhir" bukan nama isian target yang sah (huruf, angka, _)',
  ],
  [
    'a target value that is true/false',
    'fields: { nip: NIP }\ntargets:\n  hasil-kerja: { prefix: "RHK{n} ", fields: { target: Target, label: { value: true } } }\n',
    '/targets/hasil-kerja/fields/label/value',
    3,
    79,
    'value harus berupa teks atau angka',
  ],
  [
    'a target field given as a number',
    'fields: { nip: NIP }\ntargets:\n  hasil-kerja: { prefix: "RHK{n} ", fields: { target: Target, main: 5 } }\n',
    '/targets/hasil-kerja/fields/main',
    3,
    69,
    'tulis nama kolom, atau { column, type, optional }, atau { value }',
  ],
  [
    'a group whose fields are all constants',
    'fields: { nip: NIP }\ntargets:\n  hasil-kerja: { prefix: "RHK{n} ", fields: { target: { value: 100 } } }\n',
    '/targets/hasil-kerja/fields',
    3,
    45,
    'minimal satu isian target harus dibaca dari kolom',
  ],
  [
    'ratings as a mapping',
    'fields: { nip: NIP }\nratings: { column: Nilai }\n',
    '/ratings',
    2,
    10,
    'ratings harus berupa daftar { column, rater, role, indicator }',
  ],
  [
    'a rating given as a text',
    'fields: { nip: NIP }\nratings: [Nilai]\n',
    '/ratings/0',
    2,
    11,
    'tulis { column, rater, role, indicator }',
  ],
  [
    'an indicator id with a capital',
    'ratings:\n  - { column: Nilai, rater: r1, role: peer, indicator: Akuntabel }\n',
    '/ratings/0/indicator',
    2,
    56,
    '"Akuntabel" bukan id indikator yang sah',
  ],
  [
    'a mapping that reads no column',
    'constants: { period.kind: annual }\n',
    '',
    1,
    1,
    'pemetaan tidak membaca satu kolom pun: tambahkan fields, targets, atau ratings',
  ],
];

/** The Indonesian message of a `mapping-invalid`: the given detail, and none of the English message's detail. */
function expectBothLanguages(d: Diagnostic | undefined, detailId: string): void {
  expect(d?.code).toBe('mapping-invalid');
  const en = d?.message.en ?? '';
  expect(en).toMatch(/^The column mapping is not valid: .+\.$/);
  const detail = en.slice('The column mapping is not valid: '.length, -1);
  expect(d?.message.id).toBe(`Pemetaan kolom tidak sah: ${detailId}.`);
  expect(d?.message.id).not.toContain(detail);
  expect(d?.message.id).not.toMatch(ENGLISH);
}

describe('mapping-invalid in Bahasa Indonesia', () => {
  it.each(cases)('%s', (_what, text, pointer, line, column, detailId) => {
    const m = loadMapping(text, 'pemetaan.yaml');
    expect(m.ok).toBe(false);
    expect(m.diagnostics).toHaveLength(1);
    const [d] = m.diagnostics;
    expect(d).toMatchObject({ pointer, source: 'pemetaan.yaml', span: { start: { line, column } } });
    expectBothLanguages(d, detailId);
  });

  it('English keeps its wording, with the article its type takes', () => {
    const m = loadMapping(
      'fields: { nip: NIP }\nconstants:\n  employee.history[0].year: 2023.5\n',
      'pemetaan.yaml',
    );
    expect(m.diagnostics.map((d) => d.message.en)).toEqual([
      'The column mapping is not valid: 2023.5 is not an integer, the type of this field (not a whole number).',
    ]);
  });

  it('a CSV read without a mapping', () => {
    const scorer = createRecordScorer({} as CompiledRubric, { file: 'nilai.csv' });
    const event = scorer.score({ kind: 'header', columns: ['NIP'], delimiter: ',' });
    expect(event?.kind).toBe('fatal');
    expectBothLanguages(
      (event as { diagnostics: Diagnostic[] }).diagnostics[0],
      'ekspor CSV atau XLSX memerlukan pemetaan dari kolomnya ke format data penilaian',
    );
  });

  it('table rows that reach a groupBy mapping one by one', () => {
    const m = loadMapping('groupBy: NIP\nfields: { nip: NIP }\n', 'panjang.yaml');
    if (!m.ok) throw new Error(JSON.stringify(m.diagnostics));
    const table = bindMapping(m.mapping, ['NIP'], { file: 'x.csv' });
    if (!table.ok) throw new Error(JSON.stringify(table.diagnostics));
    expectBothLanguages(
      table.bound.apply(['199003152015031002'], 'x.csv:2').diagnostics[0],
      'panjang.yaml mengelompokkan baris per penilaian (groupBy), tetapi baris ini tidak dikumpulkan bersama baris lainnya; baca berkas dengan readRecords(…, { mapping })',
    );
  });
});
