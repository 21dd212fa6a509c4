import { type CompiledRubric, compileRubric } from './compile/compileRubric.js';
import { KinerjaError } from './diagnostics/KinerjaError.js';
import { fail, type Result } from './diagnostics/result.js';
import type { ParseLimits } from './parse/ParseLimits.js';
import { type RubricResolver, resolveRubric } from './resolve/resolveRubric.js';

/** Options for {@link loadRubric}. */
export interface LoadRubricOptions {
  /** Name of the rubric document (e.g. its file path), copied into diagnostics. */
  source?: string;
  /** Finds rubrics named by `extends`. Without it, a rubric that extends another fails with extends-not-found. */
  resolve?: RubricResolver;
  /** Parse limits (size, depth, keys). */
  limits?: Partial<ParseLimits>;
}

/**
 * Loads a rubric from YAML text: parse → validate → resolve `extends` → compile. Returns the compiled rubric or
 * diagnostics with line:column; never throws for a problem in the text.
 *
 * The diagnostics (of a failure, or the warnings of a success) come from the first stage that found a problem and
 * are in reading order: errors before warnings; then by document, the one first reported first (a rubric, then the
 * base it extends); within a document, those without a position (about the whole document) first, then by line and
 * column, and those at one position in the order found. At most 100 are returned, as the parser caps its own: a file
 * with more reports its first 100 (a schema error list is cut in the order the schema reads the document).
 *
 * @example
 * const r = loadRubric(yamlText, { source: 'skp.rubric.yaml' });
 * if (r.ok) console.log(r.value.evaluate(appraisal).predicate);
 * else for (const d of r.diagnostics) console.log(d.span?.start.line, d.code, d.message.en);
 */
export function loadRubric(text: string, options: LoadRubricOptions = {}): Result<CompiledRubric> {
  const resolved = resolveRubric(text, options);
  if (!resolved.ok) return fail(resolved.diagnostics);
  return compileRubric(resolved.value, {
    ...(options.source !== undefined ? { source: options.source } : {}),
    locate: resolved.locate,
  });
}

/** Like {@link loadRubric}, but throws a {@link KinerjaError} carrying the diagnostics. */
export function loadRubricOrThrow(text: string, options: LoadRubricOptions = {}): CompiledRubric {
  const r = loadRubric(text, options);
  if (!r.ok) throw new KinerjaError(r.diagnostics);
  return r.value;
}
