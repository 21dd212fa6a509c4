/**
 * Two numbers per unordered pair of indices {a, b}, a ≠ b, in an open-addressing hash table on typed arrays (M and
 * B of a pair of raters). The elimination in `contrastVariances` touches every pair of a pivot's neighbours; a Map
 * of objects made that allocation-bound, this makes it a few array reads. Slots are stable until the table grows,
 * which only `slot` can cause; `first` and `second` are then new arrays, so read them after it.
 */
export class PairTable {
  /** Smaller index of the pair in each slot, −1 when empty. */
  private low: Int32Array;
  /** Larger index of the pair in each slot. */
  private high: Int32Array;
  /** First value of each slot. */
  first: Float64Array;
  /** Second value of each slot. */
  second: Float64Array;
  /** Whether the last {@link PairTable.slot} call created its slot. */
  created = false;
  private used = 0;

  constructor(expected = 1024) {
    let capacity = 1024;
    while (capacity < 2 * expected) capacity *= 2;
    this.low = new Int32Array(capacity).fill(-1);
    this.high = new Int32Array(capacity);
    this.first = new Float64Array(capacity);
    this.second = new Float64Array(capacity);
  }

  /** The slot of {a, b}, or −1 when absent. */
  find(a: number, b: number): number {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const mask = this.low.length - 1;
    for (let s = hash(lo, hi) & mask; ; s = (s + 1) & mask) {
      const at = this.low[s] as number;
      if (at === -1) return -1;
      if (at === lo && this.high[s] === hi) return s;
    }
  }

  /** The slot of {a, b}, created with both values 0 when absent ({@link PairTable.created} tells). */
  slot(a: number, b: number): number {
    const found = this.find(a, b);
    this.created = found < 0;
    if (found >= 0) return found;
    if (2 * (this.used + 1) > this.low.length) this.grow();
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const mask = this.low.length - 1;
    let s = hash(lo, hi) & mask;
    while (this.low[s] !== -1) s = (s + 1) & mask;
    this.low[s] = lo;
    this.high[s] = hi;
    this.first[s] = 0;
    this.second[s] = 0;
    this.used += 1;
    return s;
  }

  /** Calls `visit` with every pair (smaller index first) and its two values, in slot order. */
  forEach(visit: (lo: number, hi: number, first: number, second: number) => void): void {
    for (let s = 0; s < this.low.length; s++) {
      const lo = this.low[s] as number;
      if (lo !== -1) visit(lo, this.high[s] as number, this.first[s] as number, this.second[s] as number);
    }
  }

  private grow(): void {
    const { low, high, first, second } = this;
    const capacity = low.length * 2;
    this.low = new Int32Array(capacity).fill(-1);
    this.high = new Int32Array(capacity);
    this.first = new Float64Array(capacity);
    this.second = new Float64Array(capacity);
    const mask = capacity - 1;
    for (let old = 0; old < low.length; old++) {
      const lo = low[old] as number;
      if (lo === -1) continue;
      const hi = high[old] as number;
      let s = hash(lo, hi) & mask;
      while (this.low[s] !== -1) s = (s + 1) & mask;
      this.low[s] = lo;
      this.high[s] = hi;
      this.first[s] = first[old] as number;
      this.second[s] = second[old] as number;
    }
  }
}

/** A 32-bit mix of the pair (murmur3's finaliser over a multiplicative combination). */
function hash(lo: number, hi: number): number {
  let h = (Math.imul(lo, 0x9e3779b1) + Math.imul(hi, 0x85ebca77)) | 0;
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  h = Math.imul(h, 0x297a2d39);
  h ^= h >>> 15;
  return h >>> 0;
}
