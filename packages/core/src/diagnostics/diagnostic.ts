import type { DiagnosticCode } from './codes.js';

/** Pipeline stage that produced a diagnostic. */
export type Stage = 'parse' | 'validate' | 'compile' | 'resolve' | 'evaluate';

/** How serious a diagnostic is. Errors stop the stage; warnings and infos never do. */
export type Severity = 'error' | 'warning' | 'info';

/** A 1-based position in a text document. */
export interface Position {
  /** 1-based line number. */
  line: number;
  /** 1-based column number (in UTF-16 code units, as editors count them). */
  column: number;
}

/** A span of text, inclusive start and exclusive end. */
export interface Span {
  /** Where the span starts. */
  start: Position;
  /** Where the span ends (exclusive). */
  end: Position;
}

/** Message in the two languages Kinerja speaks. */
export interface Messages {
  /** Bahasa Indonesia. */
  id: string;
  /** English. */
  en: string;
}

/** Language of a rendered message. */
export type Lang = keyof Messages;

/**
 * One problem found anywhere in the pipeline: parse, validate, compile or evaluate.
 *
 * Tests and tools should rely on `code`, `pointer` and `span`, never on the wording of `message`.
 */
export interface Diagnostic {
  /** Stable code; see docs/errors.md. */
  code: DiagnosticCode;
  /** Error, warning or info. */
  severity: Severity;
  /** The stage that found it. */
  stage: Stage;
  /** The document it points into, e.g. a file path or `appraisal[3]`; absent when there is only one. */
  source?: string;
  /** RFC 6901 JSON pointer to the offending value ('' is the whole document). */
  pointer: string;
  /** Position in the source text when the document came from text. */
  span?: Span;
  /** What was expected, in words or as a value. */
  expected?: unknown;
  /** What was found instead. */
  received?: unknown;
  /** The message in Bahasa Indonesia and English. */
  message: Messages;
}
