import { expect } from 'vitest';

const saved = Object.getOwnPropertyNames(Object.prototype).sort();

/** Asserts that parsing did not touch Object.prototype. */
export function expectPrototypeIntact(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(saved);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}
