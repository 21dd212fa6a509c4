import { DenseFront } from './DenseFront.js';
import { localContrastVariance } from './localContrastVariance.js';
import { PairTable } from './PairTable.js';
import type { RaterDesign } from './raterDesign.js';

/** Each rater's contrast variance, in units of σ². */
export interface ContrastVariances {
  /** Var(τ̂_r − mean τ̂ of the other raters of r's component) / σ², by rater index. */
  variances: Float64Array;
  /** 1 where the variance is exact, 0 where its component was too costly and the co-rater approximation is used. */
  exact: Uint8Array;
}

/**
 * Work allowed per call, in pair-table updates (Σ over the raters eliminated through the pair table of their
 * neighbours left, squared; the dense stage counts q³/denseSpeed): about half a second on a 2-core VM. Teams, the
 * example cohort (two components of 228 and 110 raters) and hierarchies of thousands of raters linked through
 * their heads use a small part of it; a component of more than about 800 raters whose people are rated across all
 * of it (teams linked to each other everywhere through third parties) does not fit and gets the approximation.
 */
const defaultBudget = 2e6;
/** Of the budget, what one component may spend in the pair table before it must have reached its dense stage. */
const sparseCap = 3e5;
/** Raters at most in the dense stage (four q × q arrays). */
const denseLimit = 1500;
/** How much cheaper one update is in the dense stage than through the pair table (measured, rounded). */
const denseSpeed = 60;

/**
 * The sampling variance, over σ², of each rater's estimate τ̂_r − mean τ̂ of the other m − 1 raters of their
 * component, the other raters' own estimation error included. τ̂ = M⁻X_τ'(I − P_μ)y and the cell errors give the
 * right-hand side covariance σ²B ({@link RaterDesign}), so Var(c'τ̂) = σ² c'M⁻BM⁻c for the contrast
 * c = e_r − (1_C − e_r)/(m − 1), 1_C the component's indicator — with any generalised inverse, since c sums to
 * zero on the component and B annihilates constants. When every person's indicators have the same raters and every
 * person has the same number of indicators, B ∝ M and this is σ² c'M⁻c of the model on rater × ratee cell means.
 *
 * Exact, per component, by elimination: the symmetric block matrix [[B, M], [M, 0]], each rater a 2 × 2 pivot
 * [[B_rr, M_rr], [M_rr, 0]] (M's own Gaussian elimination, with B carried along by the same operations), in
 * minimum-degree order through a hash table of rater pairs while the graph is sparse, then densely once the raters
 * left are few and mostly linked ({@link DenseFront}); the last rater is the ground (τ̂ = 0). Takahashi's recurrence
 * then gives the entries of the inverse on the pattern of the factor — the inverse is [[0, G], [G, −GBG]], G the
 * grounded inverse of M — and with two solves for the component mean, every rater's variance, at about the cost
 * of the factorisation (K. Takahashi, J. Fagan, M.-S. Chen, "Formation of a sparse bus impedance matrix and its
 * application to short circuit study", 8th PICA Conference, 1973). A cost this has to bound: raters linked to
 * everyone fill the factor in, and a component of a few thousand such raters would take minutes. So the work is
 * budgeted per call, components smallest first; a component that does not fit gets
 * {@link localContrastVariance} instead (`exact` 0).
 *
 * Deterministic: ties in the ordering go to the lower index, so the same design gives the same bits.
 *
 * @param budget - Work allowed in this call (default about half a second); 0 approximates every component.
 */
