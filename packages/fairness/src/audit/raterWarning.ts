import { decimalText } from './decimalText.js';

/**
 * The smallest team on which the audit's rates were measured: the validation's grid of ratees per supervisor
 * (4, 8, 12, 16, 24 in `scripts/validate-audit.mjs` and `scripts/information-limit.mjs`, fixed before any detector
 * ran). Below it the audit still computes a flag, but nothing was measured about how much it can find there.
 */
export const smallSampleRatees = 4;

/**
 * A caution on a flagged rater, shaped like the disparity warnings and core's diagnostics: a stable `code` a
 * program can branch on, the numbers behind it in `params`, and the sentence in Bahasa Indonesia and English,
 * saying what to do. It changes no flag: it says what the flag rests on.
 *
 * - `small-sample`: the rater was flagged on fewer people than {@link smallSampleRatees}. `params`: `rater`,
 *   `ratees`, `validatedFrom` ({@link smallSampleRatees}), `estimate` (rating points), `detectable` (the rater's
 *   `test.detectable`, rating points; absent when not finite) and `power`. On a divergence row
 *   (`supervisorSmallSampleWarning`) `supervisor` stands for `rater` and `estimate` is gap − baseline.
 */
export interface RaterWarning {
  /** Stable code. */
  code: 'small-sample';
  /** The values the message is made of. */
  params: Record<string, string | number>;
  /** The message in Bahasa Indonesia and English. */
  message: { id: string; en: string };
}

/**
 * The `small-sample` caution of a rater flagged on fewer than {@link smallSampleRatees} people, or undefined. The
 * numbers are rounded to two decimals in the message only: `params` keeps them exact.
 */
/** The words both small-sample cautions (leniency, divergence) are made of, in each language. */
export interface SmallSampleWords {
  /** Whether the detectable shift is a finite number (it is left out of params and message otherwise). */
  finite: boolean;
  /** "1 orang" / "1 person", "3 people". */
  people: { id: string; en: string };
  /** "orang itu" / "that person", or the plural. */
  them: { id: string; en: string };
  /** The power as a percentage, decimal comma in id. */
  pct: { id: string; en: string };
  /** The detectable shift, two decimals, decimal comma in id ('' when not finite). */
  detectable: { id: string; en: string };
}

/** {@link SmallSampleWords} for a flag resting on `ratees` people. */
export function smallSampleWords(
  ratees: number,
  detectable: number | undefined,
  power: number,
): SmallSampleWords {
  const finite = detectable !== undefined && Number.isFinite(detectable);
  const one = ratees === 1;
  const pct = `${Number((100 * power).toFixed(1))}%`;
  return {
    finite,
    people: { id: `${ratees} orang`, en: `${ratees} ${one ? 'person' : 'people'}` },
    them: { id: one ? 'orang itu' : 'orang-orang itu', en: one ? 'that person' : 'those people' },
    pct: { id: pct.replace('.', ','), en: pct },
    detectable: finite
      ? { id: decimalText(detectable as number, 2, 'id'), en: decimalText(detectable as number, 2, 'en') }
      : { id: '', en: '' },
  };
}

/**
 * The `small-sample` caution of a rater flagged on fewer than {@link smallSampleRatees} people, or undefined. The
 * numbers are rounded to two decimals in the message only: `params` keeps them exact.
 */
export function smallSampleWarning(
  rater: string,
  ratees: number,
  estimate: number,
  detectable: number | undefined,
  power: number,
): RaterWarning | undefined {
  if (ratees >= smallSampleRatees) return undefined;
  const w = smallSampleWords(ratees, detectable, power);
  const shift = w.finite
    ? {
        id: ` Untuk penilai ini, hanya pergeseran sedikitnya ${w.detectable.id} poin di luar sebaran normal yang ditandai dengan peluang ${w.pct.id}.`,
        en: ` For this rater, only a shift of at least ${w.detectable.en} points beyond the normal spread is flagged with probability ${w.pct.en}.`,
      }
    : { id: '', en: '' };
  return {
    code: 'small-sample',
    params: {
      rater,
      ratees,
      validatedFrom: smallSampleRatees,
      estimate,
      ...(w.finite ? { detectable: detectable as number } : {}),
      power,
    },
    message: {
      id: `penilai "${rater}" ditandai berdasarkan ${w.people.id} saja, kurang dari ${smallSampleRatees} (tim terkecil tempat kemampuan audit diukur). Estimasi ${decimalText(estimate, 2, 'id')} poin adalah selisih nilainya dari penilai lain untuk ${w.them.id}: dari sesedikit ini, kebiasaan menilai murah atau keras tidak dapat dibedakan dari pandangannya tentang ${w.them.id}.${shift.id} Baca nilai-nilainya untuk ${w.them.id} sebelum menyimpulkan apa pun tentang penilainya.`,
      en: `rater "${rater}" was flagged on ${w.people.en} only, fewer than ${smallSampleRatees} (the smallest team the audit's power was measured on). The estimate of ${decimalText(estimate, 2, 'en')} points is how their ratings of ${w.them.en} differ from the other raters': from so few, a habit of leniency or severity cannot be told from their view of ${w.them.en}.${shift.en} Read their ratings of ${w.them.en} before concluding anything about the rater.`,
    },
  };
}
