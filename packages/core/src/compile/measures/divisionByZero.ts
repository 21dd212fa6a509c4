import { createDiagnostic } from '../../diagnostics/createDiagnostic.js';
import type { InputGetter } from '../compileInputRef.js';
import type { MeasureEnv, MeasureResult, MeasureTrace } from './MeasureRuntime.js';

/** Reports a zero target that a ratio cannot divide by. */
export function divisionByZero(target: InputGetter, env: MeasureEnv, trace: MeasureTrace): MeasureResult {
  const r = target(env);
  const init: Parameters<typeof createDiagnostic>[0] = {
    code: 'division-by-zero',
    pointer: r.pointer,
    received: 0,
    params: { field: r.label },
  };
  if (env.source !== undefined) init.source = env.source;
  env.diagnostics.push(createDiagnostic(init));
  return { status: 'error', trace };
}
