import { createDiagnostic } from '../../diagnostics/createDiagnostic.js';
import { Rational } from '../../numeric/rational.js';
import type { Measure } from '../../schema/measureSchema.js';
import type { InputGetter } from '../compileInputRef.js';
import { exactDecimal } from '../exactDecimal.js';
import { applyFinish, compileFinish } from './finishMeasure.js';
import type { MeasureCompiler } from './MeasureCompiler.js';
import type { CompiledMeasure, MeasureEnv, MeasureTrace } from './MeasureRuntime.js';

type CombineMeasure = Extract<Measure, { kind: 'mean' | 'sum' | 'min' | 'max' | 'product' }>;

/**
 * `mean` / `sum` / `min` / `max` / `product` of nested measures. Parts that drop out (a target with no cost)
 * are left out, so a mean of four aspects becomes a mean of three, as Perka BKN 1/2013 divides by 3.
 * Every part runs even after one fails, so the appraisal gets all its diagnostics at once.
 */
export const compileCombine: MeasureCompiler<CombineMeasure> = (m, pointer, ctx) => {
  const parts: CompiledMeasure[] = [];
  let broken = false;
  m.of.forEach((child, i) => {
    const c = ctx.measure(child, `${pointer}/of/${i}`);
    if (c) parts.push(c);
    else broken = true;
  });
  const ordered: InputGetter[] = [];
  m.ordered?.forEach((field, i) => {
    const get = ctx.input(field, `${pointer}/ordered/${i}`);
    if (get) ordered.push(get);
    else broken = true;
  });
  if (broken) return undefined;
  const finish = compileFinish(m.clamp, m.round);
  return (env) => {
    // The parts' traces are for the explanation only; without it none is collected.
    const trace: MeasureTrace = env.explain === false ? { kind: m.kind } : { kind: m.kind, parts: [] };
    const values: Rational[] = [];
    let failed = ordered.length > 0 && !inOrder(ordered, env);
    const missing: string[] = [];
    for (const part of parts) {
      const r = part(env);
      trace.parts?.push(r.trace);
      if (r.status === 'ok') values.push(r.value);
      else if (r.status === 'error') failed = true;
      else if (r.status === 'pending') missing.push(...r.missing);
    }
    if (failed) return { status: 'error', trace };
    // A product without one of its factors means nothing, unlike a mean without one of its parts.
    if (m.kind === 'product' && values.length < parts.length && missing.length === 0) {
      trace.dropped = true;
      return { status: 'dropped', trace };
    }
    if (missing.length > 0) return { status: 'pending', trace, missing };
    if (values.length === 0) {
      trace.dropped = true;
      return { status: 'dropped', trace };
    }
    let v: Rational;
    switch (m.kind) {
      case 'sum':
        v = values.reduce((a, b) => a.add(b), Rational.ZERO);
        break;
      case 'mean':
        v = values.reduce((a, b) => a.add(b), Rational.ZERO).div(Rational.from(values.length));
        break;
      case 'min':
        v = Rational.min(...values);
        break;
      case 'max':
        v = Rational.max(...values);
        break;
      case 'product':
        v = values.reduce((a, b) => a.mul(b), Rational.ONE);
        break;
    }
    return applyFinish(v, finish, trace);
  };
};

/**
 * Whether the `ordered` fields given do not decrease (a range's lower bound at most its upper bound); each one below
 * the nearest given field before it is an `invalid-input` diagnostic at its pointer. Absent or non-numeric fields
 * are skipped here: the parts that read them report those.
 */
function inOrder(fields: readonly InputGetter[], env: MeasureEnv): boolean {
  let ok = true;
  let before: { value: Rational; label: string } | undefined;
  for (const get of fields) {
    const r = get(env);
    if (!r.present || typeof r.value !== 'number' || !Number.isFinite(r.value)) continue;
    const value = Rational.from(r.value);
    if (before && value.lt(before.value)) {
      ok = false;
      env.diagnostics.push(
        createDiagnostic({
          code: 'invalid-input',
          pointer: r.pointer,
          expected: `number ≥ ${before.label} (${exactDecimal(before.value)})`,
          received: r.value,
          ...(env.source !== undefined ? { source: env.source } : {}),
        }),
      );
    } else before = { value, label: r.label };
  }
  return ok;
}
