import { choleskySolve } from './choleskySolve.js';
import type { RaterDesign } from './raterDesign.js';

/**
 * The co-rater approximation of Var(τ̂_r − mean τ̂ of the other m − 1 raters of the component) / σ², for components
 * too costly to eliminate exactly (`contrastVariances`): the rater and their co-raters (everyone who rated one of
 * their people) are estimated together from everything those raters rated, and raters further away are taken as
 * known. So the co-raters' own estimation error is in — their effects come from all the people they rated — and
 * only the error of raters two or more steps away is left out, which makes it an underestimate. How much depends on
 * how well those far raters are tied together: when teams are linked everywhere (peers or third parties drawn
 * across the whole cohort, the case that is too costly to do exactly) it gave 96–99.7% of the exact variance on
 * simulated cohorts of 600 people, against 72–96% for the paired formula used before; where teams hang on each
 * other by a few raters it can give much less (73% for some team leaders of the example cohort, 22% in a chain of
 * teams), but those components are cheap to eliminate and get the exact variance.
 *
 * Cost: one dense Cholesky solve of size 1 + co-raters.
 *
 * @param slot - Scratch by rater index, all −1 (and left so); allocated when not given.
 */
export function localContrastVariance(
  design: RaterDesign,
  rater: number,
  componentSize: number,
  slot: Int32Array = new Int32Array(design.raters).fill(-1),
): number {
  const { start, neighbour } = design;
  const near = [rater, ...neighbour.subarray(start[rater] as number, start[rater + 1] as number)];
  const s = near.length;
  const m = componentSize;
  const mLocal = new Float64Array(s * s);
  const bLocal = new Float64Array(s * s);
  near.forEach((a, x) => {
    slot[a] = x;
  });
  for (let x = 0; x < s; x++) {
    const a = near[x] as number;
    mLocal[x * s + x] = design.precision[a] as number;
    bLocal[x * s + x] = design.noise[a] as number;
    for (let t = start[a] as number; t < (start[a + 1] as number); t++) {
      const y = slot[neighbour[t] as number] as number;
      if (y < 0) continue;
      mLocal[x * s + y] = design.m[t] as number;
      bLocal[x * s + y] = design.b[t] as number;
    }
  }
  for (const a of near) slot[a] = -1;
  // When the rater's co-raters are the whole component, M is singular on the constants, which the contrast is
  // orthogonal to: adding J/s makes it invertible without changing the solution.
  if (s === m) for (let i = 0; i < s * s; i++) mLocal[i] = (mLocal[i] as number) + 1 / s;
  const contrast = new Float64Array(s).fill(-1 / m);
  contrast[0] = 1 - 1 / m;
  const w = choleskySolve(mLocal, s, contrast);
  let quadratic = 0;
  for (let x = 0; x < s; x++) {
    let t = 0;
    for (let y = 0; y < s; y++) t += (bLocal[x * s + y] as number) * (w[y] as number);
    quadratic += (w[x] as number) * t;
  }
  return (m / (m - 1)) ** 2 * quadratic;
}
