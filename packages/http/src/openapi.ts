import { appraisalJsonSchema, diagnosticCatalogue, publishedRubricSchema } from '@kinerja/core';
import { httpProblemCodes } from './httpProblem.js';
import { yamlTypes } from './routes/validate.js';

type Json = { [key: string]: unknown };

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const jsonBody = (schema: Json, description: string): Json => ({
  description,
  content: { 'application/json': { schema } },
});
const errorResponse = (description: string): Json => ({ $ref: `#/components/responses/${description}` });

/**
 * Adds to every path with a GET the HEAD operation the handler answers there: the GET's statuses and headers,
 * never a body. Derived rather than written out, so the two cannot drift apart.
 */
function withHead(paths: Record<string, Json>): Record<string, Json> {
  return Object.fromEntries(
    Object.entries(paths).map(([path, item]) => {
      const get = item.get as Json | undefined;
      if (!get) return [path, item];
      const responses = Object.fromEntries(
        Object.keys(get.responses as Json).map((status) => [
          status,
          {
            description: `As GET ${status}, without a body.`,
            ...(status === '405' ? { headers: { Allow: { schema: { type: 'string' } } } } : {}),
          },
        ]),
      );
      const head: Json = {
        operationId: `${String(get.operationId)}Head`,
        summary: `${String(get.summary)} (headers only)`,
        ...(get.parameters ? { parameters: get.parameters } : {}),
        responses,
      };
      return [path, { ...item, head }];
    }),
  );
}

/**
 * The OpenAPI 3.1 description of the handler's endpoints, written by hand. Appraisal and rubric schemas are the
 * published JSON Schemas of `@kinerja/core` (draft-07, kept whole with their `$id`); the rest is JSON Schema
 * 2020-12, OpenAPI 3.1's own dialect.
 *
 * @param basePath The handler's path prefix, e.g. `/v1`.
 */
