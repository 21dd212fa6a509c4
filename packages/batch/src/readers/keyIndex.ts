/**
 * The keys of appraisals already read, with the first and last row of each, in typed arrays: 16 bytes a slot, at
 * most half full, so about 32 bytes an appraisal (a `Map` of strings took ~115 bytes). Keys are held as a 64-bit
 * hash, not as text: two different keys share a hash with odds of about n²/2⁶⁵ (3·10⁻⁸ for a million
 * appraisals), and would then be reported as one appraisal split in two.
 */
export class KeyIndex {
  // Per slot: hash low, hash high, first row, last row. A first row of 0 marks an empty slot (rows start at 1).
  private slots = new Uint32Array(4 * 1024);
  private size = 0;

  /** The rows an earlier appraisal with this key spanned, if any. */
  get(key: string): { first: number; last: number } | undefined {
    const [h1, h2] = hash64(key);
    const at = this.find(this.slots, h1, h2);
    const s = this.slots;
    return s[at + 2] === 0 ? undefined : { first: s[at + 2] as number, last: s[at + 3] as number };
  }

  /** Records that rows `first`…`last` held the appraisal with this key. */
  add(key: string, first: number, last: number): void {
    const [h1, h2] = hash64(key);
    if ((this.size + 1) * 2 > this.slots.length / 4) this.grow();
    const at = this.find(this.slots, h1, h2);
    const s = this.slots;
    if (s[at + 2] === 0) this.size++;
    s[at] = h1;
    s[at + 1] = h2;
    s[at + 2] = first;
    s[at + 3] = last;
  }

  /** Linear probing: the slot holding this hash, or the empty slot where it would go. */
  private find(s: Uint32Array, h1: number, h2: number): number {
    const mask = s.length / 4 - 1;
    for (let i = h1 & mask; ; i = (i + 1) & mask) {
      const at = i * 4;
      if (s[at + 2] === 0 || (s[at] === h1 && s[at + 1] === h2)) return at;
    }
  }

  private grow(): void {
    const old = this.slots;
    const next = new Uint32Array(old.length * 2);
    for (let at = 0; at < old.length; at += 4) {
      if (old[at + 2] === 0) continue;
      const to = this.find(next, old[at] as number, old[at + 1] as number);
      next.set(old.subarray(at, at + 4), to);
    }
    this.slots = next;
  }
}

/** cyrb53's mixing, keeping both 32-bit halves: a 64-bit hash of a string. */
function hash64(text: string): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}
