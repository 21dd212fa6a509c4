import type { FactDecl } from '@kinerja/core';
import fc from 'fast-check';
import { decimalIn } from './decimalIn.js';

const WORDS = ['Kupang', 'Ende', 'Atambua', 'Waingapu', 'Labuan Bajo'];
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A valid value of one declared fact, by its type (enum values, numbers within min/max, real dates); a text fact
 * takes the words the rubric compares it with or maps (`words`), when it names any.
 */
export function arbitraryFactValue(
  decl: FactDecl,
  words?: readonly string[],
): fc.Arbitrary<string | number | boolean> {
  switch (decl.type) {
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...(decl.values ?? ['x']));
    case 'integer': {
      const min = Math.ceil(decl.min ?? 0);
      return fc.integer({ min, max: Math.max(min, Math.floor(decl.max ?? min + 40)) });
    }
    case 'number': {
      const min = decl.min ?? 0;
      return decimalIn(min, Math.max(min, decl.max ?? min + 100), { exact: [min] });
    }
    case 'date':
      return fc
        .tuple(
          fc.integer({ min: 1960, max: 2024 }),
          fc.integer({ min: 1, max: 12 }),
          fc.integer({ min: 1, max: 28 }),
        )
        .map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`);
    default:
      return fc.constantFrom(...(decl.values ?? (words && words.length > 0 ? words : WORDS)));
  }
}

/** Whether an appraisal may leave the fact out: it is optional or has a default. */
export function factMayBeAbsent(decl: FactDecl): boolean {
  return decl.required === false || decl.default !== undefined;
}

/**
 * The `facts` block: every declared fact (protected ones included, so the protected law has something to vary),
 * left out now and then when the rubric allows it.
 */
export function arbitraryFacts(
  decls: Readonly<Record<string, FactDecl>>,
  vocabulary: ReadonlyMap<string, readonly string[]> = new Map(),
): fc.Arbitrary<Record<string, string | number | boolean>> {
  const entries = Object.entries(decls);
  const arbs = Object.fromEntries(
    entries.map(([k, d]) => [k, arbitraryFactValue(d, vocabulary.get(`facts.${k}`))]),
  );
  return fc.record(arbs, {
    requiredKeys: entries.filter(([, d]) => !factMayBeAbsent(d)).map(([k]) => k),
  }) as fc.Arbitrary<Record<string, string | number | boolean>>;
}
