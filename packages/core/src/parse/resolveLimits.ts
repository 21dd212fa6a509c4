import { defaultParseLimits, maxSupportedDepth, type ParseLimits } from './ParseLimits.js';

/** Fills unspecified limits from {@link defaultParseLimits} and caps depth at {@link maxSupportedDepth}. */
export function resolveLimits(limits: Partial<ParseLimits> | undefined): ParseLimits {
  return {
    maxBytes: limits?.maxBytes ?? defaultParseLimits.maxBytes,
    maxDepth: Math.min(limits?.maxDepth ?? defaultParseLimits.maxDepth, maxSupportedDepth),
    maxNodes: limits?.maxNodes ?? defaultParseLimits.maxNodes,
  };
}
