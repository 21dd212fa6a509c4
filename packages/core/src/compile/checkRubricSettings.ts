import { TZDate } from '@date-fns/tz';
import { joinPointer } from '../diagnostics/pointer.js';
import { calendarDate } from '../evaluate/calendarDate.js';
import type { Clamp } from '../schema/common.js';
import type { Measure } from '../schema/measureSchema.js';
import type { Rubric } from '../schema/rubricSchema.js';
import type { CompileContext } from './CompileContext.js';
import { checkFacts } from './checkFacts.js';

/** The zone a rubric without `timeZone` is read in (as compileRubric does). */
const DEFAULT_TIME_ZONE = 'Asia/Makassar';

// Instants the calendar must be able to place: a zone it cannot place gives NaN days (and NaN years in rank).
const PROBES = [Date.UTC(2000, 0, 1), Date.UTC(2024, 6, 1, 12)];

/**
 * Whether the office calendar can place instants in `timeZone`: it reads a date-time with `new TZDate(ms, zone)`,
 * which gives NaN for a zone it does not know (`Mars/Phobos`, `toString`) rather than throwing.
 */
export function isUsableTimeZone(timeZone: string): boolean {
  try {
    return PROBES.every((ms) => {
      const d = new TZDate(ms, timeZone);
      return (
        Number.isFinite(d.getFullYear()) && Number.isFinite(d.getDate()) && Number.isFinite(d.getHours())
      );
    });
  } catch {
    return false;
  }
}

/**
 * Load-time checks of the rubric's settings that no schema states and nothing else reads until an appraisal
 * arrives, each a mistake that would otherwise load fine and then fail or silently change every appraisal:
 * - `timeZone` must be a zone the calendar knows (else every date-time `rankSince` gives NaN years in rank);
 * - `effective` dates must be calendar days, `until` not before `from` (else the period check is skipped, or
 *   every appraisal falls outside it);
 * - each fact declaration must work ({@link checkFacts});
 * - every `clamp` (of a measure, nested ones included, a group, the overall score) must have `min` ≤ `max`
 *   (else every score becomes `min`).
 * Reports through `ctx` at each setting's pointer; returns nothing (the caller fails on any error).
 */
export function checkRubricSettings(rubric: Rubric, ctx: Pick<CompileContext, 'report'>): void {
  let zone = DEFAULT_TIME_ZONE;
  if (rubric.timeZone !== undefined) {
    if (isUsableTimeZone(rubric.timeZone)) zone = rubric.timeZone;
    else ctx.report({ code: 'invalid-time-zone', pointer: '/timeZone', received: rubric.timeZone });
  }
  const eff = rubric.effective;
  if (eff) {
    const from = calendarDate(eff.from, zone);
    if (!from) ctx.report({ code: 'invalid-effective', pointer: '/effective/from', received: eff.from });
    if (eff.until !== undefined) {
      const until = calendarDate(eff.until, zone);
      if (!until) ctx.report({ code: 'invalid-effective', pointer: '/effective/until', received: eff.until });
      else if (from && until.getTime() < from.getTime()) {
        ctx.report({
          code: 'invalid-effective',
          pointer: '/effective/until',
          received: eff.until,
          expected: eff.from,
          params: { problem: 'until-before-from' },
        });
      }
    }
  }
  checkFacts(rubric.facts, (text) => calendarDate(text, zone) !== undefined, ctx);
  checkClamps(rubric, ctx);
}

function checkClamp(clamp: Clamp | undefined, pointer: string, ctx: Pick<CompileContext, 'report'>): void {
  if (clamp?.min !== undefined && clamp.max !== undefined && clamp.min > clamp.max) {
    ctx.report({
      code: 'min-above-max',
      pointer: joinPointer(pointer, 'clamp', 'min'),
      received: clamp.min,
      expected: clamp.max,
    });
  }
}

function checkMeasure(m: Measure, pointer: string, ctx: Pick<CompileContext, 'report'>): void {
  checkClamp(m.clamp, pointer, ctx);
  if ('of' in m) {
    for (const [i, part] of m.of.entries()) checkMeasure(part, joinPointer(pointer, 'of', i), ctx);
  }
}

/** Every clamp in the rubric: measures (nested ones too), groups, the overall score. */
function checkClamps(rubric: Rubric, ctx: Pick<CompileContext, 'report'>): void {
  for (const [gid, g] of Object.entries(rubric.groups)) {
    const at = joinPointer('/groups', gid);
    for (const [iid, ind] of Object.entries(g.indicators ?? {})) {
      checkMeasure(ind.measure, joinPointer(at, 'indicators', iid, 'measure'), ctx);
    }
    for (const [aid, add] of Object.entries(g.additions ?? {})) {
      checkMeasure(add.measure, joinPointer(at, 'additions', aid, 'measure'), ctx);
    }
    if (g.items) checkMeasure(g.items.measure, joinPointer(at, 'items', 'measure'), ctx);
    checkClamp(g.clamp, at, ctx);
  }
  if (rubric.score) checkClamp(rubric.score.clamp, '/score', ctx);
  for (const [oid, o] of Object.entries(rubric.outcomes ?? {})) {
    if (o.value) checkMeasure(o.value, joinPointer('/outcomes', oid, 'value'), ctx);
  }
}
