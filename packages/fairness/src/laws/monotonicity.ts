import type { Appraisal, CompiledRubric, Evaluation, Level } from '@kinerja/core';
import fc from 'fast-check';
import { arbitraryAppraisal } from '../arbitrary/arbitraryAppraisal.js';
import { arbitraryFieldRaw, resolveField } from '../arbitrary/arbitraryField.js';
import { seededShuffle } from '../arbitrary/seededShuffle.js';
import { levelRank } from '../evaluation/levelRank.js';
import { type MonotoneHandle, monotoneHandles } from '../rubric/monotoneHandles.js';
import type { FieldPlan } from '../rubric/recordPlan.js';
import { joinLawText } from './joinLawText.js';
import type { LawOptions, LawResult, LawText } from './LawResult.js';
import { runProperty } from './runProperty.js';

/** Outcome kinds a person gains by: losing one because the appraisal improved breaks the law. */
const BENEFITS: ReadonlySet<string> = new Set(['promotion', 'award', 'credit-points']);
/** Most comparisons in one sweep: a sweep moves every input, several per step when there are more. */
const SWEEP_STEPS = 24;
/** Shares are drawn in steps of 0.01% (as arbitraryField does). */
const SHARE_UNIT = 10_000;

/** One value changed between the worse and the better appraisal of a comparison. */
interface Change {
  readonly at: string;
  readonly from: unknown;
  readonly to: unknown;
  readonly direction: string;
}

/** One place in an appraisal a handle moves, with the values it may take, worst first. */
interface Slot {
  readonly at: string;
  readonly direction: string;
  readonly values: ReadonlyArray<string | number>;
  readonly set: (a: Appraisal, v: string | number) => void;
}

/** A comparison case: one value changed (a pair), or every handle swept from worst to best (a sweep). */
type Case =
  | {
      readonly kind: 'pair';
      readonly appraisal: Appraisal;
      handle: number;
      pick: number;
      raw: number | string;
    }
  | { readonly kind: 'sweep'; readonly appraisal: Appraisal; readonly seed: number };

/** How a case went: the first broken comparison, and how often each checked part of the verdict moved. */
interface Outcome {
  readonly problem?: LawText;
  readonly worse?: Appraisal;
  readonly changes?: readonly Change[];
  readonly step?: string;
}

/** mulberry32: the sweep's values and order come from one integer seed, so a case replays and shrinks. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The rank (0 = worst) of a supervisor rating written as an id or an alias. */
function levelIndex(levels: readonly Level[], v: unknown): number {
  return levels.findIndex((l) => l.id === v || (l.aliases ?? []).includes(v as string));
}

/** A field's values, worst first: its extremes and `inner` values between them (undefined: not orderable here). */
function fieldValues(
  field: FieldPlan,
  direction: 'higher' | 'lower',
  rec: Readonly<Record<string, unknown>>,
  next: () => number,
  inner: number,
): Array<string | number> | undefined {
  const d = field.domain;
  let values: Array<string | number>;
  if (d.kind === 'label') {
    values = [...d.labels];
  } else if (d.kind === 'number') {
    const lo = Math.ceil(d.lo * 100);
    const hi = Math.floor(d.hi * 100);
    const xs = [lo, hi, ...Array.from({ length: inner }, () => lo + Math.floor(next() * (hi - lo + 1)))];
    values = [...new Set(xs.map((x) => x / 100))].sort((a, b) => a - b);
  } else if (d.kind === 'share') {
    const lo = Math.round(d.minShare * SHARE_UNIT);
    const hi = Math.round(d.maxShare * SHARE_UNIT);
    const raws = [lo, hi, ...Array.from({ length: inner }, () => lo + Math.floor(next() * (hi - lo + 1)))];
    const resolved = raws
      .map((r) => resolveField(field, r, rec))
      .filter((x): x is number => typeof x === 'number');
    values = [...new Set(resolved)].sort((a, b) => a - b);
  } else {
    return undefined;
  }
  return direction === 'higher' ? values : values.reverse();
}

