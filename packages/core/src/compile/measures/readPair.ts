import { createDiagnostic } from '../../diagnostics/createDiagnostic.js';
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
 * `missing-input` diagnostic for it. Every measure reading a pair scores achievement against a target (a count, a
 * percentage, months, rupiah), so a negative target or realisation is an `invalid-input` diagnostic: the formulas
 * would turn it into a negative or inflated score without a word. A zero target is left to the measure
 * (`division-by-zero`, or its `dropWhen`).
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
    // `>= 0` is false for NaN, so it stands for the finiteness check's lower half; -0 passes as 0.
    if (
      typeof tv === 'number' &&
      tv >= 0 &&
      tv !== Number.POSITIVE_INFINITY &&
      typeof rv === 'number' &&
      rv >= 0 &&
      rv !== Number.POSITIVE_INFINITY
    ) {
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
  const badTarget = t.value.lt(Rational.ZERO);
  const badRealisation = r.value.lt(Rational.ZERO);
  if (badTarget) reportNegative(target, env, TARGET_DOMAIN, t.raw);
  if (badRealisation) reportNegative(realisation, env, REALISATION_DOMAIN, r.raw);
  if (badTarget || badRealisation) return { ok: false, result: { status: 'error', trace } };
  trace.inputs = { target: t.raw, realisation: r.raw };
  return { ok: true, target: t.value, realisation: r.value, trace };
}

const TARGET_DOMAIN = 'number > 0';
const REALISATION_DOMAIN = 'number ≥ 0';

/** Reports a target or realisation below its domain at the input's pointer. */
function reportNegative(get: InputGetter, env: MeasureEnv, expected: string, received: number): void {
  const init: Parameters<typeof createDiagnostic>[0] = {
    code: 'invalid-input',
    pointer: get(env).pointer,
    expected,
    received,
  };
  if (env.source !== undefined) init.source = env.source;
  env.diagnostics.push(createDiagnostic(init));
}
