import type { CompiledCondition, ConditionRun } from '../conditions/compileCondition.js';
import { compileCondition } from '../conditions/compileCondition.js';
import { createDiagnostic, type DiagnosticInit } from '../diagnostics/createDiagnostic.js';
import { joinPointer } from '../diagnostics/pointer.js';
import type { EvalState } from '../evaluate/EvalState.js';
import type { GroupResult, IndicatorResult, RatingTrace } from '../evaluate/Evaluation.js';
import { Rational } from '../numeric/rational.js';
import type { Label } from '../schema/common.js';
import type { Group } from '../schema/rubricSchema.js';
import type { CompiledBands } from './compileBands.js';
import { compileBands } from './compileBands.js';
import { exactDecimal } from './exactDecimal.js';
import { checkInterval, type Interval, inInterval } from './interval.js';
import type { LevelIndex } from './levelIndex.js';
import { compileReadingFields } from './measures/compileReadingFields.js';
import { compileFinish, finishValue } from './measures/finishMeasure.js';
import type { MeasureCompileContext } from './measures/MeasureCompiler.js';
import { type CompiledMeasure, type MeasureResult, NO_RATINGS } from './measures/MeasureRuntime.js';
import { byId } from './scoringOrder.js';

/** A group compiled: scoring first (all groups), rating second (rules may read every group's score). */
export interface CompiledGroup {
  /** Group id. */
  readonly id: string;
  /** Whether the group's rating is given by the supervisor. */
  readonly ratedBySupervisor: boolean;
  /** Whether the group has a rating at all. */
  readonly hasRating: boolean;
  /** The fields each indicator's and addition's measure reads from `inputs.<id>`, by id. */
  readonly inputFields: ReadonlyMap<string, readonly string[]>;
  /** The fields the measure of a listed target reads, when the group lists targets. */
  readonly itemFields?: readonly string[];
  /** Scores the group; fills `state.values`; returns the result and whether it has a score. */
  score(state: EvalState): { result: GroupResult; status: MeasureResult['status'] };
  /** Rates the group (after every group is scored). */
  rate(state: EvalState, result: GroupResult): void;
}

interface Part {
  readonly id: string;
  readonly measure: CompiledMeasure;
  readonly weight?: Rational;
  /** The weight as the result shows it, converted once. */
  readonly weightNumber?: number;
  /** The label the result shows. */
  readonly label?: Label;
  readonly appliesWhen?: CompiledCondition;
  /** `/inputs/<id>`, built once here rather than on every evaluation. */
  readonly inputPointer: string;
}

/** Adds a diagnostic about the appraisal, named by its source. */
function report(state: EvalState, init: DiagnosticInit): void {
  state.diagnostics.push(createDiagnostic(init, state.source));
}

/** Reports a score outside the range the rubric declares for it. */
export function outOfRange(state: EvalState, pointer: string, value: Rational, range: Interval): void {
  report(state, {
    code: 'score-out-of-range',
    pointer,
    received: value.toNumber(),
    expected: range.text,
  });
}

/**
 * Fills an indicator result in place. `out` already holds the fields that come first (label, weight, or a
 * target's id), so key order, and with it the output bytes, stays fixed; no spread, because this runs for every
 * indicator of every appraisal.
 */
function toResult(r: MeasureResult, out: IndicatorResult, explain: boolean): IndicatorResult {
  out.status = r.status;
  if (explain) out.measure = r.trace;
  if (r.status === 'ok') out.score = r.value.toNumber();
  return out;
}

/**
 * Whether a score filled by {@link toResult} is shown as a finite number. An exact score too large for a double
 * (1.79e308 ÷ 5e-324) is refused here rather than shown as Infinity, which JSON prints as null: the result turns
 * into an error at `pointer`, and the caller leaves the value out of everything it combines.
 */
function shown(state: EvalState, entry: IndicatorResult, pointer: string): boolean {
  if (entry.score === undefined || Number.isFinite(entry.score)) return true;
  entry.status = 'error';
  delete entry.score;
  if (entry.measure) dropNonFinite(entry.measure);
  report(state, { code: 'score-not-representable', pointer });
  return false;
}

