import type { Appraisal, CompiledRubric } from '@kinerja/core';
import fc from 'fast-check';
import { type AppraisalPlan, appraisalPlan } from '../rubric/appraisalPlan.js';
import { textVocabulary } from '../rubric/textVocabulary.js';
import { arbitraryEmployee, placeEmployee } from './arbitraryEmployee.js';
import { arbitraryFacts } from './arbitraryFacts.js';
import { arbitraryPeriod } from './arbitraryPeriod.js';
import { arbitraryRatings } from './arbitraryRatings.js';
import { arbitraryChosenRecord, arbitraryRecord } from './arbitraryRecord.js';
import { arbitrarySupervisorRating } from './arbitrarySupervisorRating.js';

/** Options of {@link arbitraryAppraisal}. */
export interface AppraisalArbitraryOptions {
  /**
   * 0 (worst) … 1 (best): tilt every input, rating and supervisor rating toward that end of its scale. Left out,
   * values spread over their whole domains. Reachability uses it to reach the top and bottom predicates.
   */
  quality?: number;
  /** Most targets listed per item group beyond its minimum. Default 4 (so 1–5 for a minimum of 1). */
  extraTargets?: number;
  /** Years periods fall in. Default: the rubric's `effective` years, else 2014–2030. */
  years?: { from: number; to: number };
}

function yearsOf(compiled: CompiledRubric, options: AppraisalArbitraryOptions): { from: number; to: number } {
  if (options.years) return options.years;
  const from = Number(compiled.rubric.effective?.from?.slice(0, 4) ?? 2014);
  const until = compiled.rubric.effective?.until;
  return { from, to: until ? Number(until.slice(0, 4)) : Math.max(from, 2030) };
}

/** Whether a period lies inside the rubric's effective dates (YYYY-MM-DD strings compare as dates). */
function within(compiled: CompiledRubric, p: { start: string; end: string }): boolean {
  const e = compiled.rubric.effective;
  return (!e?.from || p.start >= e.from) && (!e?.until || p.end <= e.until);
}

function arbitraryTargets(
  entry: AppraisalPlan['items'][number],
  extra: number,
  quality: number | undefined,
): fc.Arbitrary<NonNullable<Appraisal['targets']>[string]> {
  const min = Math.max(entry.min, 1);
  const target = fc.record(
    { main: fc.boolean(), fields: arbitraryRecord(entry.plan, quality) },
    { requiredKeys: ['fields'] },
  );
  return fc.array(target, { minLength: min, maxLength: min + extra }).map((list) =>
    list.map((t, i) => ({
      id: `t${i + 1}`,
      ...(t.main !== undefined ? { main: t.main } : {}),
      ...t.fields,
    })),
  );
}

/**
 * A fast-check Arbitrary of valid appraisals for a compiled rubric, generated from the rubric's own declarations:
 * employee and period, `inputs` for every indicator and addition by its measure kind, `targets` for item groups,
 * `ratings` for rated indicators, `supervisorRatings` for supervisor-rated groups and `facts` for every declared
 * fact (protected ones included). Shrinks toward small, readable appraisals.
 *
 * @example
 * fc.assert(fc.property(arbitraryAppraisal(compiled), (a) => compiled.evaluate(a).status !== 'invalid'));
 */
export function arbitraryAppraisal(
  compiled: CompiledRubric,
  options: AppraisalArbitraryOptions = {},
): fc.Arbitrary<Appraisal> {
  const rubric = compiled.rubric;
  const plan = appraisalPlan(rubric);
  const vocabulary = textVocabulary(rubric);
  const q = options.quality;
  const extra = options.extraTargets ?? 4;
  const inputs = fc.record(
    Object.fromEntries(plan.inputs.map((p) => [p.id, arbitraryChosenRecord(p.plan, q)])),
  );
  const targets = fc.record(
    Object.fromEntries(plan.items.map((p) => [p.group, arbitraryTargets(p, extra, q)])),
  );
  const ratings = fc
    .tuple(...plan.rated.map((r) => arbitraryRatings(r.id, r.measure, q, r.range)))
    .map((lists) => lists.flat());
  const supervisorRatings = fc.record(
    Object.fromEntries(
      plan.supervisorRated.map((g) => [g, arbitrarySupervisorRating(rubric.ratings ?? [], q)]),
    ),
  );
  return fc
    .record({
      period: arbitraryPeriod(yearsOf(compiled, options)).filter((p) => within(compiled, p)),
      employee: arbitraryEmployee(rubric.predicate.levels, vocabulary),
      inputs,
      targets,
      ratings,
      supervisorRatings,
      facts: arbitraryFacts(rubric.facts ?? {}, vocabulary),
    })
    .map((parts) => {
      const period = parts.period;
      const a: Appraisal = {
        employee: placeEmployee(parts.employee, Number(period.end.slice(0, 4))),
        period,
      };
      // Empty blocks are left out, as a person filling in the form would.
      if (plan.inputs.length > 0)
        a.inputs = Object.fromEntries(Object.entries(parts.inputs).map(([id, c]) => [id, c.record]));
      // An indicator whose record takes a one-of alternative other than its raters gets no ratings: they would give
      // the raters alternative too (ambiguous-input).
      const unrated = new Set(
        Object.entries(parts.inputs)
          .filter(([, c]) => !c.ratersTaken)
          .map(([id]) => id),
      );
      if (plan.items.length > 0) a.targets = parts.targets;
      // The engine takes a self-rating only from the employee (rater = their NIP).
      const ratings =
        unrated.size > 0 ? parts.ratings.filter((r) => !unrated.has(r.indicator)) : parts.ratings;
      if (ratings.length > 0)
        a.ratings = ratings.map((r) => (r.role === 'self' ? { ...r, rater: a.employee.nip } : r));
      if (plan.supervisorRated.length > 0) a.supervisorRatings = parts.supervisorRatings;
      if (Object.keys(parts.facts).length > 0) a.facts = parts.facts;
      return a;
    });
}
