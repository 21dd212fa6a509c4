import { type Evaluation, type EvaluationStatus, parseJson, type SourceLocator } from '@kinerja/core';
import type { HandlerContext } from '../createKinerjaHandler.js';
import { httpProblem } from '../httpProblem.js';
import { mediaType, readBody } from '../readBody.js';
import { json, problem, problems } from '../respond.js';
import { chooseRubric } from './chooseRubric.js';

const jsonTypes = /^(?:application\/json|application\/[a-z0-9.+-]+\+json)$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The JSON type of a parsed value, as JSON Schema names it. */
function jsonType(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

/** Escapes one JSON pointer token (RFC 6901). */
function token(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** A locator for one element of the body: its pointers are relative to that element. */
function within(locator: SourceLocator, prefix: string): SourceLocator {
  return { locate: (pointer, what) => locator.locate(`${prefix}${pointer}`, what) };
}

/**
 * `POST /evaluate`. The body is one appraisal (→ one Evaluation), an array of appraisals, or
 * `{ "rubric": "<id>", "appraisals": [...] }` (→ `{ rubric, summary, results }` in input order).
 * Diagnostics carry line:column in the request body.
 */
export async function evaluateRoute(request: Request, url: URL, ctx: HandlerContext): Promise<Response> {
  const type = mediaType(request);
  if (type !== '' && !jsonTypes.test(type)) {
    return problem(
      415,
      httpProblem('unsupported-media-type', { expected: 'application/json', received: type }),
    );
  }
  const named = url.searchParams.getAll('rubric');
  // Frameworks disagree on which of repeated values wins; picking one would evaluate against a rubric the
  // client may not have meant.
  if (named.length > 1) {
    return problem(
      400,
      httpProblem('invalid-request', { reason: 'repeated-parameter', subject: 'rubric', received: named }),
    );
  }
  const query = named[0];
  // An unknown ?rubric= is refused before the body is read.
  if (query !== undefined) {
    const early = chooseRubric(query, undefined, ctx);
    if (!early.ok) return early.response;
  }
  const body = await readBody(request, ctx.maxBodyBytes);
  if (!body.ok) return body.response;
  const parsed = parseJson(body.text, {
    // The body limit already holds; the node limit scales with it so a large batch is not cut short.
    limits: { maxBytes: ctx.maxBodyBytes, maxNodes: Math.max(100_000, Math.ceil(ctx.maxBodyBytes / 4)) },
  });
  if (!parsed.ok) return problems(400, parsed.diagnostics);
  const value = parsed.value;

  let items: unknown[] | undefined;
  let prefix = '';
  let fromBody: string | undefined;
  if (Array.isArray(value)) {
    items = value;
  } else if (isRecord(value) && Object.hasOwn(value, 'appraisals')) {
    for (const key of Object.keys(value)) {
      if (key !== 'rubric' && key !== 'appraisals') {
        return problem(
          400,
          httpProblem('invalid-request', {
            reason: 'batch-key',
            pointer: `/${token(key)}`,
            expected: ['rubric', 'appraisals'],
            received: key,
          }),
        );
      }
    }
    if (!Array.isArray(value.appraisals)) {
      return problem(
        400,
        httpProblem('invalid-request', {
          reason: 'batch-appraisals',
          pointer: '/appraisals',
          expected: 'array',
          received: jsonType(value.appraisals),
        }),
      );
    }
    if (value.rubric !== undefined && typeof value.rubric !== 'string') {
      return problem(
        400,
        httpProblem('invalid-request', {
          reason: 'batch-rubric',
          pointer: '/rubric',
          expected: 'string',
          received: jsonType(value.rubric),
        }),
      );
    }
    items = value.appraisals;
    prefix = '/appraisals';
    fromBody = value.rubric;
  }

  const choice = chooseRubric(query, fromBody, ctx);
  if (!choice.ok) return choice.response;
  const { rubric } = choice;

  if (items === undefined) {
    const evaluation = rubric.evaluate(value, { locator: parsed.locator });
    return json(evaluation.status === 'invalid' ? 422 : 200, evaluation);
  }
  if (items.length > ctx.maxBatch) {
    return problem(
      413,
      httpProblem('batch-too-large', { pointer: prefix, expected: ctx.maxBatch, received: items.length }),
    );
  }
  const summary: Record<EvaluationStatus, number> = { complete: 0, pending: 0, invalid: 0 };
  const results: Evaluation[] = items.map((item, i) => {
    const e = rubric.evaluate(item, {
      locator: within(parsed.locator, `${prefix}/${i}`),
      source: `appraisal[${i}]`,
    });
    summary[e.status] += 1;
    return e;
  });
  return json(200, {
    rubric: { id: rubric.id, version: rubric.version, fingerprint: rubric.fingerprint },
    summary,
    results,
  });
}
