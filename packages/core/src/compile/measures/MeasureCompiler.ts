import type { Measure } from '../../schema/measureSchema.js';
import type { CompileContext } from '../CompileContext.js';
import type { InputGetter } from '../compileInputRef.js';
import type { CompiledMeasure } from './MeasureRuntime.js';

/** What a measure compiler may use besides the shared context. */
export interface MeasureCompileContext extends CompileContext {
  /** Compiles an input reference; undefined (with a diagnostic) when it is invalid. */
  input(ref: unknown, pointer: string): InputGetter | undefined;
  /** Compiles a nested measure. */
  measure(m: Measure, pointer: string): CompiledMeasure | undefined;
  /**
   * Called when a `raters` measure is compiled anywhere below: a read recorder (`recordReads`) sets it so that a
   * recorder nested in another (a one-of inside a one-of's alternative) tells the outer one too.
   */
  noteRaters?(): void;
}

/** Compiles one kind of measure to a closure; undefined (with diagnostics) when it is not well formed. */
export type MeasureCompiler<M extends Measure> = (
  measure: M,
  pointer: string,
  ctx: MeasureCompileContext,
) => CompiledMeasure | undefined;
