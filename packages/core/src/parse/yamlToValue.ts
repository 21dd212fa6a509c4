import { isMap, isScalar, isSeq } from 'yaml';
import { scalarKeyToString } from './scalarKeyToString.js';

/**
 * Builds the plain JSON-like value of a tree that {@link checkYamlTree} accepted.
 *
 * Written by hand instead of `toJS()` so keys become strings the same way everywhere
 * (locator, duplicate check, value) and objects are ordinary `{}` whose keys are known not to
 * include `__proto__`. Recursion is safe: depth was bounded on the token stream.
 */
export function yamlToValue(node: unknown): unknown {
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      const key = scalarKeyToString(isScalar(pair.key) ? pair.key.value : null);
      out[key] = yamlToValue(pair.value);
    }
    return out;
  }
  if (isSeq(node)) return node.items.map(yamlToValue);
  if (isScalar(node)) {
    const v = node.value;
    return typeof v === 'bigint' ? Number(v) : v;
  }
  // A missing node (`key:` with nothing after it in some layouts) is YAML's empty value: null.
  return null;
}
