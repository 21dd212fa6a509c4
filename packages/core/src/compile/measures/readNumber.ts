import { createDiagnostic } from '../../diagnostics/createDiagnostic.js';
import { Rational } from '../../numeric/rational.js';
import type { InputGetter } from '../compileInputRef.js';
import type { MeasureEnv, MeasureResult, MeasureTrace } from './MeasureRuntime.js';

/** A number read from an input, or why there is none. */
export type NumberRead =
  | { readonly kind: 'ok'; readonly value: Rational; readonly raw: number; readonly label: string }
  | { readonly kind: 'absent' }
  | { readonly kind: 'error' };

/**
 * Reads a finite number through an input getter: a number from the appraisal, or an exact value the engine
 * computed earlier (a score). Absent stays absent (the caller decides whether that is an error or a drop); any
 * other non-number is an `invalid-input` diagnostic, never a silent 0.
 */
export function readNumber(get: InputGetter, env: MeasureEnv): NumberRead {
  const field = get.field;
  if (field !== undefined) {
    // The usual case, a finite number in the record, read as the getter would read it, minus its InputRead.
    const rec = env.record;
    const v = rec && Object.hasOwn(rec, field) ? rec[field] : undefined;
    if (typeof v === 'number' && Number.isFinite(v))
      return { kind: 'ok', value: Rational.from(v), raw: v, label: field };
  }
  const r = get(env);
  if (!r.present) return { kind: 'absent' };
  const v = r.value;
  if (typeof v === 'number' && Number.isFinite(v))
    return { kind: 'ok', value: Rational.from(v), raw: v, label: r.label };
  // A number the engine computed (score, groups.<g>.score, indicators.<i>.score) is kept exact, as a Rational:
  // read as it is, so credit points from the score are not refused nor rounded on the way.
  if (v instanceof Rational) return { kind: 'ok', value: v, raw: v.toNumber(), label: r.label };
  const init: Parameters<typeof createDiagnostic>[0] = {
    code: 'invalid-input',
    pointer: r.pointer,
    expected: 'finite number',
    received: v,
  };
  if (env.source !== undefined) init.source = env.source;
  env.diagnostics.push(createDiagnostic(init));
  return { kind: 'error' };
}

/** Reports an absent required input. */
export function reportMissing(get: InputGetter, env: MeasureEnv): void {
  const r = get(env);
  const init: Parameters<typeof createDiagnostic>[0] = {
    code: 'missing-input',
    pointer: r.pointer,
    expected: r.label,
  };
  if (env.source !== undefined) init.source = env.source;
  env.diagnostics.push(createDiagnostic(init));
}

/** One number read for a single-input measure, or the result the measure returns instead. */
export type SingleRead =
  | { readonly ok: true; readonly value: Rational; readonly raw: number }
  | { readonly ok: false; readonly result: MeasureResult };

/**
 * Reads the one input of `lookup`, `piecewise` or `value`: absent and `optional` → the measure drops out;
 * absent otherwise → `missing-input`; a non-number → `invalid-input`. On success the raw input goes in the trace.
 */
export function readSingle(
  get: InputGetter,
  optional: boolean,
  env: MeasureEnv,
  trace: MeasureTrace,
): SingleRead {
  const x = readNumber(get, env);
  if (x.kind === 'absent') {
    if (optional) {
      // The caller built this trace for this call alone; a spread copy here was 4 % of a PP 46 evaluation.
      trace.dropped = true;
      return { ok: false, result: { status: 'dropped', trace } };
    }
    reportMissing(get, env);
    return { ok: false, result: { status: 'error', trace } };
  }
  if (x.kind === 'error') return { ok: false, result: { status: 'error', trace } };
  trace.inputs = oneEntry(x.label, x.raw);
  return { ok: true, value: x.value, raw: x.raw };
}

/**
 * `{ [key]: value }` as an own property whatever the key. A computed-key literal does that but goes through a
 * slow runtime path (3 % of a PP 46 evaluation); a keyed store is fast, and only `__proto__` needs defining.
 */
export function oneEntry(key: string, value: unknown): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  if (key === '__proto__')
    Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  else o[key] = value;
  return o;
}
