import { createDiagnostic, type DiagnosticInit } from '../../diagnostics/createDiagnostic.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { joinPointer } from '../../diagnostics/pointer.js';
import { Rational } from '../../numeric/rational.js';
import type { Measure, Role, RoleSpec } from '../../schema/measureSchema.js';
import { exactDecimal } from '../exactDecimal.js';
import { type Interval, inInterval, parseInterval } from '../interval.js';
import { applyFinish, compileFinish } from './finishMeasure.js';
import type { MeasureCompiler } from './MeasureCompiler.js';
import type { MeasureEnv, MeasureTrace, RaterTrace, RatingEntry } from './MeasureRuntime.js';
import { type CountedRole, capInfluence, combineValues } from './raterInfluence.js';
import { normaliseLabel } from './scale.js';

type RatersMeasure = Extract<Measure, { kind: 'raters' }>;

// Shortfalls already reported, for a measure run outside an evaluation (no `env.notes`): keyed by the diagnostics
// array it reports to, so nothing is kept once that is gone and concurrent runs never see each other's.
const shortSaid = new WeakMap<Diagnostic[], Set<number | string>>();

/** The evaluation's notes; a WeakMap entry per evaluation instead was 1 % of a PermenPAN-RB evaluation. */
function shortSaidIn(env: MeasureEnv): Set<number | string> {
  if (env.notes !== undefined) return env.notes;
  let said = shortSaid.get(env.diagnostics);
  if (said === undefined) {
    said = new Set();
    shortSaid.set(env.diagnostics, said);
  }
  return said;
}

// What makes two role-short notes the same, as a number when the counts allow: hashing a fresh string on every
// check was 2 % of a PermenPAN-RB evaluation.
function shortKey(role: Role, have: number, need: number, severity: 'warning' | 'info'): number | string {
  if (have < 0x10000 && need < 0x10000)
    return (
      ((ROLE_ORDER.indexOf(role) * 2 + (severity === 'warning' ? 1 : 0)) * 0x10000 + need) * 0x10000 + have
    );
  return `${role}\u0000${have}\u0000${need}\u0000${severity}`;
}

/**
 * Reports a role with too few ratings, once per evaluation: every indicator rated by the same roles would say the
 * same thing (PermenPAN-RB: seven BerAKHLAK values × each empty role), so a repeat is not even built.
 */
function reportShort(
  env: MeasureEnv,
  role: Role,
  have: number,
  need: number,
  severity: 'warning' | 'info',
): void {
  const key = shortKey(role, have, need, severity);
  const said = shortSaidIn(env);
  if (said.has(key)) return;
  said.add(key);
  const init: DiagnosticInit = {
    code: 'role-short',
    // Ratings are given in /ratings, so that is where a missing one is to be added.
    pointer: '/ratings',
    received: have,
    expected: need,
    params: { role },
    severity,
  };
  env.diagnostics.push(createDiagnostic(init, env.source));
}

/** Combines the ratings of one role. Exported for the rater-model property tests. */
export function combineRole(values: readonly Rational[], spec: RoleSpec): Rational {
  return combineValues(values, spec);
}

const ROLE_ORDER: readonly Role[] = ['supervisor', 'peer', 'subordinate', 'third-party', 'self'];

/** One rating on its way through the measure. */
interface Entry {
  readonly rating: RatingEntry;
  /** The rating as a number. */
  readonly raw: Rational;
  /** After calibration. */
  calibrated?: Rational;
  calibration?: string;
  /** The value that counts: raw, calibrated, then capped. */
  value: Rational;
  capped?: boolean;
  inScore: boolean;
}

const DEFAULT_CONSENSUS: readonly Role[] = ['peer', 'third-party'];

const byId = (a: Entry, b: Entry) =>
  a.rating.rater < b.rating.rater ? -1 : a.rating.rater > b.rating.rater ? 1 : 0;

// Ratings usually arrive in rater order already; checking is cheaper than a comparator sort of a short list.
function isSorted(list: readonly Entry[]): boolean {
  for (let i = 1; i < list.length; i++) if (byId(list[i - 1] as Entry, list[i] as Entry) > 0) return false;
  return true;
}

