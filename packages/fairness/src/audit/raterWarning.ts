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
export function smallSampleWarning(
  rater: string,
  ratees: number,
  estimate: number,
  detectable: number | undefined,
  power: number,
): RaterWarning | undefined {
  if (ratees >= smallSampleRatees) return undefined;
  const finite = detectable !== undefined && Number.isFinite(detectable);
  const people = (lang: 'id' | 'en') =>
    lang === 'id' ? `${ratees} orang` : `${ratees} ${ratees === 1 ? 'person' : 'people'}`;
  const pct = `${Number((100 * power).toFixed(1))}%`;
  const shift = (lang: 'id' | 'en') =>
    finite
      ? lang === 'id'
        ? ` Untuk penilai ini, hanya pergeseran sedikitnya ${decimalText(detectable, 2, lang)} poin di luar sebaran normal yang ditandai dengan peluang ${pct.replace('.', ',')}.`
        : ` For this rater, only a shift of at least ${decimalText(detectable, 2, lang)} points beyond the normal spread is flagged with probability ${pct}.`
      : '';
  return {
    code: 'small-sample',
    params: {
      rater,
      ratees,
      validatedFrom: smallSampleRatees,
      estimate,
      ...(finite ? { detectable } : {}),
      power,
    },
    message: {
      id: `penilai "${rater}" ditandai berdasarkan ${people('id')} saja, kurang dari ${smallSampleRatees} (tim terkecil tempat kemampuan audit diukur). Estimasi ${decimalText(estimate, 2, 'id')} poin adalah selisih nilainya dari penilai lain untuk ${ratees === 1 ? 'orang itu' : 'orang-orang itu'}: dari sesedikit ini, kebiasaan menilai murah atau keras tidak dapat dibedakan dari pandangannya tentang ${ratees === 1 ? 'orang itu' : 'orang-orang itu'}.${shift('id')} Baca nilai-nilainya untuk ${ratees === 1 ? 'orang itu' : 'orang-orang itu'} sebelum menyimpulkan apa pun tentang penilainya.`,
      en: `rater "${rater}" was flagged on ${people('en')} only, fewer than ${smallSampleRatees} (the smallest team the audit's power was measured on). The estimate of ${decimalText(estimate, 2, 'en')} points is how their ratings of ${ratees === 1 ? 'that person' : 'those people'} differ from the other raters': from so few, a habit of leniency or severity cannot be told from their view of ${ratees === 1 ? 'that person' : 'those people'}.${shift('en')} Read their ratings of ${ratees === 1 ? 'that person' : 'those people'} before concluding anything about the rater.`,
    },
  };
}
