import type { Measure } from '../../schema/measureSchema.js';
import type { MeasureCompileContext } from './MeasureCompiler.js';
import type { CompiledMeasure } from './MeasureRuntime.js';
import { recordReads } from './recordReads.js';

/** The measures built from nested measures. */
export type CompositeMeasure = Extract<
  Measure,
  { kind: 'mean' | 'sum' | 'min' | 'max' | 'product' | 'quotient' }
>;

/** Whether `m` is built from nested measures. */
export function isComposite(m: Measure): m is CompositeMeasure {
  // A one-of decides its own absence: none of its alternatives given.
  return 'of' in m && m.kind !== 'one-of';
}

/**
 * `optional: true` on a measure built from others: it drops out when every input anywhere inside it is absent
 * (and, when it nests a `raters` measure, nobody rated the indicator), exactly as the schema describes `optional`
 * for a single measure. Its parts stay required among themselves, so a half-filled indicator (a coverage with its
 * population and count but no goal) is a `missing-input` error naming what is missing, never silently dropped.
 * Marking the parts optional instead cannot say this: each part would drop on its own and take the whole with it.
 *
 * @param compileKind Compiles `m` itself, with the context given (which records the inputs it reads).
 */
export function compileOptionalComposite(
  m: CompositeMeasure,
  pointer: string,
  ctx: MeasureCompileContext,
  compileKind: (m: Measure, pointer: string, ctx: MeasureCompileContext) => CompiledMeasure | undefined,
  compileAny: (m: Measure, pointer: string, ctx: MeasureCompileContext) => CompiledMeasure | undefined,
): CompiledMeasure | undefined {
  const recorder = recordReads(ctx, compileAny);
  const inner = compileKind(m, pointer, recorder.ctx);
  if (!inner) return undefined;
  const { inputs } = recorder;
  const rated = recorder.rated();
  // Nothing inside reads the appraisal (constants only): there is nothing that could be absent.
  if (inputs.length === 0 && !rated) return inner;
  return (env) => {
    if ((!rated || env.ratings.length === 0) && inputs.every((get) => !get(env).present))
      return { status: 'dropped', trace: { kind: m.kind, dropped: true } };
    return inner(env);
  };
}