/**
 * `raters`: each role's ratings combine (mean, median, trimmed mean); roles then weigh in by their weights.
 * A role below its minimum either makes the verdict pending (saying what is missing) or drops out with the
 * other weights renormalised, as the rubric declares.
 *
 * Checks against a single relationship deciding the score, each optional:
 * - `calibration`: each rating is first mapped onto a common scale against its rater's history (z-score);
 * - `divergence`: the supervisor's combined rating is compared with the consensus of the other roles (weighted
 *   mean of their combined ratings, weights renormalised among them); departing by more than the threshold flags
 *   `needs-review:<indicator>` with a `rater-divergence` warning;
 * - `influenceCap`: no single rater moves the score by more than the cap ({@link capInfluence});
 * - `anonymity`: the employee's view shows peer and subordinate ratings only as role aggregates of at least k.
 * The trace lists every rater (id, role, raw and counted values) for the auditor; `redactForEmployee` strips it.
 */
export const compileRaters: MeasureCompiler<RatersMeasure> = (m, pointer, ctx) => {
  const roles = ROLE_ORDER.filter((r) => m.roles[r] !== undefined).map(
    (r) => [r, m.roles[r] as RoleSpec] as const,
  );
  const counted = roles.filter(([, s]) => s.weight > 0);
  const total = counted.reduce((a, [, s]) => a.add(Rational.from(s.weight)), Rational.ZERO);
  if (counted.length === 0 || !total.eq(Rational.ONE)) {
    ctx.report({
      code: 'weight-sum',
      pointer: `${pointer}/roles`,
      received: exactDecimal(total),
      expected: '1',
    });
    return undefined;
  }
  let consensus: readonly Role[] = [];
  if (m.divergence) {
    const at = `${pointer}/divergence`;
    const counts = (r: Role) => (m.roles[r]?.weight ?? 0) > 0;
    if (m.roles.supervisor === undefined) {
      ctx.report({
        code: 'invalid-structure',
        pointer: at,
        params: {
          why: 'divergence compares the supervisor with the others, but no supervisor role is declared',
          whyId:
            'divergence membandingkan atasan dengan penilai lain, tetapi peran supervisor tidak dideklarasikan',
        },
      });
      return undefined;
    }
    if (m.divergence.consensus) {
      const bad = m.divergence.consensus.find((r) => r === 'supervisor' || !counts(r));
      if (bad !== undefined) {
        ctx.report({
          code: 'invalid-structure',
          pointer: `${at}/consensus`,
          params: {
            why: `consensus role ${bad} must be a declared role other than supervisor, with weight > 0`,
            whyId: `peran konsensus ${bad} harus peran yang dideklarasikan selain supervisor, dengan bobot > 0`,
          },
        });
        return undefined;
      }
      consensus = ROLE_ORDER.filter((r) => m.divergence?.consensus?.includes(r));
    } else {
      consensus = DEFAULT_CONSENSUS.filter(counts);
      if (consensus.length === 0) {
        ctx.report({
          code: 'invalid-structure',
          pointer: at,
          params: {
            why: 'the default consensus (peer, third-party) has no declared role with weight > 0; list the consensus roles',
            whyId:
              'konsensus bawaan (peer, third-party) tidak punya peran yang dideklarasikan dengan bobot > 0; sebutkan peran konsensusnya',
          },
        });
        return undefined;
      }
    }
  }
  let map: Map<string, Rational> | undefined;
  if (m.map && Object.keys(m.map).length === 0) {
    // An empty map is a map half written: every label rating would be refused at evaluation as matching none of
    // no labels (as the same mistake in a `scale` is refused); said here, where the mistake is.
    ctx.report({
      code: 'invalid-measure',
      pointer: joinPointer(pointer, 'map'),
      params: {
        why: 'a rating map needs at least one entry (leave `map` out when raters give numbers)',
        whyId: 'peta rating memerlukan paling sedikit satu entri (hapus `map` bila penilai memberi angka)',
      },
    });
    return undefined;
  }
  if (m.map) {
    // Labels meet after normalising (case, spaces, - and _), as ratings are read: two that meet would leave the
    // second silently overwriting the first, so they are refused, as in a scale.
    map = new Map();
    let repeated = false;
    for (const [k, v] of Object.entries(m.map)) {
      const key = normaliseLabel(k);
      if (map.has(key)) {
        ctx.report({ code: 'duplicate-id', pointer: joinPointer(pointer, 'map', k), received: k });
        repeated = true;
      } else map.set(key, Rational.from(v));
    }
    if (repeated) return undefined;
  }
  // The rating scale: a number off it (0 or −40 on a 1–5 scale) would pull the combined score anywhere, and an
  // indicator's own `range` catches that only when the combination happens to leave it.
  let scale: Interval | undefined;
  if (m.range !== undefined) {
    scale = parseInterval(m.range);
    if (!scale) {
      ctx.report({ code: 'invalid-range', pointer: joinPointer(pointer, 'range'), received: m.range });
      return undefined;
    }
    let off = false;
    for (const [k, v] of Object.entries(m.map ?? {})) {
      if (inInterval(scale, Rational.from(v))) continue;
      ctx.report({
        code: 'invalid-measure',
        pointer: joinPointer(pointer, 'map', k),
        received: v,
        expected: scale.text,
        params: {
          why: `the label ${JSON.stringify(k)} maps to ${v}, outside the rating scale ${scale.text}`,
          whyId: `label ${JSON.stringify(k)} dipetakan ke ${v}, di luar skala rating ${scale.text}`,
        },
      });
      off = true;
    }
    if (off) return undefined;
  } else {
    ctx.report({ code: 'raters-unbounded', pointer });
  }
  // Roles are addressed by their place in `roles` (ROLE_ORDER order): a per-evaluation Map of lists, and a record
  // per counted role, were a good part of this measure's allocations (seven of them per PermenPAN-RB appraisal).
  const roleIndex = new Map<Role, number>(roles.map(([r], k) => [r, k]));
  const roleWeights = roles.map(([, s]) => Rational.from(s.weight));
  const specs = new Map<Role, RoleSpec>(roles);
  const whenShort = m.whenShort ?? 'pending';
  const finish = compileFinish(m.clamp, m.round);
  const accepted = roles.map(([r]) => r);
  const cap = m.influenceCap !== undefined ? Rational.from(m.influenceCap) : undefined;
  const threshold = m.divergence ? Rational.from(m.divergence.threshold) : undefined;
  const calibration = m.calibration
    ? { mean: Rational.from(m.calibration.mean), sd: Rational.from(m.calibration.sd) }
    : undefined;
  // The Map the rarely used checks (calibration, divergence, cap) take.
  const byRoleOf = (lists: ReadonlyArray<Entry[] | undefined>): Map<Role, Entry[]> => {
    const byRole = new Map<Role, Entry[]>();
    roles.forEach(([role], k) => {
      const list = lists[k];
      if (list) byRole.set(role, list);
    });
    return byRole;
  };

  return (env) => {
    const trace: MeasureTrace = { kind: 'raters', detail: {} };
    const detail = trace.detail as Record<string, unknown>;
    if (m.optional && env.ratings.length === 0) {
      // Optional and nobody rated it: it leaves the mean, like any optional measure with no inputs.
      trace.dropped = true;
      return { status: 'dropped', trace };
    }
    const lists = new Array<Entry[] | undefined>(roles.length);
    let failed = false;
    for (const rating of env.ratings) {
      const k = roleIndex.get(rating.role);
      if (k === undefined) {
        report(env, {
          code: 'unknown-role',
          pointer: `${rating.pointer}/role`,
          received: rating.role,
          expected: accepted,
        });
        failed = true;
        continue;
      }
      let v: Rational | undefined;
      if (typeof rating.value === 'number') v = Rational.from(rating.value);
      else v = map?.get(normaliseLabel(rating.value));
      if (!v) {
        report(env, {
          code: 'unknown-rating',
          pointer: `${rating.pointer}/value`,
          received: rating.value,
          expected: m.map ? Object.keys(m.map) : 'a number',
        });
        failed = true;
        continue;
      }
      if (scale && !inInterval(scale, v)) {
        report(env, {
          code: 'rating-out-of-scale',
          pointer: `${rating.pointer}/value`,
          received: rating.value,
          expected: scale.text,
        });
        failed = true;
        continue;
      }
      const entry: Entry = { rating, raw: v, value: v, inScore: false };
      const list = lists[k];
      if (list) list.push(entry);
      else lists[k] = [entry];
    }
    if (failed) return { status: 'error', trace };
    // Ratings are kept in a canonical order (role, then rater id), so the order they were given in never matters.
    for (const list of lists) if (list && list.length > 1 && !isSorted(list)) list.sort(byId);
    if (m.anonymity) detail.anonymity = { k: m.anonymity.k };
    if (calibration) calibrate(byRoleOf(lists), calibration, env, (init) => report(env, init));
    const explain = env.explain !== false;

    const missing: string[] = [];
    // Indexes of the roles that count, and (with an explanation) each role's combined value, computed once.
    const counted: number[] = [];
    const combined: Array<Rational | undefined> | undefined = explain ? new Array(roles.length) : undefined;
    for (let k = 0; k < roles.length; k++) {
      const [role, spec] = roles[k] as (typeof roles)[number];
      const entries = lists[k];
      const have = entries ? entries.length : 0;
      const min = spec.min ?? 1;
      // Only the explanation shows it; a score-only evaluation throws the trace away.
      let entry: Record<string, unknown> | undefined;
      if (combined) {
        entry = { count: have, weight: spec.weight };
        detail[role] = entry;
        if (entries) {
          const c = combineEntries(entries, spec);
          combined[k] = c;
          entry.combined = c.toNumber();
        }
      }
      if (spec.weight === 0) {
        if (entry) entry.counted = false;
        continue;
      }
      if (have < min || have === 0) {
        if (entry) entry.short = { have, need: Math.max(min, 1) };
        const waits = whenShort === 'pending' || spec.required === true;
        if (waits) missing.push(shortNote(role, have, min));
        reportShort(env, role, have, Math.max(min, 1), waits ? 'warning' : 'info');
        continue;
      }
      counted.push(k);
    }

    if (threshold) {
      detail.divergence = checkDivergence(byRoleOf(lists), specs, consensus, threshold, env, (init) =>
        report(env, init),
      );
    }
    if (missing.length > 0) {
      if (explain) trace.raters = raterList(lists);
      return { status: 'pending', trace, missing };
    }
    if (counted.length === 0) {
      // Every counted role was short and dropped out: nothing is left to renormalise onto. Said with the counts
      // (peer 1/2), not as if nobody had rated. Only now are the notes of the roles that dropped out written: a
      // short role that drops out beside one that counts (the usual case) needs none.
      const short: string[] = [];
      for (let k = 0; k < roles.length; k++) {
        const [role, spec] = roles[k] as (typeof roles)[number];
        if (spec.weight !== 0) short.push(shortNote(role, lists[k]?.length ?? 0, spec.min ?? 1));
      }
      if (explain) trace.raters = raterList(lists);
      return { status: 'pending', trace, missing: short };
    }

    if (cap) {
      const input: CountedRole[] = counted.map((k) => ({
        spec: (roles[k] as (typeof roles)[number])[1],
        weight: roleWeights[k] as Rational,
        values: (lists[k] as Entry[]).map((e) => e.value),
      }));
      const out = capInfluence(input, cap);
      let n = 0;
      counted.forEach((k, i) => {
        (lists[k] as Entry[]).forEach((e, j) => {
          const v = (out[i] as Rational[])[j] as Rational;
          if (!v.eq(e.value)) {
            e.value = v;
            e.capped = true;
            n++;
          }
        });
      });
      detail.influence = { cap: cap.toNumber(), capped: n };
    }

    let sum = Rational.ZERO;
    let used = Rational.ZERO;
    for (const k of counted) {
      const [role, spec] = roles[k] as (typeof roles)[number];
      const entries = lists[k] as Entry[];
      // Only the influence cap moves values after the first combination; without it that value stands.
      const c = (cap ? undefined : combined?.[k]) ?? combineEntries(entries, spec);
      if (combined) {
        const entry = detail[role] as Record<string, unknown>;
        if (entry.combined !== c.toNumber()) {
          entry.uncapped = entry.combined;
          entry.combined = c.toNumber();
        }
      }
      for (const e of entries) e.inScore = true;
      const w = roleWeights[k] as Rational;
      sum = sum.add(c.mul(w));
      used = used.add(w);
    }
    if (explain) trace.raters = raterList(lists);
    if (!used.eq(Rational.ONE)) detail.renormalised = used.toNumber();
    return applyFinish(sum.div(used), finish, trace);
  };
};