/** Removes the numbers of a trace that JSON would print as null (only on the rare error path above). */
function dropNonFinite(node: object): void {
  const o = node as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    const v = o[k];
    if (typeof v === 'number' && !Number.isFinite(v)) delete o[k];
    else if (typeof v === 'object' && v !== null) dropNonFinite(v);
  }
}

/** A result about to be filled by {@link toResult}; its status is set there. */
function startResult(): IndicatorResult {
  return {} as IndicatorResult;
}

/** A result with no score, still named: a reader looks for the indicator by its label, whatever its status. */
function labelled(label: Label | undefined, status: 'error' | 'not-applicable'): IndicatorResult {
  const out = startResult();
  if (label) out.label = label;
  out.status = status;
  return out;
}

function compileRater(
  rating: NonNullable<Group['rating']>,
  pointer: string,
  ratings: LevelIndex | undefined,
  ctx: MeasureCompileContext,
):
  | { bands?: CompiledBands; rules?: Array<{ id: string; when: CompiledCondition }>; otherwise?: string }
  | undefined {
  if (!ratings) {
    ctx.report({
      code: 'invalid-structure',
      pointer,
      params: {
        why: 'a group rating needs the rubric’s `ratings` scale',
        whyId: 'rating aspek memerlukan skala `ratings` rubrik',
      },
    });
    return undefined;
  }
  const out: {
    bands?: CompiledBands;
    rules?: Array<{ id: string; when: CompiledCondition }>;
    otherwise?: string;
  } = {};
  if (rating.bands && rating.rules) {
    ctx.report({
      code: 'invalid-structure',
      pointer,
      params: {
        why: 'a rating has either `bands` or `rules`, not both',
        whyId: 'rating memakai `bands` atau `rules`, tidak keduanya',
      },
    });
    return undefined;
  }
  if (rating.from === 'score' && !rating.bands && !rating.rules) {
    ctx.report({
      code: 'invalid-structure',
      pointer,
      params: {
        why: 'a rating from the score needs `bands` or `rules`',
        whyId: 'rating dari nilai memerlukan `bands` atau `rules`',
      },
    });
    return undefined;
  }
  if (rating.bands) {
    const b = compileBands(
      rating.bands,
      ratings.idSet,
      rating.gaps,
      joinPointer(pointer, 'bands'),
      ctx,
      'rating',
      joinPointer(pointer, 'gaps'),
    );
    if (!b) return undefined;
    out.bands = b;
  }
  if (rating.rules) {
    if (rating.otherwise === undefined) {
      ctx.report({ code: 'schema-required', stage: 'compile', pointer, expected: 'otherwise' });
      return undefined;
    }
    const rules: Array<{ id: string; when: CompiledCondition }> = [];
    let broken = false;
    rating.rules.forEach((rule, i) => {
      const at = joinPointer(pointer, 'rules', i);
      for (const [k, id] of [
        ['id', rule.id],
        ['otherwise', i === 0 ? rating.otherwise : undefined],
      ] as const) {
        if (id !== undefined && !ratings.idSet.has(id)) {
          ctx.report({
            code: 'unknown-reference',
            pointer: k === 'id' ? joinPointer(at, 'id') : joinPointer(pointer, 'otherwise'),
            received: id,
            expected: ratings.ids,
            params: { kind: 'rating' },
          });
          broken = true;
        }
      }
      const c = compileCondition(rule.when, { pointer: joinPointer(at, 'when'), catalogue: ctx.catalogue });
      if (c.ok) rules.push({ id: rule.id, when: c.value });
      else {
        ctx.diagnostics.push(...c.diagnostics);
        broken = true;
      }
    });
    if (broken) return undefined;
    out.rules = rules;
    out.otherwise = rating.otherwise;
  }
  return out;
}

