/**
 * Mapping keys refused everywhere: assigning them on a plain object can reach
 * `Object.prototype`, and later stages copy user objects around freely.
 */
export const forbiddenKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const forbiddenLengths = new Set([...forbiddenKeys].map((k) => k.length));

/** Whether `key` is forbidden; most keys are ruled out by their length alone, without hashing them. */
export function isForbiddenKey(key: string): boolean {
  return forbiddenLengths.has(key.length) && forbiddenKeys.has(key);
}
