import { createDiagnostic } from '../../diagnostics/createDiagnostic.js';
import { Rational } from '../../numeric/rational.js';
import type { Measure, Role, RoleSpec } from '../../schema/measureSchema.js';
import { applyFinish, compileFinish } from './finishMeasure.js';
import type { MeasureCompiler } from './MeasureCompiler.js';
import type { MeasureTrace } from './MeasureRuntime.js';
import { normaliseLabel } from './scale.js';

type RatersMeasure = Extract<Measure, { kind: 'raters' }>;

/** Combines the ratings of one role. Exported for the rater-model property tests. */
export function combineRole(values: readonly Rational[], spec: RoleSpec): Rational {
  const sorted = [...values].sort((a, b) => a.cmp(b));
  const mean = (xs: readonly Rational[]) =>
    xs.reduce((a, b) => a.add(b), Rational.ZERO).div(Rational.from(xs.length));
  switch (spec.combine ?? 'mean') {
    case 'median': {
      const mid = Math.floor(sorted.length / 2);
      return sorted.length % 2 === 1
        ? (sorted[mid] as Rational)
        : (sorted[mid - 1] as Rational).add(sorted[mid] as Rational).div(Rational.from(2));
    }
    case 'trimmed-mean': {
      // floor(n·trim) from each end, so small panels are never trimmed to nothing (trim < 0.5).
      const k = Number(
        Rational.from(sorted.length)
          .mul(Rational.from(spec.trim ?? 0))
          .round(0, 'floor').num,
      );
      return mean(sorted.slice(k, sorted.length - k));
    }
    default:
      return mean(sorted);
  }
}

const ROLE_ORDER: readonly Role[] = ['supervisor', 'peer', 'subordinate', 'third-party', 'self'];

/**
 * `raters`: each role's ratings combine (mean, median, trimmed mean); roles then weigh in by their weights.
 * A role below its minimum either makes the verdict pending (saying what is missing) or drops out with the
 * other weights renormalised, as the rubric declares.
 */
export const compileRaters: MeasureCompiler<RatersMeasure> = (m, pointer, ctx) => {
  const roles = ROLE_ORDER.filter((r) => m.roles[r] !== undefined).map(
    (r) => [r, m.roles[r] as RoleSpec] as const,
  );
  const counted = roles.filter(([, s]) => s.weight > 0);
  const total = counted.reduce((a, [, s]) => a.add(Rational.from(s.weight)), Rational.ZERO);
  if (counted.length === 0 || !total.eq(Rational.ONE)) {
    ctx.report({ code: 'weight-sum', pointer: `${pointer}/roles`, received: total.toNumber(), expected: 1 });
    return undefined;
  }
  const map = m.map
    ? new Map(Object.entries(m.map).map(([k, v]) => [normaliseLabel(k), Rational.from(v)]))
    : undefined;
  const weights = new Map(roles.map(([r, s]) => [r, Rational.from(s.weight)]));
  const whenShort = m.whenShort ?? 'pending';
  const finish = compileFinish(m.clamp, m.round);
  const accepted = roles.map(([r]) => r);
  return (env) => {
    const trace: MeasureTrace = { kind: 'raters', detail: {} };
    const detail = trace.detail as Record<string, unknown>;
    const byRole = new Map<Role, Rational[]>();
    let failed = false;
    for (const rating of env.ratings) {
      if (!weights.has(rating.role)) {
        const init: Parameters<typeof createDiagnostic>[0] = {
          code: 'unknown-role',
          pointer: `${rating.pointer}/role`,
          received: rating.role,
          expected: accepted,
        };
        if (env.source !== undefined) init.source = env.source;
        env.diagnostics.push(createDiagnostic(init));
        failed = true;
        continue;
      }
      let v: Rational | undefined;
      if (typeof rating.value === 'number') v = Rational.from(rating.value);
      else v = map?.get(normaliseLabel(rating.value));
      if (!v) {
        const init: Parameters<typeof createDiagnostic>[0] = {
          code: 'unknown-rating',
          pointer: `${rating.pointer}/value`,
          received: rating.value,
          expected: m.map ? Object.keys(m.map) : 'a number',
        };
        if (env.source !== undefined) init.source = env.source;
        env.diagnostics.push(createDiagnostic(init));
        failed = true;
        continue;
      }
      const list = byRole.get(rating.role) ?? [];
      list.push(v);
      byRole.set(rating.role, list);
    }
    if (failed) return { status: 'error', trace };
    const missing: string[] = [];
    let sum = Rational.ZERO;
    let used = Rational.ZERO;
    for (const [role, spec] of roles) {
      const values = byRole.get(role) ?? [];
      const min = spec.min ?? 1;
      const entry: Record<string, unknown> = { count: values.length, weight: spec.weight };
      detail[role] = entry;
      if (values.length > 0) entry.combined = combineRole(values, spec).toNumber();
      if (spec.weight === 0) {
        entry.counted = false;
        continue;
      }
      if (values.length < min || values.length === 0) {
        entry.short = { have: values.length, need: Math.max(min, 1) };
        if (whenShort === 'pending') missing.push(`${role} (${values.length}/${Math.max(min, 1)})`);
        const init: Parameters<typeof createDiagnostic>[0] = {
          code: 'role-short',
          pointer: env.recordPointer,
          received: values.length,
          expected: Math.max(min, 1),
          params: { role },
          severity: whenShort === 'pending' ? 'warning' : 'info',
        };
        if (env.source !== undefined) init.source = env.source;
        env.diagnostics.push(createDiagnostic(init));
        continue;
      }
      const w = weights.get(role) as Rational;
      sum = sum.add(combineRole(values, spec).mul(w));
      used = used.add(w);
    }
    if (missing.length > 0) return { status: 'pending', trace, missing };
    if (used.isZero()) return { status: 'pending', trace, missing: accepted.map((r) => `${r} (0)`) };
    if (!used.eq(Rational.ONE)) detail.renormalised = used.toNumber();
    return applyFinish(sum.div(used), finish, trace);
  };
};
