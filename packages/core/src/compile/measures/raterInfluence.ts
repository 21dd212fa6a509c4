import { Rational } from '../../numeric/rational.js';
import type { RoleSpec } from '../../schema/measureSchema.js';

/** One counted role of a `raters` measure: its combine rule, its weight (> 0) and the values that count. */
export interface CountedRole {
  /** How the role's ratings combine. */
  readonly spec: Pick<RoleSpec, 'combine' | 'trim'>;
  /** The role's weight; counted roles have weight > 0. */
  readonly weight: Rational;
  /** The values that count (at least one). */
  readonly values: readonly Rational[];
}

const mean = (xs: readonly Rational[]): Rational =>
  xs.reduce((a, b) => a.add(b), Rational.ZERO).div(Rational.from(xs.length));

/** How many ratings trimmed-mean cuts from each end of n: floor(n·trim). */
export function trimCount(n: number, trim: number | undefined): number {
  return Number(
    Rational.from(n)
      .mul(Rational.from(trim ?? 0))
      .round(0, 'floor').num,
  );
}

/** Combines the ratings of one role (mean, median, trimmed mean). Order of `values` does not matter. */
export function combineValues(
  values: readonly Rational[],
  spec: Pick<RoleSpec, 'combine' | 'trim'>,
): Rational {
  const combine = spec.combine ?? 'mean';
  // Exact arithmetic makes the order of a sum irrelevant, so only median and trimmed mean need sorting; and one
  // rating is its own mean, median and trimmed mean (trim < 0.5 cuts nothing from one).
  if (values.length === 1) return values[0] as Rational;
  if (combine === 'mean') return mean(values);
  const sorted = [...values].sort((a, b) => a.cmp(b));
  switch (combine) {
    case 'median': {
      const mid = Math.floor(sorted.length / 2);
      return sorted.length % 2 === 1
        ? (sorted[mid] as Rational)
        : (sorted[mid - 1] as Rational).add(sorted[mid] as Rational).div(Rational.from(2));
    }
    case 'trimmed-mean': {
      // floor(n·trim) from each end, so small panels are never trimmed to nothing (trim < 0.5).
      const k = trimCount(sorted.length, spec.trim);
      return mean(sorted.slice(k, sorted.length - k));
    }
    default:
      return mean(sorted);
  }
}

/**
 * The weighted score of counted roles: Σ wⱼ·cⱼ / Σ wⱼ over the roles that have at least one value, where cⱼ is
 * the role's combined value. Undefined when no role has a value.
 */
export function weightedScore(roles: readonly CountedRole[]): Rational | undefined {
  let sum = Rational.ZERO;
  let used = Rational.ZERO;
  for (const r of roles) {
    if (r.values.length === 0) continue;
    sum = sum.add(combineValues(r.values, r.spec).mul(r.weight));
    used = used.add(r.weight);
  }
  return used.isZero() ? undefined : sum.div(used);
}

/**
 * The score without the j-th value of role i: the role combines the others, or, when it had only that one, drops
 * out and the remaining weights renormalise (a role's `min` is a gate on the panel, not on a rating's value, so it
 * plays no part here). Undefined when nothing remains.
 */
export function scoreWithout(roles: readonly CountedRole[], i: number, j: number): Rational | undefined {
  return weightedScore(
    roles.map((r, k) => (k === i ? { ...r, values: r.values.filter((_, x) => x !== j) } : r)),
  );
}

const clip = (x: Rational, lo: Rational, hi: Rational): Rational => (x.lt(lo) ? lo : x.gt(hi) ? hi : x);

