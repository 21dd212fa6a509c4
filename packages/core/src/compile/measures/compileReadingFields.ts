import type { Measure } from '../../schema/measureSchema.js';
import { compileMeasure } from './compileMeasure.js';
import type { MeasureCompileContext } from './MeasureCompiler.js';
import type { CompiledMeasure } from './MeasureRuntime.js';
import { recordReads } from './recordReads.js';

/** A measure compiled together with the fields of its input record it (or anything nested in it) reads. */
export interface MeasureWithFields {
  readonly measure: CompiledMeasure;
  /** Field names, sorted and without repeats: what an input record or listed target for it may hold. */
  readonly fields: readonly string[];
}

/**
 * Compiles the measure of an indicator, addition or listed target and notes, once, which record fields it reads,
 * so that each appraisal can be checked for fields nothing reads (a misspelt `count` would otherwise leave an
 * optional measure silently dropped). Facts a measure reads are not record fields and are left out.
 */
export function compileReadingFields(
  m: Measure,
  pointer: string,
  ctx: MeasureCompileContext,
): MeasureWithFields | undefined {
  const recorder = recordReads(ctx, compileMeasure);
  const measure = recorder.ctx.measure(m, pointer);
  if (!measure) return undefined;
  const fields = new Set<string>();
  for (const get of recorder.inputs) if (get.field !== undefined) fields.add(get.field);
  return { measure, fields: [...fields].sort() };
}
