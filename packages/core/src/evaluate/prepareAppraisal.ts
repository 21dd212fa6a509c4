import type { LevelIndex } from '../compile/levelIndex.js';
import type { RatingEntry } from '../compile/measures/MeasureRuntime.js';
import { createDiagnostic, type DiagnosticInit } from '../diagnostics/createDiagnostic.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { joinPointer } from '../diagnostics/pointer.js';
import type { Appraisal } from '../schema/appraisalSchema.js';
import type { Rubric } from '../schema/rubricSchema.js';
import type { OfficeCalendar } from './createOfficeCalendar.js';
import type { FactValues } from './EvalState.js';

/** The parts of a compiled rubric that appraisal checks need. */
export interface AppraisalPlan {
  readonly rubric: Rubric;
  readonly timeZone: string;
  /** Date arithmetic in that zone, memoised across evaluations. */
  readonly calendar: OfficeCalendar;
  /** The rubric's effective dates as calendar days, read once when compiling. */
  readonly effective?: { readonly from?: Date; readonly until?: Date };
  readonly predicates: LevelIndex;
  /** Indicator and addition ids that read `inputs`. */
  readonly inputIds: ReadonlySet<string>;
  /** Indicator ids that take ratings. */
  readonly ratedIds: ReadonlySet<string>;
  /** Group ids with listed targets. */
  readonly itemGroups: ReadonlySet<string>;
  /** Group ids rated by the supervisor. */
  readonly supervisorGroups: ReadonlySet<string>;
}

/** An appraisal checked against the rubric, with derived facts and ratings indexed per indicator. */
export interface PreparedAppraisal {
  readonly values: FactValues;
  readonly ratings: Map<string, RatingEntry[]>;
}

/**
 * Checks an appraisal against what the rubric reads (semantic checks a schema cannot state) and derives the
 * facts rules read: years in rank at the period's end in the office's time zone, previous predikat, period length.
 * Ratings by a rater with a declared conflict are left out, and the diagnostics say so.
 */
