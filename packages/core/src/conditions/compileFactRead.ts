import type { DiagnosticInit } from '../diagnostics/createDiagnostic.js';
import { nearestSpelling } from '../diagnostics/nearestSpelling.js';
import { joinPointer } from '../diagnostics/pointer.js';
import type { ConditionContext } from './conditionTypes.js';
import type { FactShape } from './FactCatalogue.js';
import { formatFactPath, type PathSegment, parseFactPath } from './parseFactPath.js';

/** A checked read of `fact` at `path`, ready to evaluate. */
export interface FactRead {
  /** Root fact name. */
  readonly fact: string;
  /** The path as written, when there is one. */
  readonly path?: string;
  /** The parsed path. */
  readonly segments: readonly PathSegment[];
  /** `fact` with the path's `$` replaced by it (`employee.grade`), for diagnostics. */
  readonly text: string;
  /** The catalogue's shape of the value read (`any` where unchecked). */
  readonly shape: FactShape;
}

const ANY: FactShape = { type: 'any' };

// Bounds the walk should a catalogue ever be built with a shape that contains itself.
const MAX_SHAPE_DEPTH = 64;

/**
 * Checks `fact` + `path` against the catalogue: the path must be plain (`invalid-path`), the root and
 * every step must exist (`unknown-fact`), and neither the path nor the value read may reach a
 * protected attribute (`protected-fact`) — the value read lands in traces, so a container holding a
 * protected attribute is refused too. `pointer` is the node holding `fact` and `path`.
 * Returns undefined after reporting when the read is refused.
 */
export function compileFactRead(
  fact: unknown,
  path: unknown,
  pointer: string,
  ctx: ConditionContext,
): FactRead | undefined {
  const factAt = joinPointer(pointer, 'fact');
  const pathAt = joinPointer(pointer, 'path');
  let segments: readonly PathSegment[] = [];
  let pathOk = true;
  if (path !== undefined) {
    const parsed = typeof path === 'string' ? parseFactPath(path) : undefined;
    if (parsed?.ok) segments = parsed.segments;
    else {
      ctx.report({ code: 'invalid-path', pointer: pathAt, received: path });
      pathOk = false;
    }
  }
  const roots = ctx.catalogue.roots;
  if (typeof fact !== 'string' || !Object.hasOwn(roots, fact)) {
    ctx.report(unknownFact(factAt, fact, fact, Object.keys(roots).sort()));
    return undefined;
  }
  let shape = roots[fact] as FactShape;
  if (shape.type === 'protected') {
    ctx.report({ code: 'protected-fact', pointer: factAt, received: fact });
    return undefined;
  }
  if (!pathOk) return undefined;

  const walked: PathSegment[] = [];
  for (const segment of segments) {
    if (shape.type === 'any') break;
    walked.push(segment);
    const next = step(shape, segment);
    if (next === undefined) {
      ctx.report(unknownFact(pathAt, formatFactPath(fact, walked), segment, known(shape)));
      return undefined;
    }
    shape = next;
    if (shape.type === 'protected') {
      ctx.report({ code: 'protected-fact', pointer: pathAt, received: formatFactPath(fact, walked) });
      return undefined;
    }
  }
  const text = formatFactPath(fact, segments);
  const hidden = findProtected(shape, text, 0);
  if (hidden !== undefined) {
    ctx.report({ code: 'protected-fact', pointer: path === undefined ? factAt : pathAt, received: hidden });
    return undefined;
  }
  const read: FactRead = { fact, segments, text, shape: shape.type === 'any' ? ANY : shape };
  return typeof path === 'string' ? { ...read, path } : read;
}

function step(shape: FactShape, segment: PathSegment): FactShape | undefined {
  if (typeof segment === 'number') return shape.type === 'array' ? shape.items : undefined;
  if (shape.type !== 'object') return undefined;
  if (Object.hasOwn(shape.properties, segment)) return shape.properties[segment];
  return shape.open ? ANY : undefined;
}

// A misspelt indicator or fact id in a path (`$.jam-mengjar.score`) is the usual slip: the message names the id
// that was probably meant, not only the list to search.
function unknownFact(pointer: string, received: unknown, wrong: unknown, expected: unknown): DiagnosticInit {
  const init: DiagnosticInit = { code: 'unknown-fact', pointer, received, expected };
  if (typeof wrong === 'string' && Array.isArray(expected)) {
    const nearest = nearestSpelling(wrong, expected as string[]);
    if (nearest !== undefined) init.params = { nearest };
  }
  return init;
}

// What a path may name at this shape, for the unknown-fact diagnostic's `expected`.
function known(shape: FactShape): unknown {
  if (shape.type === 'object') return Object.keys(shape.properties).sort();
  if (shape.type === 'array') return '[n]';
  return [];
}

function findProtected(shape: FactShape, at: string, depth: number): string | undefined {
  if (shape.type === 'protected') return at;
  if (depth >= MAX_SHAPE_DEPTH) return undefined;
  if (shape.type === 'array') return findProtected(shape.items, `${at}[n]`, depth + 1);
  if (shape.type === 'object') {
    for (const [name, inner] of Object.entries(shape.properties)) {
      const found = findProtected(inner, `${at}.${name}`, depth + 1);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
