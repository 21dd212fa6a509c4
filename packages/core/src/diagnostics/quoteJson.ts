import { isInvisible } from './isInvisible.js';

/**
 * `JSON.stringify(s)` for a string, with the characters a reader cannot see ({@link isInvisible}) escaped as
 * `\uXXXX` too, still a valid JSON string: a message quoting `komitmen` + U+200B would otherwise send the reader
 * looking for a difference that is not on the screen. Most message values are short plain ids and labels, for
 * which the serialiser's set-up cost far more than the quoting (show() was 2 % of a PermenPAN-RB evaluation):
 * those are quoted directly, and anything JSON would escape (a quote, a backslash, a control character, a
 * surrogate) goes to JSON.stringify.
 */
export function quoteJson(s: string): string {
  let hidden = false;
  let escaped = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) escaped = true;
    else if (isInvisible(c)) hidden = true;
  }
  if (!hidden) return escaped ? JSON.stringify(s) : `"${s}"`;
  const json = JSON.stringify(s);
  let out = '';
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    out += isInvisible(c) ? `\\u${c.toString(16).padStart(4, '0')}` : json[i];
  }
  return out;
}
