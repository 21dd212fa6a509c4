/**
 * Holm–Bonferroni adjusted p-values (step-down; controls the family-wise error rate). `undefined` entries stay
 * undefined and do not count towards the family.
 */
export function holm(pValues: ReadonlyArray<number | undefined>): Array<number | undefined> {
  const indexed = pValues
    .map((p, i) => ({ p, i }))
    .filter((e): e is { p: number; i: number } => e.p !== undefined)
    .sort((x, y) => x.p - y.p);
  const m = indexed.length;
  const out: Array<number | undefined> = pValues.map(() => undefined);
  let running = 0;
  indexed.forEach((e, k) => {
    running = Math.max(running, Math.min(1, (m - k) * e.p));
    out[e.i] = running;
  });
  return out;
}
