import { PairTable } from './PairTable.js';

/** One (ratee, indicator) unit of the crossed rater × ratee model: whom it is about and who rated it. */
export interface DesignUnit {
  /** The person rated: an index shared by all of their units. */
  readonly ratee: number;
  /** Its raters: distinct indices, at least two. */
  readonly raters: readonly number[];
}

/**
 * The rater block of the crossed model y = μ_unit + τ_rater + ε once the unit means are absorbed: τ̂ solves the
 * reduced normal equations M τ̂ = X_τ'(I − P_μ) y, M = Σ_units (I − J/k) over the unit's k raters (a weighted graph
 * Laplacian of the raters, singular once per connected component). With one error per rater × ratee cell (variance
 * σ², shared by all of that rater's ratings of that person), the right-hand side carries the noise Σ_i M_i ε_i,
 * M_i = Σ over person i's units of (I − J/k), so its covariance is σ² B with B = Σ_i M_i². Both are sparse: an
 * entry is non-zero only for raters who rated the same person. Off the diagonal they are stored by row, compressed
 * (row a: `neighbour`, `m` and `b` from `start[a]` to `start[a + 1]`, neighbours ascending).
 */
export interface RaterDesign {
  /** Number of raters (indices 0 … raters − 1). */
  readonly raters: number;
  /** M_aa = Σ over a's units of 1 − 1/k. */
  readonly precision: Float64Array;
  /** B_aa. */
  readonly noise: Float64Array;
  /** Where each row starts in `neighbour`, `m` and `b`; `start[raters]` is the number of entries. */
  readonly start: Int32Array;
  /** The raters b ≠ a who rated one of a's ratees. */
  readonly neighbour: Int32Array;
  /** M_ab = −Σ 1/k over the units rated by both a and b, k raters each. */
  readonly m: Float64Array;
  /** B_ab. */
  readonly b: Float64Array;
  /** Connected components of raters (sharing people, directly or not): indices ascending, by first index. */
  readonly components: ReadonlyArray<readonly number[]>;
}

/**
 * Builds M, B and the components from the units. Each person's units give M_i on their s raters as a dense s × s
 * block (s is a handful), squared for B_i; the cost is Σ_units k² + Σ_persons s³.
 */
export function raterDesign(raters: number, units: readonly DesignUnit[]): RaterDesign {
  const precision = new Float64Array(raters);
  const noise = new Float64Array(raters);
  const pairs = new PairTable(4 * units.length);
  const degree = new Int32Array(raters);

  const unitsOfRatee = new Map<number, Array<readonly number[]>>();
  for (const unit of units) {
    const list = unitsOfRatee.get(unit.ratee);
    if (list) list.push(unit.raters);
    else unitsOfRatee.set(unit.ratee, [unit.raters]);
  }
  const slot = new Int32Array(raters).fill(-1);
  const seen: number[] = [];
  let scratch = new Float64Array(64);
  for (const list of unitsOfRatee.values()) {
    seen.length = 0;
    for (const unitRaters of list)
      for (const r of unitRaters)
        if (slot[r] === -1) {
          slot[r] = 0;
          seen.push(r);
        }
    seen.sort((a, b) => a - b);
    const s = seen.length;
    for (let x = 0; x < s; x++) slot[seen[x] as number] = x;
    if (scratch.length < s * s) scratch = new Float64Array(2 * s * s);
    const mi = scratch;
    mi.fill(0, 0, s * s);
    for (const unitRaters of list) {
      const share = 1 / unitRaters.length;
      for (const a of unitRaters)
        for (const b of unitRaters) {
          const at = (slot[a] as number) * s + (slot[b] as number);
          mi[at] = (mi[at] as number) + (a === b ? 1 - share : -share);
        }
    }
    for (let x = 0; x < s; x++) {
      const a = seen[x] as number;
      for (let y = x; y < s; y++) {
        let square = 0;
        for (let z = 0; z < s; z++) square += (mi[x * s + z] as number) * (mi[z * s + y] as number);
        if (x === y) {
          precision[a] = (precision[a] as number) + (mi[x * s + x] as number);
          noise[a] = (noise[a] as number) + square;
        } else {
          const c = seen[y] as number;
          const at = pairs.slot(a, c);
          if (pairs.created) {
            degree[a] = (degree[a] as number) + 1;
            degree[c] = (degree[c] as number) + 1;
          }
          pairs.first[at] = (pairs.first[at] as number) + (mi[x * s + y] as number);
          pairs.second[at] = (pairs.second[at] as number) + square;
        }
      }
    }
    for (const r of seen) slot[r] = -1;
  }

  const start = new Int32Array(raters + 1);
  for (let a = 0; a < raters; a++) start[a + 1] = (start[a] as number) + (degree[a] as number);
  const total = start[raters] as number;
  const neighbour = new Int32Array(total);
  const m = new Float64Array(total);
  const b = new Float64Array(total);
  const fill = start.slice(0, raters);
  pairs.forEach((lo, hi, first, second) => {
    for (const [a, c] of [
      [lo, hi],
      [hi, lo],
    ] as const) {
      const at = fill[a] as number;
      neighbour[at] = c;
      m[at] = first;
      b[at] = second;
      fill[a] = at + 1;
    }
  });
  // Rows ascending (insertion sort: rows are a few dozen long), so that everything downstream visits neighbours in
  // an order fixed by the design alone.
  for (let a = 0; a < raters; a++) {
    const to = start[a + 1] as number;
    for (let t = (start[a] as number) + 1; t < to; t++) {
      const c = neighbour[t] as number;
      const mc = m[t] as number;
      const bc = b[t] as number;
      let u = t - 1;
      while (u >= (start[a] as number) && (neighbour[u] as number) > c) {
        neighbour[u + 1] = neighbour[u] as number;
        m[u + 1] = m[u] as number;
        b[u + 1] = b[u] as number;
        u -= 1;
      }
      neighbour[u + 1] = c;
      m[u + 1] = mc;
      b[u + 1] = bc;
    }
  }

  const parent = Int32Array.from({ length: raters }, (_, r) => r);
  const find = (r: number): number => {
    let x = r;
    while (parent[x] !== x) {
      parent[x] = parent[parent[x] as number] as number;
      x = parent[x] as number;
    }
    return x;
  };
  for (const unit of units) {
    const first = find(unit.raters[0] as number);
    for (const r of unit.raters) parent[find(r)] = first;
  }
  const byRoot = new Map<number, number[]>();
  for (let r = 0; r < raters; r++) {
    const root = find(r);
    const members = byRoot.get(root);
    if (members) members.push(r);
    else byRoot.set(root, [r]);
  }
  return { raters, precision, noise, start, neighbour, m, b, components: [...byRoot.values()] };
}
