import { createDiagnostic } from '../diagnostics/createDiagnostic.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { joinPointer } from '../diagnostics/pointer.js';
import { fail, ok, type Result } from '../diagnostics/result.js';
import { checkPlainAppraisal } from '../evaluate/checkPlainAppraisal.js';
import { createOfficeCalendar } from '../evaluate/createOfficeCalendar.js';
import { type EvalState, factSourceOf } from '../evaluate/EvalState.js';
import type { Evaluation, GroupResult } from '../evaluate/Evaluation.js';
import { type AppraisalPlan, prepareAppraisal, type RecordFields } from '../evaluate/prepareAppraisal.js';
import type { SourceLocator } from '../parse/SourceLocator.js';
import { sortDiagnostics } from '../parse/sortDiagnostics.js';
import type { Appraisal } from '../schema/appraisalSchema.js';
import type { Measure } from '../schema/measureSchema.js';
import type { Rubric } from '../schema/rubricSchema.js';
import { fingerprint } from '../util/fingerprint.js';
import { validateSchema } from '../validate/validateSchema.js';
import { buildFactCatalogue } from './buildFactCatalogue.js';
import type { CompileContext } from './CompileContext.js';
import { checkRubricSettings } from './checkRubricSettings.js';
import { type CompiledGroup, compileGroup } from './compileGroup.js';
import { compileInputRef } from './compileInputRef.js';
import { compileOutcomes } from './compileOutcomes.js';
import { compilePredicate } from './compilePredicate.js';
import { compileScore } from './compileScore.js';
import { describeUnknownKeys } from './describeUnknownKeys.js';
import { checkEvaluationOrder } from './evaluationOrder.js';
import { type FactReadSite, factRefSite, rubricConditionSites } from './factReadSites.js';
import { levelIndex } from './levelIndex.js';
import { compileMeasure } from './measures/compileMeasure.js';
import type { MeasureCompileContext } from './measures/MeasureCompiler.js';
import { placeMissingFacts } from './placeMissingFacts.js';
import { hasRaters, producedLevels } from './producedValues.js';
import { byId, scoringOrder } from './scoringOrder.js';

/** Options for one evaluation. */
export interface EvaluateOptions {
  /** Name of the appraisal document, copied into diagnostics (e.g. a file name or `row 12`). */
  source?: string;
  /** Maps pointers into the appraisal text, when it came from text. */
  locator?: SourceLocator;
  /** Skip JSON Schema validation: only for appraisals this library produced or already validated. */
  trusted?: boolean;
  /**
   * Skip the explanation, for bulk scoring: the result leaves out how each score was reached (indicator
   * `measure` traces and `contribution`s, group `ratingTrace` / `suggestionTrace`, `predicateTrace` and outcome
   * `valueTrace` / `conditions`). Everything else — status, scores, ratings, predikat, outcomes, flags and diagnostics — is
   * exactly what a full evaluation gives. Default false: the full explanation.
   */
  scoreOnly?: boolean;
}

/**
 * Schema validation of an appraisal given in code, which may not be JSON data. Parsed JSON (an object of
 * `Object.prototype`, the one case worth being fast) goes straight to the schema; a class instance is walked first
 * ({@link checkPlainAppraisal}, which costs a sixth of an evaluation, so only then); and a getter or Proxy that throws
 * while the schema reads it becomes `input-not-plain` at its pointer instead of an exception. Everything after this
 * reads own properties only, so an inherited field counts as missing.
 */
function validateAppraisal(input: unknown, opts: EvaluateOptions): Diagnostic[] {
  if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
    const proto = Object.getPrototypeOf(input);
    if (proto !== Object.prototype && proto !== null) {
      const found = checkPlainAppraisal(input, opts.source);
      if (found) return found;
    }
  }
  try {
    return validateSchema('appraisal', input, { source: opts.source, locator: opts.locator });
  } catch (error) {
    const found = checkPlainAppraisal(input, opts.source);
    if (found) return found;
    // Plain to look at, yet reading it threw (a Proxy that answers descriptors but not reads): the input's fault.
    if (error instanceof Error)
      return [
        createDiagnostic(
          { code: 'input-not-plain', pointer: '', params: { problem: 'unreadable' } },
          opts.source,
        ),
      ];
    throw error;
  }
}

