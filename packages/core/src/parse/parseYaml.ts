import { Composer, LineCounter, Parser, type YAMLError, type YAMLWarning } from 'yaml';
import { createDiagnostic } from '../diagnostics/createDiagnostic.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { checkInputSize } from './checkInputSize.js';
import { checkYamlTree } from './checkYamlTree.js';
import { createAstLocator } from './createAstLocator.js';
import { findImpreciseNumbers } from './findImpreciseNumbers.js';
import { inspectYamlTokens, type YamlTokenFinding } from './inspectYamlTokens.js';
import { offsetSpan } from './offsetSpan.js';
import type { ParsedDocument, ParseOptions } from './ParsedDocument.js';
import type { ParseLimits } from './ParseLimits.js';
import { pointerAtOffset } from './pointerAtOffset.js';
import { resolveLimits } from './resolveLimits.js';
import { separateYamlFollowOns } from './separateYamlFollowOns.js';
import { sortDiagnostics } from './sortDiagnostics.js';
import { yamlToValue } from './yamlToValue.js';

// Plain YAML 1.2 core: no `<<` merging, no YAML 1.1 extra tags even when asked for explicitly,
// and duplicate keys left to checkYamlTree, which compares them as the strings they become.
const composeOptions = {
  version: '1.2',
  schema: 'core',
  merge: false,
  resolveKnownTags: false,
  uniqueKeys: false,
  strict: true,
  intAsBigInt: false,
  prettyErrors: false,
} as const;

// yaml's own complaints that merely restate a policy finding; reporting both would be noise.
const restated: Record<YamlTokenFinding['code'], readonly string[]> = {
  'yaml-tag': ['TAG_RESOLVE_FAILED', 'MULTIPLE_TAGS', 'ALIAS_PROPS'],
  'yaml-alias': ['BAD_ALIAS', 'MULTIPLE_ANCHORS', 'ALIAS_PROPS', 'RESOURCE_EXHAUSTION'],
  'yaml-directive': ['BAD_DIRECTIVE'],
  'yaml-multiple-documents': ['MULTIPLE_DOCS'],
  'input-too-deep': [],
};

// yaml's errors and warnings for a text composed exactly as a rubric is.
function errorsOf(text: string): Array<YAMLError | YAMLWarning> {
  const docs = new Composer(composeOptions).compose(new Parser().parse(text), true, text.length);
  return Array.from(docs).flatMap((doc) => [...doc.errors, ...doc.warnings]);
}

/**
 * Parses a YAML rubric into a plain JSON-like value, refusing everything that makes YAML
 * surprising or unsafe: directives, tags, anchors/aliases, multiple documents, duplicate or
 * forbidden keys, complex keys, and input beyond {@link ParseLimits}.
 *
 * Never throws for bad input; every problem becomes a diagnostic with a pointer and a span.
 * An empty document parses to `null`.
 *
 * @param text The YAML source.
 * @param options Source name for diagnostics and limit overrides.
 */
export function parseYaml(text: string, options: ParseOptions = {}): ParsedDocument {
  const limits = resolveLimits(options.limits);
  const tooLarge = checkInputSize(text, limits.maxBytes, options.source);
  if (tooLarge) return { ok: false, diagnostics: [tooLarge] };
  try {
    return parseWithinLimits(text, limits, options.source);
  } catch (error) {
    // Depth is checked before recursion, but a caller may raise maxDepth past what the stack holds.
    if (!(error instanceof RangeError)) throw error;
    const at = { line: 1, column: 1 };
    return {
      ok: false,
      diagnostics: [
        createDiagnostic({
          code: 'input-too-deep',
          pointer: '',
          source: options.source,
          span: { start: at, end: at },
          expected: limits.maxDepth,
        }),
      ],
    };
  }
}

