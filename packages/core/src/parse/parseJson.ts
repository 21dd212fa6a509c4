import { createDiagnostic } from '../diagnostics/createDiagnostic.js';
import type { Diagnostic, Position } from '../diagnostics/diagnostic.js';
import { checkInputSize } from './checkInputSize.js';
import { createJsonLocator } from './createJsonLocator.js';
import { jsonErrorPosition } from './jsonErrorPosition.js';
import { lineCounterFor } from './lineCounterFor.js';
import { offsetSpan } from './offsetSpan.js';
import type { ParsedDocument, ParseOptions } from './ParsedDocument.js';
import { parseCleanJson } from './parseCleanJson.js';
import { resolveLimits } from './resolveLimits.js';
import { scanJson } from './scanJson.js';
import { sortDiagnostics } from './sortDiagnostics.js';

/**
 * Parses a JSON appraisal with strict JSON semantics (`JSON.parse`), additionally refusing
 * duplicate keys, the keys `__proto__`, `constructor` and `prototype`, number literals a double
 * cannot hold exactly (`number-precision`, as in YAML), and input beyond the {@link ParseLimits}. A leading byte-order mark is ignored, as RFC 8259 allows.
 *
 * Never throws for bad input; every problem becomes a diagnostic with a pointer and a span.
 *
 * @param text The JSON source.
 * @param options Source name for diagnostics and limit overrides.
 */
export function parseJson(text: string, options: ParseOptions = {}): ParsedDocument {
  const { source } = options;
  const limits = resolveLimits(options.limits);
  const tooLarge = checkInputSize(text, limits.maxBytes, source);
  if (tooLarge) return { ok: false, diagnostics: [tooLarge] };
  // Spreadsheet exports often start with a BOM; dropping it also keeps columns as editors show them.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;

  // Most appraisals are clean, and proving that costs a fraction of the scan; the scan still finds, and words, every
  // problem of the rest. The proof parses before it checks the node and depth limits, which the size check above
  // bounds: at most maxBytes of text is ever materialised, and only until the proof fails.
  const clean = parseCleanJson(body, limits);
  if (clean !== undefined) {
    return { ok: true, value: clean.value, locator: createJsonLocator(body), diagnostics: [] };
  }
  const findings = scanJson(body, limits);
  if (findings.length === 0) {
    try {
      return { ok: true, value: JSON.parse(body), locator: createJsonLocator(body), diagnostics: [] };
    } catch (error) {
      // Only reachable if the scanner is laxer than the engine; the engine's verdict stands.
      if (!(error instanceof SyntaxError || error instanceof RangeError)) throw error;
      return { ok: false, diagnostics: [engineFailure(body, error, limits.maxDepth, source)] };
    }
  }

  const lineCounter = lineCounterFor(body);
  // Syntax errors are worded from the scanner's finding, never the engine's message: that is English only and
  // differs between engines, and the same text must give the same bytes in Node, browsers and other runtimes.
  const diagnostics = findings.map((f): Diagnostic => {
    const syntax = f.code === 'json-syntax';
    return createDiagnostic({
      code: f.code,
      pointer: f.pointer,
      source,
      span: offsetSpan(lineCounter, f.start, f.end),
      received: f.received,
      expected: syntax
        ? f.expected
        : f.code === 'input-too-deep'
          ? limits.maxDepth
          : f.code === 'input-too-many-keys'
            ? limits.maxNodes
            : undefined,
      params: syntax ? { problem: f.problem ?? 'unexpected-character' } : undefined,
    });
  });
  const syntaxOnly = findings.every((f) => f.code === 'json-syntax');
  // A locator needs well-formed text; after a syntax error or a limit hit there is none to offer.
  const locatable =
    !syntaxOnly &&
    findings.every(
      (f) => f.code === 'duplicate-key' || f.code === 'forbidden-key' || f.code === 'number-precision',
    );
  return locatable
    ? { ok: false, diagnostics: sortDiagnostics(diagnostics), locator: createJsonLocator(body) }
    : { ok: false, diagnostics: sortDiagnostics(diagnostics) };
}

function engineFailure(body: string, error: Error, maxDepth: number, source: string | undefined): Diagnostic {
  const start: Position = { line: 1, column: 1 };
  if (error instanceof RangeError) {
    return createDiagnostic({
      code: 'input-too-deep',
      pointer: '',
      source,
      span: { start, end: start },
      expected: maxDepth,
    });
  }
  const lineCounter = lineCounterFor(body);
  const at = jsonErrorPosition(error.message, (o) => offsetSpan(lineCounter, o, o).start) ?? start;
  return createDiagnostic({
    code: 'json-syntax',
    pointer: '',
    source,
    span: { start: at, end: at },
    params: { detail: error.message },
  });
}
