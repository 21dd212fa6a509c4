import { Rational } from '../../numeric/rational.js';
import type { Measure } from '../../schema/measureSchema.js';
import { divisionByZero } from './divisionByZero.js';
import { applyFinish, compileFinish } from './finishMeasure.js';
import type { MeasureCompiler } from './MeasureCompiler.js';
import { readPair } from './readPair.js';

type EfficiencyMeasure = Extract<Measure, { kind: 'efficiency' }>;

/**
 * The BKN time/cost formula (Perka BKN 1/2013). With e = 1 − R/T:
 * e ≤ threshold → (factor·T − R)/T × 100 (= 76 + 100e for 1.76); e > threshold → 76 − [(factor·T − R)/T × 100 − 100]
 * (= 100 − 100e). Realisation 0 means the activity was not done: 0. Exactly on the threshold belongs to the first
 * branch; exact arithmetic keeps 9.12 months against 12 on it. A zero target drops the aspect per `dropWhen`.
 */
export const compileEfficiency: MeasureCompiler<EfficiencyMeasure> = (m, pointer, ctx) => {
  const target = ctx.input(m.target, `${pointer}/target`);
  const realisation = ctx.input(m.realisation, `${pointer}/realisation`);
  if (!target || !realisation) return undefined;
  const threshold = Rational.from(m.threshold ?? 0.24);
  const factor = Rational.from(m.factor ?? 1.76);
  const hundred = Rational.HUNDRED;
  const ceiling = factor.mul(hundred);
  const dropWhen = m.dropWhen ?? 'target-zero';
  const finish = compileFinish(m.clamp, m.round);
  const optional = m.optional === true;
  // Built once: printing the threshold on every evaluation was 3 % of a PP 46 evaluation.
  const within = `e ≤ ${threshold.toString()}`;
  const beyond = `e > ${threshold.toString()}`;
  const droppedBranch = `dropped (${dropWhen})`;
  return (env) => {
    const pair = readPair('efficiency', target, realisation, optional, env);
    if (!pair.ok) return pair.result;
    const { target: t, realisation: r, trace } = pair;
    const drop =
      (dropWhen === 'target-zero' && t.isZero()) ||
      (dropWhen === 'realisation-zero' && r.isZero()) ||
      (dropWhen === 'both-zero' && t.isZero() && r.isZero());
    if (drop) {
      trace.dropped = true;
      trace.branch = droppedBranch;
      return { status: 'dropped', trace };
    }
    if (t.isZero()) return divisionByZero(target, env, trace);
    if (r.isZero()) {
      trace.branch = 'not done (R = 0)';
      return applyFinish(Rational.ZERO, finish, trace);
    }
    const q = r.div(t);
    const e = Rational.ONE.sub(q);
    const base = factor.sub(q).mul(hundred);
    if (env.explain !== false) trace.detail = { efficiency: e.toNumber() };
    if (e.lte(threshold)) {
      trace.branch = within;
      return applyFinish(base, finish, trace);
    }
    trace.branch = beyond;
    return applyFinish(ceiling.sub(base), finish, trace);
  };
};
