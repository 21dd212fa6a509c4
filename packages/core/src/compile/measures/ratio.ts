import { Rational } from '../../numeric/rational.js';
import type { Measure } from '../../schema/measureSchema.js';
import { divisionByZero } from './divisionByZero.js';
import { applyFinish, compileFinish } from './finishMeasure.js';
import type { MeasureCompiler } from './MeasureCompiler.js';
import { readPair } from './readPair.js';

type RatioMeasure = Extract<Measure, { kind: 'ratio' | 'inverse-ratio' }>;

/**
 * `ratio`: R / T × scale. `inverse-ratio`: (2 − R/T) × scale, PermenPAN-RB 8/2021's formula for targets where
 * less is better. A zero target is a diagnostic, never infinity or 0.
 */
export const compileRatio: MeasureCompiler<RatioMeasure> = (m, pointer, ctx) => {
  const target = ctx.input(m.target, `${pointer}/target`);
  const realisation = ctx.input(m.realisation, `${pointer}/realisation`);
  if (!target || !realisation) return undefined;
  const scale = Rational.from(m.scale ?? 100);
  const two = Rational.from(2);
  const finish = compileFinish(m.clamp, m.round);
  const inverse = m.kind === 'inverse-ratio';
  const optional = m.optional === true;
  return (env) => {
    const pair = readPair(m.kind, target, realisation, optional, env);
    if (!pair.ok) return pair.result;
    if (pair.target.isZero()) {
      if (m.dropWhen === 'target-zero') {
        pair.trace.dropped = true;
        pair.trace.branch = 'dropped (target-zero)';
        return { status: 'dropped', trace: pair.trace };
      }
      return divisionByZero(target, env, pair.trace);
    }
    const q = pair.realisation.div(pair.target);
    return applyFinish((inverse ? two.sub(q) : q).mul(scale), finish, pair.trace);
  };
};