/** Every slot the handles reach in an appraisal, with its values worst first (`inner` random ones between). */
function slots(a: Appraisal, handles: readonly MonotoneHandle[], next: () => number, inner: number): Slot[] {
  const out: Slot[] = [];
  for (const h of handles) {
    if (h.kind === 'rating') {
      const worstFirst = h.direction === 'higher' ? [...h.values] : [...h.values].reverse();
      for (const [i, r] of (a.ratings ?? []).entries()) {
        if (r.indicator !== h.id) continue;
        const picks = new Set([0, worstFirst.length - 1]);
        for (let k = 0; k < inner; k++) picks.add(Math.floor(next() * worstFirst.length));
        out.push({
          at: `/ratings/${i}/value`,
          direction: h.direction,
          values: [...picks].sort((x, y) => x - y).map((k) => worstFirst[k] as string | number),
          set: (c, v) => {
            (c.ratings ?? [])[i] = {
              ...((c.ratings ?? [])[i] as NonNullable<Appraisal['ratings']>[number]),
              value: v,
            };
          },
        });
      }
    } else if (h.kind === 'supervisor') {
      if (a.supervisorRatings?.[h.group] === undefined) continue;
      out.push({
        at: `/supervisorRatings/${h.group}`,
        direction: h.direction,
        values: h.levels.map((l) => l.id),
        set: (c, v) => {
          c.supervisorRatings = { ...(c.supervisorRatings ?? {}), [h.group]: v as string };
        },
      });
    } else {
      const records: Array<Record<string, unknown>> =
        h.kind === 'input'
          ? a.inputs?.[h.id]
            ? [a.inputs[h.id] as Record<string, unknown>]
            : []
          : ((a.targets?.[h.group] ?? []) as Array<Record<string, unknown>>);
      for (const [i, rec] of records.entries()) {
        if (rec[h.field.name] === undefined) continue;
        const values = fieldValues(h.field, h.direction, rec, next, inner);
        if (!values || values.length < 2) continue;
        const name = h.field.name;
        out.push({
          at: h.kind === 'input' ? `/inputs/${h.id}/${name}` : `/targets/${h.group}/${i}/${name}`,
          direction: h.direction,
          values,
          set: (c, v) => {
            const target = h.kind === 'input' ? c.inputs?.[h.id] : c.targets?.[h.group]?.[i];
            (target as Record<string, unknown>)[name] = v;
          },
        });
      }
    }
  }
  return out;
}

/** The rank of a value among a slot's values (worst first); -1 when not among them. */
function rankIn(h: MonotoneHandle, v: unknown): number {
  if (h.kind === 'rating') {
    const i = h.values.indexOf(v as string | number);
    return h.direction === 'higher' ? i : i < 0 ? i : h.values.length - 1 - i;
  }
  if (h.kind === 'supervisor') return levelIndex(h.levels, v);
  if (h.field.domain.kind === 'label') {
    const i = h.field.domain.labels.indexOf(v as string);
    return h.direction === 'higher' ? i : i < 0 ? i : h.field.domain.labels.length - 1 - i;
  }
  if (typeof v !== 'number') return -1;
  return h.direction === 'higher' ? v : -v;
}

