import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { findPackageDir } from './findBaseRubric.js';

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The folder of a pack: `nameOrDir` itself when it is a directory; for an id, `rubrics/<id>` in `cwd` or any
 * directory above it, then the installed package `@kinerja/rubric-<id>`; for `@scope/name`, that package.
 */
export function findPackDir(nameOrDir: string, cwd: string): string | undefined {
  const direct = resolve(cwd, nameOrDir);
  if (isDirectory(direct)) return direct;
  if (nameOrDir.startsWith('@')) return findPackageDir(nameOrDir, cwd);
  if (!/^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/.test(nameOrDir)) return undefined;
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const pack = join(dir, 'rubrics', nameOrDir);
    if (isDirectory(pack)) return pack;
    if (dirname(dir) === dir) break;
  }
  return findPackageDir(`@kinerja/rubric-${nameOrDir}`, cwd);
}
