import { joinPointer } from '../diagnostics/pointer.js';
import { numberIsExact } from './findImpreciseNumbers.js';
import { isForbiddenKey } from './forbiddenKeys.js';
import type { ParseLimits } from './ParseLimits.js';

/** A problem found by {@link scanJson}, located by UTF-16 offsets into the scanned text. */
export interface JsonScanFinding {
  /** Which rule was broken. */
  code:
    | 'json-syntax'
    | 'duplicate-key'
    | 'forbidden-key'
    | 'number-precision'
    | 'input-too-deep'
    | 'input-too-many-keys';
  /** Start offset. */
  start: number;
  /** End offset (exclusive). */
  end: number;
  /** JSON pointer of the offending key or value ('' for syntax errors). */
  pointer: string;
  /** The offending key or number literal, or for `json-syntax` the unexpected character (absent at the end). */
  received?: string;
  /** What went wrong, for `json-syntax`. */
  problem?: JsonSyntaxProblem;
  /** What was due instead, for an unexpected character or end. */
  expected?: JsonExpectation;
}

/** What a `json-syntax` finding says went wrong: stable keys, rendered in each language by the catalogue. */
export type JsonSyntaxProblem =
  | 'unexpected-character'
  | 'unexpected-end'
  | 'unterminated-string'
  | 'control-character'
  | 'bad-unicode-escape'
  | 'bad-escape';

/** What was due where an unexpected character (or the end) was found. */
export type JsonExpectation =
  | 'value'
  | 'property-name'
  | 'colon'
  | 'comma-or-brace'
  | 'comma-or-bracket'
  | 'digit'
  | 'end';

interface Frame {
  object: boolean;
  /** Keys seen so far (objects only). */
  keys: string[] | undefined;
  /** The same keys hashed, once an object has many. */
  keySet?: Set<string>;
  /** Current key (objects) or index (arrays), for pointers. */
  token: string | number;
}

