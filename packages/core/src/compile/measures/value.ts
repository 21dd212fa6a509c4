import { createDiagnostic } from '../../diagnostics/createDiagnostic.js';
import { joinPointer } from '../../diagnostics/pointer.js';
import { Rational } from '../../numeric/rational.js';
import type { Measure } from '../../schema/measureSchema.js';
import { checkInterval, inInterval } from '../interval.js';
import { applyFinish, compileFinish } from './finishMeasure.js';
import type { MeasureCompiler } from './MeasureCompiler.js';
import type { MeasureTrace } from './MeasureRuntime.js';
import { readSingle } from './readNumber.js';

type ValueMeasure = Extract<Measure, { kind: 'value' | 'constant' }>;

/**
 * `value`: the input number itself; `constant`: a fixed number. A `value` may declare the numbers it takes
 * (`range`): one outside it is refused at the input (`input-out-of-range`), whether it is a field of the record or
 * a fact, instead of being scored as if it were sound (a coverage goal of −90 %).
 */
export const compileValue: MeasureCompiler<ValueMeasure> = (m, pointer, ctx) => {
  const finish = compileFinish(m.clamp, m.round);
  if (m.kind === 'constant') {
    const c = Rational.from(m.value);
    return () => applyFinish(c, finish, { kind: 'constant' });
  }
  const checked = m.range !== undefined ? checkInterval(m.range) : undefined;
  if (checked && 'problem' in checked) {
    ctx.report({
      code: 'invalid-range',
      pointer: joinPointer(pointer, 'range'),
      received: m.range,
      params: { problem: checked.problem },
    });
    return undefined;
  }
  const input = ctx.input(m.input, `${pointer}/input`);
  if (!input) return undefined;
  const range = checked;
  return (env) => {
    const trace: MeasureTrace = { kind: 'value' };
    const x = readSingle(input, m.optional === true, env, trace);
    if (!x.ok) return x.result;
    if (range && !inInterval(range, x.value)) {
      // Only now, with the number known to be wrong, is the read repeated for the input's pointer and name.
      const r = input(env);
      env.diagnostics.push(
        createDiagnostic(
          {
            code: 'input-out-of-range',
            pointer: r.pointer,
            received: x.raw,
            expected: range.text,
            params: { field: r.label },
          },
          env.source,
        ),
      );
      return { status: 'error', trace };
    }
    return applyFinish(x.value, finish, trace);
  };
};