export function contrastVariances(design: RaterDesign, budget = defaultBudget): ContrastVariances {
  const R = design.raters;
  const variances = new Float64Array(R);
  const exact = new Uint8Array(R);
  const work = new Workspace(design);
  const slot = new Int32Array(R).fill(-1);
  // Smallest first, so that a large component cannot take the budget of the small ones.
  const components = [...design.components].sort((a, b) => a.length - b.length);
  let left = budget;
  for (const members of components) {
    // A rater alone (no one shares their people) has nobody to be compared with.
    if (members.length < 2) {
      for (const r of members) variances[r] = Number.NaN;
      continue;
    }
    const done = work.eliminate(design, members, left);
    left -= work.spent;
    if (done) {
      work.invert();
      work.contrastVariances(design, members, variances);
      for (const r of members) exact[r] = 1;
    } else {
      for (const r of members) variances[r] = localContrastVariance(design, r, members.length, slot);
    }
  }
  return { variances, exact };
}

/** The factor of one component and the selected entries of its inverse; arrays by rater index, reused. */
class Workspace {
  /** Off-diagonal entries: M and B while eliminating, then G and H = G B G (first, second). */
  private readonly pairs: PairTable;
  /** Diagonal Schur complements of M and B during the elimination. */
  private readonly m: Float64Array;
  private readonly b: Float64Array;
  /** Neighbour lists (eliminated raters are dropped lazily) and the number of live neighbours. */
  private readonly adjacent: Int32Array[];
  private readonly adjacentLength: Int32Array;
  private readonly degree: Int32Array;
  /** Elimination order of the current component (before its dense stage), and whether each rater is eliminated. */
  private order: number[] = [];
  private readonly eliminated: Uint8Array;
  /** Per eliminated rater j: its neighbours at elimination, M- and B-multipliers, pivots. */
  private readonly neighbours: Int32Array[];
  private readonly u: Float64Array[];
  private readonly v: Float64Array[];
  private readonly pivotM: Float64Array;
  private readonly pivotB: Float64Array;
  /** Diagonal of the selected inverse: G and H = G B G. */
  private readonly gDiagonal: Float64Array;
  private readonly hDiagonal: Float64Array;
  /** Work spent on the current component, in pair-table updates. */
  spent = 0;
  /** The dense last stage, its raters (ascending) and each rater's index in it (−1 outside). */
  private front = new DenseFront(0);
  private tail: number[] = [];
  private readonly tailIndex: Int32Array;
  /** Scratch, by rater index. */
  private readonly z: Float64Array;
  private readonly t: Float64Array;

  constructor(design: RaterDesign) {
    const R = design.raters;
    const none = new Float64Array(0);
    this.pairs = new PairTable(design.neighbour.length);
    this.m = new Float64Array(R);
    this.b = new Float64Array(R);
    this.adjacent = Array.from({ length: R }, () => new Int32Array(0));
    this.adjacentLength = new Int32Array(R);
    this.degree = new Int32Array(R);
    this.eliminated = new Uint8Array(R);
    this.neighbours = Array.from({ length: R }, () => new Int32Array(0));
    this.u = Array.from({ length: R }, () => none);
    this.v = Array.from({ length: R }, () => none);
    this.pivotM = new Float64Array(R);
    this.pivotB = new Float64Array(R);
    this.gDiagonal = new Float64Array(R);
    this.hDiagonal = new Float64Array(R);
    this.tailIndex = new Int32Array(R).fill(-1);
    this.z = new Float64Array(R);
    this.t = new Float64Array(R);
  }

  private link(a: number, c: number): void {
    for (const [x, y] of [
      [a, c],
      [c, a],
    ] as const) {
      let list = this.adjacent[x] as Int32Array;
      const length = this.adjacentLength[x] as number;
      if (length === list.length) {
        const grown = new Int32Array(Math.max(4, 2 * length));
        grown.set(list);
        this.adjacent[x] = grown;
        list = grown;
      }
      list[length] = y;
      this.adjacentLength[x] = length + 1;
      this.degree[x] = (this.degree[x] as number) + 1;
    }
  }

