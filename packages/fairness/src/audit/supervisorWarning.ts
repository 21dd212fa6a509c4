import { decimalText } from './decimalText.js';
import { type RaterWarning, smallSampleRatees, smallSampleWords } from './raterWarning.js';

/**
 * The `small-sample` caution of a supervisor flagged by the divergence audit on fewer than
 * {@link smallSampleRatees} people, or undefined. Same code and shape as the leniency audit's
 * ({@link RaterWarning}); `params`: `supervisor`, `ratees` (people rated by them and by a consensus rater),
 * `validatedFrom` ({@link smallSampleRatees}), `estimate` (gap − baseline, rating points), `detectable` (the
 * supervisor's `test.detectable`, rating points; absent when not finite) and `power`. The numbers are rounded to
 * two decimals in the message only: `params` keeps them exact.
 *
 * The threshold is the leniency audit's on purpose: `scripts/validate-audit.mjs` runs both audits on the same
 * simulated cohorts, whose smallest team is 4 ratees per supervisor, so 4 is also the smallest team on which the
 * divergence audit's power was measured; below it nothing was.
 */
export function supervisorSmallSampleWarning(
  supervisor: string,
  ratees: number,
  estimate: number,
  detectable: number | undefined,
  power: number,
): RaterWarning | undefined {
  if (ratees >= smallSampleRatees) return undefined;
  const w = smallSampleWords(ratees, detectable, power);
  const one = ratees === 1;
  const shift = w.finite
    ? {
        id: ` Untuk atasan ini, hanya selisih sedikitnya ${w.detectable.id} poin di luar sebaran normal yang ditandai dengan peluang ${w.pct.id}.`,
        en: ` For this supervisor, only a gap of at least ${w.detectable.en} points beyond the normal spread is flagged with probability ${w.pct.en}.`,
      }
    : { id: '', en: '' };
  return {
    code: 'small-sample',
    params: {
      supervisor,
      ratees,
      validatedFrom: smallSampleRatees,
      estimate,
      ...(w.finite ? { detectable: detectable as number } : {}),
      power,
    },
    message: {
      id: `atasan "${supervisor}" ditandai berdasarkan ${w.people.id} saja, kurang dari ${smallSampleRatees} (tim terkecil tempat kemampuan audit ini diukur). Estimasi ${decimalText(estimate, 2, 'id')} poin adalah selisih nilainya untuk ${w.them.id} dari nilai penilai konsensus (rekan kerja dan penilai lain) untuk orang yang sama, di luar acuan: dari sesedikit ini, kebiasaan menilai bawahan lebih tinggi atau lebih rendah tidak dapat dibedakan dari pandangannya tentang ${w.them.id}, yang bisa bersandar pada pekerjaan yang tidak dilihat penilai lain.${shift.id} Baca nilai semua penilai untuk ${w.them.id} sebelum menyimpulkan apa pun tentang atasannya.`,
      en: `supervisor "${supervisor}" was flagged on ${w.people.en} only, fewer than ${smallSampleRatees} (the smallest team this audit's power was measured on). The estimate of ${decimalText(estimate, 2, 'en')} points is how far their ratings of ${w.them.en} sit from the consensus raters' (peers and other raters) of ${one ? 'the same person' : 'the same people'}, beyond the baseline: from so few, a habit of rating their own people up or down cannot be told from their view of ${w.them.en}, which may rest on work the others do not see.${shift.en} Read every rater's ratings of ${w.them.en} before concluding anything about the supervisor.`,
    },
  };
}
