// The main job: score the (SYNTHETIC) Kota Kupang cohort with the agency packs, one line per employee, then a
// summary per unit. Runs on the built packages: `pnpm build && node examples/cohort-kupang/score.mjs [--json]
// [--appraisals <dir>]`. Exit code 1 when any appraisal is invalid (a data or rubric problem), 2 for a usage or
// write error, 0 otherwise (pending is not an error: it names the rater role still to be collected).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRubricPack } from '@kinerja/core/node';

const here = dirname(fileURLToPath(import.meta.url));

/** The pack of each agency, and the national pack they extend (for the comparison column). */
export const AGENCY_PACKS = ['kupang-dinkes', 'kupang-administrasi'];
export const NATIONAL_PACK = 'permenpanrb-6-2022';

/** Reads cohort.json (or another file in the same shape). */
export function readCohort(file = fileURLToPath(new URL('./cohort.json', import.meta.url))) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Loads the packs once, by id: `rubrics/<id>` found by walking up from this folder, else `@kinerja/rubric-<id>`. */
export function loadPacks(ids = [...AGENCY_PACKS, NATIONAL_PACK]) {
  const out = {};
  for (const id of ids) {
    const loaded = loadRubricPack(id, { cwd: here });
    if (!loaded.ok) {
      const why = loaded.diagnostics.map(
        (d) => `${d.source ?? id}:${d.span?.start.line ?? 0}: ${d.code} ${d.message.en}`,
      );
      throw new Error(`pack ${id} does not load:\n${why.join('\n')}`);
    }
    const rubric = loaded.value.find((r) => r.id === id) ?? loaded.value[0];
    out[id] = rubric;
  }
  return out;
}

/**
 * The protected attributes the HR data carries, here only sex, read from the NIP (its 15th digit: 1 male, 2 female).
 * The packs declare it protected: no rule reads it, and it is there for `kinerja audit --by jenis-kelamin`.
 */
function factsOf(record) {
  return { 'jenis-kelamin': record.nip[14] === '1' ? 'L' : 'P' };
}

function employeeOf(record, unit) {
  return {
    nip: record.nip,
    name: record.name,
    unit: unit.name,
    position: record.position,
    positionType: record.positionType,
    ...(record.functionalLevel ? { functionalLevel: record.functionalLevel } : {}),
    rank: record.rank,
    rankSince: record.rankSince,
    history: record.history,
  };
}

/**
 * The appraisal an agency pack reads: every rater's 7 values as ratings (the supervisor's included: the behaviour
 * rating is computed), the agency indicators' inputs, peers' team-contribution labels (administrasi), the declared
 * conflicts, and only the supervisor's work-result rating.
 */
export function agencyAppraisal(record, cohort) {
  const unit = cohort.units.find((u) => u.id === record.unit);
  const ratings = record.feedback.flatMap((f) =>
    f.values.map((value, i) => ({ rater: f.rater, role: f.role, indicator: cohort.values[i], value })),
  );
  if (unit.pack === 'kupang-administrasi') {
    for (const f of record.feedback) {
      if (f.team !== undefined)
        ratings.push({ rater: f.rater, role: f.role, indicator: 'kontribusi-tim', value: f.team });
    }
  }
  return {
    id: `kupang-2025-${record.nip}`,
    employee: employeeOf(record, unit),
    period: cohort.period,
    facts: factsOf(record),
    targets: { 'hasil-kerja': record.targets },
    inputs: record.agency,
    ratings,
    ...(record.conflicts ? { conflicts: record.conflicts } : {}),
    supervisorRatings: { 'hasil-kerja': record.supervisorRatings['hasil-kerja'] },
  };
}

/**
 * The same appraisal as the national pack alone reads it: the supervisor's two direct ratings decide, the other
 * raters' feedback only suggests (the national pack has no supervisor role in feedback and no agency indicators).
 */
export function nationalAppraisal(record, cohort) {
  const unit = cohort.units.find((u) => u.id === record.unit);
  const ratings = record.feedback
    .filter((f) => f.role !== 'supervisor')
    .flatMap((f) =>
      f.values.map((value, i) => ({ rater: f.rater, role: f.role, indicator: cohort.values[i], value })),
    );
  return {
    id: `nasional-2025-${record.nip}`,
    employee: employeeOf(record, unit),
    period: cohort.period,
    facts: factsOf(record),
    targets: { 'hasil-kerja': record.targets },
    ratings,
    ...(record.conflicts ? { conflicts: record.conflicts } : {}),
    supervisorRatings: { ...record.supervisorRatings },
  };
}

