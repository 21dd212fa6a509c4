import { type DiagnosticCode, diagnosticCatalogue, type MessageData } from './codes.js';
import type { Diagnostic, Severity, Span, Stage } from './diagnostic.js';

/** Fields needed to build a diagnostic; message, stage and severity come from the catalogue. */
export interface DiagnosticInit extends MessageData {
  /** The code. */
  code: DiagnosticCode;
  /** JSON pointer into the document. */
  pointer: string;
  /** Source document name. */
  source?: string;
  /** Text span, when known. */
  span?: Span;
  /** Overrides the catalogue's severity. */
  severity?: Severity;
  /** Overrides the catalogue's stage (schema codes are shared by rubric and appraisal). */
  stage?: Stage;
}

/**
 * Builds a {@link Diagnostic}, rendering its message from the catalogue.
 *
 * @param init - The diagnostic's data.
 * @param source - The source document's name; defaults to `init.source`. Passed apart so that a caller adding
 *   it need not copy `init` (a spread per diagnostic was 3 % of an evaluation).
 */
export function createDiagnostic(init: DiagnosticInit, source: string | undefined = init.source): Diagnostic {
  const info = diagnosticCatalogue[init.code];
  const d: Diagnostic = {
    code: init.code,
    severity: init.severity ?? info.severity,
    stage: init.stage ?? info.stage,
    pointer: init.pointer,
    message: info.render(init),
  };
  if (source !== undefined) d.source = source;
  if (init.span !== undefined) d.span = init.span;
  if (init.expected !== undefined) d.expected = init.expected;
  if (init.received !== undefined) d.received = init.received;
  return d;
}
