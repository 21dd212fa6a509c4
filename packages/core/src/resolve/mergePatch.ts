function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Told of each `null` in a patch: the path of the key it deletes (from the patch's root), whether the target had
 * that key, and the keys the target had beside it (none when the target was not a map).
 */
export type DeletionListener = (path: readonly string[], existed: boolean, keys: readonly string[]) => void;

/**
 * Applies a JSON Merge Patch (RFC 7396): maps merge key by key, `null` removes a key, anything else (lists
 * included) replaces the target whole. Returns a new value; neither input is changed. `onDelete`, when given, hears
 * of every deletion, so that a caller can refuse one that deletes nothing (a misspelt key).
 */
export function mergePatch(target: unknown, patch: unknown, onDelete?: DeletionListener): unknown {
  return merge(target, patch, onDelete, []);
}

function merge(
  target: unknown,
  patch: unknown,
  onDelete: DeletionListener | undefined,
  path: string[],
): unknown {
  if (!isPlainObject(patch)) return patch;
  const out: Record<string, unknown> = {};
  if (isPlainObject(target)) for (const [k, v] of Object.entries(target)) out[k] = v;
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) {
      onDelete?.([...path, k], Object.hasOwn(out, k), isPlainObject(target) ? Object.keys(target) : []);
      delete out[k];
    } else out[k] = merge(out[k], v, onDelete, [...path, k]);
  }
  return out;
}
