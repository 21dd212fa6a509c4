import type { LevelIndex } from '../compile/levelIndex.js';
import type { RatingEntry } from '../compile/measures/MeasureRuntime.js';
import { createDiagnostic, type DiagnosticInit } from '../diagnostics/createDiagnostic.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { nearestSpelling } from '../diagnostics/nearestSpelling.js';
import { joinPointer } from '../diagnostics/pointer.js';
import type { Appraisal } from '../schema/appraisalSchema.js';
import type { Measure } from '../schema/measureSchema.js';
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
  /** The fields the measure of each indicator and addition reads from `inputs.<id>`, by id. */
  readonly inputFields: ReadonlyMap<string, RecordFields>;
  /** The fields the measure of a listed target reads, by group id (groups with listed targets). */
  readonly itemFields: ReadonlyMap<string, RecordFields>;
}

/** Field names a record may hold, as a set to look up and as the sorted list a diagnostic shows. */
export interface RecordFields {
  readonly names: ReadonlySet<string>;
  readonly list: readonly string[];
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
  // Own properties only, at every level: an appraisal is data, and a value inherited from a prototype is not
  // part of it (checkPlainAppraisal refuses such input before this runs; this keeps the reads honest without it).
  const e = own(a, 'employee') ?? ({} as Partial<Appraisal['employee']>);
  const p = own(a, 'period') ?? ({} as Partial<Appraisal['period']>);
  requireOwn('', a, ROOT_REQUIRED, report);
  requireOwn('/employee', e, EMPLOYEE_REQUIRED, report);
  requireOwn('/period', p, PERIOD_REQUIRED, report);
  const pStart = own(p, 'start') ?? '';
  const pEnd = own(p, 'end') ?? '';
  const inputs = own(a, 'inputs') ?? {};
  for (const id of Object.keys(inputs)) {
    if (!plan.inputIds.has(id)) reportUnread(plan, 'inputs', id, report);
    else {
      const fields = plan.inputFields.get(id);
      if (fields) checkFields(inputs[id], fields, NO_ITEM_FIELDS, '/inputs', id, undefined, report);
    }
  }
  const targets = own(a, 'targets') ?? {};
  for (const id of Object.keys(targets)) {
    if (!plan.itemGroups.has(id)) reportUnread(plan, 'targets', id, report);
    else {
      const fields = plan.itemFields.get(id);
      const items = targets[id];
      if (fields && Array.isArray(items))
        for (let i = 0; i < items.length; i++)
          checkFields(items[i], fields, ITEM_FIELDS, '/targets', id, i, report);
    }
  }
  const supervisorRatings = own(a, 'supervisorRatings') ?? {};
  for (const id of Object.keys(supervisorRatings)) {
    if (plan.supervisorGroups.has(id)) continue;
    const pointer = joinPointer('/supervisorRatings', id);
    const group = Object.hasOwn(plan.rubric.groups, id) ? plan.rubric.groups[id] : undefined;
    // A group that exists but takes no supervisor rating is not a typo: an official rating would be ignored.
    if (group)
      report({
        code: 'supervisor-rating-not-read',
        pointer,
        received: (supervisorRatings as Record<string, unknown>)[id],
        params: { group: id, from: group.rating?.from === 'score' ? 'score' : 'none' },
      });
    else report({ code: 'unknown-indicator', pointer, received: id });
  }

