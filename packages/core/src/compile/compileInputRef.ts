import type { FactShape } from '../conditions/FactCatalogue.js';
import { formatFactPath, parseFactPath } from '../conditions/parseFactPath.js';
import { readFactPath } from '../conditions/readFactPath.js';
import { joinPointer } from '../diagnostics/pointer.js';
import type { InputRef } from '../schema/measureSchema.js';
import type { CompileContext } from './CompileContext.js';
import type { MeasureEnv } from './measures/MeasureRuntime.js';

/** What an input getter found. */
export interface InputRead {
  /** Whether a value (not null) is there. */
  readonly present: boolean;
  /** The value. */
  readonly value: unknown;
  /** A name for the input, for messages (`realisation`, `facts.innovation`). */
  readonly label: string;
  /** Appraisal pointer of the input, for diagnostics. */
  readonly pointer: string;
}

/**
 * A field of the input record as read. The pointer is only wanted when something is wrong, so it is joined on
 * demand: joining it on every read was a tenth of a PP 46 evaluation.
 */
class FieldRead implements InputRead {
  constructor(
    readonly present: boolean,
    readonly value: unknown,
    readonly label: string,
    private readonly recordPointer: string,
  ) {}

  get pointer(): string {
    return joinPointer(this.recordPointer, this.label);
  }
}

/**
 * Reads one input of a measure at evaluation time. A getter of a field of the input record names the field too,
 * so that a number there can be read without building an {@link InputRead}.
 */
export type InputGetter = ((env: MeasureEnv) => InputRead) & { readonly field?: string };

/**
 * Where a fact comes from in the appraisal, so a missing fact points at the place to fill in. Facts the engine
 * derives (predicate, groups, …) have no place in the appraisal and point at its root.
 */
export function appraisalPointerOfFact(root: string, segments: readonly (string | number)[]): string {
  if (root === 'facts' || root === 'employee') return joinPointer(`/${root}`, ...segments);
  if (root === 'period') return '/period';
  return '';
}

/** Walks a catalogue shape along a path: the shape found, or why not. */
function shapeAt(
  root: FactShape,
  segments: readonly (string | number)[],
): { ok: true; shape: FactShape } | { ok: false; protected: boolean; known?: string[] } {
  let shape = root;
  for (const s of segments) {
    if (shape.type === 'protected') return { ok: false, protected: true };
    if (shape.type === 'any') return { ok: true, shape };
    if (shape.type === 'array' && typeof s === 'number') shape = shape.items;
    else if (shape.type === 'object' && typeof s === 'string') {
      const next = Object.hasOwn(shape.properties, s) ? shape.properties[s] : undefined;
      if (!next) {
        if (shape.open) return { ok: true, shape: { type: 'any' } };
        return { ok: false, protected: false, known: Object.keys(shape.properties).sort() };
      }
      shape = next;
    } else return { ok: false, protected: false };
  }
  return shape.type === 'protected' ? { ok: false, protected: true } : { ok: true, shape };
}

/**
 * Compiles an input reference: a field name reads the current input record (own property only); `{ fact, path }`
 * reads a fact, checked against the catalogue now so that an unknown or protected fact is a load-time error.
 */
export function compileInputRef(
  ref: InputRef,
  pointer: string,
  ctx: CompileContext,
): InputGetter | undefined {
  if (typeof ref === 'string') {
    const get = (env: MeasureEnv): InputRead => {
      const rec = env.record;
      const value = rec && Object.hasOwn(rec, ref) ? rec[ref] : undefined;
      return new FieldRead(value !== undefined && value !== null, value, ref, env.recordPointer);
    };
    return Object.assign(get, { field: ref });
  }
  const rootShape = Object.hasOwn(ctx.catalogue.roots, ref.fact) ? ctx.catalogue.roots[ref.fact] : undefined;
  if (!rootShape) {
    ctx.report({
      code: 'unknown-fact',
      pointer: joinPointer(pointer, 'fact'),
      received: ref.fact,
      expected: Object.keys(ctx.catalogue.roots).sort(),
    });
    return undefined;
  }
  let segments: readonly (string | number)[] = [];
  if (ref.path !== undefined) {
    const parsed = parseFactPath(ref.path);
    if (!parsed.ok) {
      ctx.report({ code: 'invalid-path', pointer: joinPointer(pointer, 'path'), received: ref.path });
      return undefined;
    }
    segments = parsed.segments;
  }
  const found = shapeAt(rootShape, segments);
  if (!found.ok) {
    const label = formatFactPath(ref.fact, segments);
    if (found.protected) ctx.report({ code: 'protected-fact', pointer, received: label });
    else ctx.report({ code: 'unknown-fact', pointer, received: label, expected: found.known });
    return undefined;
  }
  const label = formatFactPath(ref.fact, segments);
  const factPointer = appraisalPointerOfFact(ref.fact, segments);
  return (env) => {
    const value = readFactPath(env.facts(ref.fact), segments);
    return { present: value !== undefined && value !== null, value, label, pointer: factPointer };
  };
}
