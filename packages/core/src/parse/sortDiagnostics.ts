import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** Most diagnostics one parse reports; a hostile file could otherwise yield one per token. */
export const maxParseDiagnostics = 100;

/** Orders diagnostics by position (unplaced ones first) and keeps the first {@link maxParseDiagnostics}. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => (d.span ? d.span.start.line * 2 ** 26 + d.span.start.column : -1);
  // Array.prototype.sort is stable, so findings at one position keep their discovery order.
  return diagnostics.sort((a, b) => key(a) - key(b)).slice(0, maxParseDiagnostics);
}
