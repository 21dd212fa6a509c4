import { Rational } from '../../numeric/rational.js';
import type { Measure } from '../../schema/measureSchema.js';
import { applyFinish, compileFinish } from './finishMeasure.js';
import type { MeasureCompiler } from './MeasureCompiler.js';
import type { MeasureTrace } from './MeasureRuntime.js';
import { readSingle } from './readNumber.js';

type PiecewiseMeasure = Extract<Measure, { kind: 'piecewise' }>;

/** `piecewise`: straight lines between points with strictly increasing x, flat beyond the ends. */
export const compilePiecewise: MeasureCompiler<PiecewiseMeasure> = (m, pointer, ctx) => {
  const input = ctx.input(m.input, `${pointer}/input`);
  const pts = m.points.map(([x, y]) => [Rational.from(x), Rational.from(y)] as const);
  for (let i = 1; i < pts.length; i++) {
    if (!(pts[i] as (typeof pts)[number])[0].gt((pts[i - 1] as (typeof pts)[number])[0])) {
      ctx.report({
        code: 'invalid-measure',
        pointer: `${pointer}/points/${i}`,
        params: {
          why: 'piecewise x values must strictly increase',
          whyId: 'nilai x pada piecewise harus terus naik',
        },
      });
      return undefined;
    }
  }
  if (!input) return undefined;
  const finish = compileFinish(m.clamp, m.round);
  const first = pts[0] as (typeof pts)[number];
  const last = pts[pts.length - 1] as (typeof pts)[number];
  return (env) => {
    const trace: MeasureTrace = { kind: 'piecewise' };
    const x = readSingle(input, m.optional === true, env, trace);
    if (!x.ok) return x.result;
    const v = x.value;
    if (v.lte(first[0])) return applyFinish(first[1], finish, trace);
    if (v.gte(last[0])) return applyFinish(last[1], finish, trace);
    let i = 1;
    while ((pts[i] as (typeof pts)[number])[0].lt(v)) i++;
    const [x1, y1] = pts[i] as (typeof pts)[number];
    const [x0, y0] = pts[i - 1] as (typeof pts)[number];
    trace.branch = `[${x0.toString()}, ${x1.toString()}]`;
    return applyFinish(y0.add(y1.sub(y0).mul(v.sub(x0)).div(x1.sub(x0))), finish, trace);
  };
};
