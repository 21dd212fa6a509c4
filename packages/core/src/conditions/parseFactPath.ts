/** One step of a fact path: a property name or an array index. */
export type PathSegment = string | number;

/** Result of {@link parseFactPath}. */
export type ParsedFactPath =
  | { ok: true; segments: readonly PathSegment[] }
  | { ok: false; reason: 'syntax' | 'forbidden' };

// Sticky so each match must start exactly where the previous one ended: nothing can be skipped.
const SEGMENT = /\.([A-Za-z_][A-Za-z0-9_-]*)|\[(0|[1-9][0-9]*)\]/y;

// These names reach the prototype chain in JS; no fact legitimately needs them.
const FORBIDDEN: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Parses a plain own-property path: `$` followed by `.name` and `[n]` steps (e.g. `$.hasil[0].rating`).
 *
 * Everything else JSONPath allows — filters, `..`, `*`, `@`, quoted names, scripts — is refused
 * (`syntax`), as are the names `__proto__`, `constructor` and `prototype` (`forbidden`). `$` alone is
 * the fact itself.
 */
export function parseFactPath(path: string): ParsedFactPath {
  if (typeof path !== 'string' || path[0] !== '$') return { ok: false, reason: 'syntax' };
  const segments: PathSegment[] = [];
  let at = 1;
  while (at < path.length) {
    SEGMENT.lastIndex = at;
    const m = SEGMENT.exec(path);
    if (!m) return { ok: false, reason: 'syntax' };
    const [text, name, index] = m;
    if (name !== undefined) {
      if (FORBIDDEN.has(name)) return { ok: false, reason: 'forbidden' };
      segments.push(name);
    } else {
      const n = Number(index);
      // A larger index could not be an exact array position.
      if (!Number.isSafeInteger(n)) return { ok: false, reason: 'syntax' };
      segments.push(n);
    }
    at += text.length;
  }
  return { ok: true, segments };
}

/** Renders path segments back as text appended to `base`: `formatFactPath('x', ['a', 0])` is `x.a[0]`. */
export function formatFactPath(base: string, segments: readonly PathSegment[]): string {
  let out = base;
  for (const s of segments) out += typeof s === 'number' ? `[${s}]` : `.${s}`;
  return out;
}