class Stop {
  constructor(readonly finding: JsonScanFinding) {}
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isHex = (c: number) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

// The scanner's position lives in one local variable of scanJson, and every helper takes it and returns the new
// one: closures sharing a mutable `i` kept it in a heap context, which made this scan cost as much as the
// evaluation that followed it (a CLI profile: 14 % of a batch, vs 8 % for JSON.parse itself).

/**
 * Records `key` in its object, or says it was there already. An object has a handful of keys, and comparing with
 * each is cheaper than hashing every key of every appraisal; a big object switches to a Set.
 */
function addKey(frame: Frame, key: string): boolean {
  const set = frame.keySet;
  if (set !== undefined) {
    if (set.has(key)) return false;
    set.add(key);
    return true;
  }
  const keys = frame.keys as string[];
  for (let k = 0; k < keys.length; k++) if (keys[k] === key) return false;
  keys.push(key);
  if (keys.length > 16) frame.keySet = new Set(keys);
  return true;
}

function syntax(n: number, at: number, problem: JsonSyntaxProblem): never {
  throw new Stop({ code: 'json-syntax', start: at, end: Math.min(at + 1, n), pointer: '', problem });
}

/** Stops at `i`, where `expected` was due: an unexpected character, or the end of the text. */
function unexpected(text: string, i: number, expected: JsonExpectation): never {
  const n = text.length;
  const finding: JsonScanFinding =
    i >= n
      ? { code: 'json-syntax', start: n, end: n, pointer: '', problem: 'unexpected-end', expected }
      : {
          code: 'json-syntax',
          start: i,
          end: i + 1,
          pointer: '',
          problem: 'unexpected-character',
          // The whole character, not half of a surrogate pair.
          received: String.fromCodePoint(text.codePointAt(i) as number),
          expected,
        };
  throw new Stop(finding);
}

function pointerOf(frames: readonly Frame[]): string {
  let p = '';
  for (const f of frames) p = joinPointer(p, f.token);
  return p;
}

function skipWs(text: string, i: number): number {
  let c = text.charCodeAt(i);
  while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(++i);
  return i;
}

/** From the opening quote at `i` to just past the closing one. */
function skipString(text: string, i: number, n: number): number {
  for (i++; ; i++) {
    if (i >= n) syntax(n, n, 'unterminated-string');
    const c = text.charCodeAt(i);
    if (c === 34) return i + 1;
    if (c < 0x20) syntax(n, i, 'control-character');
    if (c === 92) {
      const e = text.charCodeAt(++i);
      if (e === 117) {
        for (let k = 1; k <= 4; k++)
          if (!isHex(text.charCodeAt(i + k))) syntax(n, i + k, 'bad-unicode-escape');
        i += 4;
      } else if (
        !(e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116)
      ) {
        syntax(n, i >= n ? n : i - 1, i >= n ? 'unterminated-string' : 'bad-escape');
      }
    }
  }
}

function skipDigits(text: string, i: number): number {
  if (!isDigit(text.charCodeAt(i))) unexpected(text, i, 'digit');
  while (isDigit(text.charCodeAt(i))) i++;
  return i;
}

// Set by skipNumber: whether the literal just skipped had an exponent (a module variable, like the position
// being returned, so the hot path allocates nothing).
let lastHadExponent = false;

function skipNumber(text: string, i: number): number {
  lastHadExponent = false;
  if (text.charCodeAt(i) === 45) i++;
  if (text.charCodeAt(i) === 48) i++;
  else i = skipDigits(text, i);
  if (text.charCodeAt(i) === 46) i = skipDigits(text, i + 1);
  const e = text.charCodeAt(i);
  if (e === 69 || e === 101) {
    lastHadExponent = true;
    i++;
    const s = text.charCodeAt(i);
    if (s === 43 || s === 45) i++;
    i = skipDigits(text, i);
  }
  return i;
}

/**
 * Validates JSON text and checks what `JSON.parse` silently accepts: duplicate keys (it keeps
 * the last), forbidden keys (it creates an own `__proto__`), and depth and size limits.
 *
 * Runs before `JSON.parse` so refused input is never materialised, and so syntax errors get an
 * exact offset on every engine (some engines' messages carry none). Iterative, so nesting depth
 * cannot overflow the stack. Stops at the first syntax error or exceeded limit; duplicate and
 * forbidden keys are all collected.
 */
export function scanJson(text: string, limits: ParseLimits): JsonScanFinding[] {
  const findings: JsonScanFinding[] = [];
  const n = text.length;
  const frames: Frame[] = [];
  const { maxNodes, maxDepth } = limits;
  let nodes = 0;
  let i = 0;

  try {
    let expectValue = true;
    // `top` is the open container a key or item belongs to; a key is read where one is due, then its value.
    let keyFor: Frame | undefined;
    for (;;) {
      if (keyFor !== undefined) {
        if (text.charCodeAt(i) !== 34) unexpected(text, i, 'property-name');
        const start = i;
        i = skipString(text, i, n);
        const raw = text.slice(start + 1, i - 1);
        // Escapes are rare in keys; only then is the exact decoding worth a JSON.parse call.
        const key: string = raw.includes('\\') ? JSON.parse(`"${raw}"`) : raw;
        keyFor.token = key;
        if (++nodes > maxNodes) {
          throw new Stop({ code: 'input-too-many-keys', start, end: start + 1, pointer: pointerOf(frames) });
        }
        if (isForbiddenKey(key)) {
          findings.push({ code: 'forbidden-key', start, end: i, pointer: pointerOf(frames), received: key });
        } else if (!addKey(keyFor, key)) {
          findings.push({ code: 'duplicate-key', start, end: i, pointer: pointerOf(frames), received: key });
        }
        i = skipWs(text, i);
        if (text.charCodeAt(i) !== 58) unexpected(text, i, 'colon');
        i++;
        keyFor = undefined;
      }
      i = skipWs(text, i);
      if (expectValue) {
        const c = text.charCodeAt(i);
        if (c === 123 || c === 91) {
          if (frames.length + 1 > maxDepth) {
            throw new Stop({ code: 'input-too-deep', start: i, end: i + 1, pointer: pointerOf(frames) });
          }
          const object = c === 123;
          const top: Frame = { object, keys: object ? [] : undefined, token: object ? '' : 0 };
          frames.push(top);
          i = skipWs(text, i + 1);
          if (text.charCodeAt(i) === (object ? 125 : 93)) {
            i++;
            frames.pop();
            expectValue = false;
          } else if (object) keyFor = top;
          else if (++nodes > maxNodes) {
            throw new Stop({ code: 'input-too-many-keys', start: i, end: i + 1, pointer: pointerOf(frames) });
          }
          continue;
        }
        if (c === 34) i = skipString(text, i, n);
        else if (c === 45 || isDigit(c)) {
          const start = i;
          i = skipNumber(text, i);
          // JSON.parse rounds a literal to the nearest double without a word (79.99999999999999999999 → 80, 1e-400
          // → 0), which could move a score across a band. A literal of at most 15 characters without an exponent
          // has at most 15 significant digits in the normal range, which a double always holds exactly, so only
          // longer or exponent literals need the exact check YAML numbers get.
          if (i - start > 15 || lastHadExponent) {
            const literal = text.slice(start, i);
            if (!numberIsExact(literal, Number(literal)))
              findings.push({
                code: 'number-precision',
                start,
                end: i,
                pointer: pointerOf(frames),
                received: literal,
              });
          }
        } else if (text.startsWith('true', i)) i += 4;
        else if (text.startsWith('false', i)) i += 5;
        else if (text.startsWith('null', i)) i += 4;
        else unexpected(text, i, 'value');
        expectValue = false;
        continue;
      }
      const top = frames[frames.length - 1];
      if (top === undefined) {
        if (i < n) unexpected(text, i, 'end');
        break;
      }
      const c = text.charCodeAt(i);
      if (c === 44) {
        i = skipWs(text, i + 1);
        if (top.object) keyFor = top;
        else {
          top.token = (top.token as number) + 1;
          if (++nodes > maxNodes) {
            throw new Stop({ code: 'input-too-many-keys', start: i, end: i + 1, pointer: pointerOf(frames) });
          }
        }
        expectValue = true;
      } else if (c === (top.object ? 125 : 93)) {
        i++;
        frames.pop();
      } else unexpected(text, i, top.object ? 'comma-or-brace' : 'comma-or-bracket');
    }
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    return [e.finding];
  }
  return findings;
}