export function openApiDocument(basePath = '/v1'): Json {
  const p = (path: string) => `${basePath}${path}`;
  const rubricParam: Json = {
    name: 'rubric',
    in: 'query',
    required: false,
    description:
      'Id of the rubric to evaluate against; optional when only one rubric is served. At most once: a repeated ' +
      'parameter is 400 invalid-request.',
    schema: { type: 'string' },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Kinerja HTTP API',
      version: '1.0.0',
      summary: 'Scores Indonesian civil-servant (ASN) appraisals against YAML rubrics.',
      description:
        'Every body is `application/json; charset=utf-8`. Errors are `{ "diagnostics": [...] }`: rubric and ' +
        'appraisal problems use the core Diagnostic (with 1-based line:column in the request body when it came ' +
        'as text); problems with the request itself use the same shape with `stage: "http"`. Internal errors are ' +
        '`500 { "error": "internal error" }`, never a stack trace. Every GET endpoint also answers HEAD (the same ' +
        'status and headers, no body), and `Allow` lists both. A method outside the Fetch standard (TRACE) gets ' +
        'the same 405 as any other wrong method; a request URL that does not parse gets 400 invalid-request.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    paths: withHead({
      [p('/evaluate')]: {
        post: {
          operationId: 'evaluate',
          summary: 'Evaluate one appraisal, or a batch in input order',
          parameters: [rubricParam],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  oneOf: [ref('Appraisal'), ref('AppraisalArray'), ref('BatchRequest')],
                },
              },
            },
          },
          responses: {
            '200': {
              description:
                'One Evaluation (complete or pending) for one appraisal; a BatchResult for a batch.',
              content: {
                'application/json': { schema: { oneOf: [ref('Evaluation'), ref('BatchResult')] } },
              },
            },
            '400': errorResponse('BadRequest'),
            '404': errorResponse('RubricNotFound'),
            '405': errorResponse('MethodNotAllowed'),
            '413': errorResponse('TooLarge'),
            '415': errorResponse('UnsupportedMediaType'),
            '422': jsonBody(
              ref('Evaluation'),
              'The appraisal is invalid: an Evaluation with status "invalid".',
            ),
            '500': errorResponse('InternalError'),
          },
        },
      },
      [p('/validate')]: {
        post: {
          operationId: 'validateRubric',
          summary: 'Validate a rubric (YAML text)',
          description: '`extends: <id>` resolves to the rubrics this server serves.',
          requestBody: {
            required: true,
            content: Object.fromEntries(yamlTypes.map((t) => [t, { schema: { type: 'string' } }])),
          },
          responses: {
            '200': jsonBody(ref('ValidationOk'), 'The rubric loads; diagnostics holds warnings, if any.'),
            '400': errorResponse('BadRequest'),
            '405': errorResponse('MethodNotAllowed'),
            '413': errorResponse('TooLarge'),
            '415': errorResponse('UnsupportedMediaType'),
            '422': jsonBody(
              ref('ValidationFailed'),
              'The rubric does not load; diagnostics with line:column.',
            ),
            '500': errorResponse('InternalError'),
          },
        },
      },
      [p('/rubrics')]: {
        get: {
          operationId: 'listRubrics',
          summary: 'The rubrics served, in id order',
          responses: {
            '200': jsonBody(
              {
                type: 'object',
                required: ['rubrics'],
                properties: { rubrics: { type: 'array', items: ref('RubricSummary') } },
              },
              'The rubrics.',
            ),
            '405': errorResponse('MethodNotAllowed'),
            '500': errorResponse('InternalError'),
          },
        },
      },
      [p('/rubrics/{id}')]: {
        get: {
          operationId: 'getRubric',
          summary: 'One rubric: its document (after extends) and the appraisal schema',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': jsonBody(ref('RubricDetail'), 'The rubric.'),
            '404': errorResponse('RubricNotFound'),
            '405': errorResponse('MethodNotAllowed'),
            '500': errorResponse('InternalError'),
          },
        },
      },
      [p('/schemas/appraisal.schema.json')]: {
        get: {
          operationId: 'appraisalSchema',
          summary: 'The published JSON Schema of an appraisal',
          responses: { '200': jsonBody({ type: 'object' }, 'JSON Schema (draft-07).') },
        },
      },
      [p('/schemas/rubric.schema.json')]: {
        get: {
          operationId: 'rubricSchema',
          summary: 'The published JSON Schema of a rubric',
          responses: { '200': jsonBody({ type: 'object' }, 'JSON Schema (draft-07).') },
        },
      },
      [p('/health')]: {
        get: {
          operationId: 'health',
          summary: 'Liveness',
          responses: {
            '200': jsonBody(
              {
                type: 'object',
                required: ['status', 'rubrics'],
                properties: { status: { const: 'ok' }, rubrics: { type: 'integer', minimum: 0 } },
              },
              'Up.',
            ),
          },
        },
      },
      [p('/openapi.json')]: {
        get: {
          operationId: 'openapi',
          summary: 'This document',
          responses: { '200': jsonBody({ type: 'object' }, 'OpenAPI 3.1 document.') },
        },
      },
    }),
    components: {
      schemas: {
        Appraisal: appraisalJsonSchema,
        Rubric: publishedRubricSchema(),
        AppraisalArray: { type: 'array', items: ref('Appraisal') },
        BatchRequest: {
          type: 'object',
          required: ['appraisals'],
          additionalProperties: false,
          properties: {
            rubric: { type: 'string', description: 'Rubric id; same as ?rubric=.' },
            appraisals: ref('AppraisalArray'),
          },
        },
        Label: {
          type: 'object',
          required: ['id', 'en'],
          properties: { id: { type: 'string' }, en: { type: 'string' } },
        },
        Position: {
          type: 'object',
          required: ['line', 'column'],
          properties: { line: { type: 'integer', minimum: 1 }, column: { type: 'integer', minimum: 1 } },
        },
        Span: {
          type: 'object',
          required: ['start', 'end'],
          properties: { start: ref('Position'), end: ref('Position') },
        },
        Diagnostic: {
          type: 'object',
          description: 'A rubric or appraisal problem; codes are listed in docs/errors.md.',
          required: ['code', 'severity', 'stage', 'pointer', 'message'],
          properties: {
            code: { enum: Object.keys(diagnosticCatalogue).sort() },
            severity: { enum: ['error', 'warning', 'info'] },
            stage: { enum: ['parse', 'validate', 'compile', 'resolve', 'evaluate'] },
            source: { type: 'string' },
            pointer: { type: 'string', description: 'RFC 6901 JSON pointer.' },
            span: ref('Span'),
            expected: {},
            received: {},
            message: ref('Label'),
          },
        },
        HttpProblem: {
          type: 'object',
          description:
            'A problem with the HTTP request itself; codes are listed in the @kinerja/http README.',
          required: ['code', 'severity', 'stage', 'pointer', 'message'],
          properties: {
            code: { enum: [...httpProblemCodes] },
            severity: { const: 'error' },
            stage: { const: 'http' },
            pointer: { type: 'string' },
            expected: {},
            received: {},
            message: ref('Label'),
          },
        },
        ErrorBody: {
          type: 'object',
          required: ['diagnostics'],
          properties: {
            diagnostics: { type: 'array', items: { anyOf: [ref('Diagnostic'), ref('HttpProblem')] } },
          },
        },
        InternalError: {
          type: 'object',
          required: ['error'],
          properties: { error: { const: 'internal error' } },
        },
        RubricRef: {
          type: 'object',
          required: ['id', 'version', 'fingerprint'],
          properties: {
            id: { type: 'string' },
            version: { type: 'string' },
            fingerprint: { type: 'string', pattern: '^sha256:' },
          },
        },
        Evaluation: {
          type: 'object',
          description: 'The full result of evaluating one appraisal (core `Evaluation`); may gain fields.',
          required: ['rubric', 'appraisal', 'status', 'groups', 'outcomes', 'flags', 'diagnostics'],
          properties: {
            rubric: ref('RubricRef'),
            appraisal: {
              type: 'object',
              properties: {
                id: { type: 'string' },
                nip: { type: 'string' },
                period: {
                  type: 'object',
                  properties: {
                    kind: { type: 'string' },
                    start: { type: 'string' },
                    end: { type: 'string' },
                  },
                },
              },
            },
            status: { enum: ['complete', 'pending', 'invalid'] },
            pending: { type: 'array', items: { type: 'string' } },
            score: { type: 'number' },
            predicate: {
              type: 'object',
              required: ['id', 'label'],
              properties: { id: { type: 'string' }, label: ref('Label') },
            },
            predicateTrace: { type: 'object' },
            groups: { type: 'object', additionalProperties: ref('GroupResult') },
            outcomes: { type: 'object', additionalProperties: ref('OutcomeResult') },
            flags: { type: 'array', items: { type: 'string' } },
            diagnostics: { type: 'array', items: ref('Diagnostic') },
          },
        },
        GroupResult: {
          type: 'object',
          required: ['label', 'combine'],
          properties: {
            label: ref('Label'),
            score: { type: 'number' },
            combine: { type: 'string' },
            indicators: { type: 'object', additionalProperties: ref('IndicatorResult') },
            items: { type: 'array', items: ref('IndicatorResult') },
            additions: { type: 'object', additionalProperties: ref('IndicatorResult') },
            rating: { type: 'string' },
            ratingTrace: { type: 'object' },
            suggestedRating: { type: 'string' },
            suggestionTrace: { type: 'object' },
          },
        },
        IndicatorResult: {
          type: 'object',
          required: ['status'],
          properties: {
            label: ref('Label'),
            status: { enum: ['ok', 'dropped', 'pending', 'error'] },
            score: { type: 'number' },
            weight: { type: 'number' },
            contribution: { type: 'number' },
            measure: { type: 'object' },
            rating: { type: 'string' },
            id: { type: 'string' },
            main: { type: 'boolean' },
          },
        },
        OutcomeResult: {
          type: 'object',
          required: ['label', 'kind', 'met', 'conditions'],
          properties: {
            label: ref('Label'),
            kind: { type: 'string' },
            met: { type: ['boolean', 'null'] },
            event: {
              type: 'object',
              required: ['type'],
              properties: { type: { type: 'string' }, params: { type: 'object' } },
            },
            value: { type: 'number' },
            valueTrace: { type: 'object' },
            conditions: {},
          },
        },
        BatchResult: {
          type: 'object',
          required: ['rubric', 'summary', 'results'],
          properties: {
            rubric: ref('RubricRef'),
            summary: {
              type: 'object',
              required: ['complete', 'pending', 'invalid'],
              properties: {
                complete: { type: 'integer', minimum: 0 },
                pending: { type: 'integer', minimum: 0 },
                invalid: { type: 'integer', minimum: 0 },
              },
            },
            results: { type: 'array', items: ref('Evaluation'), description: 'In input order.' },
          },
        },
        RubricSummary: {
          type: 'object',
          required: ['id', 'version', 'fingerprint', 'label'],
          properties: {
            id: { type: 'string', description: 'The id the rubric is served under.' },
            version: { type: 'string' },
            fingerprint: { type: 'string' },
            label: ref('Label'),
          },
        },
        RubricDetail: {
          allOf: [ref('RubricSummary')],
          type: 'object',
          required: ['rubric', 'appraisalSchema', 'links'],
          properties: {
            rubric: ref('Rubric'),
            appraisalSchema: { type: 'object', description: 'The published appraisal JSON Schema, inline.' },
            links: {
              type: 'object',
              required: ['self', 'evaluate', 'appraisalSchema', 'rubricSchema'],
              properties: {
                self: { type: 'string' },
                evaluate: { type: 'string' },
                appraisalSchema: { type: 'string' },
                rubricSchema: { type: 'string' },
              },
            },
          },
        },
        ValidationOk: {
          type: 'object',
          required: ['ok', 'rubric', 'diagnostics'],
          properties: {
            ok: { const: true },
            rubric: ref('RubricRef'),
            diagnostics: { type: 'array', items: ref('Diagnostic') },
          },
        },
        ValidationFailed: {
          type: 'object',
          required: ['ok', 'diagnostics'],
          properties: {
            ok: { const: false },
            diagnostics: { type: 'array', items: ref('Diagnostic') },
          },
        },
      },
      responses: {
        BadRequest: jsonBody(
          ref('ErrorBody'),
          'Malformed JSON (json-syntax with line:column, duplicate-key, …), bytes that are not UTF-8 ' +
            '(encoding-invalid with line:column and byte offset, as for files), a batch of the wrong ' +
            'shape, a repeated ?rubric=, a request URL that does not parse, or several rubrics and none chosen.',
        ),
        RubricNotFound: jsonBody(ref('ErrorBody'), 'No rubric with that id is served (rubric-not-found).'),
        MethodNotAllowed: {
          ...jsonBody(
            ref('ErrorBody'),
            'Wrong method (method-not-allowed), TRACE included; see the Allow header.',
          ),
          headers: { Allow: { schema: { type: 'string' } } },
        },
        TooLarge: jsonBody(
          ref('ErrorBody'),
          'Body over maxBodyBytes (body-too-large) or batch over maxBatch.',
        ),
        UnsupportedMediaType: jsonBody(
          ref('ErrorBody'),
          'Wrong Content-Type (unsupported-media-type), or a charset other than UTF-8 (unsupported-charset).',
        ),
        InternalError: jsonBody(ref('InternalError'), 'A bug; logged on the server, no details sent.'),
      },
    },
  };
}
