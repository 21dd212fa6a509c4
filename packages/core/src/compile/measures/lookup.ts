import { createDiagnostic } from '../../diagnostics/createDiagnostic.js';
import { Rational } from '../../numeric/rational.js';
import type { Measure } from '../../schema/measureSchema.js';
import { checkInterval, compareLower, type Interval, inInterval } from '../interval.js';
import { applyFinish, compileFinish } from './finishMeasure.js';
import type { MeasureCompiler } from './MeasureCompiler.js';
import type { MeasureTrace } from './MeasureRuntime.js';
import { readSingle } from './readNumber.js';

type LookupMeasure = Extract<Measure, { kind: 'lookup' }>;

/** `lookup`: a step table; the value of the row whose range holds the input. Rows may not overlap. */
export const compileLookup: MeasureCompiler<LookupMeasure> = (m, pointer, ctx) => {
  const input = ctx.input(m.input, `${pointer}/input`);
  const rows: Array<{ interval: Interval; value: Rational }> = [];
  let broken = !input;
  m.table.forEach((row, i) => {
    const interval = checkInterval(row.range);
    if ('problem' in interval) {
      ctx.report({
        code: 'invalid-range',
        pointer: `${pointer}/table/${i}/range`,
        received: row.range,
        params: { problem: interval.problem },
      });
      broken = true;
    } else rows.push({ interval, value: Rational.from(row.value) });
  });
  if (broken || !input) return undefined;
  const sorted = [...rows].sort((a, b) => compareLower(a.interval, b.interval));
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = (sorted[i] as (typeof sorted)[number]).interval;
    const b = (sorted[i + 1] as (typeof sorted)[number]).interval;
    const c = a.max && b.min ? a.max.cmp(b.min) : 1;
    if (c > 0 || (c === 0 && a.maxIncluded && b.minIncluded)) {
      ctx.report({
        code: 'band-overlap',
        pointer: `${pointer}/table`,
        params: { a: a.text, b: b.text, of: 'lookup' },
      });
      return undefined;
    }
  }
  const finish = compileFinish(m.clamp, m.round);
  return (env) => {
    const trace: MeasureTrace = { kind: 'lookup' };
    const x = readSingle(input, m.optional === true, env, trace);
    if (!x.ok) return x.result;
    const row = sorted.find((r) => inInterval(r.interval, x.value));
    if (!row) {
      const init: Parameters<typeof createDiagnostic>[0] = {
        code: 'invalid-input',
        pointer: input(env).pointer,
        received: x.raw,
        expected: `a value in ${sorted.map((r) => r.interval.text).join(' ∪ ')}`,
      };
      if (env.source !== undefined) init.source = env.source;
      env.diagnostics.push(createDiagnostic(init));
      return { status: 'error', trace };
    }
    trace.branch = row.interval.text;
    return applyFinish(row.value, finish, trace);
  };
};
