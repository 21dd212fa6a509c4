/**
 * Mapping keys refused everywhere: assigning them on a plain object can reach
 * `Object.prototype`, and later stages copy user objects around freely.
 */
export const forbiddenKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
