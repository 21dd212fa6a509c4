import type { Appraisal, CompiledRubric, Evaluation } from '@kinerja/core';
import fc from 'fast-check';
import { arbitraryAppraisal } from '../arbitrary/arbitraryAppraisal.js';
import { arbitraryFieldRaw, resolveField } from '../arbitrary/arbitraryField.js';
import { levelRank } from '../evaluation/levelRank.js';
import { type MonotoneHandle, monotoneHandles } from '../rubric/monotoneHandles.js';
import type { LawOptions, LawResult } from './LawResult.js';
import { runProperty } from './runProperty.js';

interface Pair {
  readonly worse: Appraisal;
  readonly better: Appraisal;
  readonly at: string;
  readonly from: unknown;
  readonly to: unknown;
  readonly handle: MonotoneHandle;
}

/** Sets a field to the worse of two values in one copy and the better in another; undefined if it is absent. */
function pairAt(a: Appraisal, h: MonotoneHandle, pick: number, raw: number | string): Pair | undefined {
  let records: Array<Record<string, unknown>>;
  let at: (i: number, field: string) => string;
  if (h.kind === 'rating') {
    const idx = (a.ratings ?? []).flatMap((r, i) => (r.indicator === h.id ? [i] : []));
    if (idx.length === 0) return undefined;
    const i = idx[pick % idx.length] as number;
    const old = (a.ratings ?? [])[i]?.value as string | number;
    const rank = (v: unknown) => h.values.indexOf(v as string | number);
    const up = rank(raw) >= rank(old) === (h.direction === 'higher');
    const withValue = (v: string | number): Appraisal => ({
      ...a,
      ratings: (a.ratings ?? []).map((r, j) => (j === i ? { ...r, value: v } : r)),
    });
    const worse = withValue(up ? old : raw);
    const better = withValue(up ? raw : old);
    return { worse, better, at: `/ratings/${i}/value`, from: up ? old : raw, to: up ? raw : old, handle: h };
  }
  if (h.kind === 'input') {
    const rec = a.inputs?.[h.id];
    if (!rec) return undefined;
    records = [rec];
    at = (_i, f) => `/inputs/${h.id}/${f}`;
  } else {
    records = a.targets?.[h.group] ?? [];
    at = (i, f) => `/targets/${h.group}/${i}/${f}`;
  }
  if (records.length === 0) return undefined;
  const i = pick % records.length;
  const rec = records[i] as Record<string, unknown>;
  const old = rec[h.field.name];
  const other = resolveField(h.field, raw, rec);
  if (typeof old !== 'number' || typeof other !== 'number') return undefined;
  const lo = Math.min(old, other);
  const hi = Math.max(old, other);
  const [w, b] = h.direction === 'higher' ? [lo, hi] : [hi, lo];
  const set = (copy: Appraisal, v: number) => {
    const target = h.kind === 'input' ? copy.inputs?.[h.id] : copy.targets?.[h.group]?.[i];
    (target as Record<string, unknown>)[h.field.name] = v;
  };
  const worse = structuredClone(a);
  const better = structuredClone(a);
  set(worse, w);
  set(better, b);
  return { worse, better, at: at(i, h.field.name), from: w, to: b, handle: h };
}

function compare(compiled: CompiledRubric, p: Pair, eW: Evaluation, eB: Evaluation): string | undefined {
  const rubric = compiled.rubric;
  const where = `${p.at}: ${String(p.from)} → ${String(p.to)} (better, direction ${p.handle.direction})`;
  const fell = (what: string, x: number | undefined, y: number | undefined) =>
    x !== undefined && y !== undefined && y < x ? `${what} fell from ${x} to ${y}` : undefined;
  const worsened = (what: string, levels: Parameters<typeof levelRank>[0], x?: string, y?: string) => {
    const rx = levelRank(levels, x);
    const ry = levelRank(levels, y);
    return rx !== undefined && ry !== undefined && ry > rx ? `${what} worsened from ${x} to ${y}` : undefined;
  };
  const problems = [
    fell(`group ${p.handle.group} score`, eW.groups[p.handle.group]?.score, eB.groups[p.handle.group]?.score),
    fell('overall score', eW.score, eB.score),
    worsened('predicate', rubric.predicate.levels, eW.predicate?.id, eB.predicate?.id),
    ...Object.entries(rubric.groups)
      .filter(([, g]) => g.rating?.from === 'score')
      .map(([gid]) =>
        worsened(`group ${gid} rating`, rubric.ratings ?? [], eW.groups[gid]?.rating, eB.groups[gid]?.rating),
      ),
    ...Object.entries(rubric.outcomes ?? {})
      .filter(([, o]) => o.kind === 'coaching')
      .map(([id]) =>
        eW.outcomes[id]?.met === false && eB.outcomes[id]?.met === true
          ? `coaching outcome ${id} switched on`
          : undefined,
      ),
  ].filter((x): x is string => x !== undefined);
  return problems.length > 0 ? `${where}: ${problems.join('; ')}` : undefined;
}

/**
 * Monotonicity: making one input better — a realisation, an input value, one rater's rating — never lowers the
 * group score or the overall score, never worsens the predicate or a score-derived group rating (best first), and
 * never switches a coaching outcome on. "Better" follows each indicator's declared `direction`, else the measure
 * kind (see {@link monotoneHandles}). Each case draws an appraisal, one input and a second value for it; the worse
 * and the better of the two values make the pair compared.
 */
export function monotonicity(compiled: CompiledRubric, options: LawOptions = {}): LawResult {
  const handles = monotoneHandles(compiled.rubric);
  if (handles.length === 0) {
    return {
      law: 'monotonicity',
      ok: true,
      runs: 0,
      seed: options.seed ?? 0,
      message: 'no input with a direction to check',
    };
  }
  const raws = handles.map((h) =>
    h.kind === 'rating' ? fc.constantFrom(...h.values) : arbitraryFieldRaw(h.field),
  );
  const arbitrary = fc
    .record({
      appraisal: arbitraryAppraisal(compiled, options.appraisal),
      handle: fc.nat({ max: handles.length - 1 }),
      pick: fc.nat({ max: 20 }),
      raws: fc.tuple(...raws),
    })
    .map((c) =>
      pairAt(c.appraisal, handles[c.handle] as MonotoneHandle, c.pick, c.raws[c.handle] as number | string),
    );
  return runProperty(
    {
      law: 'monotonicity',
      arbitrary,
      check: (p) =>
        p ? compare(compiled, p, compiled.evaluate(p.worse), compiled.evaluate(p.better)) : undefined,
      readable: (p) =>
        p && {
          appraisal: p.worse,
          change: { at: p.at, from: p.from, to: p.to, direction: p.handle.direction },
        },
    },
    options,
  );
}
