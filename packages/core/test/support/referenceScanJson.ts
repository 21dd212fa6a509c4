/**
 * The JSON scanner as it was before it was rewritten for speed (closures over one shared position), kept as the
 * reference the rewrite must agree with finding for finding (test/parse/scanJson.test.ts).
 */
import { joinPointer } from '../../src/diagnostics/pointer.js';
import { forbiddenKeys } from '../../src/parse/forbiddenKeys.js';
import type { ParseLimits } from '../../src/parse/ParseLimits.js';
// The findings' type is the real scanner's: the two must agree field for field.
import type { JsonScanFinding } from '../../src/parse/scanJson.js';

/** The scanner's findings as they were then: a syntax error carried an English `detail` instead of keys. */
export type ReferenceFinding = Omit<JsonScanFinding, 'problem' | 'expected'> & { detail?: string };

interface Frame {
  object: boolean;
  /** Keys seen so far (objects only). */
  keys: Set<string> | undefined;
  /** Current key (objects) or index (arrays), for pointers. */
  token: string | number;
}

class Stop {
  constructor(readonly finding: ReferenceFinding) {}
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isHex = (c: number) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
const describe = (text: string, i: number) =>
  i >= text.length ? 'unexpected end of input' : `unexpected character ${JSON.stringify(text[i])}`;

/**
 * Validates JSON text and checks what `JSON.parse` silently accepts: duplicate keys (it keeps
 * the last), forbidden keys (it creates an own `__proto__`), and depth and size limits.
 *
 * Runs before `JSON.parse` so refused input is never materialised, and so syntax errors get an
 * exact offset on every engine (some engines' messages carry none). Iterative, so nesting depth
 * cannot overflow the stack. Stops at the first syntax error or exceeded limit; duplicate and
 * forbidden keys are all collected.
 */
export function referenceScanJson(text: string, limits: ParseLimits): ReferenceFinding[] {
  const findings: ReferenceFinding[] = [];
  const n = text.length;
  const frames: Frame[] = [];
  let nodes = 0;
  let i = 0;

  const pointer = () => {
    let p = '';
    for (const f of frames) p = joinPointer(p, f.token);
    return p;
  };
  const syntax = (at: number, detail: string): never => {
    throw new Stop({ code: 'json-syntax', start: at, end: Math.min(at + 1, n), pointer: '', detail });
  };
  const skipWs = () => {
    for (let c = text.charCodeAt(i); c === 32 || c === 10 || c === 13 || c === 9; c = text.charCodeAt(++i));
  };
  const count = (at: number) => {
    if (++nodes > limits.maxNodes) {
      throw new Stop({ code: 'input-too-many-keys', start: at, end: at + 1, pointer: pointer() });
    }
  };
  const skipString = (): void => {
    for (i++; ; i++) {
      if (i >= n) syntax(n, 'unterminated string');
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c < 0x20) syntax(i, 'control character in string');
      if (c === 92) {
        const e = text.charCodeAt(++i);
        if (e === 117) {
          for (let k = 1; k <= 4; k++)
            if (!isHex(text.charCodeAt(i + k))) syntax(i + k, 'bad unicode escape');
          i += 4;
        } else if (
          !(e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116)
        ) {
          syntax(i >= n ? n : i - 1, i >= n ? 'unterminated string' : 'bad escape in string');
        }
      }
    }
  };
  const skipDigits = (what: string) => {
    if (!isDigit(text.charCodeAt(i))) syntax(i, `${describe(text, i)} in ${what}`);
    while (isDigit(text.charCodeAt(i))) i++;
  };
  const skipNumber = () => {
    if (text.charCodeAt(i) === 45) i++;
    if (text.charCodeAt(i) === 48) i++;
    else skipDigits('number');
    if (text.charCodeAt(i) === 46) {
      i++;
      skipDigits('number fraction');
    }
    const e = text.charCodeAt(i);
    if (e === 69 || e === 101) {
      i++;
      const s = text.charCodeAt(i);
      if (s === 43 || s === 45) i++;
      skipDigits('number exponent');
    }
  };
  const readKey = (top: Frame) => {
    if (text.charCodeAt(i) !== 34) syntax(i, `${describe(text, i)}, expected a double-quoted property name`);
    const start = i;
    skipString();
    const raw = text.slice(start + 1, i - 1);
    // Escapes are rare in keys; only then is the exact decoding worth a JSON.parse call.
    const key: string = raw.includes('\\') ? JSON.parse(`"${raw}"`) : raw;
    top.token = key;
    count(start);
    if (forbiddenKeys.has(key)) {
      findings.push({ code: 'forbidden-key', start, end: i, pointer: pointer(), received: key });
    } else if (top.keys?.has(key)) {
      findings.push({ code: 'duplicate-key', start, end: i, pointer: pointer(), received: key });
    } else top.keys?.add(key);
    skipWs();
    if (text.charCodeAt(i) !== 58) syntax(i, `${describe(text, i)}, expected ':' after property name`);
    i++;
  };
  const open = (object: boolean) => {
    if (frames.length + 1 > limits.maxDepth) {
      throw new Stop({ code: 'input-too-deep', start: i, end: i + 1, pointer: pointer() });
    }
    frames.push({ object, keys: object ? new Set() : undefined, token: object ? '' : 0 });
    i++;
  };

  try {
    let expectValue = true;
    for (;;) {
      skipWs();
      if (expectValue) {
        const c = text.charCodeAt(i);
        if (c === 123 || c === 91) {
          open(c === 123);
          skipWs();
          const top = frames[frames.length - 1] as Frame;
          if (text.charCodeAt(i) === (c === 123 ? 125 : 93)) {
            i++;
            frames.pop();
            expectValue = false;
          } else if (top.object) readKey(top);
          else count(i);
          continue;
        }
        if (c === 34) skipString();
        else if (c === 45 || isDigit(c)) skipNumber();
        else if (text.startsWith('true', i)) i += 4;
        else if (text.startsWith('false', i)) i += 5;
        else if (text.startsWith('null', i)) i += 4;
        else syntax(i, `${describe(text, i)}, expected a value`);
        expectValue = false;
        continue;
      }
      const top = frames[frames.length - 1];
      if (top === undefined) {
        if (i < n) syntax(i, `${describe(text, i)} after the JSON value`);
        break;
      }
      const c = text.charCodeAt(i);
      if (c === 44) {
        i++;
        skipWs();
        if (top.object) readKey(top);
        else {
          top.token = (top.token as number) + 1;
          count(i);
        }
        expectValue = true;
      } else if (c === (top.object ? 125 : 93)) {
        i++;
        frames.pop();
      } else syntax(i, `${describe(text, i)}, expected ',' or '${top.object ? '}' : ']'}'`);
    }
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    return [e.finding];
  }
  return findings;
}
