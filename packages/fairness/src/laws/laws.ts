import { boundaries } from './boundaries.js';
import { bounds } from './bounds.js';
import { determinism } from './determinism.js';
import { identity } from './identity.js';
import type { Law, LawName } from './LawResult.js';
import { monotonicity } from './monotonicity.js';
import { protectedAttributes } from './protectedAttributes.js';
import { reachability } from './reachability.js';

/** Every fairness law by name, in the order they are reported. */
export const laws: Readonly<Record<LawName, Law>> = {
  determinism,
  bounds,
  boundaries,
  monotonicity,
  protectedAttributes,
  identity,
  reachability,
};
