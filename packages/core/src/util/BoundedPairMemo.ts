/**
 * {@link BoundedMemo} for a pure function of two strings. Keyed in two levels rather than by a joined key: joining
 * built a fresh string per lookup that then had to be hashed (the calendar's `between` memo was 1.5 % of a
 * PermenPAN-RB evaluation), while the two texts of an appraisal are hashed once each.
 */
export class BoundedPairMemo<V> {
  readonly #entries = new Map<string, Map<string, V>>();
  readonly #compute: (a: string, b: string) => V;
  readonly #limit: number;
  #size = 0;

  /**
   * @param compute - The pure function to memoise.
   * @param limit - Most entries (pairs) kept at once.
   */
  constructor(compute: (a: string, b: string) => V, limit = 1024) {
    this.#compute = compute;
    this.#limit = limit;
  }

  /** The value for `(a, b)`, computed at most once while it stays in the memo. */
  get(a: string, b: string): V {
    let inner = this.#entries.get(a);
    if (inner !== undefined) {
      const hit = inner.get(b);
      if (hit !== undefined || inner.has(b)) return hit as V;
    }
    const v = this.#compute(a, b);
    if (this.#size >= this.#limit) {
      this.#entries.clear();
      this.#size = 0;
      inner = undefined;
    }
    if (inner === undefined) {
      inner = new Map();
      this.#entries.set(a, inner);
    }
    inner.set(b, v);
    this.#size++;
    return v;
  }
}