/** A rubric proven sound and compiled to closures, ready to evaluate any number of appraisals. */
export interface CompiledRubric {
  /** Rubric id. */
  readonly id: string;
  /** Rubric version. */
  readonly version: string;
  /** `sha256:` hash of the rubric's canonical form (after `extends`). */
  readonly fingerprint: string;
  /** The resolved rubric document. */
  readonly rubric: Readonly<Rubric>;
  /** Evaluates one appraisal. Never throws for bad data: problems come back as diagnostics. */
  evaluate(appraisal: unknown, options?: EvaluateOptions): Evaluation;
}

/** Options for compiling. */
export interface CompileOptions {
  /** Name of the rubric document, copied into diagnostics. */
  source?: string;
  /** Adds positions to diagnostics. */
  locate?: (
    pointer: string,
    what: 'key' | 'value',
  ) => { span?: Diagnostic['span']; source?: string } | undefined;
}

/**
 * Whether a diagnostic is about a mapping key itself (a typo, an unknown or repeated id): then its span is the
 * key. A condition's `fact: x` or a level's `id: x` names the wrong thing in its value, so those keep the value.
 */
function locateKey(d: Diagnostic): 'key' | 'value' {
  switch (d.code) {
    case 'unknown-indicator':
      return d.pointer.endsWith('/indicator') ? 'value' : 'key';
    case 'data-misplaced':
    case 'schema-unknown-property':
    case 'overrides-without-extends':
    case 'forbidden-key':
      return 'key';
    case 'unknown-fact':
      return d.stage === 'evaluate' ? 'key' : 'value';
    case 'duplicate-id':
      return d.pointer.endsWith('/id') ? 'value' : 'key';
    default:
      return 'value';
  }
}

function byCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function severityRank(d: Diagnostic): number {
  return d.severity === 'error' ? 0 : d.severity === 'warning' ? 1 : 2;
}

/** Errors first, otherwise in the order found: an evaluation's diagnostics, whose order the checks fix. */
export function sortForOutput(diagnostics: Diagnostic[]): Diagnostic[] {
  // Array.prototype.sort is stable (ES2019), so equal severities keep the order they were found in, and a list
  // already in severity order (the usual one) comes out as it is: copied without sorting.
  let sorted = true;
  for (let i = 1; i < diagnostics.length && sorted; i++)
    sorted = severityRank(diagnostics[i - 1] as Diagnostic) <= severityRank(diagnostics[i] as Diagnostic);
  return sorted ? diagnostics.slice() : diagnostics.slice().sort((a, b) => severityRank(a) - severityRank(b));
}

/** Whether some outcome could not be decided (`met: null`). */
function undecided(outcomes: Evaluation['outcomes']): boolean {
  for (const id in outcomes) if (Object.hasOwn(outcomes, id) && outcomes[id]?.met === null) return true;
  return false;
}

/**
 * Compiles a rubric document (already parsed, `extends` already resolved): validates it against the format,
 * runs the semantic checks a schema cannot state, and builds closures. Never uses eval.
 */
