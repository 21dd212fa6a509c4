import type { CompiledRubric, EvaluateOptions } from '../compile/compileRubric.js';
import { KinerjaError } from '../diagnostics/KinerjaError.js';
import type { ParseLimits } from '../parse/ParseLimits.js';
import { parseJson } from '../parse/parseJson.js';
import type { Evaluation } from './Evaluation.js';

/**
 * Evaluates an appraisal given as JSON text, so that diagnostics carry line:column in that text.
 * A JSON syntax error comes back as an invalid evaluation, never as an exception. `scoreOnly` as for
 * `CompiledRubric.evaluate`.
 */
export function evaluateText(
  rubric: CompiledRubric,
  text: string,
  options: { source?: string; limits?: Partial<ParseLimits>; scoreOnly?: boolean } = {},
): Evaluation {
  const parsed = parseJson(text, options);
  if (!parsed.ok) {
    return {
      rubric: { id: rubric.id, version: rubric.version, fingerprint: rubric.fingerprint },
      appraisal: {},
      status: 'invalid',
      groups: {},
      outcomes: {},
      flags: [],
      diagnostics: parsed.diagnostics,
    };
  }
  const opts: EvaluateOptions = { locator: parsed.locator };
  if (options.source !== undefined) opts.source = options.source;
  if (options.scoreOnly === true) opts.scoreOnly = true;
  return rubric.evaluate(parsed.value, opts);
}

/** Evaluates and throws a {@link KinerjaError} unless the verdict is complete. */
export function evaluateOrThrow(
  rubric: CompiledRubric,
  appraisal: unknown,
  options?: EvaluateOptions,
): Evaluation {
  const e = rubric.evaluate(appraisal, options);
  if (e.status !== 'complete') throw new KinerjaError(e.diagnostics);
  return e;
}
