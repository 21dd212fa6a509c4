import { createDiagnostic } from '../../diagnostics/createDiagnostic.js';
import type { Measure } from '../../schema/measureSchema.js';
import { applyFinish, compileFinish } from './finishMeasure.js';
import type { MeasureCompiler } from './MeasureCompiler.js';
import type { CompiledMeasure, MeasureTrace } from './MeasureRuntime.js';

type QuotientMeasure = Extract<Measure, { kind: 'quotient' }>;

/** `quotient`: the first part divided by the second, exactly; a zero divisor is a diagnostic, never ∞. */
export const compileQuotient: MeasureCompiler<QuotientMeasure> = (m, pointer, ctx) => {
  const parts = m.of.map((child, i) => ctx.measure(child, `${pointer}/of/${i}`));
  if (parts.some((p) => !p)) return undefined;
  const [num, den] = parts as [CompiledMeasure, CompiledMeasure];
  const finish = compileFinish(m.clamp, m.round);
  return (env) => {
    const a = num(env);
    const b = den(env);
    const trace: MeasureTrace = { kind: 'quotient', parts: [a.trace, b.trace] };
    if (a.status === 'error' || b.status === 'error') return { status: 'error', trace };
    if (a.status === 'pending' || b.status === 'pending') {
      return {
        status: 'pending',
        trace,
        missing: [...(a.status === 'pending' ? a.missing : []), ...(b.status === 'pending' ? b.missing : [])],
      };
    }
    if (a.status === 'dropped' || b.status === 'dropped')
      return { status: 'dropped', trace: { ...trace, dropped: true } };
    if (b.value.isZero()) {
      env.diagnostics.push(
        createDiagnostic({
          code: 'division-by-zero',
          pointer: env.recordPointer,
          received: 0,
          params: { field: 'quotient divisor' },
          ...(env.source !== undefined ? { source: env.source } : {}),
        }),
      );
      return { status: 'error', trace };
    }
    return applyFinish(a.value.div(b.value), finish, trace);
  };
};
