import type { Position } from '../diagnostics/diagnostic.js';

/**
 * Reads the error position out of a `JSON.parse` SyntaxError message, if the engine put one there.
 *
 * Engines disagree: V8 says "at position N" (sometimes with "(line L column C)"), Firefox says
 * "at line L column C", Safari says nothing. Line/column wins when present since it needs no
 * offset arithmetic.
 *
 * @param message The SyntaxError message.
 * @param toPosition Converts a 0-based UTF-16 offset into a 1-based position.
 */
export function jsonErrorPosition(
  message: string,
  toPosition: (offset: number) => Position,
): Position | undefined {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /at position (\d+)/.exec(message);
  if (pos) return toPosition(Number(pos[1]));
  return undefined;
}
