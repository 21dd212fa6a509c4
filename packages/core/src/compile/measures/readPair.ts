import { Rational } from '../../numeric/rational.js';
import type { InputGetter } from '../compileInputRef.js';
import type { MeasureEnv, MeasureResult, MeasureTrace } from './MeasureRuntime.js';
import { readNumber, reportMissing } from './readNumber.js';

/** Target and realisation read together, or the result to return when they cannot be. */
export type PairRead =
  | {
      readonly ok: true;
      readonly target: Rational;
      readonly realisation: Rational;
      readonly trace: MeasureTrace;
    }
  | { readonly ok: false; readonly result: MeasureResult };

/**
 * Reads a target/realisation pair. Both absent and `optional` → the measure drops out; one absent → a
 * `missing-input` diagnostic for it.
 */
export function readPair(
  kind: string,
  target: InputGetter,
  realisation: InputGetter,
  optional: boolean,
  env: MeasureEnv,
): PairRead {
  const tf = target.field;
  const rf = realisation.field;
  const rec = env.record;
  if (tf !== undefined && rf !== undefined && rec) {
    // Both fields of the record and both finite numbers, the usual case: read as readNumber would read them,
    // without its two intermediate results.
    const tv = Object.hasOwn(rec, tf) ? rec[tf] : undefined;
    const rv = Object.hasOwn(rec, rf) ? rec[rf] : undefined;
    if (typeof tv === 'number' && Number.isFinite(tv) && typeof rv === 'number' && Number.isFinite(rv)) {
      const trace: MeasureTrace = { kind };
      // Only the explanation shows the inputs; a score-only evaluation would throw them away.
      if (env.explain !== false) trace.inputs = { target: tv, realisation: rv };
      return { ok: true, target: Rational.from(tv), realisation: Rational.from(rv), trace };
    }
  }
  const t = readNumber(target, env);
  const r = readNumber(realisation, env);
  const trace: MeasureTrace = { kind };
  if (t.kind === 'absent' && r.kind === 'absent' && optional) {
    trace.dropped = true;
    return { ok: false, result: { status: 'dropped', trace } };
  }
  if (t.kind === 'absent') reportMissing(target, env);
  if (r.kind === 'absent') reportMissing(realisation, env);
  if (t.kind !== 'ok' || r.kind !== 'ok') return { ok: false, result: { status: 'error', trace } };
  trace.inputs = { target: t.raw, realisation: r.raw };
  return { ok: true, target: t.value, realisation: r.value, trace };
}
