import type { Measure } from '../../schema/measureSchema.js';
import type { InputGetter } from '../compileInputRef.js';
import type { MeasureCompileContext } from './MeasureCompiler.js';
import type { CompiledMeasure } from './MeasureRuntime.js';

/** A compile context that notes what the measures compiled through it read. */
export interface ReadRecorder {
  /** Compile through this: it passes everything on to the context it wraps. */
  readonly ctx: MeasureCompileContext;
  /** Every input compiled through it, nested measures' included. */
  readonly inputs: readonly InputGetter[];
  /** Whether a `raters` measure was compiled through it (its ratings are then an input too). */
  rated(): boolean;
}

/**
 * Wraps `ctx` so that compiling a measure through it records the inputs the measure and everything nested in it
 * read: what a measure built from others needs to tell whether its data is there at all (an optional composite,
 * the alternatives of a one-of).
 *
 * @param compileAny Compiles a nested measure with the context given.
 */
export function recordReads(
  ctx: MeasureCompileContext,
  compileAny: (m: Measure, pointer: string, ctx: MeasureCompileContext) => CompiledMeasure | undefined,
): ReadRecorder {
  const inputs: InputGetter[] = [];
  let rated = false;
  // Passed outwards: a recorder nested in this one (a one-of or optional composite inside it) compiles its raters
  // without going through `measure` below, so it tells this one, and this one the one around it.
  const noteRaters = () => {
    rated = true;
    ctx.noteRaters?.();
  };
  const recording: MeasureCompileContext = {
    ...ctx,
    input: (ref, at) => {
      const get = ctx.input(ref, at);
      if (get) inputs.push(get);
      return get;
    },
    measure: (child, at) => {
      if (child.kind === 'raters') noteRaters();
      return compileAny(child, at, recording);
    },
    noteRaters,
  };
  return { ctx: recording, inputs, rated: () => rated };
}
