import { attributeOf } from './attributeOf.js';
import type { Cohort } from './Cohort.js';
import { compareText } from './compareText.js';
import { type DisparityWarning, smallGroupWarning, tooFewGroupsWarning } from './disparityWarning.js';
import { fisherExact, fisherMidP } from './stats/fisherExact.js';
import { holm } from './stats/holm.js';

/** Options of {@link groupDisparity}. */
export interface DisparityOptions {
  /** Attributes to split by: employee fields (`unit`, `positionType`, …) or facts (`jenis-kelamin`, `facts.x`). */
  by: readonly string[];
  /** Outcome ids (default: every outcome seen in the evaluations). */
  outcomes?: readonly string[];
  /** Outcome ids where being selected is adverse (default: outcomes of kind `coaching`). */
  adverse?: readonly string[];
  /** The impact-ratio threshold (default 0.8: the four-fifths rule). */
  threshold?: number;
  /** Significance level of the two-sided test, after Holm's correction (default 0.05). */
  alpha?: number;
  /**
   * The two-sided test of each group against the most-favoured one: `fisher` (default), Fisher's exact test, whose
   * false-positive rate never exceeds alpha (it is conservative: usually well below); or `mid-p`, its mid-p version
   * (Lydersen, Fagerland & Laake 2009 recommend it: more power, size close to alpha — but not bounded by it: 6.3%
   * on fair 320-person cohorts in the README's validation, so an audit that must keep false alarms ≤ alpha
   * keeps Fisher).
   */
  test?: 'mid-p' | 'fisher';
  /** A group smaller than this is too small to conclude from its ratio (default 30). */
  minGroupSize?: number;
  /** Nor is a group expected (at the pooled rate) to have fewer than this many selected or not selected (default 5). */
  minExpected?: number;
}

/** One group's outcome rate. */
export interface GroupRate {
  /** The attribute's value. */
  value: string;
  /** People in the group with a determined outcome. */
  n: number;
  /** How many were selected (the outcome met). */
  selected: number;
  /** selected ÷ n. */
  rate: number;
  /** Impact ratio against the most-favoured group (1 for it). */
  ratio: number;
  /** Two-sided p-value against the most-favoured group (absent for it): Fisher's exact, or mid-p when asked. */
  pValue?: number;
  /** Holm-adjusted p over the groups of this attribute × outcome. */
  adjustedP?: number;
  /** ratio < threshold. */
  belowThreshold: boolean;
  /** adjustedP < alpha. */
  significant: boolean;
  /** Expected counts at the pooled rate: selected (n × pooled) and not selected (n × (1 − pooled)). */
  expected: { selected: number; notSelected: number };
  /** Too small to conclude (see the rule). */
  smallSample: boolean;
  /** What is too small: the group (n < minGroupSize), or an expected count (< minExpected). */
  smallBecause?: Array<'n' | 'expected-selected' | 'expected-not-selected'>;
  /** belowThreshold and significant: adverse impact by the rule. */
  flagged: boolean;
  /**
   * flagged but smallSample: the rule fired on a group too small to conclude from — a warning, not a verdict; it is
   * not listed among the report's findings.
   */
  inconclusive: boolean;
}

/** Disparity of one outcome across the values of one attribute. */
export interface OutcomeDisparity {
  /** The attribute. */
  attribute: string;
  /** The outcome id. */
  outcome: string;
  /** Whether selection is favourable (promotion) or adverse (coaching). */
  direction: 'favourable' | 'adverse';
  /** The most-favoured group: highest rate (favourable) or lowest (adverse). */
  reference?: string;
  /** Groups, by value. */
  groups: GroupRate[];
  /** People left out: outcome undetermined (met null, or no evaluation of it). */
  undetermined: number;
  /** People left out: attribute absent. */
  missingAttribute: number;
  /** Any group flagged (inconclusive ones included: see {@link GroupRate.inconclusive}). */
  flagged: boolean;
  /** Warnings for the reader: a stable `code`, its `params`, and the message in Bahasa Indonesia and English. */
  warnings: DisparityWarning[];
}

/** The group-disparity audit. */
export interface DisparityAudit {
  /** The decision rule, in words (English; the Markdown report words it in its own language). */
  rule: string;
  /** The rule's parameters. */
  threshold: number;
  /** Significance level after Holm's correction. */
  alpha: number;
  /** The test used. */
  test: 'mid-p' | 'fisher';
  /** Smallest group size concluded from. */
  minGroupSize: number;
  /** Smallest expected count concluded from. */
  minExpected: number;
  /** One entry per attribute × outcome. */
  results: OutcomeDisparity[];
}

/**
 * Group disparity in outcomes: selection rates per group of an attribute, the impact ratio to the most-favoured
 * group (for adverse outcomes, the most-favoured group's rate ÷ the group's rate), the four-fifths rule, and the
 * two-sided Fisher exact test (or, with `test: 'mid-p'`, {@link fisherMidP}) of each group against the most-favoured
 * one, Holm-corrected across the groups. Two-sided because the most-favoured group is chosen after
 * seeing the rates: a one-sided test against it would double the false-positive rate. A
 * group is flagged when ratio < threshold AND adjusted p < alpha; a group with n < minGroupSize or an expected
 * count (selected or not, at the pooled rate) below minExpected gets a small-sample warning: its ratio alone
 * proves nothing, the exact p-value still holds.
 */
