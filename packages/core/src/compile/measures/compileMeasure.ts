import type { Measure } from '../../schema/measureSchema.js';
import { compileCombine } from './combine.js';
import { compileOptionalComposite, isComposite } from './compileOptionalComposite.js';
import { compileEfficiency } from './efficiency.js';
import { compileLookup } from './lookup.js';
import type { MeasureCompileContext } from './MeasureCompiler.js';
import type { CompiledMeasure } from './MeasureRuntime.js';
import { compileOneOf } from './oneOf.js';
import { compilePiecewise } from './piecewise.js';
import { compileQuotient } from './quotient.js';
import { compileRaters } from './raters.js';
import { compileRatio } from './ratio.js';
import { compileScale } from './scale.js';
import { compileValue } from './value.js';

/**
 * Compiles any measure by dispatching on its `kind` (one compiler per kind, one file each); an optional measure
 * built from others is wrapped so that it drops out only when everything inside it is absent.
 */
export function compileMeasure(
  m: Measure,
  pointer: string,
  ctx: MeasureCompileContext,
): CompiledMeasure | undefined {
  if (m.optional === true && isComposite(m))
    return compileOptionalComposite(m, pointer, ctx, compileKind, compileMeasure);
  return compileKind(m, pointer, ctx);
}

function compileKind(m: Measure, pointer: string, ctx: MeasureCompileContext): CompiledMeasure | undefined {
  switch (m.kind) {
    case 'ratio':
    case 'inverse-ratio':
      return compileRatio(m, pointer, ctx);
    case 'efficiency':
      return compileEfficiency(m, pointer, ctx);
    case 'scale':
      return compileScale(m, pointer, ctx);
    case 'lookup':
      return compileLookup(m, pointer, ctx);
    case 'piecewise':
      return compilePiecewise(m, pointer, ctx);
    case 'value':
    case 'constant':
      return compileValue(m, pointer, ctx);
    case 'mean':
    case 'sum':
    case 'min':
    case 'max':
    case 'product':
      return compileCombine(m, pointer, ctx);
    case 'quotient':
      return compileQuotient(m, pointer, ctx);
    case 'one-of':
      return compileOneOf(m, pointer, ctx, compileMeasure);
    case 'raters':
      return compileRaters(m, pointer, ctx);
  }
}