/** What a short role is missing, with the counts: `peer (1/2)`. */
function shortNote(role: Role, have: number, min: number): string {
  return `${role} (${have}/${Math.max(min, 1)})`;
}

function report(env: MeasureEnv, init: DiagnosticInit): void {
  env.diagnostics.push(createDiagnostic(init, env.source));
}

/** A role's combined rating; one rating is its own mean, median and trimmed mean, with no list to build. */
function combineEntries(entries: readonly Entry[], spec: RoleSpec): Rational {
  if (entries.length === 1) return (entries[0] as Entry).value;
  const values: Rational[] = [];
  for (const e of entries) values.push(e.value);
  return combineValues(values, spec);
}

/** Every rater, role by role (lists are in ROLE_ORDER order), for the auditor. */
function raterList(lists: ReadonlyArray<Entry[] | undefined>): RaterTrace[] {
  const out: RaterTrace[] = [];
  for (const list of lists) if (list) for (const e of list) out.push(raterTrace(e));
  return out;
}

function raterTrace(e: Entry): RaterTrace {
  const t: RaterTrace = {
    rater: e.rating.rater,
    role: e.rating.role,
    raw: e.raw.toNumber(),
    counted: 0,
    inScore: e.inScore,
  };
  if (typeof e.rating.value === 'string') t.label = e.rating.value;
  if (e.calibrated) t.calibrated = e.calibrated.toNumber();
  if (e.calibration !== undefined) t.calibration = e.calibration;
  t.counted = e.value.toNumber();
  if (e.capped) t.capped = true;
  return t;
}

