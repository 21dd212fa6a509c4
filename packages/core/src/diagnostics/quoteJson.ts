/**
 * `JSON.stringify(s)` for a string. Most message values are short plain ids and labels, for which the serialiser's
 * set-up cost far more than the quoting (show() was 2 % of a PermenPAN-RB evaluation): those are quoted directly,
 * and anything JSON would escape (a quote, a backslash, a control character, a surrogate) goes to JSON.stringify.
 */
export function quoteJson(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(s);
  }
  return `"${s}"`;
}
