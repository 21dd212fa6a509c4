/**
 * @kinerja/core/node — loading rubrics from the file system: files, `extends` across files, packs in a
 * monorepo's `rubrics/` folder and installed `@kinerja/rubric-*` packages. The only part of core that imports
 * `node:*`; everything else stays runnable in browsers and edge runtimes.
 *
 * @packageDocumentation
 */

// Also exported from the main entry; kept here for code that imported it from `./node` first.
export { decodeUtf8Text } from '@kinerja/core';
export { type FileResolverOptions, fileResolver } from './fileResolver.js';
export { type LoadRubricFileOptions, loadRubricFile } from './loadRubricFile.js';
export { loadRubricPack } from './loadRubricPack.js';
export { type ReadTextFileOptions, readTextFile } from './readTextFile.js';
