/**
 * The dense last stage of `contrastVariances`: the Schur complements of M and B on the q raters left when the
 * remaining graph has become dense, factorised and inverted with contiguous arrays instead of a hash table (the same
 * 2 × 2 block LDL' and Takahashi recurrence, in index order). The last of the q is the ground (τ̂ = 0 there).
 */
export class DenseFront {
  /** Number of raters in the front. */
  readonly size: number;
  /** Row-major q × q M; after {@link DenseFront.factor}, its strict lower triangle holds the multipliers u. */
  readonly m: Float64Array;
  /** Row-major q × q B; after {@link DenseFront.factor}, its strict lower triangle holds the multipliers v. */
  readonly b: Float64Array;
  /** After {@link DenseFront.invert}: G, the grounded inverse of M, full and symmetric. */
  readonly g: Float64Array;
  /** After {@link DenseFront.invert}: H = G B G, full and symmetric. */
  readonly h: Float64Array;
  private readonly pivotM: Float64Array;
  private readonly pivotB: Float64Array;

  constructor(size: number) {
    this.size = size;
    this.m = new Float64Array(size * size);
    this.b = new Float64Array(size * size);
    this.g = new Float64Array(size * size);
    this.h = new Float64Array(size * size);
    this.pivotM = new Float64Array(size);
    this.pivotB = new Float64Array(size);
  }

  /** Eliminates pivots 0 … q − 2 in order (only the lower triangles of M and B are read and updated). */
  factor(): void {
    const q = this.size;
    const { m, b } = this;
    const lam = new Float64Array(q);
    const bet = new Float64Array(q);
    const us = new Float64Array(q);
    const vs = new Float64Array(q);
    for (let p = 0; p < q - 1; p++) {
      const l = m[p * q + p] as number;
      const beta = b[p * q + p] as number;
      this.pivotM[p] = l;
      this.pivotB[p] = beta;
      for (let i = p + 1; i < q; i++) {
        const mi = m[i * q + p] as number;
        const bi = b[i * q + p] as number;
        lam[i] = mi;
        bet[i] = bi;
        const u = mi / l;
        const v = (bi - beta * u) / l;
        us[i] = u;
        vs[i] = v;
        m[i * q + p] = u;
        b[i * q + p] = v;
      }
      for (let i = p + 1; i < q; i++) {
        const li = lam[i] as number;
        const bi = bet[i] as number;
        const row = i * q;
        for (let k = p + 1; k <= i; k++) {
          const uk = us[k] as number;
          m[row + k] = (m[row + k] as number) - li * uk;
          b[row + k] = (b[row + k] as number) - bi * uk - li * (vs[k] as number);
        }
      }
    }
  }

  /** Takahashi's recurrence for all of G and H, last pivot first; the ground's row and column are 0. */
  invert(): void {
    const q = this.size;
    const { m, b, g, h } = this;
    g.fill(0);
    h.fill(0);
    const gp = new Float64Array(q);
    const hp = new Float64Array(q);
    const up = new Float64Array(q);
    const vp = new Float64Array(q);
    for (let p = q - 2; p >= 0; p--) {
      for (let k = p + 1; k < q; k++) {
        up[k] = m[k * q + p] as number;
        vp[k] = b[k * q + p] as number;
      }
      // G and H are symmetric: row i of each against u and v is column i, read contiguously.
      for (let i = p + 1; i < q; i++) {
        const row = i * q;
        let gi = 0;
        let hi = 0;
        for (let k = p + 1; k < q; k++) {
          const gik = g[row + k] as number;
          gi -= (up[k] as number) * gik;
          hi += (vp[k] as number) * gik - (up[k] as number) * (h[row + k] as number);
        }
        gp[i] = gi;
        hp[i] = hi;
      }
      const l = this.pivotM[p] as number;
      let gpp = 1 / l;
      let hpp = (this.pivotB[p] as number) / (l * l);
      for (let i = p + 1; i < q; i++) {
        const ui = m[i * q + p] as number;
        gpp -= ui * (gp[i] as number);
        hpp += (b[i * q + p] as number) * (gp[i] as number) - ui * (hp[i] as number);
        g[p * q + i] = gp[i] as number;
        g[i * q + p] = gp[i] as number;
        h[p * q + i] = hp[i] as number;
        h[i * q + p] = hp[i] as number;
      }
      g[p * q + p] = gpp;
      h[p * q + p] = hpp;
    }
  }

  /** Solves the front's grounded M y = z in place (z by front index). */
  solve(z: Float64Array): void {
    const q = this.size;
    const m = this.m;
    for (let p = 0; p < q - 1; p++) {
      const zp = z[p] as number;
      for (let i = p + 1; i < q; i++) z[i] = (z[i] as number) - (m[i * q + p] as number) * zp;
    }
    for (let p = 0; p < q - 1; p++) z[p] = (z[p] as number) / (this.pivotM[p] as number);
    z[q - 1] = 0;
    for (let p = q - 2; p >= 0; p--) {
      let s = z[p] as number;
      for (let i = p + 1; i < q; i++) s -= (m[i * q + p] as number) * (z[i] as number);
      z[p] = s;
    }
  }
}
