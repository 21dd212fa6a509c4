import { isMap, isScalar, isSeq, type LineCounter } from 'yaml';
import type { Span } from '../diagnostics/diagnostic.js';
import { splitPointer } from '../diagnostics/pointer.js';
import { offsetSpan } from './offsetSpan.js';
import type { SourceLocator } from './SourceLocator.js';
import { scalarKeyToString } from './scalarKeyToString.js';

/** What a locator needs: the composed YAML tree and the line table of its text. */
export interface AstLocatorSource {
  /** `Document.contents` of the composed document. */
  contents: unknown;
  /** Line starts recorded while parsing that text. */
  lineCounter: LineCounter;
}

type Ranged = { range?: [number, number, number] | null } | null | undefined;
const rangeOf = (n: unknown) => (n as Ranged)?.range ?? undefined;
const indexToken = /^(?:0|[1-9][0-9]*)$/;

/**
 * A {@link SourceLocator} over a composed yaml tree (YAML or JSON text).
 *
 * `load` runs on the first `locate` call only, so documents that validate cleanly never pay
 * for whatever it does (for JSON it parses the text a second time).
 */
export function createAstLocator(load: () => AstLocatorSource): SourceLocator {
  let loaded: AstLocatorSource | undefined;
  return {
    locate(pointer: string, what: 'value' | 'key' = 'value'): Span | undefined {
      loaded ??= load();
      const { contents, lineCounter } = loaded;
      let node: unknown = contents;
      let key: unknown;
      // Whether every token was found; only then does the caller's `'key'` request apply.
      let complete = true;
      for (const token of splitPointer(pointer)) {
        let child: unknown;
        let childKey: unknown;
        let found = false;
        if (isMap(node)) {
          for (const pair of node.items) {
            if (pair.key !== null && !isScalar(pair.key)) continue;
            if (scalarKeyToString(isScalar(pair.key) ? pair.key.value : null) !== token) continue;
            child = pair.value;
            childKey = pair.key;
            found = true;
            break;
          }
        } else if (isSeq(node) && indexToken.test(token) && Number(token) < node.items.length) {
          child = node.items[Number(token)];
          found = true;
        }
        if (!found) {
          complete = false;
          break;
        }
        // An entry written as `key:` with nothing after it has no value node worth pointing at.
        if (child === null || child === undefined) {
          node = childKey;
          key = childKey;
          break;
        }
        node = child;
        key = childKey;
      }
      const keyRange = complete && what === 'key' ? rangeOf(key) : undefined;
      const valueRange = rangeOf(node);
      // An empty value (`key:` then newline) has a zero-width range; its key is what a reader sees.
      const range =
        keyRange ??
        (valueRange && valueRange[1] === valueRange[0] ? (rangeOf(key) ?? valueRange) : valueRange);
      // An empty document (or one of comments only) still has a first line to point at.
      return range
        ? offsetSpan(lineCounter, range[0], range[1])
        : { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
    },
  };
}
