import { joinPointer } from '../diagnostics/pointer.js';
import type { EvalState } from '../evaluate/EvalState.js';
import { Rational } from '../numeric/rational.js';
import type { Rubric } from '../schema/rubricSchema.js';
import type { CompileContext } from './CompileContext.js';
import { outOfRange } from './compileGroup.js';
import { exactDecimal } from './exactDecimal.js';
import { checkInterval, inInterval } from './interval.js';
import { compileFinish, finishValue } from './measures/finishMeasure.js';

/** Computes the overall score from group scores; undefined when a group has no score. */
export type CompiledScore = (state: EvalState) => Rational | undefined;

/** Compiles the overall score: group weights that sum exactly to `total`, then caps and rounding. */
export function compileScore(rubric: Rubric, ctx: CompileContext): CompiledScore | undefined {
  const s = rubric.score;
  if (!s) return undefined;
  const total = Rational.from(s.total ?? 1);
  const weights: Array<[string, Rational]> = [];
  let sum = Rational.ZERO;
  let broken = false;
  for (const [gid, w] of Object.entries(s.weights).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!Object.hasOwn(rubric.groups, gid)) {
      ctx.report({
        code: 'unknown-reference',
        pointer: joinPointer('/score/weights', gid),
        received: gid,
        expected: Object.keys(rubric.groups),
        params: { kind: 'group' },
      });
      broken = true;
    }
    const r = Rational.from(w);
    sum = sum.add(r);
    weights.push([gid, r]);
  }
  if (!sum.eq(total)) {
    ctx.report({
      code: 'weight-sum',
      pointer: '/score/weights',
      received: exactDecimal(sum),
      expected: exactDecimal(total),
    });
    broken = true;
  }
  const checked = s.range !== undefined ? checkInterval(s.range) : undefined;
  const range = checked && !('problem' in checked) ? checked : undefined;
  if (checked && 'problem' in checked) {
    ctx.report({
      code: 'invalid-range',
      pointer: '/score/range',
      received: s.range,
      params: { problem: checked.problem },
    });
    broken = true;
  }
  if (broken) return undefined;
  const finish = compileFinish(s.clamp, s.round);
  return (state) => {
    let acc = Rational.ZERO;
    for (const [gid, w] of weights) {
      const g = state.values.groups[gid]?.score;
      if (!(g instanceof Rational)) return undefined;
      acc = acc.add(g.mul(w));
    }
    const v = finishValue(acc.div(total), finish);
    if (range && !inInterval(range, v)) {
      outOfRange(state, '', v, range);
      return undefined;
    }
    return v;
  };
}
