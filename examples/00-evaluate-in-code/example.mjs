// Evaluating one appraisal in code with @kinerja/core. Read top to bottom: load → evaluate → explain, then the
// same mistake through the safe API (diagnostics) and the throwing API (KinerjaError).
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { explainEvaluation, KinerjaError, loadRubric, loadRubricOrThrow } from '@kinerja/core';
import { loadRubricFile } from '@kinerja/core/node';

const here = dirname(fileURLToPath(import.meta.url));

/** The Kupang Health Office pack; its `extends: permenpanrb-6-2022` is found in ../../rubrics by walking up. */
export const RUBRIC_FILE = '../../rubrics/kupang-dinkes/kupang-dinkes.rubric.yaml';

const BERAKHLAK = [
  'berorientasi-pelayanan',
  'akuntabel',
  'kompeten',
  'harmonis',
  'loyal',
  'adaptif',
  'kolaboratif',
];

/** One rater's score on all seven BerAKHLAK values. */
function rates(rater, role, value) {
  return BERAKHLAK.map((indicator) => ({ rater, role, indicator, value }));
}

/**
 * One annual appraisal of an immunisation officer at Puskesmas Oebobo (a made-up person; the shape is the one in
 * rubrics/kupang-dinkes/kupang-dinkes.cases.yaml). Work targets met, immunisation coverage 1,080 of 1,200 against a
 * goal of 90%, and seven BerAKHLAK values rated by the supervisor, two peers and one third party.
 */
export const appraisal = {
  id: 'contoh-00',
  employee: {
    nip: '199205142019032008',
    name: 'Maria Fransiska Ndun',
    unit: 'Puskesmas Oebobo',
    position: 'Pengelola Program Imunisasi',
    positionType: 'pelaksana',
    rank: 'III/a',
    rankSince: '2020-04-01',
    history: [{ year: 2024, predicate: 'Baik' }],
  },
  period: { kind: 'annual', start: '2025-01-01', end: '2025-12-31' },
  targets: {
    'hasil-kerja': [
      { id: 't1', main: true, target: 100, realisation: 100 },
      { id: 't2', target: 12, realisation: 12 },
    ],
  },
  inputs: {
    'cakupan-imunisasi': { sasaran: 1200, capaian: 1080, targetCakupan: 90 },
    'laporan-tepat-waktu': { wajib: 12, tepatWaktu: 12 },
    'pengaduan-tertangani': { diterima: 20, sesuaiStandar: 20 },
  },
  ratings: [
    ...rates('atasan-1', 'supervisor', 4),
    ...rates('rekan-1', 'peer', 4),
    ...rates('rekan-2', 'peer', 4),
    ...rates('mitra-1', 'third-party', 4),
  ],
  supervisorRatings: { 'hasil-kerja': 'sesuai' },
};

/** A rubric with a typo (`combin:` for `combine:`), to show where diagnostics point. */
export const BROKEN_RUBRIC = `kinerja: 1
id: rusak
version: 0.1.0
label: { id: Contoh rusak, en: Broken example }
groups:
  perilaku:
    label: { id: Perilaku, en: Behaviour }
    combin: mean
    indicators:
      pelayanan: { label: { id: Pelayanan, en: Service }, measure: { kind: value, input: score } }
score:
  weights: { perilaku: 1 }
predicate:
  levels:
    - { id: baik, label: { id: Baik, en: Good } }
    - { id: kurang, label: { id: Kurang, en: Poor } }
  bands:
    - { id: baik, range: "[76, inf)" }
    - { id: kurang, range: "(-inf, 76)" }
`;

/** `file:line:column code message` — how an editor or CI log wants a diagnostic. */
export function formatDiagnostic(d, lang = 'id') {
  const at = d.span ? `:${d.span.start.line}:${d.span.start.column}` : '';
  return `${d.source ?? ''}${at} ${d.severity} ${d.code} ${d.message[lang]}`;
}

/**
 * Runs the whole example, handing every line it would show to `print`. Returns what it found, for the test.
 * Throws only if the pack itself does not load (a broken checkout), never for the deliberate mistakes below.
 */
export function run(print = console.log) {
  // 1. Load and compile the rubric once (parse → validate → resolve `extends` → compile). Safe API: a Result.
  const loaded = loadRubricFile(RUBRIC_FILE, { cwd: here });
  if (!loaded.ok) throw new KinerjaError(loaded.diagnostics);
  const rubric = loaded.value;

  // 2. Evaluate. Never throws for bad data: problems come back in result.diagnostics and result.status.
  const result = rubric.evaluate(appraisal);
  print(`Status: ${result.status}`);
  print(`Predikat: ${result.predicate?.label.id ?? '—'} (${result.predicate?.id ?? '—'})`);
  for (const [id, o] of Object.entries(result.outcomes)) {
    const met = o.met === null ? 'tidak dapat ditentukan' : o.met ? 'ya' : 'tidak';
    print(`Tindak lanjut ${id}: ${met}${o.value !== undefined ? ` (${o.value})` : ''}`);
  }
  for (const d of result.diagnostics) print(formatDiagnostic(d));

  // 3. Explain, as the employee may see it: ratings aggregated per role, no rater ids. The rubric's rating scale
  // turns rating ids (`sesuai`) into the words the employee knows ("Sesuai Ekspektasi").
  const explanation = explainEvaluation(result, 'id', { view: 'employee', ratings: rubric.rubric.ratings });
  print('');
  print(explanation.trimEnd());

  // 4a. Safe API: loadRubric returns { ok: false, diagnostics } with line:column; it never throws for the text.
  print('');
  print('loadRubric (aman / safe):');
  const safe = loadRubric(BROKEN_RUBRIC, { source: 'rusak.rubric.yaml' });
  const brokenDiagnostics = safe.ok ? [] : safe.diagnostics;
  for (const d of brokenDiagnostics) print(`  ${formatDiagnostic(d)}`);

  // 4b. Throwing API: loadRubricOrThrow throws a KinerjaError carrying the same diagnostics.
  print('loadRubricOrThrow (melempar / throwing):');
  let thrown;
  try {
    loadRubricOrThrow(BROKEN_RUBRIC, { source: 'rusak.rubric.yaml' });
  } catch (error) {
    if (!(error instanceof KinerjaError)) throw error;
    thrown = error;
    print(`  ${error.name}: ${error.message}`);
    for (const d of error.diagnostics) print(`  ${formatDiagnostic(d, 'en')}`);
  }

  return { rubric, result, explanation, brokenDiagnostics, thrown };
}
