import { decimalText } from './decimalText.js';

/**
 * A warning of the group-disparity audit, shaped like core's diagnostics: a stable `code` a program can branch on,
 * the numbers behind it in `params`, and the sentence in Bahasa Indonesia and English, saying what to do.
 *
 * - `small-group`: a group too small to conclude from its ratio. `params`: `group`, `n`, `minGroupSize`,
 *   `minExpected`, `expectedSelected`, `expectedNotSelected` and `because` (`n`, `expected-selected`,
 *   `expected-not-selected`, joined by `,`).
 * - `too-few-groups`: fewer than two groups with a determined outcome. `params`: `groups`.
 */
export interface DisparityWarning {
  /** Stable code. */
  code: 'small-group' | 'too-few-groups';
  /** The values the message is made of. */
  params: Record<string, string | number>;
  /** The message in Bahasa Indonesia and English. */
  message: { id: string; en: string };
}

/** Why a group is too small, as {@link GroupRate.smallBecause} lists it. */
type SmallBecause = 'n' | 'expected-selected' | 'expected-not-selected';

/**
 * The `small-group` warning of one group. The counts are rounded to one decimal in the message only: `params`
 * keeps them exact.
 */
export function smallGroupWarning(
  group: string,
  n: number,
  expected: { selected: number; notSelected: number },
  because: readonly SmallBecause[],
  limits: { minGroupSize: number; minExpected: number },
): DisparityWarning {
  const why = (lang: 'id' | 'en') =>
    because
      .map((b) => {
        if (b === 'n') return `n ${n} < ${limits.minGroupSize}`;
        const x = decimalText(b === 'expected-selected' ? expected.selected : expected.notSelected, 1, lang);
        if (lang === 'id')
          return `jumlah harapan ${b === 'expected-selected' ? 'terpilih' : 'tidak terpilih'} ${x} < ${limits.minExpected} (pada tingkat gabungan)`;
        return `expected ${b === 'expected-selected' ? 'selected' : 'not selected'} ${x} < ${limits.minExpected} at the pooled rate`;
      })
      .join('; ');
  return {
    code: 'small-group',
    params: {
      group,
      n,
      minGroupSize: limits.minGroupSize,
      minExpected: limits.minExpected,
      expectedSelected: expected.selected,
      expectedNotSelected: expected.notSelected,
      because: because.join(','),
    },
    message: {
      id: `kelompok "${group}" terlalu kecil untuk disimpulkan dari rasionya: ${why('id')}. Baca jumlah orangnya, bukan rasionya; untuk putusan, gabungkan periode atau unit sampai kelompok ini cukup besar.`,
      en: `group "${group}" is too small to conclude from its ratio: ${why('en')}. Read its head counts, not its ratio; for a verdict, pool periods or units until the group is large enough.`,
    },
  };
}

/** The `too-few-groups` warning: with fewer than two groups there is nothing to compare. */
export function tooFewGroupsWarning(groups: number): DisparityWarning {
  return {
    code: 'too-few-groups',
    params: { groups },
    message: {
      id: `kurang dari dua kelompok dengan hasil yang ditentukan (${groups}): tidak ada yang dapat dibandingkan. Periksa apakah atribut ini terisi pada penilaian yang diaudit.`,
      en: `fewer than two groups with a determined outcome (${groups}): nothing to compare. Check that the appraisals audited carry this attribute.`,
    },
  };
}
