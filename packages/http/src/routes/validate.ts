import { loadRubric, type RubricResolver } from '@kinerja/core';
import type { HandlerContext } from '../createKinerjaHandler.js';
import { httpProblem } from '../httpProblem.js';
import { mediaType, readBody } from '../readBody.js';
import { json, problem } from '../respond.js';

/** Media types accepted for a rubric: YAML under its registered and customary names, and JSON (a YAML subset). */
export const yamlTypes: readonly string[] = [
  'application/yaml',
  'text/yaml',
  'application/x-yaml',
  'text/x-yaml',
  'application/json',
];

/**
 * `POST /validate`: the body is a rubric's YAML text. 200 `{ ok: true, rubric, diagnostics }` (warnings only)
 * when it loads, 422 `{ ok: false, diagnostics }` with line:column otherwise. `extends: <id>` resolves to the
 * rubrics this handler serves, so an agency can check its rubric against the national one it extends.
 */
export async function validateRoute(request: Request, ctx: HandlerContext): Promise<Response> {
  const type = mediaType(request);
  if (type !== '' && !yamlTypes.includes(type)) {
    return problem(
      415,
      httpProblem('unsupported-media-type', { expected: 'application/yaml', received: type }),
    );
  }
  const body = await readBody(request, ctx.maxBodyBytes);
  if (!body.ok) return body.response;
  const resolve: RubricResolver = (ref) => {
    const base = ctx.rubrics.get(ref);
    // JSON is YAML: the base's resolved document, re-read as text, is a complete rubric.
    return base ? { text: JSON.stringify(base.rubric), source: `rubric:${ref}` } : undefined;
  };
  const loaded = loadRubric(body.text, { resolve, limits: { maxBytes: ctx.maxBodyBytes } });
  if (!loaded.ok) return json(422, { ok: false, diagnostics: loaded.diagnostics });
  const r = loaded.value;
  return json(200, {
    ok: true,
    rubric: { id: r.id, version: r.version, fingerprint: r.fingerprint },
    diagnostics: loaded.diagnostics,
  });
}
