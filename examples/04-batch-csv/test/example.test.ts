import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { type CliIo, main } from '@kinerja/cli';
import { expect, it } from 'vitest';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');

it('scores the e-Kinerja export with the one command of the README', async () => {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Readable.from([]),
    cwd: here,
    env: {},
  };
  // The command in README.md, word for word.
  const code = await main(
    [
      'evaluate',
      '--rubric',
      '../../rubrics/permenpanrb-6-2022/permenpanrb-6-2022.rubric.yaml',
      '--mapping',
      'mapping.yaml',
      '--output-format',
      'csv',
      'export-ekinerja.csv',
    ],
    io,
  );
  // Row 6 holds a NIP the spreadsheet turned into 1,99203E+17: refused with its row and column, the rest scored.
  expect(code).toBe(1);
  expect(stderr).toBe(
    'export-ekinerja.csv:6#/employee/nip  nip-mangled  NIP in column "NIP" reads "1,99203E+17", not 18 digits as text; a spreadsheet probably mangled it (format the cells as Text and export again).\n',
  );
  expect(stdout.split('\r\n')).toEqual([
    'source,nip,status,predicate,score,outcomes_met,flags,first_error',
    ...EXPECTED,
    '',
  ]);
});

// Checked by hand against the pack's rules (README of permenpanrb-6-2022):
const EXPECTED: string[] = [
  // 5/4 = 125 % (di-atas) and 4/4 = 100 % (sesuai): half above is not "most", so the evidence suggests sesuai;
  // the supervisor's Diatas Ekspektasi stands but is flagged; di-atas × sesuai → Baik.
  'export-ekinerja.csv:2,199003152015031002,complete,baik,,kenaikan-pangkat,rating-departs:hasil-kerja,',
  // Fungsional ahli-pertama → angka kredit; TMT 01/10/2020 → 4 full years by 31/12/2024 → kenaikan pangkat.
  'export-ekinerja.csv:3,198807212014022001,complete,baik,,angka-kredit kenaikan-pangkat,,',
  // 862,2 / 1000 = 86,22 % and 11/12: both below → di-bawah × sesuai → Butuh Perbaikan → pembinaan.
  'export-ekinerja.csv:4,199512102020121003,complete,butuh-perbaikan,,pembinaan,,',
  'export-ekinerja.csv:5,198201152006041004,complete,sangat-baik,,kenaikan-pangkat suksesi,,',
  'export-ekinerja.csv:6,"1,99203E+17",invalid,,,,,nip-mangled',
  'export-ekinerja.csv:7,199306302019032005,complete,baik,,kenaikan-pangkat,,',
];
