import { attributeOf } from './attributeOf.js';
import type { Cohort } from './Cohort.js';
import { compareText } from './compareText.js';
import {
  distributionPattern,
  type EmployeePredicate,
  employeePredicates,
  majorityLevel,
  type OrganisationPredicate,
  type PatternBound,
} from './distributionPattern.js';
import { type HeadCountRounding, headCount } from './headCount.js';

/** Options of {@link distributionCurve}. */
export interface CurveOptions {
  /** The organisation's (or unit's) predikat. */
  organisation: OrganisationPredicate;
  /** Share → head count (default `exact`; see {@link HeadCountRounding}). */
  rounding?: HeadCountRounding;
  /**
   * Read "sebagian besar" (most) as also a floor: more than half of the head count in the row's own level.
   * Default false: the SE states only the 70% maximum (ambiguity (a)).
   */
  majorityFloor?: boolean;
  /** The rubric's predicate id → SE level; defaults map ids of the same name, `cukup` → butuh-perbaikan, `buruk` → sangat-kurang. */
  levels?: Readonly<Record<string, EmployeePredicate>>;
  /** Check each value of this attribute separately too (e.g. `unit`: one curve per evaluation document). */
  per?: string;
}

/** One bound checked against a head count. */
export interface BoundCheck extends PatternBound {
  /** The bound in people. */
  bound: number;
  /** People with those predikat. */
  count: number;
  /** People over a max or short of a min (0 when met). */
  off: number;
  /** Met. */
  ok: boolean;
}

/** The curve of one group of people. */
export interface CurveCheck {
  /** `*` for the whole cohort, else the value of `per`. */
  group: string;
  /** People with a predikat that maps to an SE level. */
  n: number;
  /** Head count per SE level. */
  counts: Record<EmployeePredicate, number>;
  /** Every bound of the row. */
  bounds: BoundCheck[];
  /** All bounds met, with at least one person: a curve of nobody is not checked (n 0: false). */
  fits: boolean;
  /**
   * Whether the bounds can be met at all with n people: the minima fit in n together, and no level's minimum
   * exceeds a maximum on the same levels (with `majorityFloor`, 4 people allow at most 2 Baik and need 3).
   */
  feasible: boolean;
  /** Why not, when not feasible: the minima's total over n, or a minimum over a maximum on the same levels. */
  conflicts?: Array<
    | { kind: 'minima-over-n'; minima: number }
    | { kind: 'min-over-max'; levels: readonly EmployeePredicate[]; min: number; max: number }
  >;
  /**
   * The fewest people whose predikat would have to change for the curve to fit: max(people over the maxima, people
   * short of the minima) — exact because each row's bounds count disjoint sets of levels. When the curve is not
   * feasible no change makes it fit; this is then only how far off it is.
   */
  peopleToMove: number;
}

/** The distribution-curve audit. */
export interface CurveAudit {
  /** The organisation predikat checked against. */
  organisation: OrganisationPredicate;
  /** The rounding rule used. */
  rounding: HeadCountRounding;
  /** Whether "sebagian besar" was read as a floor. */
  majorityFloor: boolean;
  /** Whole cohort first, then each value of `per`. */
  curves: CurveCheck[];
  /** Evaluations left out: no predikat (pending, invalid). */
  withoutPredicate: number;
  /** Rubric predicate ids with no SE level, and how many people had them. */
  unmapped: Record<string, number>;
}

const synonyms: Readonly<Record<string, EmployeePredicate>> = {
  cukup: 'butuh-perbaikan',
  buruk: 'sangat-kurang',
  misconduct: 'kurang',
};