/** z-score calibration: adjusted = mean + (x − rater mean) / rater sd × sd, exactly. */
function calibrate(
  byRole: Map<Role, Entry[]>,
  cal: { mean: Rational; sd: Rational },
  env: MeasureEnv,
  report: (init: DiagnosticInit) => void,
): void {
  for (const role of ROLE_ORDER) {
    for (const e of byRole.get(role) ?? []) {
      const stats =
        env.raterStats && Object.hasOwn(env.raterStats, e.rating.rater)
          ? env.raterStats[e.rating.rater]
          : undefined;
      if (!stats) {
        e.calibration = 'uncalibrated: no rater history in raterStats; used as given';
        report({
          code: 'rater-uncalibrated',
          pointer: e.rating.pointer,
          received: e.rating.rater,
          params: { role },
        });
        continue;
      }
      const adjusted = cal.mean.add(
        e.raw.sub(Rational.from(stats.mean)).div(Rational.from(stats.sd)).mul(cal.sd),
      );
      e.calibrated = adjusted;
      e.value = adjusted;
      e.calibration = `z-score against rater history, n = ${stats.n} (mean ${stats.mean}, sd ${stats.sd})`;
    }
  }
}

/**
 * Compares the supervisor's combined rating (after calibration, before the influence cap: the departure as the
 * supervisor meant it) with the consensus: the weighted mean of the consensus roles' combined ratings, weights
 * renormalised among the roles that have enough ratings. Flags only when the gap is strictly above the threshold.
 */