  /** The live neighbours of j, ascending; compacts j's list. */
  private liveNeighbours(j: number): Int32Array {
    const list = this.adjacent[j] as Int32Array;
    let kept = 0;
    for (let t = 0; t < (this.adjacentLength[j] as number); t++) {
      const i = list[t] as number;
      if (this.eliminated[i] === 0) list[kept++] = i;
    }
    this.adjacentLength[j] = kept;
    return list.slice(0, kept).sort();
  }

  /**
   * Minimum-degree elimination of the component. Eliminating pivot j with remaining neighbours N updates, for
   * i, k in N: M_ik −= M_ij u_k and B_ik −= B_ij u_k + M_ij v_k, with u_k = M_kj / M_jj and
   * v_k = (B_kj − B_jj u_k) / M_jj — the block Schur complement of [[B, M], [M, 0]], which keeps that shape.
   * False (and nothing usable) when the budget would be exceeded; {@link Workspace.spent} says how much went.
   */
  eliminate(design: RaterDesign, members: readonly number[], budget: number): boolean {
    const R = design.raters;
    const pairs = this.pairs;
    for (const a of members) {
      this.m[a] = design.precision[a] as number;
      this.b[a] = design.noise[a] as number;
      this.eliminated[a] = 0;
      this.adjacentLength[a] = 0;
      this.degree[a] = 0;
      this.tailIndex[a] = -1;
    }
    for (const a of members)
      for (let t = design.start[a] as number; t < (design.start[a + 1] as number); t++) {
        const c = design.neighbour[t] as number;
        if (c < a) continue;
        const s = pairs.slot(a, c);
        pairs.first[s] = design.m[t] as number;
        pairs.second[s] = design.b[t] as number;
        this.link(a, c);
      }
    // Min-heap of degree · R + index: the lowest degree first, ties to the lower index. Stale keys are skipped.
    const heap: number[] = [];
    const push = (key: number): void => {
      let i = heap.length;
      heap.push(key);
      while (i > 0) {
        const up = (i - 1) >> 1;
        if ((heap[up] as number) <= key) break;
        heap[i] = heap[up] as number;
        i = up;
      }
      heap[i] = key;
    };
    const pop = (): number => {
      const top = heap[0] as number;
      const last = heap.pop() as number;
      if (heap.length > 0) {
        let i = 0;
        for (;;) {
          const left = 2 * i + 1;
          if (left >= heap.length) break;
          const right = left + 1;
          const child =
            right < heap.length && (heap[right] as number) < (heap[left] as number) ? right : left;
          if ((heap[child] as number) >= last) break;
          heap[i] = heap[child] as number;
          i = child;
        }
        heap[i] = last;
      }
      return top;
    };
    for (const a of members) push((this.degree[a] as number) * R + a);

    this.order = [];
    this.spent = 0;
    for (;;) {
      const key = pop();
      const j = key % R;
      const n = this.degree[j] as number;
      if (this.eliminated[j] === 1 || (key - j) / R !== n) continue;
      // Once the fewest neighbours left is an eighth of the raters left, the rest is nearly dense: finish there.
      const left = members.length - this.order.length;
      if (left <= denseLimit && 8 * n >= left - 1) return this.finishDense(members, budget);
      if (this.spent + n * n > Math.min(budget, sparseCap)) return false;
      this.spent += n * n;
      const near = this.liveNeighbours(j);
      this.eliminated[j] = 1;
      this.order.push(j);
      const pivotM = this.m[j] as number;
      const pivotB = this.b[j] as number;
      const mj = new Float64Array(n);
      const bj = new Float64Array(n);
      const u = new Float64Array(n);
      const v = new Float64Array(n);
      for (let x = 0; x < n; x++) {
        const s = pairs.find(j, near[x] as number);
        mj[x] = pairs.first[s] as number;
        bj[x] = pairs.second[s] as number;
        u[x] = (mj[x] as number) / pivotM;
        v[x] = ((bj[x] as number) - pivotB * (u[x] as number)) / pivotM;
      }
      for (let x = 0; x < n; x++) {
        const i = near[x] as number;
        this.degree[i] = (this.degree[i] as number) - 1;
        const mx = mj[x] as number;
        const bx = bj[x] as number;
        const ux = u[x] as number;
        this.m[i] = (this.m[i] as number) - mx * ux;
        this.b[i] = (this.b[i] as number) - bx * ux - mx * (v[x] as number);
        for (let y = x + 1; y < n; y++) {
          const k = near[y] as number;
          const s = pairs.slot(i, k);
          if (pairs.created) this.link(i, k);
          const uy = u[y] as number;
          pairs.first[s] = (pairs.first[s] as number) - mx * uy;
          pairs.second[s] = (pairs.second[s] as number) - bx * uy - mx * (v[y] as number);
        }
      }
      this.neighbours[j] = near;
      this.u[j] = u;
      this.v[j] = v;
      this.pivotM[j] = pivotM;
      this.pivotB[j] = pivotB;
      for (const i of near) push((this.degree[i] as number) * R + i);
    }
  }

