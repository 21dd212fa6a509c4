/**
 * permenpanrb-6-2022, written by hand: one function, plain objects, doubles. The practical upper limit on
 * speed: it knows this one rubric and produces only the verdict, no trace, no diagnostics, no validation.
 */
import {
  ANNUAL_COEFFICIENT,
  fullYears,
  lookup,
  PMR_MATRIX,
  PMR_RATING,
  PREDICATE_PERCENT,
  periodMonths,
  pmrEvidence,
  previousPredicate,
  round2,
} from './common.mjs';

const and3 = (xs) => (xs.includes(false) ? false : xs.includes(null) ? null : true);

export function scorePermenpanrb(a) {
  const ev = pmrEvidence(a);
  const hkSuggested =
    ev.shareAbove > 0.5 && ev.mainBelowCount === 0
      ? 'di-atas'
      : ev.shareBelow < 0.5 && ev.mainBelowShare < 0.5
        ? 'sesuai'
        : 'di-bawah';
  const p = ev.perilakuScore;
  const pSuggested = p < 3.5 ? 'di-bawah' : p < 4.5 ? 'sesuai' : 'di-atas';
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
  if (credit.met) {
    const coefficient = lookup(ANNUAL_COEFFICIENT, a.employee.functionalLevel);
    credit.value = round2(
      (PREDICATE_PERCENT[predicate] * coefficient * periodMonths(a.period.start, a.period.end)) / 12,
    );
  }
  return {
    status: promotion === null ? 'invalid' : 'complete',
    predicate,
    groups: {
      'hasil-kerja': { score: ev.hasilKerjaScore, rating: hk, suggestedRating: hkSuggested },
      perilaku: { score: p, rating: pr, suggestedRating: pSuggested },
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

/** The peer as the bench drives it. */
export const peer = { name: 'hand-written', evaluate: scorePermenpanrb, async: false };