function rowOf(record, unit, e, national) {
  const met = Object.entries(e.outcomes)
    .filter(([, o]) => o.met === true)
    .map(([id, o]) => (o.value !== undefined ? { id, value: o.value } : { id }));
  const errors = e.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.pointer}`);
  const row = {
    nip: record.nip,
    name: record.name,
    unit: unit.id,
    pack: unit.pack,
    scenario: record.scenario,
    status: e.status,
    predicate: e.predicate?.id ?? null,
    outcomes: met,
    flags: e.flags,
    pending: e.pending
      ? [...new Set(e.pending.map((p) => (p.split(': ').pop() ?? p).replace(/ \(.*$/, '')))]
      : [],
    errors,
  };
  if (national) {
    row.national = { status: national.status, predicate: national.predicate?.id ?? null };
    row.differsFromNational =
      e.status === 'complete' && national.status === 'complete' && row.predicate !== row.national.predicate;
  }
  return row;
}

/** Scores every employee with the pack of their unit (and, for comparison, the national pack). */
export function scoreCohort(cohort, packs, { compare = true } = {}) {
  return cohort.employees.map((record) => {
    const unit = cohort.units.find((u) => u.id === record.unit);
    const e = packs[unit.pack].evaluate(agencyAppraisal(record, cohort), { source: record.nip });
    const national =
      compare && packs[NATIONAL_PACK]
        ? packs[NATIONAL_PACK].evaluate(nationalAppraisal(record, cohort), { source: record.nip })
        : undefined;
    return rowOf(record, unit, e, national);
  });
}

const PREDICATES = ['sangat-baik', 'baik', 'butuh-perbaikan', 'kurang', 'sangat-kurang'];

/** Per unit (in the cohort's unit order) and in total: counts that add up to the number of employees. */
export function summarise(rows, cohort) {
  const empty = (id, name, pack) => ({
    unit: id,
    name,
    pack,
    count: 0,
    predicates: Object.fromEntries(PREDICATES.map((p) => [p, 0])),
    pending: 0,
    invalid: 0,
    coaching: 0,
    flaggedForReview: 0,
    differsFromNational: 0,
  });
  const units = cohort.units.map((u) => empty(u.id, u.name, u.pack));
  const total = empty('total', 'Total', '');
  for (const r of rows) {
    for (const s of [units.find((u) => u.unit === r.unit), total]) {
      s.count++;
      if (r.status === 'pending') s.pending++;
      else if (r.status === 'invalid' || r.predicate === null) s.invalid++;
      else s.predicates[r.predicate]++;
      if (r.outcomes.some((o) => o.id === 'pembinaan')) s.coaching++;
      if (r.flags.length > 0) s.flaggedForReview++;
      if (r.differsFromNational) s.differsFromNational++;
    }
  }
  return { units, total };
}

const LABEL = {
  'sangat-baik': 'Sangat Baik',
  baik: 'Baik',
  'butuh-perbaikan': 'Butuh Perbaikan',
  kurang: 'Kurang',
  'sangat-kurang': 'Sangat Kurang',
};
const SHORT = { 'sangat-baik': 'SB', baik: 'B', 'butuh-perbaikan': 'BP', kurang: 'K', 'sangat-kurang': 'SK' };

const DEPARTS = { 'hasil-kerja': 'HK', perilaku: 'PK' };

const cut = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n));

function outcomeText(row) {
  return row.outcomes
    .map((o) =>
      o.id === 'kenaikan-pangkat'
        ? 'KP'
        : o.id === 'angka-kredit'
          ? `AK ${o.value}`
          : o.id === 'telaah-tim-penilai'
            ? 'telaah'
            : o.id,
    )
    .join(',');
}

function flagText(row) {
  const out = [];
  const review = row.flags.filter((f) => f.startsWith('needs-review:')).length;
  if (review > 0) out.push(`tinjau×${review}`);
  for (const f of row.flags)
    if (f.startsWith('rating-departs:')) out.push(`${DEPARTS[f.split(':')[1]] ?? f}≠saran`);
  if (row.pending.length > 0) out.push(`menunggu:${row.pending.join('+')}`);
  if (row.errors.length > 0) out.push(row.errors[0]);
  if (row.differsFromNational) out.push(`nas:${SHORT[row.national.predicate]}`);
  return out.join(' ');
}

/** The terminal report: one line per employee (≤ ~130 columns), then the summary per unit and a legend. */
export function renderText(rows, summary, cohort) {
  const short = Object.fromEntries(cohort.units.map((u) => [u.id, u.short]));
  const lines = [];
  lines.push(
    `Kinerja — evaluasi tahunan 2025, Kota Kupang — DATA SINTETIS (seed ${cohort.seed}) — kupang-dinkes, kupang-administrasi`,
  );
  lines.push('');
  lines.push(
    `${'NIP'.padEnd(18)}  ${cut('Nama', 24)} ${cut('Unit', 16)} ${cut('Predikat', 15)} ${cut('Tindak lanjut', 24)} Tanda`,
  );
  for (const r of rows) {
    const predicate = r.status === 'complete' ? LABEL[r.predicate] : r.status.toUpperCase();
    lines.push(
      `${r.nip}  ${cut(r.name, 24)} ${cut(short[r.unit], 16)} ${cut(predicate, 15)} ${cut(outcomeText(r), 24)} ${flagText(r)}`.trimEnd(),
    );
  }
  lines.push('');
  lines.push('Ringkasan per unit');
  const head = `${cut('Unit', 16)} ${'N'.padStart(4)} ${PREDICATES.map((p) => SHORT[p].padStart(4)).join('')} ${'Tunda'.padStart(6)} ${'Invalid'.padStart(8)} ${'Pembinaan'.padStart(10)} ${'Ditinjau'.padStart(9)} ${'≠Nasional'.padStart(10)}`;
  lines.push(head);
  for (const s of [...summary.units, summary.total]) {
    const name = s.unit === 'total' ? 'Total' : short[s.unit];
    lines.push(
      `${cut(name, 16)} ${String(s.count).padStart(4)} ${PREDICATES.map((p) => String(s.predicates[p]).padStart(4)).join('')} ${String(s.pending).padStart(6)} ${String(s.invalid).padStart(8)} ${String(s.coaching).padStart(10)} ${String(s.flaggedForReview).padStart(9)} ${String(s.differsFromNational).padStart(10)}`,
    );
  }
  lines.push('');
  lines.push(
    'Tindak lanjut: KP = syarat kinerja kenaikan pangkat; AK = angka kredit; suksesi = prioritas suksesi;',
  );
  lines.push('  telaah = atasan memberi rating hasil kerja di atas saran bukti (telaah tim penilai).');
  lines.push(
    'Tanda: tinjau×n = n nilai BerAKHLAK: penilaian atasan > 1 dari konsensus rekan + pihak ketiga;',
  );
  lines.push(
    '  HK≠saran = rating hasil kerja atasan ≠ saran bukti; menunggu:peran = peran penilai kurang (pending);',
  );
  lines.push('  nas:X = predikat menurut paket nasional saja untuk data yang sama (SB/B/BP/K/SK).');
  return `${lines.join('\n')}\n`;
}

/**
 * The appraisals each agency pack scores, as NDJSON (one appraisal per line, cohort order), by pack id: `kinerja
 * audit` reads one rubric, and the cohort spans two packs, so each pack's people go to their own file.
 */
export function appraisalsNdjson(cohort) {
  const out = Object.fromEntries(AGENCY_PACKS.map((id) => [id, '']));
  for (const record of cohort.employees) {
    const unit = cohort.units.find((u) => u.id === record.unit);
    out[unit.pack] += `${JSON.stringify(agencyAppraisal(record, cohort))}\n`;
  }
  return out;
}

/** Writes {@link appraisalsNdjson} to `<dir>/<pack>.ndjson` (the folder is created); returns the files written. */
export function writeAppraisals(cohort, dir) {
  mkdirSync(dir, { recursive: true });
  return Object.entries(appraisalsNdjson(cohort)).map(([pack, text]) => {
    const file = join(dir, `${pack}.ndjson`);
    writeFileSync(file, text);
    return { pack, file, appraisals: text.split('\n').length - 1 };
  });
}

/** A mistake in the command line, reported as one line and exit code 2, without a stack trace. */
class UsageError extends Error {}

/** `--appraisals <dir>` or `--appraisals=<dir>`; undefined when not given. */
function appraisalsDir(argv) {
  const at = argv.findIndex((a) => a === '--appraisals' || a.startsWith('--appraisals='));
  if (at < 0) return undefined;
  const dir = argv[at].includes('=') ? argv[at].slice('--appraisals='.length) : argv[at + 1];
  if (!dir || dir.startsWith('--'))
    throw new UsageError('--appraisals needs a folder to write <pack>.ndjson into, e.g. --appraisals out');
  return dir;
}

function main(argv) {
  const json = argv.includes('--json');
  const dir = appraisalsDir(argv);
  const cohort = readCohort();
  const packs = loadPacks();
  const rows = scoreCohort(cohort, packs);
  const summary = summarise(rows, cohort);
  if (dir !== undefined) {
    // Before the verdicts, so a failed write stops the run; the verdicts stay on standard output, unchanged.
    let written;
    try {
      written = writeAppraisals(cohort, dir);
    } catch (error) {
      throw new UsageError(
        `cannot write the appraisals to ${dir}: ${error?.code ?? error?.message ?? error}`,
      );
    }
    for (const w of written) console.error(`score.mjs: ${w.appraisals} appraisals (${w.pack}) → ${w.file}`);
  }
  if (json) process.stdout.write(`${JSON.stringify({ seed: cohort.seed, rows, summary }, null, 2)}\n`);
  else process.stdout.write(renderText(rows, summary, cohort));
  return summary.total.invalid > 0 ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // A reader that stops early (`| head`, quitting `less`) closed the pipe on purpose: end quietly, as `kinerja`
  // does, rather than with Node's stack trace for an unhandled EPIPE.
  process.stdout.on('error', (error) => {
    if (error?.code !== 'EPIPE')
      console.error(`score.mjs: cannot write standard output: ${error?.code ?? error}`);
    process.exit(error?.code === 'EPIPE' ? (process.exitCode ?? 0) : 2);
  });
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  }
}