/** One handle's value set to the worse of (its value, `raw`) in one copy and the better in another. */
function pairAt(
  a: Appraisal,
  h: MonotoneHandle,
  pick: number,
  raw: number | string,
): { worse: Appraisal; better: Appraisal; change: Change } | undefined {
  let at: string;
  let old: unknown;
  let other: unknown;
  let set: (c: Appraisal, v: unknown) => void;
  if (h.kind === 'rating') {
    const idx = (a.ratings ?? []).flatMap((r, i) => (r.indicator === h.id ? [i] : []));
    if (idx.length === 0) return undefined;
    const i = idx[pick % idx.length] as number;
    at = `/ratings/${i}/value`;
    old = (a.ratings ?? [])[i]?.value;
    other = raw;
    set = (c, v) => {
      const r = (c.ratings ?? [])[i] as NonNullable<Appraisal['ratings']>[number];
      r.value = v as string | number;
    };
  } else if (h.kind === 'supervisor') {
    old = a.supervisorRatings?.[h.group];
    if (old === undefined) return undefined;
    at = `/supervisorRatings/${h.group}`;
    other = raw;
    set = (c, v) => {
      c.supervisorRatings = { ...(c.supervisorRatings ?? {}), [h.group]: v as string };
    };
  } else {
    const records =
      h.kind === 'input' ? (a.inputs?.[h.id] ? [a.inputs[h.id]] : []) : (a.targets?.[h.group] ?? []);
    if (records.length === 0) return undefined;
    const i = pick % records.length;
    const rec = records[i] as Record<string, unknown>;
    at = h.kind === 'input' ? `/inputs/${h.id}/${h.field.name}` : `/targets/${h.group}/${i}/${h.field.name}`;
    old = rec[h.field.name];
    other = resolveField(h.field, raw, rec);
    set = (c, v) => {
      const target = h.kind === 'input' ? c.inputs?.[h.id] : c.targets?.[h.group]?.[i];
      (target as Record<string, unknown>)[h.field.name] = v;
    };
  }
  const ro = rankIn(h, old);
  const rn = rankIn(h, other);
  if (old === undefined || other === undefined || ro === -1 || rn === -1) return undefined;
  const [w, b] = rn >= ro ? [old, other] : [other, old];
  const worse = structuredClone(a);
  const better = structuredClone(a);
  set(worse, w);
  set(better, b);
  return { worse, better, change: { at, from: w, to: b, direction: h.direction } };
}

/** The parts of a verdict the law checks, and whether each moved between two evaluations. */
function compare(
  compiled: CompiledRubric,
  eW: Evaluation,
  eB: Evaluation,
  moved: Map<string, number>,
): LawText[] {
  const rubric = compiled.rubric;
  const count = (key: string, x: unknown, y: unknown) => {
    if (!moved.has(key)) moved.set(key, 0);
    if (JSON.stringify(x) !== JSON.stringify(y)) moved.set(key, (moved.get(key) ?? 0) + 1);
  };
  const fell = (what: LawText, x: number | undefined, y: number | undefined): LawText | undefined =>
    x !== undefined && y !== undefined && y < x
      ? { id: `${what.id} turun dari ${x} ke ${y}`, en: `${what.en} fell from ${x} to ${y}` }
      : undefined;
  const worsened = (what: LawText, levels: readonly Level[], x?: string, y?: string): LawText | undefined => {
    const rx = levelRank(levels, x);
    const ry = levelRank(levels, y);
    return rx !== undefined && ry !== undefined && ry > rx
      ? { id: `${what.id} memburuk dari ${x} ke ${y}`, en: `${what.en} worsened from ${x} to ${y}` }
      : undefined;
  };
  const ratings = rubric.ratings ?? [];
  const problems: Array<LawText | undefined> = [];
  if (rubric.score) count('score', eW.score, eB.score);
  problems.push(fell({ id: 'skor akhir', en: 'overall score' }, eW.score, eB.score));
  count('predicate', eW.predicate?.id, eB.predicate?.id);
  problems.push(
    worsened(
      { id: 'predikat', en: 'predicate' },
      rubric.predicate.levels,
      eW.predicate?.id,
      eB.predicate?.id,
    ),
  );
  for (const [gid, g] of Object.entries(rubric.groups)) {
    const w = eW.groups[gid];
    const b = eB.groups[gid];
    count(`group:${gid}:score`, w?.score, b?.score);
    problems.push(fell({ id: `skor kelompok ${gid}`, en: `group ${gid} score` }, w?.score, b?.score));
    if (g.rating) {
      count(`group:${gid}:rating`, w?.rating, b?.rating);
      problems.push(
        worsened({ id: `rating kelompok ${gid}`, en: `group ${gid} rating` }, ratings, w?.rating, b?.rating),
      );
      problems.push(
        worsened(
          { id: `rating usulan kelompok ${gid}`, en: `group ${gid} suggested rating` },
          ratings,
          w?.suggestedRating,
          b?.suggestedRating,
        ),
      );
    }
    if (g.items?.rating) {
      const before = new Map((w?.items ?? []).map((r) => [r.id, r.rating]));
      for (const item of b?.items ?? []) {
        problems.push(
          worsened(
            { id: `rating target ${gid}/${item.id}`, en: `target ${gid}/${item.id} rating` },
            ratings,
            before.get(item.id),
            item.rating,
          ),
        );
      }
    }
  }
  for (const [id, o] of Object.entries(rubric.outcomes ?? {})) {
    const w = eW.outcomes[id];
    const b = eB.outcomes[id];
    if (o.kind === 'coaching') {
      count(`outcome:${id}`, w?.met, b?.met);
      if (w?.met === false && b?.met === true)
        problems.push({
          id: `tindak lanjut pembinaan ${id} menjadi berlaku`,
          en: `coaching outcome ${id} switched on`,
        });
    } else if (BENEFITS.has(o.kind)) {
      count(`outcome:${id}`, [w?.met, w?.value], [b?.met, b?.value]);
      if (w?.met === true && b?.met === false)
        problems.push({ id: `tindak lanjut ${o.kind} ${id} hilang`, en: `${o.kind} outcome ${id} lost` });
      problems.push(
        fell(
          { id: `nilai tindak lanjut ${o.kind} ${id}`, en: `${o.kind} outcome ${id} value` },
          w?.value,
          b?.value,
        ),
      );
    }
  }
  return problems.filter((x): x is LawText => x !== undefined);
}

