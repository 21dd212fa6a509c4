import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const RUBRIC_FILE = /\.ya?ml$/i;
// The rubric id pattern of the format (IdSchema); anything else cannot name a pack folder or package safely.
const RUBRIC_ID = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/;
const SCOPED_PACKAGE = /^@[a-z0-9][a-z0-9._~-]*\/[a-z0-9][a-z0-9._~-]*$/;

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The rubric file a pack folder or package declares: `"kinerja": { "rubric": … }`, else `<id>.rubric.yaml`. */
export function packRubricFile(dir: string, id: string): string | undefined {
  let declared: unknown;
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { kinerja?: unknown };
    declared = (manifest.kinerja as { rubric?: unknown } | undefined)?.rubric;
  } catch {
    // A pack without a readable package.json is still a pack: YAML alone is complete.
  }
  const file = resolve(dir, typeof declared === 'string' ? declared : `${id}.rubric.yaml`);
  return isFile(file) ? file : undefined;
}

/** The directory of an installed package, searched the way `require` would from `fromDir`. */
export function findPackageDir(name: string, fromDir: string): string | undefined {
  // resolve.paths rather than resolve(): a pack's `exports` may not expose package.json, and YAML-only packs
  // have no main file to resolve, yet their folder is all we need.
  const paths = createRequire(join(fromDir, 'noop.js')).resolve.paths(name) ?? [];
  for (const modules of paths) {
    const dir = join(modules, name);
    if (isFile(join(dir, 'package.json'))) return dir;
  }
  return undefined;
}

/** Package-name part after the scope and an optional `rubric-` prefix: `@kinerja/rubric-pp46` → `pp46`. */
export function idFromPackageName(name: string): string {
  return (name.split('/').pop() ?? name).replace(/^rubric-/, '');
}

/**
 * The absolute path of the rubric an `extends` names, or undefined. A `.yaml`/`.yml` ref is a file relative to
 * `fromDir`; an id is looked up as `rubrics/<id>/<id>.rubric.yaml` walking up from `fromDir` (packs of one
 * monorepo), then as the package `@kinerja/rubric-<id>`; a scoped package name is looked up as that package.
 */
export function findBaseRubric(ref: string, fromDir: string): string | undefined {
  if (RUBRIC_FILE.test(ref)) {
    const file = resolve(fromDir, ref);
    return isFile(file) ? file : undefined;
  }
  if (SCOPED_PACKAGE.test(ref)) {
    const dir = findPackageDir(ref, fromDir);
    return dir === undefined ? undefined : packRubricFile(dir, idFromPackageName(ref));
  }
  if (!RUBRIC_ID.test(ref)) return undefined;
  for (let dir = resolve(fromDir); ; dir = dirname(dir)) {
    const file = join(dir, 'rubrics', ref, `${ref}.rubric.yaml`);
    if (isFile(file)) return file;
    if (dirname(dir) === dir) break;
  }
  const dir = findPackageDir(`@kinerja/rubric-${ref}`, fromDir);
  return dir === undefined ? undefined : packRubricFile(dir, ref);
}
