import type { Diagnostic } from './diagnostic.js';

/** The outcome of a safe (non-throwing) API call: a value, or the diagnostics that prevented one. */
export type Result<T> =
  | { ok: true; value: T; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/** Builds a successful {@link Result}, keeping any warnings. */
export function ok<T>(value: T, diagnostics: Diagnostic[] = []): Result<T> {
  return { ok: true, value, diagnostics };
}

/** Builds a failed {@link Result}. */
export function fail<T = never>(diagnostics: Diagnostic[]): Result<T> {
  return { ok: false, diagnostics };
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
