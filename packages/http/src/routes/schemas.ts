import { appraisalJsonSchema, publishedRubricSchema } from '@kinerja/core';
import { json } from '../respond.js';

/** `GET /schemas/appraisal.schema.json`: the published JSON Schema of an appraisal. */
export function appraisalSchemaRoute(): Response {
  return json(200, appraisalJsonSchema, { 'cache-control': 'no-cache' });
}

/** `GET /schemas/rubric.schema.json`: the published JSON Schema of a rubric (editors use it). */
export function rubricSchemaRoute(): Response {
  return json(200, publishedRubricSchema(), { 'cache-control': 'no-cache' });
}
