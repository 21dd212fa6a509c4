import { Rational } from '../../numeric/rational.js';
import type { Measure } from '../../schema/measureSchema.js';
import { applyFinish, compileFinish } from './finishMeasure.js';
import type { MeasureCompiler } from './MeasureCompiler.js';
import type { MeasureTrace } from './MeasureRuntime.js';
import { readSingle } from './readNumber.js';

type ValueMeasure = Extract<Measure, { kind: 'value' | 'constant' }>;

/** `value`: the input number itself; `constant`: a fixed number. */
export const compileValue: MeasureCompiler<ValueMeasure> = (m, pointer, ctx) => {
  const finish = compileFinish(m.clamp, m.round);
  if (m.kind === 'constant') {
    const c = Rational.from(m.value);
    return () => applyFinish(c, finish, { kind: 'constant' });
  }
  const input = ctx.input(m.input, `${pointer}/input`);
  if (!input) return undefined;
  return (env) => {
    const trace: MeasureTrace = { kind: 'value' };
    const x = readSingle(input, m.optional === true, env, trace);
    if (!x.ok) return x.result;
    return applyFinish(x.value, finish, trace);
  };
};
