import { isMap, isPair, isScalar, isSeq } from 'yaml';
import { joinPointer } from '../diagnostics/pointer.js';
import { scalarKeyToString } from './scalarKeyToString.js';

type Ranged = { range?: [number, number, number] | null } | null | undefined;
const rangeOf = (n: unknown) => (n as Ranged)?.range ?? undefined;

/**
 * JSON pointer of the innermost map entry or sequence item whose text contains `offset`.
 *
 * Used for findings that come from raw tokens (tags, anchors) which the composed tree does
 * not record: a property sits just before its node, so it belongs to the first item that
 * ends after it.
 */
export function pointerAtOffset(root: unknown, offset: number): string {
  let pointer = '';
  let node: unknown = root;
  for (;;) {
    if (!(isMap(node) || isSeq(node))) return pointer;
    const range = rangeOf(node);
    if (!range || offset < range[0]) return pointer;
    let token: string | undefined;
    let next: unknown;
    const items: unknown[] = node.items;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (isPair(item)) {
        const end = rangeOf(item.value)?.[2] ?? rangeOf(item.key)?.[2];
        if (end === undefined || end <= offset) continue;
        if (isSeq(node)) token = String(i);
        else if (item.key === null || isScalar(item.key)) token = scalarKeyToString(item.key?.value ?? null);
        else return pointer;
        const keyEnd = rangeOf(item.key)?.[1] ?? -1;
        next = offset >= keyEnd ? item.value : undefined;
      } else {
        const end = rangeOf(item)?.[2];
        if (end === undefined || end <= offset) continue;
        token = String(i);
        next = item;
      }
      break;
    }
    if (token === undefined) return pointer;
    pointer = joinPointer(pointer, token);
    node = next;
  }
}