/** Compiles a group: its indicators or listed targets, additions, combination, caps, rounding and rating. */
export function compileGroup(
  id: string,
  group: Group,
  pointer: string,
  ctx: MeasureCompileContext,
  ratings: LevelIndex | undefined,
  scoreNeeded = true,
  order?: { readonly indicators: readonly string[]; readonly additions: readonly string[] },
): CompiledGroup | undefined {
  let broken = false;
  // The order the load-time evaluation-order check walks (scoringOrder.ts): a part runs after the parts it reads.
  const inOrder = <T>(entries: Array<[string, T]>, ids: readonly string[] | undefined) => {
    if (!ids) return entries.sort(([a], [b]) => byId(a, b));
    const rank = new Map(ids.map((x, i) => [x, i]));
    return entries.sort(([a], [b]) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
  };
  const indicators = inOrder(Object.entries(group.indicators ?? {}), order?.indicators);
  if (indicators.length > 0 === (group.items !== undefined)) {
    ctx.report({
      code: 'invalid-structure',
      pointer,
      params: {
        why: 'a group has either `indicators` or `items` (targets listed in the appraisal), exactly one',
        whyId:
          'aspek memakai tepat satu dari `indicators` atau `items` (target yang dicantumkan dalam penilaian)',
      },
    });
    return undefined;
  }
  const weighted =
    group.combine === 'weighted' ||
    (group.combine === undefined && indicators.some(([, i]) => i.weight !== undefined));
  const combine = group.combine ?? (weighted ? 'weighted' : 'mean');
  const total = Rational.from(group.weightTotal ?? 1);
  const parts: Part[] = [];
  const ranges = new Map<string, Interval>();
  const declareRange = (key: string, text: string | undefined, at: string) => {
    if (text === undefined) return;
    const iv = checkInterval(text);
    if (!('problem' in iv)) ranges.set(key, iv);
    else {
      ctx.report({ code: 'invalid-range', pointer: at, received: text, params: { problem: iv.problem } });
      broken = true;
    }
  };
  declareRange('', group.range, joinPointer(pointer, 'range'));
  for (const [iid, ind] of indicators)
    declareRange(iid, ind.range, joinPointer(pointer, 'indicators', iid, 'range'));
  let weightSum = Rational.ZERO;
  const inputFields = new Map<string, readonly string[]>();
  for (const [iid, ind] of indicators) {
    const at = joinPointer(pointer, 'indicators', iid);
    const compiled = compileReadingFields(ind.measure, joinPointer(at, 'measure'), ctx);
    if (!compiled) {
      broken = true;
      continue;
    }
    const m = compiled.measure;
    inputFields.set(iid, compiled.fields);
    if (weighted && ind.weight === undefined) {
      ctx.report({ code: 'weight-missing', pointer: at, received: iid, expected: 'weight' });
      broken = true;
    }
    if (!weighted && ind.weight !== undefined) {
      ctx.report({
        code: 'invalid-structure',
        pointer: joinPointer(at, 'weight'),
        params: {
          why: `a weight is given but the group combines by ${combine}`,
          whyId: `bobot diberikan, tetapi aspek digabung dengan ${combine}`,
        },
      });
      broken = true;
    }
    const weight = ind.weight !== undefined ? Rational.from(ind.weight) : undefined;
    if (weight) weightSum = weightSum.add(weight);
    let appliesWhen: CompiledCondition | undefined;
    if (ind.appliesWhen !== undefined) {
      const c = compileCondition(ind.appliesWhen, {
        pointer: joinPointer(at, 'appliesWhen'),
        catalogue: ctx.catalogue,
      });
      if (c.ok) appliesWhen = c.value;
      else {
        ctx.diagnostics.push(...c.diagnostics);
        broken = true;
      }
    }
    parts.push({
      id: iid,
      ...(ind.label ? { label: ind.label } : {}),
      measure: m,
      inputPointer: joinPointer('/inputs', iid),
      ...(weight ? { weight, weightNumber: weight.toNumber() } : {}),
      ...(appliesWhen ? { appliesWhen } : {}),
    });
  }
  if (weighted && group.items) {
    ctx.report({
      code: 'invalid-structure',
      pointer,
      params: {
        why: 'listed targets cannot be weighted',
        whyId: 'target yang dicantumkan tidak dapat diberi bobot',
      },
    });
    broken = true;
  }
  if (weighted && indicators.length > 0 && !weightSum.eq(total)) {
    ctx.report({
      code: 'weight-sum',
      pointer: joinPointer(pointer, 'indicators'),
      received: exactDecimal(weightSum),
      expected: exactDecimal(total),
    });
    broken = true;
  }
  let itemMeasure: CompiledMeasure | undefined;
  let itemFields: readonly string[] | undefined;
  let itemBands: CompiledBands | undefined;
  if (group.items) {
    const compiled = compileReadingFields(group.items.measure, joinPointer(pointer, 'items', 'measure'), ctx);
    itemMeasure = compiled?.measure;
    itemFields = compiled?.fields;
    if (!itemMeasure) broken = true;
    if (group.items.rating) {
      if (!ratings) {
        ctx.report({
          code: 'invalid-structure',
          pointer,
          params: {
            why: 'rating targets needs the rubric’s `ratings`',
            whyId: 'rating target memerlukan `ratings` rubrik',
          },
        });
        broken = true;
      } else {
        itemBands = compileBands(
          group.items.rating.bands,
          ratings.idSet,
          group.items.rating.gaps,
          joinPointer(pointer, 'items', 'rating', 'bands'),
          ctx,
          'rating',
          joinPointer(pointer, 'items', 'rating', 'gaps'),
        );
        if (!itemBands) broken = true;
      }
    }
  }
  const additions: Part[] = [];
  for (const [aid, add] of inOrder(Object.entries(group.additions ?? {}), order?.additions)) {
    const compiled = compileReadingFields(
      add.measure,
      joinPointer(pointer, 'additions', aid, 'measure'),
      ctx,
    );
    if (compiled) {
      inputFields.set(aid, compiled.fields);
      additions.push({
        id: aid,
        measure: compiled.measure,
        inputPointer: joinPointer('/inputs', aid),
        ...(add.label ? { label: add.label } : {}),
      });
    } else broken = true;
  }
  const rater = group.rating
    ? compileRater(group.rating, joinPointer(pointer, 'rating'), ratings, ctx)
    : undefined;
  if (group.rating && !rater) broken = true;
  if (broken) return undefined;

  // Results list ids sorted, whatever order they were scored in; usually the two are the same.
  const sortedIds = (parts: readonly Part[]) => parts.map((x) => x.id).sort(byId);
  const indicatorIds = sortedIds(parts);
  const additionIds = sortedIds(additions);
  const reordered = (parts: readonly Part[], ids: readonly string[]) => parts.some((x, i) => x.id !== ids[i]);
  const indicatorsReordered = reordered(parts, indicatorIds);
  const additionsReordered = reordered(additions, additionIds);
  const inIdOrder = (entries: Record<string, IndicatorResult>, ids: readonly string[]) => {
    const out: Record<string, IndicatorResult> = {};
    for (const k of ids) if (Object.hasOwn(entries, k)) out[k] = entries[k] as IndicatorResult;
    return out;
  };
  const finish = compileFinish(group.clamp, group.round);
  const targetsPointer = joinPointer('/targets', id);
  const minItems = group.items?.min ?? 1;
  // `/targets/<group>/<i>` for the first targets, built once: every target of every appraisal names its pointer.
  const itemPointers: string[] = [];
  const itemPointerAt = (i: number): string => {
    if (i >= 64) return `${targetsPointer}/${i}`;
    let at = itemPointers[i];
    if (at === undefined) {
      for (let k = itemPointers.length; k <= i; k++) itemPointers.push(`${targetsPointer}/${k}`);
      at = itemPointers[i] as string;
    }
    return at;
  };
  const zero = Rational.ZERO;

  const ratingIds = ratings?.ids ?? [];
  // One pass over the items, not one filter per rating level. A share is count ÷ rated as one IEEE division:
  // the correctly rounded value of the exact quotient, which is what Rational's toNumber gave too.
  const summarise = (items: IndicatorResult[], main: boolean) => {
    const tally: number[] = [];
    for (let k = 0; k < ratingIds.length; k++) tally.push(0);
    let rated = 0;
    for (const item of items) {
      if ((main && !item.main) || item.rating === undefined) continue;
      rated++;
      const k = ratingIds.indexOf(item.rating);
      if (k >= 0) tally[k] = (tally[k] as number) + 1;
    }
    const counts: Record<string, { count: number; share: number }> = {};
    for (let k = 0; k < ratingIds.length; k++) {
      const count = tally[k] as number;
      counts[ratingIds[k] as string] = { count, share: rated === 0 ? 0 : count / rated };
    }
    return counts;
  };

  return {
    id,
    ratedBySupervisor: group.rating?.from === 'supervisor',
    hasRating: group.rating !== undefined,
    inputFields,
    ...(itemFields ? { itemFields } : {}),
    score(state) {
      const result: GroupResult = { label: group.label, combine };
      const values: Rational[] = [];
      const weights: Rational[] = [];
      let failed = false;
      const pending: string[] = [];
      const inputs = state.appraisal.inputs ?? {};
      const note = (r: MeasureResult, part?: string) => {
        if (r.status === 'error') failed = true;
        else if (r.status === 'pending') pending.push(...r.missing.map((m) => (part ? `${part}: ${m}` : m)));
      };
      if (itemMeasure) {
        const list = Object.hasOwn(state.appraisal.targets ?? {}, id)
          ? (state.appraisal.targets?.[id] ?? [])
          : [];
        if (list.length < minItems) {
          report(state, {
            code: 'missing-input',
            pointer: targetsPointer,
            expected: `at least ${minItems} target(s) for ${id}`,
            received: list.length,
          });
          failed = true;
        }
        if (list.length === 0 && minItems === 0 && scoreNeeded) {
          // `min: 0` allows no targets, but then the group has no score, and this rubric needs one: say so in
          // those words rather than claim a target is missing.
          report(state, { code: 'no-targets', pointer: targetsPointer, params: { group: id } });
          failed = true;
        }
        const items: IndicatorResult[] = [];
        const ids = new Set<string>();
        for (let i = 0; i < list.length; i++) {
          // A hole (only in an array built in code and passed as trusted) is skipped, as forEach skipped it.
          if (!(i in list)) continue;
          const item = list[i] as (typeof list)[number];
          const itemPointer = itemPointerAt(i);
          if (ids.has(item.id)) {
            // Counted once: a second listing of the same target would weigh it twice in the mean.
            report(state, {
              code: 'duplicate-target',
              pointer: `${itemPointer}/id`,
              received: item.id,
              params: { group: id },
            });
            failed = true;
            continue;
          }
          ids.add(item.id);
          const r = itemMeasure({
            record: item as Record<string, unknown>,
            recordPointer: itemPointer,
            facts: state.facts,
            ratings: NO_RATINGS,
            diagnostics: state.diagnostics,
            notes: state.notes,
            source: state.source,
            explain: state.explain,
          });
          note(r);
          if (r.status === 'dropped') {
            // A listed target is there to be scored; one with no usable data is a gap in the appraisal.
            failed = true;
            report(state, {
              code: 'missing-input',
              pointer: itemPointer,
              expected: `the data of target ${item.id}`,
            });
          }
          const start = startResult();
          start.id = item.id;
          if (item.main !== undefined) start.main = item.main;
          const entry = toResult(r, start, state.explain);
          if (!shown(state, entry, itemPointer)) failed = true;
          else if (r.status === 'ok') {
            values.push(r.value);
            if (itemBands) {
              const placed = itemBands.place(r.value, state.facts, {
                pointer: itemPointer,
                source: state.source,
              });
              if (placed.ok) entry.rating = placed.id;
              else {
                state.diagnostics.push(...placed.diagnostics);
                failed = true;
              }
            }
          }
          items.push(entry);
        }
        result.items = items;
        state.values.groups[id] = {
          items: { count: items.length, ratings: summarise(items, false), main: summarise(items, true) },
        };
      } else {
        const inds: Record<string, IndicatorResult> = {};
        for (const part of parts) {
          if (part.appliesWhen) {
            // Only the value counts here (nothing shows this condition's trace); the traced run is for the
            // diagnostics of an undetermined one.
            const applies = part.appliesWhen.test(state.facts);
            if (applies === undefined) {
              state.diagnostics.push(...part.appliesWhen(state.facts).diagnostics);
              failed = true;
              inds[part.id] = labelled(part.label, 'error');
              continue;
            }
            if (!applies) {
              // Not this employee's indicator (e.g. leadership for a non-structural post): it leaves the mean,
              // and data given for it anyway is pointed out rather than silently ignored.
              inds[part.id] = labelled(part.label, 'not-applicable');
              if (Object.hasOwn(inputs, part.id) || (state.ratings.get(part.id)?.length ?? 0) > 0) {
                report(state, {
                  code: 'not-applicable',
                  pointer: part.inputPointer,
                  received: part.id,
                });
              }
              continue;
            }
          }
          const r = part.measure({
            record: Object.hasOwn(inputs, part.id) ? inputs[part.id] : undefined,
            recordPointer: part.inputPointer,
            facts: state.facts,
            ratings: state.ratings.get(part.id) ?? [],
            diagnostics: state.diagnostics,
            notes: state.notes,
            source: state.source,
            explain: state.explain,
            indicatorId: part.id,
            flags: state.flags,
            raterStats: state.appraisal.raterStats,
          });
          note(r, part.id);
          const range = ranges.get(part.id);
          if (r.status === 'ok' && range && !inInterval(range, r.value)) {
            failed = true;
            outOfRange(state, part.inputPointer, r.value, range);
          }
          const label = part.label;
          const start = startResult();
          if (label) start.label = label;
          if (part.weightNumber !== undefined) start.weight = part.weightNumber;
          const entry = toResult(r, start, state.explain);
          if (!shown(state, entry, part.inputPointer)) failed = true;
          else if (r.status === 'ok') {
            values.push(r.value);
            if (part.weight) weights.push(part.weight);
            state.values.indicators[part.id] = { score: r.value };
          }
          inds[part.id] = entry;
        }
        result.indicators = indicatorsReordered ? inIdOrder(inds, indicatorIds) : inds;
        state.values.groups[id] = {};
      }
      const adds: Record<string, IndicatorResult> = {};
      let added = zero;
      for (const part of additions) {
        const r = part.measure({
          record: Object.hasOwn(inputs, part.id) ? inputs[part.id] : undefined,
          recordPointer: part.inputPointer,
          facts: state.facts,
          ratings: NO_RATINGS,
          diagnostics: state.diagnostics,
          notes: state.notes,
          source: state.source,
        });
        note(r);
        const label = part.label;
        const start = startResult();
        if (label) start.label = label;
        const entry = toResult(r, start, state.explain);
        adds[part.id] = entry;
        if (!shown(state, entry, part.inputPointer)) failed = true;
        else if (r.status === 'ok') {
          added = added.add(r.value);
          state.values.indicators[part.id] = { score: r.value };
        }
      }
      if (additions.length > 0) result.additions = additionsReordered ? inIdOrder(adds, additionIds) : adds;
      if (failed) return { result, status: 'error' };
      if (pending.length > 0) {
        state.pending.push(...pending.map((p) => `${id}: ${p}`));
        return { result, status: 'pending' };
      }
      if (values.length === 0 && !scoreNeeded) return { result, status: 'dropped' };
      if (values.length === 0) {
        // Every part dropped out: there is no score, and the appraisal must say why rather than go quiet.
        report(state, {
          code: 'missing-input',
          pointer: itemMeasure ? targetsPointer : '/inputs',
          expected: `data for at least one ${itemMeasure ? 'target' : 'indicator'} of group ${id}`,
        });
        return { result, status: 'dropped' };
      }
      let v: Rational;
      if (combine === 'weighted') {
        // Dropped indicators leave; the others keep their relative weights.
        const wsum = weights.reduce((a, b) => a.add(b), zero);
        v = values.reduce((a, x, i) => a.add(x.mul(weights[i] as Rational)), zero).div(wsum);
        if (result.indicators && state.explain) {
          for (const part of parts) {
            const entry = result.indicators[part.id];
            const s = state.values.indicators[part.id]?.score;
            if (entry && s instanceof Rational && part.weight) {
              entry.contribution = s.mul(part.weight).div(wsum).toNumber();
            }
          }
        }
      } else if (combine === 'sum') v = values.reduce((a, b) => a.add(b), zero);
      else if (combine === 'min') v = Rational.min(...values);
      else if (combine === 'max') v = Rational.max(...values);
      else v = values.reduce((a, b) => a.add(b), zero).div(Rational.from(values.length));
      const finished = finishValue(v.add(added), finish);
      const groupRange = ranges.get('');
      if (groupRange && !inInterval(groupRange, finished)) {
        outOfRange(state, '', finished, groupRange);
        return { result, status: 'error' };
      }
      const shownScore = finished.toNumber();
      if (!Number.isFinite(shownScore)) {
        // Finite parts can still add up past the largest double (a `sum` of two 1e308 scores).
        report(state, { code: 'score-not-representable', pointer: itemMeasure ? targetsPointer : '/inputs' });
        return { result, status: 'error' };
      }
      result.score = shownScore;
      (state.values.groups[id] as Record<string, unknown>).score = finished;
      return { result, status: 'ok' };
    },
    rate(state, result) {
      if (!group.rating || !rater) return;
      const score = state.values.groups[id]?.score;
      const at = { pointer: '', source: state.source };
      let derived: string | undefined;
      let trace: RatingTrace | undefined;
      if (rater.bands) {
        if (score instanceof Rational) {
          const placed = rater.bands.place(score, state.facts, at);
          if (placed.ok) {
            derived = placed.id;
            if (state.explain) trace = { source: 'score', band: placed.trace };
          } else if (group.rating.from === 'score') state.diagnostics.push(...placed.diagnostics);
        }
      } else if (rater.rules) {
        const tried: Array<{
          id: string;
          conditions: import('../conditions/compileCondition.js').ConditionTrace;
        }> = [];
        let undetermined = false;
        for (const rule of rater.rules) {
          // Without an explanation only the value counts; the traced run is kept for the rare undetermined rule.
          const quick = state.explain ? undefined : rule.when.test(state.facts);
          const run = quick === undefined ? rule.when(state.facts) : undefined;
          if (run) tried.push({ id: rule.id, conditions: run.trace });
          const value = run ? run.value : quick;
          if (value === undefined) {
            undetermined = true;
            // A rule that reads a group still waiting for raters waits with it; otherwise a fact is missing.
            if (state.pending.length > 0) state.pending.push(`${id}: rating waits for ${state.pending[0]}`);
            else state.diagnostics.push(...(run as ConditionRun).diagnostics);
            break;
          }
          if (value) {
            derived = rule.id;
            break;
          }
        }
        if (!undetermined) {
          derived ??= rater.otherwise;
          if (state.explain)
            trace = { source: 'rules', rules: tried, ...(derived !== undefined ? { rule: derived } : {}) };
        }
      }
      if (group.rating.from === 'score') {
        if (derived !== undefined) {
          result.rating = derived;
          if (trace) result.ratingTrace = trace;
          (state.values.groups[id] as Record<string, unknown>).rating = derived;
        }
        return;
      }
      // from: supervisor — the given rating counts; the derived one is only a suggestion to compare.
      const given = Object.hasOwn(state.appraisal.supervisorRatings ?? {}, id)
        ? state.appraisal.supervisorRatings?.[id]
        : undefined;
      if (given === undefined) {
        report(state, {
          code: 'missing-input',
          pointer: joinPointer('/supervisorRatings', id),
          expected: `supervisorRatings.${id}`,
        });
        return;
      }
      const rid = ratings?.lookup(given);
      if (rid === undefined) {
        report(state, {
          code: 'unknown-rating',
          pointer: joinPointer('/supervisorRatings', id),
          received: given,
          expected: ratings?.ids ?? [],
        });
        return;
      }
      result.rating = rid;
      if (state.explain) result.ratingTrace = { source: 'supervisor' };
      (state.values.groups[id] as Record<string, unknown>).rating = rid;
      if (derived !== undefined) {
        result.suggestedRating = derived;
        if (trace) result.suggestionTrace = trace;
        (state.values.groups[id] as Record<string, unknown>).suggestedRating = derived;
        if (derived !== rid) {
          state.flags.push(`rating-departs:${id}`);
          report(state, {
            code: 'rating-departs',
            pointer: joinPointer('/supervisorRatings', id),
            received: rid,
            expected: derived,
          });
        }
      }
    },
  };
}
