import { appraisalJsonSchema, type CompiledRubric } from '@kinerja/core';
import type { HandlerContext } from '../createKinerjaHandler.js';
import { httpProblem } from '../httpProblem.js';
import { json, problem } from '../respond.js';

function summary(id: string, r: CompiledRubric) {
  return { id, version: r.version, fingerprint: r.fingerprint, label: r.rubric.label };
}

/** `GET /rubrics`: every rubric served, in id order. */
export function rubricList(ctx: HandlerContext): Response {
  return json(200, { rubrics: [...ctx.rubrics].map(([id, r]) => summary(id, r)) });
}

/** `GET /rubrics/{id}`: one rubric's document (after `extends`) and the schema its appraisals follow. */
export function rubricDetail(id: string, ctx: HandlerContext): Response {
  const r = ctx.rubrics.get(id);
  if (!r)
    return problem(404, httpProblem('rubric-not-found', { received: id, expected: [...ctx.rubrics.keys()] }));
  const enc = encodeURIComponent(id);
  return json(200, {
    ...summary(id, r),
    rubric: r.rubric,
    appraisalSchema: appraisalJsonSchema,
    links: {
      self: `${ctx.basePath}/rubrics/${enc}`,
      evaluate: `${ctx.basePath}/evaluate?rubric=${enc}`,
      appraisalSchema: `${ctx.basePath}/schemas/appraisal.schema.json`,
      rubricSchema: `${ctx.basePath}/schemas/rubric.schema.json`,
    },
  });
}
