import type { Span } from '../diagnostics/diagnostic.js';

/** Maps JSON pointers into a parsed document back to positions in its source text. */
export interface SourceLocator {
  /**
   * Span of the value (or, with `'key'`, of the mapping key) that `pointer` names.
   *
   * When the pointer goes deeper than the document, the span of the deepest existing ancestor
   * is returned, so a "missing property" error still lands on the object that lacks it.
   * `'key'` falls back to the value span when the pointer does not end at a mapping key.
   *
   * @param pointer RFC 6901 JSON pointer; `''` is the whole document.
   * @param what Whether to locate the value (default) or its mapping key.
   * @returns The 1-based span, or `undefined` when the document is empty.
   */
  locate(pointer: string, what?: 'value' | 'key'): Span | undefined;
}
