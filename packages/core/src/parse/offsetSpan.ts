import type { LineCounter } from 'yaml';
import type { Position, Span } from '../diagnostics/diagnostic.js';

/**
 * Converts UTF-16 offsets `[start, end)` into a 1-based line/column span.
 *
 * Offsets are string indices, so columns come out in UTF-16 code units, as editors count them.
 */
export function offsetSpan(lineCounter: LineCounter, start: number, end: number): Span {
  return { start: position(lineCounter, start), end: position(lineCounter, Math.max(start, end)) };
}

function position(lineCounter: LineCounter, offset: number): Position {
  const p = lineCounter.linePos(offset);
  // line 0 means no line start was recorded (empty input): everything is on line 1.
  return p.line === 0 ? { line: 1, column: offset + 1 } : { line: p.line, column: p.col };
}