  /** Copies the Schur complements on the raters left into a {@link DenseFront} and factorises it. */
  private finishDense(members: readonly number[], budget: number): boolean {
    const tail = members.filter((a) => this.eliminated[a] === 0);
    const q = tail.length;
    const cost = q ** 3 / denseSpeed;
    if (this.spent + cost > budget) return false;
    this.spent += cost;
    tail.forEach((a, x) => {
      this.tailIndex[a] = x;
    });
    const front = new DenseFront(q);
    const pairs = this.pairs;
    tail.forEach((a, x) => {
      front.m[x * q + x] = this.m[a] as number;
      front.b[x * q + x] = this.b[a] as number;
      for (const c of this.liveNeighbours(a)) {
        const y = this.tailIndex[c] as number;
        const s = pairs.find(a, c);
        front.m[x * q + y] = pairs.first[s] as number;
        front.b[x * q + y] = pairs.second[s] as number;
      }
    });
    front.factor();
    this.front = front;
    this.tail = tail;
    return true;
  }

  /**
   * Takahashi's recurrence, last pivot first. With Z the inverse of the block matrix, U its unit lower factor and D
   * its block diagonal, Z = D⁻¹U⁻¹ + (I − U')Z; each block of Z is [[0, G], [G, −H]] and each block U_kj is
   * [[u_k, v_k], [0, u_k]], so for i in N_j: G_ji = −Σ_k u_k G_ki, H_ji = Σ_k (v_k G_ki − u_k H_ki), and
   * G_jj = 1/M_jj − Σ_k u_k G_kj, H_jj = B_jj/M_jj² + Σ_k (v_k G_kj − u_k H_kj), k over N_j. The dense stage is
   * inverted first (its last rater is the ground: τ̂ = 0 there, G = H = 0), then the raters eliminated before it,
   * last first. Every pair of N_j is an edge of the filled graph: its G and H are in the dense stage when both are,
   * else in the pair table, in the slots M and B had, written when the earlier-eliminated of the two was inverted.
   */
  invert(): void {
    const pairs = this.pairs;
    const front = this.front;
    const q = front.size;
    front.invert();
    this.tail.forEach((a, x) => {
      this.gDiagonal[a] = front.g[x * q + x] as number;
      this.hDiagonal[a] = front.h[x * q + x] as number;
    });
    for (let p = this.order.length - 1; p >= 0; p--) {
      const j = this.order[p] as number;
      const near = this.neighbours[j] as Int32Array;
      const n = near.length;
      const u = this.u[j] as Float64Array;
      const v = this.v[j] as Float64Array;
      const g = new Float64Array(n);
      const h = new Float64Array(n);
      for (let x = 0; x < n; x++) {
        const k = near[x] as number;
        const ux = u[x] as number;
        const vx = v[x] as number;
        const gkk = this.gDiagonal[k] as number;
        g[x] = (g[x] as number) - ux * gkk;
        h[x] = (h[x] as number) + vx * gkk - ux * (this.hDiagonal[k] as number);
        const tk = this.tailIndex[k] as number;
        for (let y = x + 1; y < n; y++) {
          const i = near[y] as number;
          const ti = this.tailIndex[i] as number;
          let gki: number;
          let hki: number;
          if (tk >= 0 && ti >= 0) {
            gki = front.g[tk * q + ti] as number;
            hki = front.h[tk * q + ti] as number;
          } else {
            const s = pairs.find(k, i);
            gki = pairs.first[s] as number;
            hki = pairs.second[s] as number;
          }
          const uy = u[y] as number;
          g[y] = (g[y] as number) - ux * gki;
          h[y] = (h[y] as number) + vx * gki - ux * hki;
          g[x] = (g[x] as number) - uy * gki;
          h[x] = (h[x] as number) + (v[y] as number) * gki - uy * hki;
        }
      }
      const pivotM = this.pivotM[j] as number;
      let gjj = 1 / pivotM;
      let hjj = (this.pivotB[j] as number) / (pivotM * pivotM);
      for (let x = 0; x < n; x++) {
        gjj -= (u[x] as number) * (g[x] as number);
        hjj += (v[x] as number) * (g[x] as number) - (u[x] as number) * (h[x] as number);
        const s = pairs.find(j, near[x] as number);
        pairs.first[s] = g[x] as number;
        pairs.second[s] = h[x] as number;
      }
      this.gDiagonal[j] = gjj;
      this.hDiagonal[j] = hjj;
    }
  }

