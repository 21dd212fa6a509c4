/**
 * permenpanrb-6-2022, written by hand: one function, plain objects, doubles. The practical upper limit on
 * speed: it knows this one rubric and produces only the verdict, no trace, no diagnostics, no validation.
 */
import { PREDICATE_PERCENT, pmrEvidence, pmrVerdict, round2 } from './common.mjs';

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
  return pmrVerdict(
    a,
    { hasilKerja: ev.hasilKerjaScore, perilaku: p, hkSuggested, pSuggested },
    doubleCredit,
  );
}

/** Angka kredit in doubles, half-up to 2 decimals. */
const doubleCredit = (predicate, coefficient, months) =>
  round2((PREDICATE_PERCENT[predicate] * coefficient * months) / 12);

/** The peer as the bench drives it. */
export const peer = { name: 'hand-written', evaluate: scorePermenpanrb, async: false };
