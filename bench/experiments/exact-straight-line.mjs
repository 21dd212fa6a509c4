/**
 * An experiment, not a peer and not Kinerja: what code generated ahead of time from permenpanrb-6-2022 could cost.
 * It is the hand-written function's logic (peers/handwritten-permenpanrb.mjs) with what Kinerja may not drop: the
 * appraisal's schema check first (core's generated validator) and exact rationals (core's `Rational`) for every
 * score. It checks its verdicts equal Kinerja's on the 10k cohort, then times it against the hand-written
 * function, interleaved. Run after `pnpm build`: `node bench/experiments/exact-straight-line.mjs`.
 * See bench/README.md ("What the PermenPAN-RB targets would take").
 */
import { Rational } from '../../packages/core/dist/index.js';
import { appraisalVerdict } from '../../packages/core/src/validate/validators.generated.js';
import { chunk } from '../lib/cohorts.mjs';
import { createEngine } from '../lib/engines.mjs';
import { differences, kinerjaVerdict } from '../lib/verdict.mjs';
import { BERAKHLAK, FEEDBACK, lookup, pmrVerdict } from '../peers/common.mjs';
import { scorePermenpanrb } from '../peers/handwritten-permenpanrb.mjs';

const R = (x) => Rational.from(x);
const H100 = R(100),
  H110 = R(110),
  HALF = R('0.5'),
  P35 = R('3.5'),
  P45 = R('4.5');
const ROLES = ['peer', 'subordinate', 'third-party'];
const W = [R('0.34'), R('0.33'), R('0.33')];
const ROLE_INDEX = new Map(ROLES.map((r, k) => [r, k]));
const B_INDEX = new Map(BERAKHLAK.map((b, i) => [b, i]));
const PCT = {
  'sangat-baik': R('1.5'),
  baik: R(1),
  'butuh-perbaikan': R('0.75'),
  kurang: R('0.5'),
  'sangat-kurang': R('0.25'),
};
const SUMS = new Array(21);
const COUNTS = new Uint32Array(21);
function scoreExact(a) {
  if (!appraisalVerdict(a)) return { status: 'invalid' };
  const items = a.targets['hasil-kerja'];
  let sum = Rational.ZERO;
  let above = 0,
    below = 0,
    mains = 0,
    mainBelow = 0;
  for (const t of items) {
    const s = R(t.realisation).mul(H100).div(R(t.target));
    sum = sum.add(s);
    if (s.lt(H100)) {
      below++;
      if (t.main) mainBelow++;
    } else if (s.gt(H110)) above++;
    if (t.main) mains++;
  }
  const n = items.length;
  const hk = sum.div(R(n)).round(2, 'half-up');
  for (let i = 0; i < 21; i++) SUMS[i] = Rational.ZERO;
  COUNTS.fill(0);
  for (const r of a.ratings ?? []) {
    const v = typeof r.value === 'number' ? R(r.value) : R(lookup(FEEDBACK, r.value));
    const slot = B_INDEX.get(r.indicator) * 3 + ROLE_INDEX.get(r.role);
    SUMS[slot] = SUMS[slot].add(v);
    COUNTS[slot]++;
  }
  let values = Rational.ZERO;
  let vc = 0;
  for (let b = 0; b < 7; b++) {
    let num = Rational.ZERO,
      den = Rational.ZERO;
    for (let k = 0; k < 3; k++) {
      const s = b * 3 + k;
      if (!COUNTS[s]) continue;
      num = num.add(W[k].mul(SUMS[s].div(R(COUNTS[s]))));
      den = den.add(W[k]);
    }
    if (den.isZero()) continue;
    values = values.add(num.div(den));
    vc++;
  }
  const p = values.div(R(vc)).round(2, 'half-up');
  const shareAbove = R(above).div(R(n)),
    shareBelow = R(below).div(R(n));
  const mainBelowShare = mains > 0 ? R(mainBelow).div(R(mains)) : Rational.ZERO;
  const hkSuggested =
    shareAbove.gt(HALF) && mainBelow === 0
      ? 'di-atas'
      : shareBelow.lt(HALF) && mainBelowShare.lt(HALF)
        ? 'sesuai'
        : 'di-bawah';
  const pSuggested = p.lt(P35) ? 'di-bawah' : p.lt(P45) ? 'sesuai' : 'di-atas';
  return pmrVerdict(
    a,
    { hasilKerja: hk.toNumber(), perilaku: p.toNumber(), hkSuggested, pSuggested },
    exactCredit,
  );
}

/** Angka kredit in exact rationals, half-up to 2 decimals. */
const exactCredit = (predicate, coefficient, months) =>
  PCT[predicate].mul(R(coefficient)).mul(R(months)).div(R(12)).round(2, 'half-up').toNumber();
const as = chunk('permenpanrb-6-2022', 0, 10000);
const k = await createEngine('kinerja', 'permenpanrb-6-2022');
let diff = 0;
const fields = {};
for (const a of as) {
  const d = differences(kinerjaVerdict(await k.evaluate(a)), scoreExact(a));
  if (d.length) {
    diff++;
    for (const f of d) fields[f] = (fields[f] ?? 0) + 1;
  }
}
console.log(`exact sketch vs Kinerja on ${as.length} appraisals: ${diff} differ`, JSON.stringify(fields));
// Read at the end, so the timed calls cannot be optimised away.
let sink = 0;
function time(f) {
  for (let w = 0; w < 3; w++) for (const a of as) sink += f(a).status.length;
  let best = Infinity;
  for (let r = 0; r < 8; r++) {
    const t = performance.now();
    for (const a of as) sink += f(a).status.length;
    best = Math.min(best, performance.now() - t);
  }
  return (as.length / best) * 1000;
}
for (let round = 0; round < 3; round++) {
  const hw = time(scorePermenpanrb);
  const ex = time(scoreExact);
  console.log(
    `hand-written ${hw.toFixed(0)}/s  exact+validated sketch ${ex.toFixed(0)}/s  ratio ${((ex / hw) * 100).toFixed(1)} %`,
  );
}
console.log(`(${sink} status characters read)`);
