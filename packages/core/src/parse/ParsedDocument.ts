import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ParseLimits } from './ParseLimits.js';
import type { SourceLocator } from './SourceLocator.js';

/** Options shared by {@link parseYaml} and {@link parseJson}. */
export interface ParseOptions {
  /** Name of the document (e.g. a file path), copied into every diagnostic. */
  source?: string;
  /** Overrides for {@link defaultParseLimits}. */
  limits?: Partial<ParseLimits>;
}

/**
 * Outcome of parsing one text document.
 *
 * On success `value` is a plain JSON-like tree: `{}` objects with string keys, arrays, strings,
 * numbers, booleans and `null`. On failure a locator is present whenever the text was
 * structurally readable, so later tooling can still point into it.
 */
export type ParsedDocument =
  | { ok: true; value: unknown; locator: SourceLocator; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[]; locator?: SourceLocator };