const describe = (changes: readonly Change[]) =>
  changes.map((c) => `${c.at}: ${String(c.from)} → ${String(c.to)}`).join(', ');

/**
 * Runs one case: a pair compares two appraisals; a sweep starts with every handle at its worst value and moves
 * them (in a seeded order, a few values each) to their best, comparing each step with the one before, so every
 * band boundary and matrix cell the appraisal can reach is crossed on the way.
 */
function runCase(
  compiled: CompiledRubric,
  handles: readonly MonotoneHandle[],
  c: Case,
  moved: Map<string, number>,
): Outcome {
  if (c.kind === 'pair') {
    const p = pairAt(c.appraisal, handles[c.handle] as MonotoneHandle, c.pick, c.raw);
    if (!p) return {};
    const problems = compare(compiled, compiled.evaluate(p.worse), compiled.evaluate(p.better), moved);
    if (problems.length === 0) return {};
    const found = joinLawText(problems);
    const change = describe([p.change]);
    return {
      problem: {
        id: `${change} (lebih baik, arah ${p.change.direction}): ${found.id}`,
        en: `${change} (better, direction ${p.change.direction}): ${found.en}`,
      },
      worse: p.worse,
      changes: [p.change],
    };
  }
  const next = random(c.seed);
  const all = slots(c.appraisal, handles, next, 1);
  if (all.length === 0) return {};
  const current = structuredClone(c.appraisal);
  for (const s of all) s.set(current, s.values[0] as string | number);
  // Each slot steps through its values in order; the slots' steps are interleaved in a seeded order.
  const order = seededShuffle(
    all.flatMap((s, i) => s.values.slice(1).map(() => i)),
    c.seed,
  );
  const reached = all.map(() => 0);
  const steps: Array<Array<[number, number]>> = [];
  const per = Math.ceil(order.length / SWEEP_STEPS);
  for (let k = 0; k < order.length; k += per) {
    steps.push(
      order.slice(k, k + per).map((i) => {
        reached[i] = (reached[i] ?? 0) + 1;
        return [i, reached[i] as number];
      }),
    );
  }
  let before = current;
  let eBefore = compiled.evaluate(before);
  for (const [n, step] of steps.entries()) {
    const after = structuredClone(before);
    const changes: Change[] = step.map(([i, k]) => {
      const s = all[i] as Slot;
      s.set(after, s.values[k] as string | number);
      return { at: s.at, from: s.values[k - 1], to: s.values[k], direction: s.direction };
    });
    const eAfter = compiled.evaluate(after);
    const problems = compare(compiled, eBefore, eAfter, moved);
    if (problems.length > 0) {
      const found = joinLawText(problems);
      return {
        problem: {
          id: `langkah sapuan ${n + 1} dari ${steps.length}, ${describe(changes)} (masing-masing lebih baik): ${found.id}`,
          en: `sweep step ${n + 1} of ${steps.length}, ${describe(changes)} (each better): ${found.en}`,
        },
        worse: before,
        changes,
        step: `${n + 1} of ${steps.length}`,
      };
    }
    before = after;
    eBefore = eAfter;
  }
  return {};
}

