import { type BigIntStats, fstatSync, statSync } from 'node:fs';

/*
 * Every stat here asks for bigint results. The plain form writes into a buffer that node:fs shares with
 * `realpathSync`, which the module loader uses to follow pnpm's symlinks; after a stat of a pipe or socket (a
 * piped stdin, `<(…)`), the loader's next realpath reads that leftover and stops at the first directory, so a
 * later `import()` fails with ERR_MODULE_NOT_FOUND (nodejs/node#51142). The bigint form has a buffer of its own.
 */

/** `statSync(path)` (following symlinks) without disturbing module resolution; throws as `statSync` does. */
export function statPath(path: string): BigIntStats {
  return statSync(path, { bigint: true });
}

/** `fstatSync(fd)` without disturbing module resolution; throws as `fstatSync` does. */
export function statFd(fd: number): BigIntStats {
  return fstatSync(fd, { bigint: true });
}
