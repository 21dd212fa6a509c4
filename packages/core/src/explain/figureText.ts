import type { Lang } from '../diagnostics/diagnostic.js';

/**
 * Decimal places a computed figure is shown exactly up to; beyond them (a third: 96.66666666666667) it is shown
 * rounded to this many places and marked "≈". Four, not the two most rubrics round to: a display rounding that
 * looked like the rubric's own (96.67 next to a group rounded to 96.67) would claim a rounding the rubric did not do.
 */
export const FIGURE_PLACES = 4;

/**
 * A number as an explanation's reader of `lang` writes it: a decimal comma in Bahasa Indonesia (96,5), a point in
 * English (96.5), no thousands separator (as the fairness audit's Indonesian reports write it).
 *
 * `computed` (a score, a part's value, a contribution): the evaluation holds the double of an exact rational, so a
 * figure whose shortest decimal ends within {@link FIGURE_PLACES} places is that decimal, shown as it is; any
 * other (a non-terminating 290/3) is shown as `≈ 96,6667`. `given` (a value read from the appraisal or the rubric):
 * shown in full, as written, since rounding what the user typed would hide it.
 */
export function figureText(x: number, lang: Lang, as: 'computed' | 'given' = 'computed'): string {
  const s = String(x);
  const exact = as === 'given' || !Number.isFinite(x) || (!s.includes('e') && decimals(s) <= FIGURE_PLACES);
  const text = exact ? s : `≈ ${x.toFixed(FIGURE_PLACES)}`;
  return lang === 'id' ? text.replace('.', ',') : text;
}

function decimals(s: string): number {
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}
