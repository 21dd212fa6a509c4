import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import { joinPointer } from '../diagnostics/pointer.js';
import { forbiddenKeys } from './forbiddenKeys.js';
import { scalarKeyToString } from './scalarKeyToString.js';

/** A problem found in the composed YAML tree, with the offsets and pointer of the offending key or item. */
export interface YamlTreeFinding {
  /** Which rule was broken. */
  code: 'duplicate-key' | 'forbidden-key' | 'yaml-syntax' | 'input-too-many-keys';
  /** Start offset. */
  start: number;
  /** End offset (exclusive). */
  end: number;
  /** JSON pointer of the offending entry. */
  pointer: string;
  /** The offending key, when there is one. */
  received?: string;
  /** Extra wording for `yaml-syntax` (English). */
  detail?: string;
  /** The `yaml-syntax` problem's key, for wording it in other languages. */
  problem?: string;
}

type Ranged = { range?: [number, number, number] | null } | null | undefined;
const rangeOf = (n: unknown) => (n as Ranged)?.range ?? undefined;

/**
 * Checks a composed tree for what would make the JSON-like value unsafe or ambiguous:
 * duplicate keys (compared after conversion to strings, so `1:` and `"1":` collide),
 * forbidden keys, complex keys, and too many keys plus items.
 *
 * Runs before the value is built so refused documents never allocate it. The walk uses an
 * explicit stack so it does not depend on the depth limit being small.
 */
export function checkYamlTree(root: unknown, maxNodes: number): YamlTreeFinding[] {
  const findings: YamlTreeFinding[] = [];
  const stack: Array<[unknown, string]> = [[root, '']];
  let nodes = 0;
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [node, pointer] = entry;
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const keyRange = rangeOf(pair.key) ?? rangeOf(pair.value) ?? rangeOf(node);
        const start = keyRange?.[0] ?? 0;
        const end = keyRange?.[1] ?? start;
        if (++nodes > maxNodes) {
          findings.push({ code: 'input-too-many-keys', start, end, pointer });
          return findings;
        }
        // Aliases are already reported from the token stream; they carry no usable key.
        if (isAlias(pair.key)) continue;
        if (pair.key !== null && !isScalar(pair.key)) {
          findings.push({
            code: 'yaml-syntax',
            start,
            end,
            pointer,
            problem: 'complex-key',
            detail: 'complex mapping keys are not supported',
          });
          continue;
        }
        const key = scalarKeyToString(pair.key === null ? null : pair.key.value);
        const keyPointer = joinPointer(pointer, key);
        if (forbiddenKeys.has(key)) {
          findings.push({ code: 'forbidden-key', start, end, pointer: keyPointer, received: key });
        } else if (seen.has(key)) {
          findings.push({ code: 'duplicate-key', start, end, pointer: keyPointer, received: key });
        } else seen.add(key);
        // Refused entries are still searched so one run reports every problem, as parseJson does.
        stack.push([pair.value, keyPointer]);
      }
    } else if (isSeq(node)) {
      const items: unknown[] = node.items;
      for (let i = 0; i < items.length; i++) {
        if (++nodes > maxNodes) {
          const r = rangeOf(items[i]) ?? rangeOf(node);
          findings.push({ code: 'input-too-many-keys', start: r?.[0] ?? 0, end: r?.[1] ?? 0, pointer });
          return findings;
        }
        stack.push([items[i], joinPointer(pointer, i)]);
      }
    }
  }
  return findings;
}