  // Facts: declared ones only, typed, defaults applied.
  const facts: Record<string, unknown> = {};
  const decls = plan.rubric.facts ?? {};
  const given = own(a, 'facts') ?? {};
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
  for (const [k, d] of factDecls(plan)) {
    let v = Object.hasOwn(given, k) ? given[k] : undefined;
    if (v === undefined || v === null) {
      if (d.default !== undefined) v = d.default;
      else {
        if (d.required !== false)
          report({ code: 'missing-input', pointer: joinPointer('/facts', k), expected: `facts.${k}` });
        continue;
      }
    }
    const bad = (expected: string) =>
      report({ code: 'invalid-input', pointer: joinPointer('/facts', k), expected, received: v });
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

  // Ratings: conflicts excluded, self-rating in another role refused, the self role by anyone else refused,
  // duplicates refused.
  const nip = own(e, 'nip');
  const conflicts = own(a, 'conflicts') ?? [];
  // No map for the usual empty list (anything else still goes through map, as before).
  const conflicted =
    Array.isArray(conflicts) && conflicts.length === 0
      ? undefined
      : new Map(conflicts.map((c) => [own(c, 'rater'), own(c, 'kind')]));
  const rated = own(a, 'ratings') ?? [];
  const ratings = new Map<string, RatingEntry[]>();
  // Raters left out for a conflict, per indicator: with those kept in `ratings`, every rater seen. A handful each,
  // so a scan beats hashing a joined key (which was the costliest line of this function).
  let excluded: Map<string, string[]> | undefined;
  let excludedReported: Set<string> | undefined;
  // Each field read once, as an own property, into a local: no copy object per rating (a PermenPAN-RB appraisal
  // has about 35).
  for (let i = 0; i < rated.length; i++) {
    const raw = rated[i] as (typeof rated)[number];
    // Spelt out rather than through own(): one shape per read site keeps these loads fast.
    const rater = (Object.hasOwn(raw, 'rater') ? raw.rater : undefined) as string;
    const role = (Object.hasOwn(raw, 'role') ? raw.role : undefined) as RatingEntry['role'];
    const indicator = (Object.hasOwn(raw, 'indicator') ? raw.indicator : undefined) as string;
    const value = (Object.hasOwn(raw, 'value') ? raw.value : undefined) as RatingEntry['value'];
    const at = ratingPointer(i);
    if (!plan.ratedIds.has(indicator)) {
      report({
        code: 'unknown-indicator',
        pointer: joinPointer(at, 'indicator'),
        received: indicator,
        expected: [...plan.ratedIds],
      });
      continue;
    }
    if (rater === nip && role !== 'self') {
      report({ code: 'self-rating', pointer: at, received: rater, params: { role: role } });
      continue;
    }
    if (role === 'self' && rater !== nip && selfCounts(plan).has(indicator)) {
      // The self-assessment is the employee's own: anyone else's would count as theirs.
      report({ code: 'self-rating-by-other', pointer: at, received: rater, expected: nip });
      continue;
    }
    const list = ratings.get(indicator);
    if (ratedBy(list, rater) || excluded?.get(indicator)?.includes(rater)) {
      report({ code: 'duplicate-rating', pointer: at, received: rater });
      continue;
    }
    const kind = conflicted?.get(rater);
    if (kind !== undefined) {
      excluded ??= new Map();
      const out = excluded.get(indicator);
      if (out) out.push(rater);
      else excluded.set(indicator, [rater]);
      excludedReported ??= new Set();
      if (!excludedReported.has(rater)) {
        excludedReported.add(rater);
        report({ code: 'rater-excluded', pointer: at, received: rater, params: { kind } });
      }
      continue;
    }
    const entry = { rater, role, value, pointer: at };
    if (list) list.push(entry);
    else ratings.set(indicator, [entry]);
  }

  // A conflict naming nobody who rated excludes nothing: a typo ("b " for "b") would let that rating count.
  if (conflicts.length > 0) {
    const raters = new Set(rated.map((r) => own(r, 'rater') as string));
    conflicts.forEach((c, j) => {
      const name = own(c, 'rater') ?? '';
      if (raters.has(name)) return;
      const present = [...raters].sort();
      const nearest = nearestSpelling(name, present);
      report({
        code: 'conflict-rater-unknown',
        pointer: `/conflicts/${j}/rater`,
        received: name,
        expected: present,
        ...(nearest !== undefined ? { params: { nearest } } : {}),
      });
    });
  }

  // Dates, in the office's time zone.
  const start = plan.calendar.day(pStart);
  const end = plan.calendar.day(pEnd);
  if (!start)
    report({
      code: 'invalid-date',
      pointer: '/period/start',
      received: pStart,
      params: { why: 'no such date', whyId: 'tanggal itu tidak ada' },
    });
  if (!end)
    report({
      code: 'invalid-date',
      pointer: '/period/end',
      received: pEnd,
      params: { why: 'no such date', whyId: 'tanggal itu tidak ada' },
    });
  if (start && end && end.getTime() < start.getTime()) {
    report({
      code: 'invalid-date',
      pointer: '/period/end',
      received: pEnd,
      params: { why: 'the period ends before it starts', whyId: 'periode berakhir sebelum dimulai' },
    });
  }
  const eff = plan.rubric.effective;
  if (eff && plan.effective && start && end) {
    const { from, until } = plan.effective;
    if ((from && end.getTime() < from.getTime()) || (until && start.getTime() > until.getTime())) {
      report({
        code: 'outside-effective-period',
        pointer: '/period',
        received: `${pStart} – ${pEnd}`,
        expected: `${eff.from} – ${eff.until ?? '…'}`,
      });
    }
  }
  const employee: Record<string, unknown> = { nip, unit: own(e, 'unit'), position: own(e, 'position') };
  const positionType = own(e, 'positionType');
  if (positionType !== undefined) employee.positionType = positionType;
  const functionalLevel = own(e, 'functionalLevel');
  if (functionalLevel !== undefined) employee.functionalLevel = functionalLevel;
  const rank = own(e, 'rank');
  if (rank !== undefined) employee.rank = rank;
  const rankSince = own(e, 'rankSince');
  if (rankSince !== undefined) {
    const since = plan.calendar.day(rankSince);
    if (!since)
      report({
        code: 'invalid-date',
        pointer: '/employee/rankSince',
        received: rankSince,
        params: { why: 'no such date', whyId: 'tanggal itu tidak ada' },
      });
    else if (end && since.getTime() > end.getTime()) {
      // Counted as it stood, it would be 0 years in rank: a rule on years in rank would read a typo as a fact.
      report({
        code: 'invalid-date',
        pointer: '/employee/rankSince',
        received: rankSince,
        params: {
          why: `the rank begins after the period ends (${pEnd})`,
          whyId: `pangkat dimulai setelah periode berakhir (${pEnd})`,
        },
      });
    } else if (end) {
      const inRank = plan.calendar.between(pEnd, rankSince);
      employee.yearsInRank = inRank.years;
      employee.monthsInRank = inRank.months;
    }
  }
  const history = own(e, 'history');
  if (history !== undefined) {
    const year = end?.getFullYear();
    const past: Array<{ year: number; id: string }> = [];
    // One predikat per year: a year given twice is contradictory whichever entry would be read.
    const years = new Set<number>();
    history.forEach((h, i) => {
      const hYear = own(h, 'year') as number;
      const given = own(h, 'predicate') as string;
      if (years.has(hYear)) {
        report({
          code: 'duplicate-history-year',
          pointer: joinPointer('/employee/history', i, 'year'),
          received: hYear,
        });
      }
      years.add(hYear);
      const id = plan.predicates.lookup(given);
      if (id === undefined) {
        report({
          code: 'unknown-rating',
          pointer: joinPointer('/employee/history', i, 'predicate'),
          received: given,
          expected: plan.predicates.ids,
        });
      } else if (year === undefined || hYear < year) past.push({ year: hYear, id });
    });
    past.sort((x, y) => y.year - x.year);
    employee.previousPredicates = past.map((q) => q.id);
    // Rules such as "at least Baik in each of the last two years" need the year before this one, not merely the
    // latest earlier entry: with a year missing from the history, the latest entry is older and must not stand in.
    if (year !== undefined && past[0]?.year === year - 1) employee.previousYearPredicate = past[0].id;
  }
  const kind = own(p, 'kind');
  const period: Record<string, unknown> = { kind };
  if (start && end) {
    const span = plan.calendar.span(pStart, pEnd);
    period.months = span.months;
    period.year = span.year;
    // A period longer than its kind would be scored as one period while its length (months, years) counts more:
    // three years as `annual` gave three years' angka kredit. A shorter one is allowed (joined mid-year).
    const months = kind === 'monthly' ? 1 : kind === 'quarterly' ? 3 : kind === 'annual' ? 12 : undefined;
    if (
      months !== undefined &&
      end.getTime() >= start.getTime() &&
      (span.length > months || (kind === 'annual' && span.startYear !== span.year))
    ) {
      report({
        code: 'period-too-long',
        pointer: '/period',
        received: `${pStart} – ${pEnd}`,
        expected:
          kind === 'annual'
            ? 'at most 12 months, within one calendar year'
            : `at most ${months} month${months === 1 ? '' : 's'}`,
        params: { kind: kind as string, months },
      });
    }
  }
  return {
    values: { groups: {}, indicators: {}, employee, period, facts, flags: [] },
    ratings,
  };
}

// `/ratings/<i>` for the first ratings, built once for all evaluations: every rating names its pointer (an index
// needs no escaping; joinPointer's token loop here was 1 % of a PermenPAN-RB evaluation, building it 1 % more).
const ratingPointers: string[] = [];

function ratingPointer(i: number): string {
  if (i >= 256) return `/ratings/${i}`;
  for (let k = ratingPointers.length; k <= i; k++) ratingPointers.push(`/ratings/${k}`);
  return ratingPointers[i] as string;
}

/**
 * Data under `inputs` or `targets` that nothing reads. An id the rubric has, in the wrong place, is not a typo and
 * is not worded as one: "not in the rubric" sent people looking for a spelling mistake that was not there.
 */
function reportUnread(
  plan: AppraisalPlan,
  given: 'inputs' | 'targets',
  id: string,
  report: (init: DiagnosticInit) => void,
): void {
  const pointer = joinPointer(`/${given}`, id);
  const group = Object.hasOwn(plan.rubric.groups, id) ? plan.rubric.groups[id] : undefined;
  if (given === 'inputs' && plan.itemGroups.has(id))
    report({ code: 'data-misplaced', pointer, received: id, params: { given, belongs: 'targets' } });
  else if (given === 'targets' && plan.inputIds.has(id)) {
    // Additions read `inputs` as indicators do; the message names which it is.
    const addition = Object.values(plan.rubric.groups).some((g) => Object.hasOwn(g.additions ?? {}, id));
    report({
      code: 'data-misplaced',
      pointer,
      received: id,
      params: { given, belongs: 'inputs', kind: addition ? 'addition' : 'indicator' },
    });
  } else if (group) {
    // A group with listed targets never gets here: under `inputs` it is the first case, and under `targets` it
    // is read.
    const indicators = Object.keys(group.indicators ?? {});
    report({
      code: 'data-misplaced',
      pointer,
      received: id,
      ...(indicators.length > 0 ? { expected: indicators } : {}),
      params: { given, belongs: indicators.length > 0 ? 'indicators' : 'none' },
    });
  } else report({ code: 'unknown-indicator', pointer, received: id });
}

// Fields of a listed target the appraisal format defines itself; nothing needs a measure to read them.
const ITEM_FIELDS: ReadonlySet<string> = new Set(['id', 'label', 'main']);
const NO_ITEM_FIELDS: ReadonlySet<string> = new Set();

/**
 * Reports every field of an input record or listed target that no measure reads: a misspelt field would
 * otherwise be ignored and an optional measure would drop out, changing the verdict without a word (ajv's and
 * ESLint's strict default). A for-in over own keys allocates nothing when every field is read, the usual case.
 */
function checkFields(
  record: unknown,
  fields: RecordFields,
  formatFields: ReadonlySet<string>,
  root: '/inputs' | '/targets',
  id: string,
  index: number | undefined,
  report: (init: DiagnosticInit) => void,
): void {
  if (typeof record !== 'object' || record === null) return;
  for (const field in record) {
    if (!Object.hasOwn(record, field) || fields.names.has(field) || formatFields.has(field)) continue;
    const pointer = index === undefined ? joinPointer(root, id, field) : joinPointer(root, id, index, field);
    const nearest = nearestSpelling(field, fields.list);
    report({
      code: 'unknown-field',
      pointer,
      received: field,
      expected: fields.list,
      params: { owner: id, ...(nearest !== undefined ? { nearest } : {}) },
    });
  }
}

/** Whether `rater` already rated into `list`, compared as `includes` compares (SameValueZero). */
function ratedBy(list: readonly RatingEntry[] | undefined, rater: string): boolean {
  if (list) for (const r of list) if (r.rater === rater || Object.is(r.rater, rater)) return true;
  return false;
}

const selfCounted = new WeakMap<AppraisalPlan, ReadonlySet<string>>();

/** Indicator ids where a `self` rating counts (a raters measure, however nested, gives `self` a weight > 0). */
function selfCounts(plan: AppraisalPlan): ReadonlySet<string> {
  let ids = selfCounted.get(plan);
  if (ids) return ids;
  const counts = (m: Measure): boolean =>
    (m.kind === 'raters' && (m.roles.self?.weight ?? 0) > 0) || ('of' in m && m.of.some(counts));
  const found = new Set<string>();
  for (const g of Object.values(plan.rubric.groups))
    for (const [iid, ind] of Object.entries(g.indicators ?? {})) if (counts(ind.measure)) found.add(iid);
  ids = found;
  selfCounted.set(plan, ids);
  return ids;
}

// What the schema requires, by pointer: the schema reads inherited properties too, so it is checked again.
const ROOT_REQUIRED = ['employee', 'period'] as const;
const EMPLOYEE_REQUIRED = ['nip', 'unit', 'position'] as const;
const PERIOD_REQUIRED = ['kind', 'start', 'end'] as const;

function requireOwn(
  at: string,
  o: object,
  keys: readonly string[],
  report: (init: DiagnosticInit) => void,
): void {
  for (const k of keys)
    if (!Object.hasOwn(o, k)) report({ code: 'schema-required', pointer: at, expected: k });
}

type FactDecl = NonNullable<Rubric['facts']>[string];
const factDeclsOf = new WeakMap<AppraisalPlan, ReadonlyArray<[string, FactDecl]>>();

/** The rubric's fact declarations as entries, listed once per compiled rubric rather than per appraisal. */
function factDecls(plan: AppraisalPlan): ReadonlyArray<[string, FactDecl]> {
  let list = factDeclsOf.get(plan);
  if (list === undefined) {
    list = Object.entries(plan.rubric.facts ?? {});
    factDeclsOf.set(plan, list);
  }
  return list;
}

/** An own property's value; undefined when the object only inherits it. */
function own<T extends object, K extends keyof T>(o: T, k: K): T[K] | undefined {
  return Object.hasOwn(o, k) ? o[k] : undefined;
}
