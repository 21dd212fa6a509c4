export type { ParsedDocument, ParseOptions } from './ParsedDocument.js';
export { defaultParseLimits, maxSupportedDepth, type ParseLimits } from './ParseLimits.js';
export { parseJson } from './parseJson.js';
export { parseYaml } from './parseYaml.js';
export type { SourceLocator } from './SourceLocator.js';
