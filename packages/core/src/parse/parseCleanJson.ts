import { isForbiddenKey } from './forbiddenKeys.js';
import type { ParseLimits } from './ParseLimits.js';

/**
 * In text `JSON.parse` accepted: the number of `:` outside strings, which in valid JSON is the number of keys
 * written; or -1 when a number literal is one the scanner checks for exactness (over 15 characters, or with an
 * exponent). Only the text between strings is read character by character: a string's end is found with the
 * native `indexOf`, which skips most of an appraisal (its keys and texts) far faster than a JavaScript loop. A
 * regular expression blanking the strings cost more than the loop it replaced.
 */
function keysWritten(text: string): number {
  let colons = 0;
  // Length of the run of number characters (`-`, digits, `.`) just read, outside strings.
  let run = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      run = 0;
      i = stringEnd(text, i);
      if (i < 0) return -1;
    } else if (c === 58) {
      colons++;
      run = 0;
    } else if ((c >= 48 && c <= 57) || c === 45 || c === 46) {
      if (++run > 15) return -1;
    } else if ((c === 101 || c === 69) && run > 0) return -1;
    else run = 0;
  }
  return colons;
}

/** The index of the `"` closing the string that opens at `open`: the first quote after an even run of `\`. */
function stringEnd(text: string, open: number): number {
  let end = text.indexOf('"', open + 1);
  while (end > 0) {
    let slash = end - 1;
    while (text.charCodeAt(slash) === 92) slash--;
    if ((end - 1 - slash) % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
  return -1;
}

/** What the walk of a parsed value found. */
interface Tally {
  keys: number;
  nodes: number;
  clean: boolean;
}

/**
 * Counts the keys and nodes (keys plus array items) of `value` as {@link scanJson} counts them, and marks the tally
 * unclean on a forbidden key or a container deeper than `maxDepth` (the root container is depth 1).
 */
function walk(value: unknown, depth: number, maxDepth: number, tally: Tally): void {
  if (typeof value !== 'object' || value === null || !tally.clean) return;
  if (depth > maxDepth) {
    tally.clean = false;
    return;
  }
  if (Array.isArray(value)) {
    tally.nodes += value.length;
    for (let i = 0; i < value.length; i++) walk(value[i], depth + 1, maxDepth, tally);
    return;
  }
  // `for…in` rather than Object.keys: no array per object. An enumerable key inherited from a polluted
  // Object.prototype would be counted too, which only makes the tally disagree and sends the text to the scanner.
  let keys = 0;
  for (const key in value) {
    keys++;
    if (isForbiddenKey(key)) {
      tally.clean = false;
      return;
    }
    walk((value as Record<string, unknown>)[key], depth + 1, maxDepth, tally);
  }
  tally.keys += keys;
  tally.nodes += keys;
}

/**
 * `JSON.parse(text)` when the text is certainly one that {@link scanJson} finds nothing in, else `undefined`; the
 * caller then scans it for the diagnostics. The scan walks every character in JavaScript and cost three times the
 * native parse (a CLI batch spent more on it than on evaluating); this proof costs the parse, one lighter pass over
 * the text and a walk of the parsed value:
 *
 * - syntax: `JSON.parse` accepts exactly the RFC 8259 grammar the scanner implements;
 * - duplicate keys: in valid JSON every `:` outside a string ends a key, so the text's key count is the number of
 *   those colons, and the parsed value has as many own keys only if none was repeated (a repeat is kept once);
 * - forbidden keys, depth and node limits: read from the parsed value, counted as the scanner counts them;
 * - number precision: any literal the scanner would check exactly (over 15 characters, or an exponent) sends the
 *   text to the scanner.
 *
 * @param text JSON text without a byte-order mark.
 * @param limits The depth and node limits the scanner would apply.
 */
export function parseCleanJson(text: string, limits: ParseLimits): { value: unknown } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // A syntax error, or nesting the engine cannot hold: the scanner decides and says where.
    return undefined;
  }
  const keys = keysWritten(text);
  if (keys < 0) return undefined;
  const tally: Tally = { keys: 0, nodes: 0, clean: true };
  walk(value, 1, limits.maxDepth, tally);
  if (!tally.clean || tally.keys !== keys || tally.nodes > limits.maxNodes) return undefined;
  return { value };
}
