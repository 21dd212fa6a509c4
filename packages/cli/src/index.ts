/**
 * @kinerja/cli — the `kinerja` command (validate, evaluate, explain, schema), also callable in-process through
 * {@link main} with an injected {@link CliIo}.
 *
 * @packageDocumentation
 */

export type { CliIo, TextSink } from './CliIo.js';
export { processIo } from './CliIo.js';
export { ExitCode } from './exitCodes.js';
export { main } from './main.js';
