import type { Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * Most diagnostics one stage (parse, schema validation, compile) reports; a hostile file could otherwise yield one
 * per token or item, and a reader fixes the first hundred before the next matter.
 */
export const maxParseDiagnostics = 100;

function severityRank(d: Diagnostic): number {
  return d.severity === 'error' ? 0 : d.severity === 'warning' ? 1 : 2;
}

/**
 * Orders diagnostics for a reader and keeps the first {@link maxParseDiagnostics}: errors before warnings; then by
 * document, in the order the documents were first reported (a rubric and the base it extends); within one document,
 * those without a position (about the whole document) first, then by line and column. Array.prototype.sort is
 * stable, so findings at one position keep the order they were found in.
 */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const sources = new Map<string | undefined, number>();
  for (const d of diagnostics) if (!sources.has(d.source)) sources.set(d.source, sources.size);
  const position = (d: Diagnostic) => (d.span ? d.span.start.line * 2 ** 26 + d.span.start.column : -1);
  return diagnostics
    .sort(
      (a, b) =>
        severityRank(a) - severityRank(b) ||
        (sources.get(a.source) as number) - (sources.get(b.source) as number) ||
        position(a) - position(b),
    )
    .slice(0, maxParseDiagnostics);
}
