/**
 * pp-46-2011, written by hand: Perka BKN 1/2013 formulas transcribed literally, doubles, half-up to 2 decimals.
 */
import { round2 } from './common.mjs';

/** Time / cost efficiency (factor 1.76, threshold 24%). */
function efficiency(target, realisation) {
  if (realisation === 0) return 0;
  const e = 1 - realisation / target;
  const base = ((1.76 * target - realisation) / target) * 100;
  return e <= 0.24 ? base : 76 - (base - 100);
}

const extraDuties = (count) => (count === 0 ? 0 : count <= 3 ? 1 : count <= 6 ? 2 : 3);

/** Bands 91+ / 76–90 / 61–75 / 51–60 / ≤ 50, a score between two bands taking the upper one. */
const band = (x) =>
  x > 90 ? 'sangat-baik' : x > 75 ? 'baik' : x > 60 ? 'cukup' : x > 50 ? 'kurang' : 'buruk';

const ASPECTS = ['orientasi-pelayanan', 'integritas', 'komitmen', 'disiplin', 'kerja-sama', 'kepemimpinan'];

/** The three numbers: Nilai SKP, Nilai Perilaku and the overall score (NPK). */
export function pp46Scores(a) {
  let sum = 0;
  const items = a.targets.skp;
  for (const k of items) {
    let parts = (k.quantity * 100) / k.quantityTarget + (k.quality * 100) / k.qualityTarget;
    parts += efficiency(k.timeTarget, k.time);
    let n = 3;
    if (k.costTarget !== 0) {
      parts += efficiency(k.costTarget, k.cost);
      n = 4;
    }
    sum += parts / n;
  }
  const inputs = a.inputs;
  let skp = sum / items.length;
  if (inputs['tugas-tambahan']) skp += extraDuties(inputs['tugas-tambahan'].count);
  if (inputs.kreativitas) skp += inputs.kreativitas.points;
  skp = round2(skp);
  let behaviour = 0;
  let aspects = 0;
  for (const id of ASPECTS) {
    const x = inputs[id];
    if (x) {
      behaviour += x.score;
      aspects++;
    }
  }
  const perilaku = round2(behaviour / aspects);
  return { skp, perilaku, score: round2(0.6 * skp + 0.4 * perilaku) };
}

export function scorePp46(a) {
  const { skp, perilaku, score } = pp46Scores(a);
  const predicate = band(score);
  return {
    status: 'complete',
    score,
    predicate,
    groups: { perilaku: { score: perilaku, rating: band(perilaku) }, skp: { score: skp, rating: band(skp) } },
    outcomes: {
      pembinaan: { met: predicate === 'kurang' || predicate === 'buruk' },
      'prestasi-memenuhi-syarat-kp': { met: predicate === 'sangat-baik' || predicate === 'baik' },
      'rujukan-hukuman-disiplin': { met: skp < 50 },
    },
    flags: [],
  };
}

export const peer = { name: 'hand-written', evaluate: scorePp46, async: false };
