import type { Diagnostic, Lang } from './diagnostic.js';

/** Thrown by the `…OrThrow` APIs; carries every diagnostic that caused it. */
export class KinerjaError extends Error {
  /** The diagnostics, errors first. */
  readonly diagnostics: readonly Diagnostic[];

  /** @param diagnostics what went wrong; @param lang language of `message`. */
  constructor(diagnostics: readonly Diagnostic[], lang: Lang = 'en') {
    const first = diagnostics.find((d) => d.severity === 'error') ?? diagnostics[0];
    const more = diagnostics.length > 1 ? ` (+${diagnostics.length - 1})` : '';
    super(first ? `${first.code}: ${first.message[lang]}${more}` : 'Kinerja error');
    this.name = 'KinerjaError';
    this.diagnostics = diagnostics;
  }
}
