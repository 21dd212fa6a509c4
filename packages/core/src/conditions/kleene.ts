import type { Truth } from './conditionTypes.js';

/** Kleene AND: false wins, then undetermined, then true. */
export function kleeneAnd(a: Truth, b: Truth): Truth {
  if (a === false || b === false) return false;
  return a === undefined || b === undefined ? undefined : true;
}

/** Kleene OR: true wins, then undetermined, then false. */
export function kleeneOr(a: Truth, b: Truth): Truth {
  if (a === true || b === true) return true;
  return a === undefined || b === undefined ? undefined : false;
}

/** Kleene NOT: flips true and false, keeps undetermined. */
export function kleeneNot(a: Truth): Truth {
  return a === undefined ? undefined : !a;
}
