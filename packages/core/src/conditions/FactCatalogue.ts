/**
 * The shape of a fact (or of a value inside one), used to check conditions at compile time.
 *
 * - `string.values` lists the only texts the fact can take, so a typo in a rubric constant is caught.
 * - `object.open` lets a path name properties the catalogue does not list (their shape is `any`).
 * - `protected` marks an attribute no rule may read (gender, religion, …); reading it, or reading a
 *   value that contains it, is refused.
 * - `any` switches checking off below that point.
 */
export type FactShape =
  | { type: 'number' }
  | { type: 'boolean' }
  | { type: 'string'; values?: readonly string[] }
  | { type: 'array'; items: FactShape }
  | { type: 'object'; properties: Readonly<Record<string, FactShape>>; open?: boolean }
  | { type: 'any' }
  | { type: 'protected' };

/** The facts a rubric's conditions may read, by root name. */
export interface FactCatalogue {
  /** Shape of each root fact. */
  readonly roots: Readonly<Record<string, FactShape>>;
}

/**
 * Supplies a root fact's value at evaluation time, or `undefined` when the fact is absent.
 *
 * It may be called more than once per evaluation for the same root, so it must be cheap and pure.
 * Numbers may be JS numbers or `Rational` instances.
 */
export type FactSource = (root: string) => unknown;
