/**
 * A memo for a pure function of a string key, with a hard cap on entries. A cohort shares a handful of period
 * dates, so calendar arithmetic repeats thousands of times; the cap keeps memory fixed however many distinct
 * keys a long batch brings (when full, the memo starts over rather than tracking recency: cheaper, and a miss
 * only costs the computation it saves).
 */
export class BoundedMemo<V> {
  readonly #entries = new Map<string, V>();
  readonly #compute: (key: string) => V;
  readonly #limit: number;

  /**
   * @param compute - The pure function to memoise.
   * @param limit - Most entries kept at once.
   */
  constructor(compute: (key: string) => V, limit = 1024) {
    this.#compute = compute;
    this.#limit = limit;
  }

  /** The value for `key`, computed at most once while it stays in the memo. */
  get(key: string): V {
    const hit = this.#entries.get(key);
    if (hit !== undefined || this.#entries.has(key)) return hit as V;
    const v = this.#compute(key);
    if (this.#entries.size >= this.#limit) this.#entries.clear();
    this.#entries.set(key, v);
    return v;
  }
}
