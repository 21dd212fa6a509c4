import type { FactCatalogue } from '../conditions/FactCatalogue.js';
import type { DiagnosticInit } from '../diagnostics/createDiagnostic.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** What every compile step shares: where diagnostics go and what facts exist. */
export interface CompileContext {
  /** Facts conditions and measures may read. */
  readonly catalogue: FactCatalogue;
  /** Collected diagnostics. */
  readonly diagnostics: Diagnostic[];
  /** Reports a diagnostic (positions are added later from the pointer). */
  report(init: DiagnosticInit): void;
}