export function groupDisparity(cohort: Cohort, options: DisparityOptions): DisparityAudit {
  const threshold = options.threshold ?? 0.8;
  const alpha = options.alpha ?? 0.05;
  const minGroupSize = options.minGroupSize ?? 30;
  const minExpected = options.minExpected ?? 5;
  const test = options.test ?? 'fisher';
  const pOf = test === 'mid-p' ? fisherMidP : fisherExact;
  const outcomeIds =
    options.outcomes ?? [...new Set(cohort.evaluations.flatMap((e) => Object.keys(e.outcomes)))].sort();
  const adverse = new Set(
    options.adverse ??
      outcomeIds.filter((id) => cohort.evaluations.some((e) => e.outcomes[id]?.kind === 'coaching')),
  );
  const results: OutcomeDisparity[] = [];
  for (const attribute of options.by)
    for (const outcome of outcomeIds) {
      const counts = new Map<string, { n: number; selected: number }>();
      let undetermined = 0;
      let missingAttribute = 0;
      cohort.evaluations.forEach((evaluation, i) => {
        const appraisal = cohort.appraisals[i];
        const value = appraisal ? attributeOf(appraisal, attribute) : undefined;
        if (value === undefined) {
          missingAttribute += 1;
          return;
        }
        const met = evaluation.outcomes[outcome]?.met;
        if (met === undefined || met === null) {
          undetermined += 1;
          return;
        }
        const c = counts.get(value) ?? { n: 0, selected: 0 };
        c.n += 1;
        if (met) c.selected += 1;
        counts.set(value, c);
      });
      const direction = adverse.has(outcome) ? ('adverse' as const) : ('favourable' as const);
      const entries = [...counts].sort(([a], [b]) => compareText(a, b));
      const total = entries.reduce((s, [, c]) => s + c.n, 0);
      const pooled = total > 0 ? entries.reduce((s, [, c]) => s + c.selected, 0) / total : 0;
      const ref = entries.reduce<[string, { n: number; selected: number }] | undefined>((best, e) => {
        if (!best) return e;
        const r = e[1].selected / e[1].n;
        const b = best[1].selected / best[1].n;
        return direction === 'favourable' ? (r > b ? e : best) : r < b ? e : best;
      }, undefined);
      const refRate = ref ? ref[1].selected / ref[1].n : 0;
      const pValues = entries.map(([value, c]) =>
        ref && value !== ref[0]
          ? pOf(c.selected, c.n - c.selected, ref[1].selected, ref[1].n - ref[1].selected)
          : undefined,
      );
      const adjusted = holm(pValues);
      const warnings: DisparityWarning[] = [];
      const groups: GroupRate[] = entries.map(([value, c], k) => {
        const rate = c.selected / c.n;
        let ratio: number;
        if (direction === 'favourable') ratio = refRate === 0 ? 1 : rate / refRate;
        else ratio = rate === 0 ? 1 : refRate / rate;
        const pValue = pValues[k];
        const adjustedP = adjusted[k];
        const belowThreshold = ratio < threshold;
        const significant = adjustedP !== undefined && adjustedP < alpha;
        const expected = { selected: c.n * pooled, notSelected: c.n * (1 - pooled) };
        const smallBecause: Array<'n' | 'expected-selected' | 'expected-not-selected'> = [];
        if (c.n < minGroupSize) smallBecause.push('n');
        if (expected.selected < minExpected) smallBecause.push('expected-selected');
        if (expected.notSelected < minExpected) smallBecause.push('expected-not-selected');
        const smallSample = smallBecause.length > 0;
        if (smallSample)
          warnings.push(smallGroupWarning(value, c.n, expected, smallBecause, { minGroupSize, minExpected }));
        return {
          value,
          n: c.n,
          selected: c.selected,
          rate,
          ratio,
          ...(pValue !== undefined ? { pValue } : {}),
          ...(adjustedP !== undefined ? { adjustedP } : {}),
          belowThreshold,
          significant,
          expected,
          smallSample,
          ...(smallSample ? { smallBecause } : {}),
          flagged: belowThreshold && significant,
          inconclusive: belowThreshold && significant && smallSample,
        };
      });
      if (entries.length < 2) warnings.push(tooFewGroupsWarning(entries.length));
      results.push({
        attribute,
        outcome,
        direction,
        ...(ref ? { reference: ref[0] } : {}),
        groups,
        undetermined,
        missingAttribute,
        flagged: groups.some((g) => g.flagged),
        warnings,
      });
    }
  return {
    rule: `flag a group when its impact ratio to the most-favoured group is below ${threshold} (four-fifths rule) AND the two-sided ${test === 'mid-p' ? 'mid-p Fisher test' : 'Fisher exact test'} against that group gives a Holm-adjusted p < ${alpha}; warn when n < ${minGroupSize} or an expected count at the pooled rate is < ${minExpected}`,
    threshold,
    alpha,
    test,
    minGroupSize,
    minExpected,
    results,
  };
}
