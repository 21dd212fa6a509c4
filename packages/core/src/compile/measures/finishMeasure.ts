import { Rational } from '../../numeric/rational.js';
import type { Clamp, Rounding } from '../../schema/common.js';
import type { MeasureResult, MeasureTrace } from './MeasureRuntime.js';

/** Caps and rounding every measure may declare, pre-converted to exact numbers. */
export interface Finish {
  readonly min?: Rational;
  readonly max?: Rational;
  readonly round?: Rounding;
}

/** Converts declared caps and rounding once, at compile time. */
export function compileFinish(clamp: Clamp | undefined, round: Rounding | undefined): Finish {
  return {
    ...(clamp?.min !== undefined ? { min: Rational.from(clamp.min) } : {}),
    ...(clamp?.max !== undefined ? { max: Rational.from(clamp.max) } : {}),
    ...(round ? { round } : {}),
  };
}

/**
 * Applies caps, then rounding: the value {@link applyFinish} gives, for a caller that shows no trace of it (a
 * group's score and the overall score, whose steps the result does not list).
 */
export function finishValue(value: Rational, finish: Finish): Rational {
  let v = value;
  if (finish.min && v.lt(finish.min)) v = finish.min;
  else if (finish.max && v.gt(finish.max)) v = finish.max;
  return finish.round ? v.round(finish.round.decimals, finish.round.mode) : v;
}

/** Applies caps, then rounding, recording both in the trace. */
export function applyFinish(value: Rational, finish: Finish, trace: MeasureTrace): MeasureResult {
  let v = value;
  if (finish.min && v.lt(finish.min)) {
    v = finish.min;
    trace.clamped = 'min';
    trace.unrounded = value.toNumber();
  } else if (finish.max && v.gt(finish.max)) {
    v = finish.max;
    trace.clamped = 'max';
    trace.unrounded = value.toNumber();
  }
  if (finish.round) {
    const r = v.round(finish.round.decimals, finish.round.mode);
    if (!r.eq(v)) trace.unrounded ??= v.toNumber();
    v = r;
  }
  trace.value = v.toNumber();
  return { status: 'ok', value: v, trace };
}