/**
 * Monotonicity: a better input — a realisation, an input value, one rater's rating, the rating the supervisor gives
 * a group — never lowers a group or the overall score, never worsens the predicate (levels best first), a group's
 * rating or suggested rating, or a target's rating (ratings best first), never switches a coaching outcome on,
 * and never takes a promotion, award or credit-points outcome away or lowers its value. Outcomes of kind `other`
 * have no direction and are not checked. "Better" follows each indicator's declared `direction`, else the measure
 * kind (see {@link monotoneHandles}).
 *
 * Cases are of two kinds: a pair (one input set to the worse and the better of two values), and, one case in four,
 * a sweep (every input moved from its worst value to its best in a seeded order, each step compared with the one
 * before), so band boundaries and every row and column of a rating matrix are crossed, not merely hoped for. The
 * law counts how often each checked part of the verdict moved: one that never moved was never tested, and the
 * result says so (`coverage`); a predicate that never moved fails the law as vacuous.
 */
export function monotonicity(compiled: CompiledRubric, options: LawOptions = {}): LawResult {
  const handles = monotoneHandles(compiled.rubric);
  const seed = options.seed ?? (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
  if (handles.length === 0) {
    return {
      law: 'monotonicity',
      ok: true,
      skipped: true,
      runs: 0,
      seed,
      message: 'no input with a direction to check',
      text: { id: 'tidak ada masukan berarah untuk diperiksa', en: 'no input with a direction to check' },
    };
  }
  const raws = handles.map((h) =>
    h.kind === 'rating'
      ? fc.constantFrom(...h.values)
      : h.kind === 'supervisor'
        ? fc.constantFrom(...h.levels.map((l) => l.id))
        : arbitraryFieldRaw(h.field),
  );
  const appraisal = arbitraryAppraisal(compiled, options.appraisal);
  const pair = fc
    .record({
      appraisal,
      handle: fc.nat({ max: handles.length - 1 }),
      pick: fc.nat({ max: 20 }),
      raws: fc.tuple(...raws),
    })
    .map(
      (c): Case => ({
        kind: 'pair',
        appraisal: c.appraisal,
        handle: c.handle,
        pick: c.pick,
        raw: c.raws[c.handle] as number | string,
      }),
    );
  const sweep = fc.record({ appraisal, seed: fc.integer() }).map((c): Case => ({ kind: 'sweep', ...c }));
  const moved = new Map<string, number>();
  let cases = 0;
  const result = runProperty<Case>(
    {
      law: 'monotonicity',
      arbitrary: fc.oneof({ arbitrary: pair, weight: 3 }, { arbitrary: sweep, weight: 1 }),
      check: (c) => {
        cases++;
        return runCase(compiled, handles, c, moved).problem;
      },
      readable: (c) => {
        const o = runCase(compiled, handles, c, new Map());
        return (
          o.worse && {
            appraisal: o.worse,
            change: o.changes?.length === 1 ? o.changes[0] : o.changes,
            ...(o.step ? { sweepStep: o.step } : {}),
          }
        );
      },
    },
    { ...options, seed },
  );
  if (!result.ok) return result;
  const coverage = Object.fromEntries([...moved].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const still = Object.entries(coverage)
    .filter(([, n]) => n === 0)
    .map(([k]) => k);
  const never = still.join(', ');
  const note: LawText | undefined =
    still.length > 0
      ? {
          id: `tidak pernah berubah, jadi tidak teruji: ${never}`,
          en: `never moved, so not tested: ${never}`,
        }
      : undefined;
  // A replay (`path`) runs one case: coverage says nothing then.
  if (
    options.path === undefined &&
    compiled.rubric.predicate.levels.length > 1 &&
    (coverage.predicate ?? 0) === 0
  ) {
    const text = joinLawText([
      {
        id: `hampa: predikat tidak berubah dalam satu pun dari ${cases} kasus, jadi monotonisitasnya tidak pernah teruji`,
        en: `vacuous: the predicate changed in none of ${cases} cases, so its monotonicity was never tested`,
      },
      ...(note ? [note] : []),
    ]);
    return { ...result, ok: false, coverage, message: text.en, text };
  }
  return { ...result, coverage, ...(note ? { message: note.en, text: note } : {}) };
}
