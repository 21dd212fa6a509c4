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

/**
 * A label's entry in `map`: the spelling as given first, then normalised. Maps built here hold both, so the
 * common case (a spelling the table lists) costs one lookup and no regular expression.
 */
export const lookup = (map, s) => map.get(s) ?? map.get(norm(s));

/** Map of labels → values, keyed by each label as written and normalised. */
function labelMap(entries) {
  const m = new Map();
  for (const [k, v] of entries) {
    m.set(k, v);
    m.set(norm(k), v);
  }
  return m;
}

/** Index of spellings → id. */
export function spellings(table) {
  return labelMap(Object.entries(table).flatMap(([id, names]) => [id, ...names].map((n) => [n, id])));
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
const ROLES = Object.keys(ROLE_WEIGHT);
const ROLE_WEIGHTS = ROLES.map((r) => ROLE_WEIGHT[r]);
const ROLE_INDEX = new Map(ROLES.map((r, k) => [r, k]));
const BERAKHLAK_INDEX = new Map(BERAKHLAK.map((id, b) => [id, b]));
// Reused by every call (the function is synchronous): allocating them per appraisal cost more than filling them.
const SUMS = new Float64Array(BERAKHLAK.length * ROLES.length);
const COUNTS = new Uint32Array(BERAKHLAK.length * ROLES.length);
export const FEEDBACK = labelMap(
  Object.entries({ 'sangat baik': 5, baik: 4, cukup: 3, kurang: 2, 'sangat kurang': 1 }),
);
export const PREDICATE_PERCENT = {
  'sangat-baik': 1.5,
  baik: 1,
  'butuh-perbaikan': 0.75,
  kurang: 0.5,
  'sangat-kurang': 0.25,
};
export const ANNUAL_COEFFICIENT = labelMap(
  Object.entries({
    pemula: 3.75,
    terampil: 5,
    mahir: 12.5,
    penyelia: 25,
    'ahli-pertama': 12.5,
    'ahli-muda': 25,
    'ahli-madya': 37.5,
    'ahli-utama': 50,
  }),
);

/**
 * The previous year's annual predikat (the period's year − 1), as an id; undefined when the history skips that
 * year, as permenpanrb-6-2022 1.2.0 reads `employee.previousYearPredicate` (an older year never stands in).
 */
export function previousPredicate(history, endYear) {
  const h = (history ?? []).find((x) => x.year === endYear - 1);
  return h && lookup(PMR_PREDICATE, h.predicate);
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
  // BerAKHLAK: per value, the mean of each role, weighted by role; missing roles renormalise. Sums and counts in
  // two small arrays indexed by value × role, filled in one pass (a record per value and role, built afresh for
  // every appraisal, made this function the peer's costliest by far).
  const sums = SUMS.fill(0);
  const counts = COUNTS.fill(0);
  const ratings = a.ratings ?? [];
  for (let i = 0; i < ratings.length; i++) {
    const r = ratings[i];
    const v = typeof r.value === 'number' ? r.value : lookup(FEEDBACK, r.value);
    const slot = BERAKHLAK_INDEX.get(r.indicator) * ROLES.length + ROLE_INDEX.get(r.role);
    sums[slot] += v;
    counts[slot]++;
  }
  let values = 0;
  let valueCount = 0;
  for (let b = 0; b < BERAKHLAK.length; b++) {
    let num = 0;
    let den = 0;
    for (let k = 0; k < ROLES.length; k++) {
      const slot = b * ROLES.length + k;
      if (counts[slot] === 0) continue;
      num += (ROLE_WEIGHTS[k] * sums[slot]) / counts[slot];
      den += ROLE_WEIGHTS[k];
    }
    if (den === 0) continue;
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

const and3 = (xs) => (xs.includes(false) ? false : xs.includes(null) ? null : true);

/**
 * The permenpanrb-6-2022 verdict once the evidence is scored: the supervisor's ratings against the suggested ones
 * (flags), the 3×3 matrix, and the outcomes. `scores` holds the two group scores (as numbers) and the suggested
 * ratings; `creditValue(predicate, coefficient, months)` gives the angka kredit, so a caller chooses its arithmetic.
 * Shared by the hand-written function and the exact-arithmetic experiment.
 */
export function pmrVerdict(a, scores, creditValue) {
  const { hkSuggested, pSuggested } = scores;
  const hk = lookup(PMR_RATING, a.supervisorRatings['hasil-kerja']);
  const pr = lookup(PMR_RATING, a.supervisorRatings.perilaku);
  const flags = [];
  if (hk !== hkSuggested) flags.push('rating-departs:hasil-kerja');
  if (pr !== pSuggested) flags.push('rating-departs:perilaku');
  const predicate = PMR_MATRIX[hk][pr];
  const good = predicate === 'sangat-baik' || predicate === 'baik';
  const prev = previousPredicate(a.employee.history, Number(a.period.end.slice(0, 4)));
  const promotion = and3([
    a.period.kind === 'annual',
    a.employee.rankSince === undefined ? null : fullYears(a.employee.rankSince, a.period.end) >= 4,
    good,
    prev === undefined ? null : prev === 'sangat-baik' || prev === 'baik',
  ]);
  const credit = { met: a.employee.positionType === 'fungsional' };
  if (credit.met)
    credit.value = creditValue(
      predicate,
      lookup(ANNUAL_COEFFICIENT, a.employee.functionalLevel),
      periodMonths(a.period.start, a.period.end),
    );
  return {
    status: promotion === null ? 'invalid' : 'complete',
    predicate,
    groups: {
      'hasil-kerja': { score: scores.hasilKerja, rating: hk, suggestedRating: hkSuggested },
      perilaku: { score: scores.perilaku, rating: pr, suggestedRating: pSuggested },
    },
    outcomes: {
      'angka-kredit': credit,
      'kenaikan-pangkat': { met: promotion },
      pembinaan: {
        met: predicate === 'butuh-perbaikan' || predicate === 'kurang' || predicate === 'sangat-kurang',
      },
      suksesi: { met: predicate === 'sangat-baik' },
    },
    flags,
  };
}
