import { createDiagnostic } from '../diagnostics/createDiagnostic.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { joinPointer } from '../diagnostics/pointer.js';

/** What is wrong with a value that is not plain data (the `problem` of an `input-not-plain` diagnostic). */
type Problem = 'prototype' | 'accessor' | 'hole' | 'function' | 'unreadable';

/** A container still to look into, with the way to it (the pointer is built only for a diagnostic). */
interface Frame {
  readonly value: object;
  readonly key: string | number | undefined;
  readonly parent: Frame | undefined;
}

/** The most diagnostics one check reports: one is enough to refuse the input, a few help fix it. */
const LIMIT = 20;

function pointerOf(frame: Frame | undefined, key?: string | number): string {
  const keys: Array<string | number> = key === undefined ? [] : [key];
  for (let f = frame; f?.key !== undefined; f = f.parent) keys.push(f.key);
  return keys.length === 0 ? '' : joinPointer('', ...keys.reverse());
}

/**
 * Checks that an appraisal handed to `evaluate` in code is plain JSON data, once, before anything reads it: every
 * object has `Object.prototype` or a null prototype, every array is an ordinary array without holes, and every
 * property is a stored value (no getter or setter). Everything after this reads own properties only, so a value
 * inherited from a class or prototype, a getter that computes (or throws), or a function must not get past it.
 *
 * Values are read through property descriptors, so no getter runs. A Proxy whose traps throw becomes an
 * `input-not-plain` diagnostic (`problem: unreadable`) instead of an exception; a Proxy that answers like a plain
 * object is indistinguishable from one in portable JavaScript and is accepted. Shared references and cycles are
 * looked into once; the schema refuses an object where a scalar belongs.
 *
 * @returns The diagnostics (`input-not-plain`, at most 20), or undefined when the input is plain data, so that
 *   the check chains in front of schema validation with `??`.
 */
export function checkPlainAppraisal(input: unknown, source?: string): Diagnostic[] | undefined {
  const found: Diagnostic[] = [];
  const report = (pointer: string, problem: Problem) => {
    found.push(createDiagnostic({ code: 'input-not-plain', pointer, params: { problem } }, source));
  };
  const seen = new WeakSet<object>();
  const stack: Frame[] = [];
  // Looks at one value: a scalar passes, a plain container is queued, anything else is reported.
  const visit = (value: unknown, parent: Frame | undefined, key: string | number | undefined): void => {
    if (typeof value === 'function') {
      report(pointerOf(parent, key), 'function');
      return;
    }
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    const proto = Object.getPrototypeOf(value);
    const plain = Array.isArray(value)
      ? proto === Array.prototype
      : proto === Object.prototype || proto === null;
    if (!plain) report(pointerOf(parent, key), 'prototype');
    else stack.push({ value, key, parent });
  };
  let current: Frame | undefined;
  let at: string | number | undefined;
  try {
    visit(input, undefined, undefined);
    while (stack.length > 0 && found.length < LIMIT) {
      current = stack.pop() as Frame;
      const o = current.value as Record<string, unknown>;
      at = undefined;
      if (Array.isArray(o)) {
        const n = o.length;
        for (let i = 0; i < n && found.length < LIMIT; i++) {
          at = i;
          const d = Object.getOwnPropertyDescriptor(o, i);
          if (d === undefined) report(pointerOf(current, i), 'hole');
          else if (!('value' in d)) report(pointerOf(current, i), 'accessor');
          else visit(d.value, current, i);
        }
        continue;
      }
      // Every own string key, enumerable or not: a property access reads both.
      for (const k of Object.getOwnPropertyNames(o)) {
        if (found.length >= LIMIT) break;
        at = k;
        const d = Object.getOwnPropertyDescriptor(o, k) as PropertyDescriptor;
        if (!('value' in d)) report(pointerOf(current, k), 'accessor');
        else visit(d.value, current, k);
      }
    }
  } catch {
    // A Proxy trap (getPrototypeOf, ownKeys, getOwnPropertyDescriptor) threw: the value cannot be read as data.
    report(pointerOf(current, at), 'unreadable');
  }
  return found.length === 0 ? undefined : found;
}