export function compileRubric(document: unknown, options: CompileOptions = {}): Result<CompiledRubric> {
  const locate = (d: Diagnostic): Diagnostic => {
    if (d.span) return d;
    const found = options.locate?.(d.pointer, locateKey(d));
    const out = { ...d };
    if (found?.span) out.span = found.span;
    const src = found?.source ?? options.source;
    if (src !== undefined && out.source === undefined) out.source = src;
    return out;
  };
  const schemaErrors = validateSchema('rubric', document);
  if (schemaErrors.length > 0) return fail(sortDiagnostics(schemaErrors.map(locate)));
  const rubric = document as Rubric;
  const diagnostics: Diagnostic[] = [];
  const catalogue = buildFactCatalogue(rubric);
  const base: CompileContext = {
    catalogue,
    diagnostics,
    report: (init) => diagnostics.push(createDiagnostic(init)),
  };
  // Every fact a measure reads, with where: checked against the evaluation order once all is compiled.
  const reads: FactReadSite[] = [];
  const ctx: MeasureCompileContext = {
    ...base,
    input: (ref, pointer) => {
      factRefSite(ref, pointer, reads);
      return compileInputRef(ref as Parameters<typeof compileInputRef>[0], pointer, base);
    },
    measure: (m: Measure, pointer: string) => compileMeasure(m, pointer, ctx),
  };

  const predicates = levelIndex(rubric.predicate.levels, '/predicate/levels', base);
  const ratings = rubric.ratings ? levelIndex(rubric.ratings, '/ratings', base) : undefined;
  checkRubricSettings(rubric, base);

  // Indicator ids name inputs and ratings across the whole appraisal, so they are unique across groups. A group id
  // is read apart from them everywhere (`targets`, `supervisorRatings`, the `groups` fact; explanations say which),
  // so a group may share its id with an indicator: the one-indicator group `nilai: { indicators: { nilai } }`.
  const owner = new Map<string, string>();
  for (const [gid, g] of Object.entries(rubric.groups)) {
    for (const [kind, ids] of [
      ['indicators', Object.keys(g.indicators ?? {})],
      ['additions', Object.keys(g.additions ?? {})],
    ] as const) {
      for (const iid of ids) {
        if (owner.has(iid))
          base.report({
            code: 'duplicate-id',
            pointer: joinPointer('/groups', gid, kind, iid),
            received: iid,
          });
        owner.set(iid, gid);
      }
    }
  }

  const order = scoringOrder(rubric);
  const groups: CompiledGroup[] = [];
  for (const gid of order.groups) {
    const group = rubric.groups[gid] as Rubric['groups'][string];
    // A group rated by the supervisor and outside the overall score only suggests; without evidence it has none.
    const scoreNeeded = rubric.score?.weights[gid] !== undefined || group.rating?.from !== 'supervisor';
    const g = compileGroup(gid, group, `/groups/${gid}`, ctx, ratings, scoreNeeded, order.parts.get(gid));
    if (g) groups.push(g);
  }
  // Positions in `groups` (scoring order) of the groups in rating order, and in id order for the result.
  const position = (ids: readonly string[]) =>
    ids.map((id) => groups.findIndex((g) => g.id === id)).filter((k) => k >= 0);
  const ratingSequence = position(order.ratings);
  const resultSequence = position([...order.groups].sort(byId));
  const score = compileScore(rubric, base);
  const predicate = compilePredicate(rubric, predicates, ratings, base);
  const outcomes = compileOutcomes(rubric, ctx);
  // Nothing may read a value computed at or after its own step: it would be missing from every appraisal.
  rubricConditionSites(rubric, reads);
  checkEvaluationOrder(rubric, reads, base, order);
  // A declared level nothing gives is allowed (a rubric extending this one, or `employee.previousPredicates`, may
  // use it) but worth a warning; an outcome that needs such a level is refused as unreachable.
  const produced = producedLevels(rubric);
  if (produced) {
    rubric.predicate.levels.forEach((l, i) => {
      if (!produced.includes(l.id))
        base.report({ code: 'unproduced-level', pointer: `/predicate/levels/${i}/id`, received: l.id });
    });
  }
  if (
    diagnostics.some((d) => d.severity === 'error') ||
    !predicate ||
    !outcomes ||
    (rubric.score && !score)
  ) {
    return fail(sortDiagnostics(diagnostics.map(locate)));
  }

  const timeZone = rubric.timeZone ?? 'Asia/Makassar';
  const inputIds = new Set<string>();
  const ratedIds = new Set<string>();
  const itemGroups = new Set<string>();
  const supervisorGroups = new Set<string>();
  for (const [gid, g] of Object.entries(rubric.groups)) {
    for (const [iid, ind] of Object.entries(g.indicators ?? {})) {
      inputIds.add(iid);
      if (hasRaters(ind.measure)) ratedIds.add(iid);
    }
    for (const aid of Object.keys(g.additions ?? {})) inputIds.add(aid);
    if (g.items) itemGroups.add(gid);
    if (g.rating?.from === 'supervisor') supervisorGroups.add(gid);
  }
  // What each record may hold, from what the compiled measures read: a field nothing reads is a typo.
  const inputFields = new Map<string, RecordFields>();
  const itemFields = new Map<string, RecordFields>();
  const fieldsOf = (list: readonly string[]): RecordFields => ({ names: new Set(list), list });
  for (const g of groups) {
    for (const [id, list] of g.inputFields) inputFields.set(id, fieldsOf(list));
    if (g.itemFields) itemFields.set(g.id, fieldsOf(g.itemFields));
  }
  const eff = rubric.effective;
  const calendar = createOfficeCalendar(timeZone);
  const from = eff ? calendar.day(eff.from) : undefined;
  const until = eff?.until !== undefined ? calendar.day(eff.until) : undefined;
  const plan: AppraisalPlan = {
    ...(eff ? { effective: { ...(from ? { from } : {}), ...(until ? { until } : {}) } } : {}),
    rubric,
    timeZone,
    calendar,
    predicates,
    inputIds,
    ratedIds,
    itemGroups,
    supervisorGroups,
    inputFields,
    itemFields,
  };
  const print = fingerprint(rubric);

  const evaluate = (input: unknown, opts: EvaluateOptions = {}): Evaluation => {
    const out: Evaluation = {
      rubric: { id: rubric.id, version: rubric.version, fingerprint: print },
      appraisal: {},
      status: 'invalid',
      groups: {},
      outcomes: {},
      flags: [],
      diagnostics: [],
    };
    // missing-fact diagnostics left at their place in the rubric: the appraisal's text has no span for them.
    const inRubric = new Set<Diagnostic>();
    const positions = (d: Diagnostic): Diagnostic => {
      if (d.span || !opts.locator || d.stage === 'compile' || inRubric.has(d)) return d;
      const span = opts.locator.locate(d.pointer, locateKey(d));
      return span ? { ...d, span } : d;
    };
    // `trusted` skips the schema, not the promise never to throw: what is not an object at all is checked as
    // untrusted input would be (one typeof), and a missing employee or period is reported by prepareAppraisal.
    if (!opts.trusted || input === null || typeof input !== 'object') {
      const errors = validateAppraisal(input, opts);
      if (errors.length > 0) {
        out.diagnostics = describeUnknownKeys(errors, plan);
        return out;
      }
    }
    const a = input as Appraisal;
    // Built key by key (id first), not with a conditional spread: V8's spread of a varying shape is slow.
    const echo: Evaluation['appraisal'] = {};
    if (a.id !== undefined) echo.id = a.id;
    // Optional reads: a trusted appraisal without employee or period gets schema-required, not a TypeError.
    echo.nip = a.employee?.nip;
    const period = a.period;
    if (period) echo.period = { kind: period.kind, start: period.start, end: period.end };
    out.appraisal = echo;
    const diags: Diagnostic[] = [];
    const prepared = prepareAppraisal(a, plan, diags, opts.source);
    const state: EvalState = {
      appraisal: a,
      diagnostics: diags,
      notes: new Set(),
      ratings: prepared.ratings,
      values: prepared.values,
      facts: factSourceOf(prepared.values),
      pending: [],
      explain: opts.scoreOnly !== true,
      // One list: flags raised while scoring are the `flags` fact outcomes read.
      flags: prepared.values.flags,
      source: opts.source,
    };
    const results: GroupResult[] = [];
    for (const g of groups) results.push(g.score(state).result);
    for (const k of ratingSequence) (groups[k] as CompiledGroup).rate(state, results[k] as GroupResult);
    for (const k of resultSequence) out.groups[(groups[k] as CompiledGroup).id] = results[k] as GroupResult;
    if (score) {
      const s = score(state);
      if (s) {
        state.values.score = s;
        out.score = s.toNumber();
      }
    }
    const hasErrors = () => diags.some((d) => d.severity === 'error');
    if (!hasErrors() && state.pending.length === 0) {
      const pid = predicate(state, out);
      if (pid !== undefined) {
        state.values.predicate = pid;
        const level = predicates.byId.get(pid);
        out.predicate = { id: pid, label: level ? level.label : { id: pid, en: pid } };
        out.outcomes = outcomes(state);
      }
    }
    const flags = state.flags;
    out.flags = flags.length < 2 ? flags.slice() : [...new Set(flags)].sort(byCode);
    const placed =
      diags.length === 0 ? diags : describeUnknownKeys(placeMissingFacts(diags, opts.source, inRubric), plan);
    out.diagnostics = sortForOutput(opts.locator ? placed.map(positions) : placed);
    if (hasErrors() || undecided(out.outcomes)) out.status = 'invalid';
    else if (state.pending.length > 0) {
      out.status = 'pending';
      out.pending = [...state.pending];
    } else out.status = out.predicate ? 'complete' : 'invalid';
    return out;
  };

  const compiled: CompiledRubric = {
    id: rubric.id,
    version: rubric.version,
    fingerprint: print,
    rubric,
    evaluate,
  };
  return ok(compiled, sortDiagnostics(diagnostics.map(locate)));
}
