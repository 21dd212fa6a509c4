/** Where two JSON values first differ. */
export interface Difference {
  /** JSON pointer of the first difference. */
  readonly pointer: string;
  /** The value on the left there (undefined: absent). */
  readonly before: unknown;
  /** The value on the right there (undefined: absent). */
  readonly after: unknown;
}

/**
 * The first place (depth first, keys in order) where two JSON-like values differ, or undefined when they are equal.
 * A counterexample that says "predicate: baik → kurang" is read in seconds; two whole evaluations are not.
 */
export function firstDifference(before: unknown, after: unknown, pointer = ''): Difference | undefined {
  if (Object.is(before, after)) return undefined;
  const bothObjects =
    before !== null && after !== null && typeof before === 'object' && typeof after === 'object';
  if (!bothObjects || Array.isArray(before) !== Array.isArray(after)) return { pointer, before, after };
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  for (const k of keys) {
    const d = firstDifference(b[k], a[k], `${pointer}/${k.replaceAll('~', '~0').replaceAll('/', '~1')}`);
    if (d) return d;
  }
  // Same keys and values but different key order: JSON bytes differ, and so must the report.
  return JSON.stringify(before) === JSON.stringify(after)
    ? undefined
    : { pointer, before: Object.keys(b), after: Object.keys(a) };
}
