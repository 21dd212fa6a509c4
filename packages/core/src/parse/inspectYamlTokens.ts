import type { CST } from 'yaml';

/** A policy violation found in the YAML concrete syntax tree, located by UTF-16 offsets. */
export interface YamlTokenFinding {
  /** Which rule was broken. */
  code: 'yaml-directive' | 'yaml-tag' | 'yaml-alias' | 'yaml-multiple-documents' | 'input-too-deep';
  /** Start offset of the offending token. */
  start: number;
  /** End offset (exclusive) of the offending token. */
  end: number;
  /** The offending source text, when useful in a message. */
  received?: string;
}

/** Everything {@link inspectYamlTokens} learned. */
export interface YamlTokenInspection {
  /** Violations, in no particular order. */
  findings: YamlTokenFinding[];
  /** True when nesting exceeded the limit; the tokens must then not be composed. */
  tooDeep: boolean;
}

type Item = { start: CST.SourceToken[]; key?: CST.Token | null; sep?: CST.SourceToken[]; value?: CST.Token };

/**
 * Checks the concrete syntax tree for directives, tags, anchors, aliases, extra documents and
 * excess nesting before anything is composed.
 *
 * This runs on the CST because the yaml parser is iterative but its composer recurses once per
 * nesting level; checking depth here is what keeps a file of 100k `[` or `- ` from overflowing
 * the stack. The walk itself uses an explicit stack for the same reason.
 */
export function inspectYamlTokens(tokens: readonly CST.Token[], maxDepth: number): YamlTokenInspection {
  const findings: YamlTokenFinding[] = [];
  const stack: Array<[CST.Token, number]> = [];
  let documents = 0;
  for (const top of tokens) {
    if (top.type === 'directive') {
      findings.push({ code: 'yaml-directive', start: top.offset, end: top.offset + top.source.length });
    } else if (top.type === 'document') {
      documents++;
      if (documents === 2) {
        const marker = top.start.find((t) => t.type === 'doc-start');
        const end = marker ? marker.offset + marker.source.length : top.offset + 1;
        findings.push({ code: 'yaml-multiple-documents', start: top.offset, end });
      }
      stack.push([top, 0]);
    }
  }
  // Reversed so findings come out roughly in source order, which keeps diagnostics readable.
  stack.reverse();
  const pushAll = (list: readonly CST.Token[] | undefined, depth: number): void => {
    if (list) for (let i = list.length - 1; i >= 0; i--) stack.push([list[i] as CST.Token, depth]);
  };
  const pushItems = (items: readonly Item[], depth: number): void => {
    for (let i = items.length - 1; i >= 0; i--) {
      const it = items[i] as Item;
      if (it.value) stack.push([it.value, depth]);
      pushAll(it.sep, depth);
      if (it.key) stack.push([it.key, depth]);
      pushAll(it.start, depth);
    }
  };
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [token, depth] = entry;
    switch (token.type) {
      case 'document':
        pushAll(token.end, depth);
        if (token.value) stack.push([token.value, depth]);
        pushAll(token.start, depth);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        const d = depth + 1;
        if (d > maxDepth) {
          findings.push({ code: 'input-too-deep', start: token.offset, end: token.offset + 1 });
          return { findings, tooDeep: true };
        }
        if (token.type === 'flow-collection') {
          pushAll(token.end, d);
          pushItems(token.items, d);
        } else pushItems(token.items, d);
        break;
      }
      case 'block-scalar':
        pushAll(token.props, depth);
        break;
      case 'alias':
      case 'anchor':
        findings.push({
          code: 'yaml-alias',
          start: token.offset,
          end: token.offset + token.source.length,
          received: token.source,
        });
        if (token.type === 'alias') pushAll(token.end, depth);
        break;
      case 'tag':
        findings.push({
          code: 'yaml-tag',
          start: token.offset,
          end: token.offset + token.source.length,
          received: token.source,
        });
        break;
      case 'directive':
        findings.push({
          code: 'yaml-directive',
          start: token.offset,
          end: token.offset + token.source.length,
        });
        break;
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
        pushAll(token.end, depth);
        break;
      default:
        break;
    }
  }
  return { findings, tooDeep: false };
}
