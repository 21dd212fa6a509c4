/** Resource limits applied while parsing untrusted text. */
export interface ParseLimits {
  /** Largest accepted input, in UTF-8 bytes; checked before any parsing. */
  maxBytes: number;
  /**
   * Deepest accepted nesting of maps/sequences (objects/arrays); the root collection is depth 1.
   * Values above {@link maxSupportedDepth} are lowered to it.
   */
  maxDepth: number;
  /** Most mapping keys plus sequence items accepted in one document. */
  maxNodes: number;
}

/**
 * Limits used when a caller gives none: far above any real rubric or appraisal,
 * low enough that a hostile file cannot exhaust a browser tab.
 */
export const defaultParseLimits: Readonly<ParseLimits> = Object.freeze({
  maxBytes: 1024 * 1024,
  maxDepth: 64,
  maxNodes: 100_000,
});

/**
 * Ceiling on {@link ParseLimits.maxDepth}. The yaml composer recurses per level and overflows
 * near 900 levels in Node; past that V8 has been seen to abort the whole process (out of
 * memory while compiling a regular expression) instead of throwing, which no catch can stop.
 */
export const maxSupportedDepth = 256;
