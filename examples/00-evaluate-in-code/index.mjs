// The smallest useful embedding of @kinerja/core: `pnpm build && node examples/00-evaluate-in-code/index.mjs`.
// All the work is in example.mjs, which the test imports too (from source); this file only prints.
import { run } from './example.mjs';

run(console.log);