  /** Solves M y = z on the component, grounded at the front's last rater, in place in `this.z`. */
  private solve(): void {
    const z = this.z;
    for (const j of this.order) {
      const near = this.neighbours[j] as Int32Array;
      const u = this.u[j] as Float64Array;
      const zj = z[j] as number;
      for (let t = 0; t < near.length; t++) {
        const k = near[t] as number;
        z[k] = (z[k] as number) - (u[t] as number) * zj;
      }
    }
    for (const j of this.order) z[j] = (z[j] as number) / (this.pivotM[j] as number);
    const front = Float64Array.from(this.tail, (a) => z[a] as number);
    this.front.solve(front);
    this.tail.forEach((a, x) => {
      z[a] = front[x] as number;
    });
    for (let p = this.order.length - 1; p >= 0; p--) {
      const j = this.order[p] as number;
      const near = this.neighbours[j] as Int32Array;
      const u = this.u[j] as Float64Array;
      let s = z[j] as number;
      for (let t = 0; t < near.length; t++) s -= (u[t] as number) * (z[near[t] as number] as number);
      z[j] = s;
    }
  }

  /**
   * (m/(m − 1))² · (H_rr − 2 (H1)_r/m + 1'H1/m²): the variance of τ̂_r minus the component mean, scaled to the
   * mean of the others; H1 = G B G 1 takes two solves and one product with B.
   */
  contrastVariances(design: RaterDesign, members: readonly number[], out: Float64Array): void {
    const { z, t } = this;
    for (const a of members) z[a] = 1;
    this.solve();
    for (const a of members) {
      let sum = (design.noise[a] as number) * (z[a] as number);
      for (let e = design.start[a] as number; e < (design.start[a + 1] as number); e++)
        sum += (design.b[e] as number) * (z[design.neighbour[e] as number] as number);
      t[a] = sum;
    }
    for (const a of members) z[a] = t[a] as number;
    this.solve();
    const m = members.length;
    let total = 0;
    for (const a of members) total += z[a] as number;
    const scale = (m / (m - 1)) ** 2;
    for (const a of members) {
      const v = (this.hDiagonal[a] as number) - (2 * (z[a] as number)) / m + total / (m * m);
      out[a] = scale * Math.max(0, v);
    }
  }
}
