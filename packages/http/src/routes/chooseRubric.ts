import type { CompiledRubric } from '@kinerja/core';
import type { HandlerContext } from '../createKinerjaHandler.js';
import { httpProblem } from '../httpProblem.js';
import { problem } from '../respond.js';

/** The rubric a request names, or the response that refuses it. */
export type Choice = { ok: true; id: string; rubric: CompiledRubric } | { ok: false; response: Response };

/**
 * Picks the rubric: `?rubric=<id>`, else the body's `"rubric"`, else the only one loaded. Naming two different
 * rubrics is a conflict (400), naming none of several is 400 `rubric-required`, an unknown id is 404.
 */
export function chooseRubric(
  fromQuery: string | undefined,
  fromBody: string | undefined,
  ctx: HandlerContext,
): Choice {
  const ids = [...ctx.rubrics.keys()];
  if (fromQuery !== undefined && fromBody !== undefined && fromQuery !== fromBody) {
    return {
      ok: false,
      response: problem(
        400,
        httpProblem('rubric-conflict', { pointer: '/rubric', received: [fromQuery, fromBody] }),
      ),
    };
  }
  const wanted = fromQuery ?? fromBody;
  if (wanted === undefined) {
    const only = ids.length === 1 ? ids[0] : undefined;
    const rubric = only === undefined ? undefined : ctx.rubrics.get(only);
    if (only !== undefined && rubric) return { ok: true, id: only, rubric };
    return { ok: false, response: problem(400, httpProblem('rubric-required', { expected: ids })) };
  }
  const rubric = ctx.rubrics.get(wanted);
  if (!rubric) {
    return {
      ok: false,
      response: problem(
        404,
        httpProblem('rubric-not-found', {
          pointer: fromQuery !== undefined ? '' : '/rubric',
          received: wanted,
          expected: ids,
        }),
      ),
    };
  }
  return { ok: true, id: wanted, rubric };
}
