/** The difference function of Krippendorff's alpha. */
export type AlphaMetric = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/** Krippendorff's alpha with what it rests on. */
export interface AlphaResult {
  /** The metric used. */
  metric: AlphaMetric;
  /**
   * α = 1 − D_o/D_e; undefined when not computed (see `notComputed`): fewer than two units with pairable values,
   * or no variation at all.
   */
  alpha?: number;
  /**
   * Why alpha is undefined: `too-few-units` — fewer than two units with at least two values (with one unit, α is
   * an artefact of that unit alone, 0 or below whatever the raters did); `no-variation` — every value the same.
   */
  notComputed?: 'too-few-units' | 'no-variation';
  /** Pairable values n: values in units with at least two values. */
  pairable: number;
  /** Units with at least two values. */
  units: number;
  /** Observed disagreement D_o. */
  observed?: number;
  /** Expected disagreement D_e. */
  expected?: number;
}

/**
 * Krippendorff's alpha of a reliability matrix: `data[unit][coder]`, `undefined`/`null`/NaN for a missing value.
 * Units with fewer than two values are not pairable and drop out; with fewer than two pairable units alpha is not
 * computed (`notComputed: 'too-few-units'`). Computed through the coincidence matrix as in
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": o_ck = Σ_u Σ_{i≠j} [v_ui = c][v_uj = k]/(m_u − 1),
 * α = 1 − (n − 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck, with δ² nominal (c ≠ k), ordinal
 * ((Σ_{g=c..k} n_g − (n_c + n_k)/2)²), interval ((c − k)²) or ratio (((c − k)/(c + k))²).
 */
export function krippendorffAlpha(
  data: ReadonlyArray<ReadonlyArray<number | null | undefined>>,
  metric: AlphaMetric = 'interval',
): AlphaResult {
  const units = data
    .map((row) => row.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)))
    .filter((row) => row.length >= 2);
  const values = [...new Set(units.flat())].sort((a, b) => a - b);
  const index = new Map(values.map((v, i) => [v, i]));
  const k = values.length;
  const o: number[][] = values.map(() => values.map(() => 0));
  for (const row of units) {
    const w = 1 / (row.length - 1);
    for (let i = 0; i < row.length; i++)
      for (let j = 0; j < row.length; j++) {
        if (i === j) continue;
        const a = index.get(row[i] as number) as number;
        const b = index.get(row[j] as number) as number;
        (o[a] as number[])[b] = ((o[a] as number[])[b] as number) + w;
      }
  }
  const nc = o.map((r) => r.reduce((s, x) => s + x, 0));
  const n = nc.reduce((s, x) => s + x, 0);
  const delta2 = (a: number, b: number): number => {
    const c = values[a] as number;
    const e = values[b] as number;
    switch (metric) {
      case 'nominal':
        return a === b ? 0 : 1;
      case 'interval':
        return (c - e) ** 2;
      case 'ratio':
        return c + e === 0 ? 0 : ((c - e) / (c + e)) ** 2;
      case 'ordinal': {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        let s = 0;
        for (let g = lo; g <= hi; g++) s += nc[g] as number;
        return (s - ((nc[a] as number) + (nc[b] as number)) / 2) ** 2;
      }
    }
  };
  const base = { metric, pairable: n, units: units.length };
  // One unit cannot show agreement or its absence: D_e is then the spread within that unit, D_o ≈ D_e.
  if (units.length < 2) return { ...base, notComputed: 'too-few-units' };
  let observed = 0;
  let expected = 0;
  for (let a = 0; a < k; a++)
    for (let b = 0; b < k; b++) {
      const d = delta2(a, b);
      observed += ((o[a] as number[])[b] as number) * d;
      expected += (nc[a] as number) * (nc[b] as number) * d;
    }
  const dObserved = observed / n;
  const dExpected = expected / (n * (n - 1));
  if (dExpected === 0)
    return { ...base, observed: dObserved, expected: dExpected, notComputed: 'no-variation' };
  return { ...base, alpha: 1 - dObserved / dExpected, observed: dObserved, expected: dExpected };
}
