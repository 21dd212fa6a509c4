import { Rational } from '../../numeric/rational.js';
import type { Measure } from '../../schema/measureSchema.js';
import { applyFinish, compileFinish } from './finishMeasure.js';
import type { MeasureCompiler } from './MeasureCompiler.js';
import type { MeasureTrace } from './MeasureRuntime.js';
import { readNumber, reportMissing } from './readNumber.js';

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
    const x = readNumber(input, env);
    if (x.kind === 'absent') {
      if (m.optional) return { status: 'dropped', trace: { ...trace, dropped: true } };
      reportMissing(input, env);
      return { status: 'error', trace };
    }
    if (x.kind === 'error') return { status: 'error', trace };
    trace.inputs = { [input(env).label]: x.raw };
    return applyFinish(x.value, finish, trace);
  };
};
