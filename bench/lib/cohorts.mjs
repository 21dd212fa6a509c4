/**
 * Seeded synthetic cohorts of valid appraisals for the permenpanrb-6-2022 and pp-46-2011 packs, shaped like the
 * packs' hand-written cases (rubrics/<pack>/<pack>.cases.yaml) but drawn at random.
 */
import { hashSeed, rng } from './prng.mjs';

export const DEFAULT_SEED = 20240607;

const BERAKHLAK = [
  'berorientasi-pelayanan',
  'akuntabel',
  'kompeten',
  'harmonis',
  'loyal',
  'adaptif',
  'kolaboratif',
];
const FUNCTIONAL_LEVELS = [
  'pemula',
  'terampil',
  'mahir',
  'penyelia',
  'Ahli Pertama',
  'ahli-muda',
  'Ahli Madya',
  'ahli-utama',
];
// Spellings an HR export really carries: ids, labels and the aliases the rubric declares.
const PREDICATE_SPELLINGS = [
  'Sangat Baik',
  'Baik',
  'baik',
  'Butuh Perbaikan',
  'Cukup',
  'Kurang',
  'Sangat Kurang',
];
const RATING_SPELLINGS = {
  'di-atas': ['di-atas', 'di-atas', 'Diatas Ekspektasi', 'di atas'],
  sesuai: ['sesuai', 'sesuai', 'Sesuai Ekspektasi'],
  'di-bawah': ['di-bawah', 'di-bawah', 'Dibawah Ekspektasi', 'di bawah'],
};
const LABELS = { 5: 'Sangat Baik', 4: 'baik', 3: 'cukup', 2: 'kurang', 1: 'sangat kurang' };

function nip(r, i) {
  const y = r.int(1965, 1998);
  const m = String(r.int(1, 12)).padStart(2, '0');
  const d = String(r.int(1, 28)).padStart(2, '0');
  const ty = Math.min(2022, y + r.int(22, 30));
  return `${y}${m}${d}${ty}${m}${r.int(1, 2)}${String(i % 1000).padStart(3, '0')}`
    .slice(0, 18)
    .padEnd(18, '0');
}

function period2024(r) {
  const u = r.next();
  if (u < 0.7) return { kind: 'annual', start: '2024-01-01', end: '2024-12-31' };
  if (u < 0.9) {
    const q = r.int(0, 3);
    const ends = ['03-31', '06-30', '09-30', '12-31'];
    const sm = String(q * 3 + 1).padStart(2, '0');
    return { kind: 'quarterly', start: `2024-${sm}-01`, end: `2024-${ends[q]}` };
  }
  const m = r.int(1, 12);
  const mm = String(m).padStart(2, '0');
  const last = new Date(Date.UTC(2024, m, 0)).getUTCDate();
  return { kind: 'monthly', start: `2024-${mm}-01`, end: `2024-${mm}-${last}` };
}

/** PermenPAN-RB 6/2022: 8 targets (2–3 main), 7 BerAKHLAK values rated by 2–4 raters, supervisor ratings. */
export function permenpanrbAppraisal(seed, i) {
  const r = rng(hashSeed(seed, i));
  const positionType = r.pick(['pelaksana', 'pelaksana', 'fungsional', 'fungsional', 'struktural']);
  const employee = {
    nip: nip(r, i),
    unit: r.pick(['Dinas Kesehatan', 'Dinas Pendidikan', 'BKPSDM', 'Bappeda', 'RSUD Kupang']),
    position: r.pick(['Analis Kebijakan', 'Perawat', 'Guru', 'Pengadministrasi Umum', 'Kepala Seksi']),
    positionType,
    rank: r.pick(['II/c', 'III/a', 'III/b', 'III/c', 'III/d', 'IV/a']),
    // Kenaikan pangkat takes effect on 1 April or 1 October; before every 2024 period ends (core refuses a rank that
    // begins after the period it is appraised for).
    rankSince: `${r.int(2012, 2023)}-${r.pick(['04', '10'])}-01`,
    history: [],
  };
  if (positionType === 'fungsional') employee.functionalLevel = r.pick(FUNCTIONAL_LEVELS);
  const years = r.int(1, 3);
  for (let y = 0; y < years; y++)
    employee.history.push({ year: 2023 - y, predicate: r.pick(PREDICATE_SPELLINGS) });
  // Every employee performs around a level of their own, so ratings cluster as they do in real data.
  const level = 0.75 + r.next() * 0.5;
  const targets = [];
  const mains = r.int(2, 3);
  for (let t = 0; t < 8; t++) {
    const target = r.pick([1, 4, 10, 12, 20, 50, 100, 100, 100, 250]);
    const realisation = Math.max(0, Math.round(target * (level + (r.next() - 0.5) * 0.4)));
    const item = { id: `t${t + 1}`, target, realisation };
    if (t < mains) item.main = true;
    targets.push(item);
  }
  const ratings = [];
  const raters = r.int(2, 4);
  const centre = 1.5 + level * 2.5;
  for (let k = 0; k < raters; k++) {
    const role = k === 0 ? 'peer' : r.pick(['peer', 'subordinate', 'third-party']);
    const rater = `${role}-${k + 1}`;
    const labels = r.chance(0.1);
    for (const indicator of BERAKHLAK) {
      const v = Math.min(5, Math.max(1, Math.round(centre + (r.next() - 0.5) * 2)));
      ratings.push({ rater, role, indicator, value: labels ? LABELS[v] : v });
    }
  }
  const pickRating = () => {
    const u = r.next();
    const id = u < 0.25 ? 'di-atas' : u < 0.85 ? 'sesuai' : 'di-bawah';
    return r.pick(RATING_SPELLINGS[id]);
  };
  return {
    id: `pmr-${i}`,
    employee,
    period: period2024(r),
    targets: { 'hasil-kerja': targets },
    ratings,
    supervisorRatings: { 'hasil-kerja': pickRating(), perilaku: pickRating() },
  };
}