function check(group: string, levels: readonly EmployeePredicate[], options: CurveOptions): CurveCheck {
  const rounding = options.rounding ?? 'exact';
  const counts = Object.fromEntries(employeePredicates.map((l) => [l, 0])) as Record<
    EmployeePredicate,
    number
  >;
  for (const l of levels) counts[l] += 1;
  const n = levels.length;
  const row: PatternBound[] = [...distributionPattern[options.organisation]];
  if (options.majorityFloor)
    row.push({
      levels: [majorityLevel[options.organisation]],
      kind: 'min',
      percent: 50,
      note: 'sebagian besar read as more than half',
    });
  const bounds: BoundCheck[] = row.map((b) => {
    const count = b.levels.reduce((s, l) => s + counts[l], 0);
    let bound: number;
    if (b.kind === 'at-least-one') bound = n > 0 ? 1 : 0;
    else if (b.note === 'sebagian besar read as more than half') bound = Math.floor(n / 2) + 1;
    else bound = headCount(b.percent ?? 0, n, b.kind, rounding);
    const off = b.kind === 'max' ? Math.max(0, count - bound) : Math.max(0, bound - count);
    return { ...b, bound, count, off, ok: off === 0 };
  });
  // The majority floor shares its level with the 70% max; the two are on one set, not disjoint: still exact,
  // since a max and a min on the same set never both bind in the same direction.
  const over = bounds.filter((b) => b.kind === 'max').reduce((s, b) => s + b.off, 0);
  const minima = bounds.filter((b) => b.kind !== 'max');
  const short = minima.reduce((s, b) => s + b.off, 0);
  const conflicts: NonNullable<CurveCheck['conflicts']> = [];
  const minimaTotal = minima.reduce((s, b) => s + b.bound, 0);
  if (minimaTotal > n) conflicts.push({ kind: 'minima-over-n', minima: minimaTotal });
  // A minimum whose levels lie within a maximum's cannot exceed it (the majority floor against the 70% maximum).
  for (const m of minima)
    for (const x of bounds)
      if (x.kind === 'max' && m.levels.every((l) => x.levels.includes(l)) && m.bound > x.bound)
        conflicts.push({ kind: 'min-over-max', levels: m.levels, min: m.bound, max: x.bound });
  return {
    group,
    n,
    counts,
    bounds,
    fits: n > 0 && bounds.every((b) => b.ok),
    feasible: conflicts.length === 0,
    ...(conflicts.length > 0 ? { conflicts } : {}),
    peopleToMove: Math.max(over, short),
  };
}

/**
 * The distribution curve: does the cohort's spread of employee predikat fit the SE MenPAN-RB 3/2023 pattern for
 * the organisation's predikat, and by how many people does it miss? Shares become head counts by the declared
 * rounding rule (default `exact`: the literal inequality). Each bound reports its count, its bound in people and
 * how far off it is; `peopleToMove` is the fewest predikat changes that would make the curve fit.
 */
export function distributionCurve(cohort: Cohort, options: CurveOptions): CurveAudit {
  const unmapped: Record<string, number> = Object.create(null);
  let withoutPredicate = 0;
  const mapped: Array<{ level: EmployeePredicate; index: number }> = [];
  cohort.evaluations.forEach((e, index) => {
    const id = e.predicate?.id;
    if (id === undefined) {
      withoutPredicate += 1;
      return;
    }
    // Own properties only: an id such as `constructor` must not read Object.prototype.
    const level =
      (options.levels && Object.hasOwn(options.levels, id) ? options.levels[id] : undefined) ??
      ((employeePredicates as readonly string[]).includes(id)
        ? (id as EmployeePredicate)
        : Object.hasOwn(synonyms, id)
          ? synonyms[id]
          : undefined);
    if (level === undefined) unmapped[id] = (Object.hasOwn(unmapped, id) ? (unmapped[id] as number) : 0) + 1;
    else mapped.push({ level, index });
  });
  const curves = [
    check(
      '*',
      mapped.map((m) => m.level),
      options,
    ),
  ];
  if (options.per !== undefined) {
    const byValue = new Map<string, EmployeePredicate[]>();
    for (const m of mapped) {
      const appraisal = cohort.appraisals[m.index];
      const value = (appraisal && attributeOf(appraisal, options.per)) ?? '(none)';
      byValue.set(value, [...(byValue.get(value) ?? []), m.level]);
    }
    for (const [value, levels] of [...byValue].sort(([a], [b]) => compareText(a, b)))
      curves.push(check(value, levels, options));
  }
  return {
    organisation: options.organisation,
    rounding: options.rounding ?? 'exact',
    majorityFloor: options.majorityFloor ?? false,
    curves,
    withoutPredicate,
    unmapped,
  };
}
