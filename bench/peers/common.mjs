/**
 * Plain-JavaScript pieces the peers share: label normalisation (as the rubric says: case, spaces, dashes and
 * underscores ignored), the spellings the packs accept, half-up rounding to 2 decimals, and dates.
 * Numbers are IEEE doubles here: that is the natural way, and the equality check reports where it differs.
 */

export const norm = (s) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

/** Index of spellings → id. */
export function spellings(table) {
  const m = new Map();
  for (const [id, names] of Object.entries(table)) for (const n of [id, ...names]) m.set(norm(n), id);
  return m;
}

/** Half-up to 2 decimals, with the usual epsilon nudge against 1.005 → 1.00. */
export const round2 = (x) => Math.round((x + Number.EPSILON) * 100) / 100;

/** 'YYYY-MM-DD' → [y, m, d]. */
export const ymd = (s) => [Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))];

/** Full years from `since` to `end` (both 'YYYY-MM-DD'). */
export function fullYears(since, end) {
  const [sy, sm, sd] = ymd(since);
  const [ey, em, ed] = ymd(end);
  return ey - sy - (em < sm || (em === sm && ed < sd) ? 1 : 0);
}

/** Calendar months covered by a period, both ends included. */
export function periodMonths(start, end) {
  const [sy, sm] = ymd(start);
  const [ey, em] = ymd(end);
  return (ey - sy) * 12 + (em - sm) + 1;
}

// permenpanrb-6-2022 vocabulary, copied from the rubric.
export const PMR_RATING = spellings({
  'di-atas': ['Di Atas Ekspektasi', 'diatas', 'di atas', 'Diatas Ekspektasi'],
  sesuai: ['Sesuai Ekspektasi', 'sesuai ekspektasi'],
  'di-bawah': ['Di Bawah Ekspektasi', 'dibawah', 'di bawah', 'Dibawah Ekspektasi'],
});
export const PMR_PREDICATE = spellings({
  'sangat-baik': ['Sangat Baik'],
  baik: ['Baik'],
  'butuh-perbaikan': ['Butuh Perbaikan', 'Cukup'],
  kurang: ['Kurang/Misconduct', 'Kurang (Misconduct)', 'Kurang(Misconduct)', 'Kurang', 'Misconduct'],
  'sangat-kurang': ['Sangat Kurang'],
});
export const PMR_MATRIX = {
  'di-atas': { 'di-atas': 'sangat-baik', sesuai: 'baik', 'di-bawah': 'kurang' },
  sesuai: { 'di-atas': 'baik', sesuai: 'baik', 'di-bawah': 'kurang' },
  'di-bawah': { 'di-atas': 'butuh-perbaikan', sesuai: 'butuh-perbaikan', 'di-bawah': 'sangat-kurang' },
};
export const BERAKHLAK = [
  'adaptif',
  'akuntabel',
  'berorientasi-pelayanan',
  'harmonis',
  'kolaboratif',
  'kompeten',
  'loyal',
];
export const ROLE_WEIGHT = { peer: 0.34, subordinate: 0.33, 'third-party': 0.33 };
export const FEEDBACK = new Map(
  Object.entries({ 'sangat baik': 5, baik: 4, cukup: 3, kurang: 2, 'sangat kurang': 1 }).map(([k, v]) => [
    norm(k),
    v,
  ]),
);
export const PREDICATE_PERCENT = {
  'sangat-baik': 1.5,
  baik: 1,
  'butuh-perbaikan': 0.75,
  kurang: 0.5,
  'sangat-kurang': 0.25,
};
export const ANNUAL_COEFFICIENT = new Map(
  Object.entries({
    pemula: 3.75,
    terampil: 5,
    mahir: 12.5,
    penyelia: 25,
    'ahli-pertama': 12.5,
    'ahli-muda': 25,
    'ahli-madya': 37.5,
    'ahli-utama': 50,
  }).map(([k, v]) => [norm(k), v]),
);

/**
 * The previous year's annual predikat (the period's year − 1), as an id; undefined when the history skips that
 * year, as permenpanrb-6-2022 1.2.0 reads `employee.previousYearPredicate` (an older year never stands in).
 */
export function previousPredicate(history, endYear) {
  const h = (history ?? []).find((x) => x.year === endYear - 1);
  return h && PMR_PREDICATE.get(norm(h.predicate));
}

/**
 * The evidence of a permenpanrb-6-2022 appraisal, computed in plain JS: target achievements and their bands, the
 * shares the rating guide reads, and the BerAKHLAK feedback score. Shared by the hand-written function and the
 * json-rules-engine peer ("scores as facts").
 */
export function pmrEvidence(a) {
  const items = a.targets['hasil-kerja'];
  let sum = 0;
  let above = 0;
  let below = 0;
  let mains = 0;
  let mainBelow = 0;
  for (const t of items) {
    const s = (t.realisation * 100) / t.target;
    sum += s;
    if (s < 100) {
      below++;
      if (t.main) mainBelow++;
    } else if (s > 110) above++;
    if (t.main) mains++;
  }
  const n = items.length;
  // BerAKHLAK: per value, the mean of each role, weighted by role; missing roles renormalise.
  const acc = {};
  for (const r of a.ratings ?? []) {
    const v = typeof r.value === 'number' ? r.value : FEEDBACK.get(norm(r.value));
    acc[r.indicator] ??= {};
    const perValue = acc[r.indicator];
    perValue[r.role] ??= [0, 0];
    const role = perValue[r.role];
    role[0] += v;
    role[1]++;
  }
  let values = 0;
  let valueCount = 0;
  for (const id of BERAKHLAK) {
    const perValue = acc[id];
    if (!perValue) continue;
    let num = 0;
    let den = 0;
    for (const role in perValue) {
      const [s, c] = perValue[role];
      num += (ROLE_WEIGHT[role] * s) / c;
      den += ROLE_WEIGHT[role];
    }
    values += num / den;
    valueCount++;
  }
  return {
    hasilKerjaScore: round2(sum / n),
    shareAbove: above / n,
    shareBelow: below / n,
    mainBelowCount: mainBelow,
    mainBelowShare: mains > 0 ? mainBelow / mains : 0,
    perilakuScore: valueCount > 0 ? round2(values / valueCount) : undefined,
  };
}