/** PP 46/2011: 3–8 activities (quantity, quality, time, cost), 5 behaviour aspects (6 for structural posts). */
export function pp46Appraisal(seed, i) {
  const r = rng(hashSeed(seed, i));
  const structural = r.chance(0.2);
  const year = r.int(2015, 2020);
  const employee = {
    nip: nip(r, i),
    unit: r.pick(['Dinas Kesehatan Kota Kupang', 'Dinas Pendidikan', 'BKPSDM', 'Sekretariat Daerah']),
    position: structural ? 'Kepala Seksi' : r.pick(['Pengadministrasi Umum', 'Guru', 'Perawat']),
    positionType: structural ? 'struktural' : r.pick(['pelaksana', 'fungsional']),
  };
  const level = 0.35 + r.next() * 0.8;
  const skp = [];
  const n = r.int(3, 8);
  for (let k = 0; k < n; k++) {
    const quantityTarget = r.pick([1, 4, 6, 10, 12, 24, 50, 100]);
    const timeTarget = r.pick([1, 3, 6, 12, 12, 12]);
    const budgeted = r.chance(0.5);
    const costTarget = budgeted ? r.pick([2.5, 5, 9.12, 12, 25, 48.6, 100, 150]) : 0;
    skp.push({
      id: `k${k + 1}`,
      quantityTarget,
      quantity: Math.max(0, Math.round(quantityTarget * Math.min(1.2, level + (r.next() - 0.5) * 0.3))),
      qualityTarget: 100,
      quality: Math.min(100, Math.max(40, Math.round(100 * level + (r.next() - 0.5) * 20))),
      timeTarget,
      time: Math.max(1, Math.round(timeTarget * (1.25 - level / 2 + (r.next() - 0.5) * 0.3))),
      costTarget,
      cost: budgeted ? Math.round(costTarget * (0.7 + r.next() * 0.45) * 100) / 100 : 0,
    });
  }
  const aspect = () => ({
    score: Math.min(100, Math.max(40, Math.round(100 * level + (r.next() - 0.5) * 16))),
  });
  const inputs = {
    'orientasi-pelayanan': aspect(),
    integritas: aspect(),
    komitmen: aspect(),
    disiplin: aspect(),
    'kerja-sama': aspect(),
  };
  if (structural) inputs.kepemimpinan = aspect();
  if (r.chance(0.3)) inputs['tugas-tambahan'] = { count: r.int(0, 8) };
  if (r.chance(0.1)) inputs.kreativitas = { points: r.pick([3, 6, 12]) };
  return {
    id: `pp46-${i}`,
    employee,
    period: { kind: 'annual', start: `${year}-01-01`, end: `${year}-12-31` },
    targets: { skp },
    inputs,
  };
}

export const GENERATORS = {
  'permenpanrb-6-2022': permenpanrbAppraisal,
  'pp-46-2011': pp46Appraisal,
};

/** Appraisals [from, to) of a pack's cohort, as an array (one chunk). */
export function chunk(pack, from, to, seed = DEFAULT_SEED) {
  const gen = GENERATORS[pack];
  const out = new Array(to - from);
  for (let i = from; i < to; i++) out[i - from] = gen(seed, i);
  return out;
}

/** The cohort of size n, lazily, in chunks of at most `size` appraisals. */
export function* chunks(pack, n, size = 10_000, seed = DEFAULT_SEED) {
  for (let from = 0; from < n; from += size) yield chunk(pack, from, Math.min(n, from + size), seed);
}