/**
 * Bounded influence. Returns the counted values (same shape as `roles[i].values`) such that, for every rater r,
 * |S(all) − S(all without r)| ≤ cap, where S is {@link weightedScore} and "without r" is {@link scoreWithout}.
 * Deterministic, closed form (no iteration), exact rational arithmetic; independent of the order of the values.
 *
 * Let W = Σ wⱼ over the counted roles and δⱼ = cap·W / wⱼ.
 *
 * **A. Roles with n ≥ 2 values.** Removing a rater of role j leaves the role in the score, so W is unchanged and
 * S − S₋ᵣ = (wⱼ/W)·(cⱼ − cⱼ₋ᵣ): it suffices that |cⱼ − cⱼ₋ᵣ| ≤ δⱼ. Every value is clipped into [m − a, m + a]
 * around the role's median m (a robust centre that an outlier cannot drag), with
 * - mean: a = n·δ/2. cⱼ − cⱼ₋ᵣ = (yᵣ − mean of the others)/n, and two points of an interval of width 2a are at
 *   most 2a apart, so |cⱼ − cⱼ₋ᵣ| ≤ 2a/n = δ. (A trimmed mean that trims nothing at n, hence nothing at n − 1,
 *   is this case too.)
 * - median: a = δ. Clipping is monotone, so it keeps the order and the median: an odd panel's middle value is m
 *   itself; an even panel's two middle values sit at m ± d and become m ± min(d, a), still averaging m. So
 *   cⱼ = m, and cⱼ₋ᵣ, a median of clipped values, lies in [m − a, m + a]: |cⱼ − cⱼ₋ᵣ| ≤ a = δ.
 * - trimmed mean: a = δ/2. Both cⱼ and cⱼ₋ᵣ are means of clipped values, so both lie in [m − a, m + a]:
 *   |cⱼ − cⱼ₋ᵣ| ≤ 2a = δ. (Conservative but valid however the trim count changes between n and n − 1.)
 *
 * **B. Roles with exactly one value** (the usual supervisor). Removing that rater drops the role:
 * S − S₋ᵣ = (wⱼ/W)·(cⱼ − Oⱼ), Oⱼ the weighted mean of the other roles. Let S₁ be these roles and M the others.
 * Centre B = weighted mean of M's combined values after A (or, when M is empty, of S₁'s values), and clip each
 * cⱼ (j ∈ S₁) into [B − bⱼ, B + bⱼ] with bⱼ = λ·δⱼ. Since Σ_M wₖ(cₖ − B) = 0 (or B is a fixed point and every
 * role is in S₁), Oⱼ − B = Σ_{k∈S₁∖j} wₖ(cₖ − B)/(W − wⱼ), so
 *   |cⱼ − Oⱼ| ≤ bⱼ + Σ_{k∈S₁∖j} wₖbₖ/(W − wⱼ) = λ·cap·W·(1/wⱼ + (|S₁| − 1)/(W − wⱼ))      (wₖδₖ = cap·W)
 * and |S − S₋ᵣ| ≤ λ·cap·(W + (|S₁| − 2)·wⱼ)/(W − wⱼ) ≤ cap with λ = min over j of (W − wⱼ)/(W + (|S₁| − 2)·wⱼ).
 * A lone supervisor beside multi-rater roles gets λ = 1: clipped to within 2·cap of the others when weighing ½.
 * When a single role with a single rater is all there is, nothing remains without it and there is no bound to
 * keep. Parts A and B touch disjoint roles, and B only reads A's results, so both bounds hold at once.
 *
 * The bound is on the measure's value before its own clamp (which never widens a gap) and rounding (which may
 * add at most one unit in the last kept place).
 */
export function capInfluence(roles: readonly CountedRole[], cap: Rational): Rational[][] {
  const out = roles.map((r) => [...r.values]);
  const present = roles.map((_r, i) => i).filter((i) => (roles[i] as CountedRole).values.length > 0);
  if (present.length === 0) return out;
  const W = present.reduce((a, i) => a.add((roles[i] as CountedRole).weight), Rational.ZERO);
  const two = Rational.from(2);
  const deltaOf = (i: number) => cap.mul(W).div((roles[i] as CountedRole).weight);
  // A.
  for (const i of present) {
    const r = roles[i] as CountedRole;
    const n = r.values.length;
    if (n < 2) continue;
    const delta = deltaOf(i);
    const kind = r.spec.combine ?? 'mean';
    const m = combineValues(r.values, { combine: 'median' });
    const a =
      kind === 'median'
        ? delta
        : kind === 'mean' || trimCount(n, r.spec.trim) === 0
          ? delta.mul(Rational.from(n)).div(two)
          : delta.div(two);
    out[i] = r.values.map((x) => clip(x, m.sub(a), m.add(a)));
  }
  // B.
  if (present.length < 2) return out;
  const single = present.filter((i) => (roles[i] as CountedRole).values.length === 1);
  if (single.length === 0) return out;
  const multi = present.filter((i) => (roles[i] as CountedRole).values.length >= 2);
  const centreOf = (ids: readonly number[]) => {
    let sum = Rational.ZERO;
    let w = Rational.ZERO;
    for (const i of ids) {
      const r = roles[i] as CountedRole;
      sum = sum.add(combineValues(out[i] as Rational[], r.spec).mul(r.weight));
      w = w.add(r.weight);
    }
    return sum.div(w);
  };
  const B = centreOf(multi.length > 0 ? multi : single);
  const s = Rational.from(single.length);
  let lambda = Rational.ONE;
  for (const j of single) {
    const wj = (roles[j] as CountedRole).weight;
    const l = W.sub(wj).div(W.add(s.sub(two).mul(wj)));
    if (l.lt(lambda)) lambda = l;
  }
  for (const j of single) {
    const b = lambda.mul(deltaOf(j));
    out[j] = [clip((out[j] as Rational[])[0] as Rational, B.sub(b), B.add(b))];
  }
  return out;
}
