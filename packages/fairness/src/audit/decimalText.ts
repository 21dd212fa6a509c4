/**
 * A number with a fixed count of decimals as a reader of `lang` writes it: a decimal comma in Bahasa Indonesia
 * (0,05), a decimal point in English (0.05). No thousands separator in either: "6.104" would read as a decimal in
 * English and "6,104" in Indonesian, so whole numbers stay bare. Undefined or not finite: "–".
 */
export function decimalText(x: number | undefined, digits: number, lang: 'id' | 'en'): string {
  if (x === undefined || !Number.isFinite(x)) return '–';
  const text = x.toFixed(digits);
  return lang === 'id' ? text.replace('.', ',') : text;
}