function checkDivergence(
  byRole: Map<Role, Entry[]>,
  specs: ReadonlyMap<Role, RoleSpec>,
  consensusRoles: readonly Role[],
  threshold: Rational,
  env: MeasureEnv,
  report: (init: DiagnosticInit) => void,
): Record<string, unknown> {
  const out: Record<string, unknown> = { threshold: threshold.toNumber(), roles: [...consensusRoles] };
  const enough = (r: Role) => {
    const n = byRole.get(r)?.length ?? 0;
    return n > 0 && n >= (specs.get(r)?.min ?? 1);
  };
  const combined = (r: Role) =>
    combineValues(
      (byRole.get(r) ?? []).map((e) => e.value),
      specs.get(r) as RoleSpec,
    );
  if (!enough('supervisor')) {
    out.checked = false;
    out.why = 'no supervisor rating';
    return out;
  }
  const present = consensusRoles.filter(enough);
  if (present.length === 0) {
    out.checked = false;
    out.why = 'no consensus rating';
    return out;
  }
  let sum = Rational.ZERO;
  let w = Rational.ZERO;
  for (const r of present) {
    const wr = Rational.from((specs.get(r) as RoleSpec).weight);
    sum = sum.add(combined(r).mul(wr));
    w = w.add(wr);
  }
  const consensus = sum.div(w);
  const supervisor = combined('supervisor');
  const gap = supervisor.sub(consensus).abs();
  const flagged = gap.gt(threshold);
  out.checked = true;
  out.roles = present;
  out.supervisor = supervisor.toNumber();
  out.consensus = consensus.toNumber();
  out.difference = gap.toNumber();
  out.flagged = flagged;
  if (flagged) {
    const id = env.indicatorId ?? env.recordPointer;
    env.flags?.push(`needs-review:${id}`);
    report({
      code: 'rater-divergence',
      pointer: env.recordPointer,
      expected: consensus.toNumber(),
      received: supervisor.toNumber(),
      params: { indicator: id, threshold: threshold.toNumber() },
    });
  }
  return out;
}