function parseWithinLimits(raw: string, limits: ParseLimits, source: string | undefined): ParsedDocument {
  // YAML 1.2 reads a lone CR (old Mac line ends) as a line break, but the yaml library does not: it read such a
  // file as one line and gave a syntax error per key. A lone CR becomes LF, one character for one, so offsets,
  // lines and columns stay those of the text; inside a scalar a line break is LF after YAML's own normalising.
  const text = raw.includes('\r') ? raw.replace(/\r(?!\n)/g, '\n') : raw;
  const lineCounter = new LineCounter();
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  const { findings, tooDeep } = inspectYamlTokens(tokens, limits.maxDepth);
  const at = (start: number, end: number) => offsetSpan(lineCounter, start, end);

  if (tooDeep) {
    const diagnostics = findings.map((f) =>
      createDiagnostic({
        code: f.code,
        pointer: '',
        source,
        span: at(f.start, f.end),
        received: f.received,
        expected: f.code === 'input-too-deep' ? limits.maxDepth : undefined,
      }),
    );
    return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  }

  const docs = Array.from(new Composer(composeOptions).compose(tokens, true, text.length));
  const contents: unknown = docs[0]?.contents ?? null;
  const diagnostics: Diagnostic[] = findings.map((f) =>
    createDiagnostic({
      code: f.code,
      pointer: pointerAtOffset(contents, f.start),
      source,
      span: at(f.start, f.end),
      received: f.received,
    }),
  );
  const skip = new Set(findings.flatMap((f) => restated[f.code]));
  const syntaxErrors: Array<YAMLError | YAMLWarning> = [];
  for (const doc of docs) {
    for (const e of [...doc.errors, ...doc.warnings]) {
      if (skip.has(e.code)) continue;
      // yaml reports its own stack overflow this way; for us that is simply too deep.
      if (e.code === 'RESOURCE_EXHAUSTION' && /call stack/i.test(e.message)) {
        diagnostics.push(
          createDiagnostic({
            code: 'input-too-deep',
            pointer: '',
            source,
            span: at(e.pos[0], e.pos[1]),
            expected: limits.maxDepth,
          }),
        );
        continue;
      }
      syntaxErrors.push(e);
    }
  }
  // One slip (a tab, a mis-indented line) makes yaml complain about every line after it; the cause is reported
  // with a count of what follows from it, so a reader fixes one thing instead of wading through a cascade.
  for (const { error: e, followOns, lastFollowOn } of separateYamlFollowOns(text, syntaxErrors, errorsOf)) {
    // The tree around a syntax error is a guess, so no pointer is claimed for it.
    diagnostics.push(
      createDiagnostic({
        code: 'yaml-syntax',
        pointer: '',
        source,
        span: at(e.pos[0], e.pos[1]),
        params:
          lastFollowOn === undefined
            ? { problem: e.code, detail: e.message }
            : {
                problem: e.code,
                detail: e.message,
                followOns,
                followOnsUntil: lineCounter.linePos(lastFollowOn).line,
              },
      }),
    );
  }
  // After a syntax error the tree is yaml's guess; checking it would report problems that are not in the text.
  const treeFindings = diagnostics.some((d) => d.code === 'yaml-syntax')
    ? []
    : checkYamlTree(contents, limits.maxNodes);
  for (const f of treeFindings) {
    diagnostics.push(
      createDiagnostic({
        code: f.code,
        pointer: f.pointer,
        source,
        span: at(f.start, f.end),
        received: f.received,
        expected: f.code === 'input-too-many-keys' ? limits.maxNodes : undefined,
        params:
          f.detail === undefined
            ? undefined
            : f.problem === undefined
              ? { detail: f.detail }
              : { problem: f.problem, detail: f.detail },
      }),
    );
  }

  if (treeFindings.length === 0 && diagnostics.length === 0) {
    for (const f of findImpreciseNumbers(contents)) {
      diagnostics.push(
        createDiagnostic({
          code: 'number-precision',
          pointer: pointerAtOffset(contents, f.start),
          source,
          span: at(f.start, f.end),
          received: f.text,
        }),
      );
    }
  }
  const locator = createAstLocator(() => ({ contents, lineCounter }));
  if (diagnostics.length > 0) return { ok: false, diagnostics: sortDiagnostics(diagnostics), locator };
  return { ok: true, value: yamlToValue(contents), locator, diagnostics };
}