export function prepareAppraisal(
  a: Appraisal,
  plan: AppraisalPlan,
  diagnostics: Diagnostic[],
  source?: string,
): PreparedAppraisal {
  const report = (init: DiagnosticInit) => diagnostics.push(createDiagnostic(init, source));
  for (const id of Object.keys(a.inputs ?? {})) {
    if (!plan.inputIds.has(id)) {
      report({
        code: 'unknown-indicator',
        pointer: joinPointer('/inputs', id),
        received: id,
        stage: 'evaluate',
      });
    }
  }
  for (const id of Object.keys(a.targets ?? {})) {
    if (!plan.itemGroups.has(id))
      report({ code: 'unknown-indicator', pointer: joinPointer('/targets', id), received: id });
  }
  for (const id of Object.keys(a.supervisorRatings ?? {})) {
    if (!plan.supervisorGroups.has(id)) {
      report({ code: 'unknown-indicator', pointer: joinPointer('/supervisorRatings', id), received: id });
    }
  }

  // Facts: declared ones only, typed, defaults applied.
  const facts: Record<string, unknown> = {};
  const decls = plan.rubric.facts ?? {};
  const given = a.facts ?? {};
  for (const k of Object.keys(given)) {
    if (!Object.hasOwn(decls, k)) {
      report({
        code: 'unknown-fact',
        stage: 'evaluate',
        pointer: joinPointer('/facts', k),
        received: k,
        expected: Object.keys(decls),
      });
    }
  }
  for (const [k, d] of Object.entries(decls)) {
    const at = joinPointer('/facts', k);
    let v = Object.hasOwn(given, k) ? given[k] : undefined;
    if (v === undefined || v === null) {
      if (d.default !== undefined) v = d.default;
      else {
        if (d.required !== false) report({ code: 'missing-input', pointer: at, expected: `facts.${k}` });
        continue;
      }
    }
    const bad = (expected: string) => report({ code: 'invalid-input', pointer: at, expected, received: v });
    switch (d.type) {
      case 'number':
      case 'integer':
        if (typeof v !== 'number' || !Number.isFinite(v) || (d.type === 'integer' && !Number.isInteger(v))) {
          bad(d.type === 'integer' ? 'integer' : 'finite number');
          continue;
        }
        if ((d.min !== undefined && v < d.min) || (d.max !== undefined && v > d.max)) {
          bad(`a number in [${d.min ?? '-inf'}, ${d.max ?? 'inf'}]`);
          continue;
        }
        break;
      case 'boolean':
        if (typeof v !== 'boolean') {
          bad('true or false');
          continue;
        }
        break;
      case 'enum':
        if (typeof v !== 'string' || !(d.values ?? []).includes(v)) {
          bad(`one of ${(d.values ?? []).join(', ')}`);
          continue;
        }
        break;
      case 'date':
        if (typeof v !== 'string' || !plan.calendar.day(v)) {
          bad('a date YYYY-MM-DD');
          continue;
        }
        break;
      default:
        if (typeof v !== 'string') {
          bad('text');
          continue;
        }
    }
    facts[k] = v;
  }

  // Ratings: conflicts excluded, self-rating in another role refused, duplicates refused.
  const conflicted = new Map((a.conflicts ?? []).map((c) => [c.rater, c.kind]));
  const ratings = new Map<string, RatingEntry[]>();
  // Raters seen per indicator, conflicted ones included. A handful each, so a scan beats hashing a joined key
  // (which was the costliest line of this function).
  const seen = new Map<string, string[]>();
  const excludedReported = new Set<string>();
  (a.ratings ?? []).forEach((r, i) => {
    // An index needs no escaping; joinPointer's token loop here was 1 % of a PermenPAN-RB evaluation.
    const at = `/ratings/${i}`;
    if (!plan.ratedIds.has(r.indicator)) {
      report({
        code: 'unknown-indicator',
        pointer: joinPointer(at, 'indicator'),
        received: r.indicator,
        expected: [...plan.ratedIds],
      });
      return;
    }
    if (r.rater === a.employee.nip && r.role !== 'self') {
      report({ code: 'self-rating', pointer: at, received: r.rater, params: { role: r.role } });
      return;
    }
    const raters = seen.get(r.indicator);
    if (raters?.includes(r.rater)) {
      report({ code: 'duplicate-rating', pointer: at, received: r.rater });
      return;
    }
    if (raters) raters.push(r.rater);
    else seen.set(r.indicator, [r.rater]);
    const kind = conflicted.get(r.rater);
    if (kind !== undefined) {
      if (!excludedReported.has(r.rater)) {
        excludedReported.add(r.rater);
        report({ code: 'rater-excluded', pointer: at, received: r.rater, params: { kind } });
      }
      return;
    }
    const entry = { rater: r.rater, role: r.role, value: r.value, pointer: at };
    const list = ratings.get(r.indicator);
    if (list) list.push(entry);
    else ratings.set(r.indicator, [entry]);
  });

  // Dates, in the office's time zone.
  const start = plan.calendar.day(a.period.start);
  const end = plan.calendar.day(a.period.end);
  if (!start)
    report({
      code: 'invalid-date',
      pointer: '/period/start',
      received: a.period.start,
      params: { why: 'no such date' },
    });
  if (!end)
    report({
      code: 'invalid-date',
      pointer: '/period/end',
      received: a.period.end,
      params: { why: 'no such date' },
    });
  if (start && end && end.getTime() < start.getTime()) {
    report({
      code: 'invalid-date',
      pointer: '/period/end',
      received: a.period.end,
      params: { why: 'the period ends before it starts' },
    });
  }
  const eff = plan.rubric.effective;
  if (eff && plan.effective && start && end) {
    const { from, until } = plan.effective;
    if ((from && end.getTime() < from.getTime()) || (until && start.getTime() > until.getTime())) {
      report({
        code: 'outside-effective-period',
        pointer: '/period',
        received: `${a.period.start} – ${a.period.end}`,
        expected: `${eff.from} – ${eff.until ?? '…'}`,
      });
    }
  }
  const e = a.employee;
  const employee: Record<string, unknown> = { nip: e.nip, unit: e.unit, position: e.position };
  if (e.positionType !== undefined) employee.positionType = e.positionType;
  if (e.functionalLevel !== undefined) employee.functionalLevel = e.functionalLevel;
  if (e.rank !== undefined) employee.rank = e.rank;
  if (e.rankSince !== undefined) {
    const since = plan.calendar.day(e.rankSince);
    if (!since)
      report({
        code: 'invalid-date',
        pointer: '/employee/rankSince',
        received: e.rankSince,
        params: { why: 'no such date' },
      });
    else if (end) {
      const inRank = plan.calendar.between(a.period.end, e.rankSince);
      employee.yearsInRank = inRank.years;
      employee.monthsInRank = inRank.months;
    }
  }
  if (e.history !== undefined) {
    const year = end?.getFullYear();
    const past: Array<{ year: number; id: string }> = [];
    e.history.forEach((h, i) => {
      const id = plan.predicates.lookup(h.predicate);
      if (id === undefined) {
        report({
          code: 'unknown-rating',
          pointer: joinPointer('/employee/history', i, 'predicate'),
          received: h.predicate,
          expected: plan.predicates.ids,
        });
      } else if (year === undefined || h.year < year) past.push({ year: h.year, id });
    });
    const years = new Set<number>();
    for (const p of past) {
      if (years.has(p.year)) {
        report({ code: 'duplicate-rating', pointer: '/employee/history', received: p.year });
      }
      years.add(p.year);
    }
    employee.previousPredicates = past.sort((x, y) => y.year - x.year).map((p) => p.id);
  }
  const period: Record<string, unknown> = { kind: a.period.kind };
  if (start && end) {
    const span = plan.calendar.span(a.period.start, a.period.end);
    period.months = span.months;
    period.year = span.year;
  }
  return {
    values: { groups: {}, indicators: {}, employee, period, facts, flags: [] },
    ratings,
  };
}
