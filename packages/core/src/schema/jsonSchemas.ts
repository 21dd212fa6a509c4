import { AppraisalSchema } from './appraisalSchema.js';
import { ExtendingRubricSchema, RubricSchema } from './rubricSchema.js';
import { type JsonSchema, toJsonSchema } from './toJsonSchema.js';

/** JSON Schema (draft-07) of a complete rubric, format v1. Published as `@kinerja/core/rubric.schema.json`. */
export const rubricJsonSchema: JsonSchema = toJsonSchema(RubricSchema, {
  $id: 'https://kinerja.dev/schema/v1/rubric.schema.json',
  title: 'Kinerja rubric (format v1)',
});

/** JSON Schema of a rubric that `extends` another. */
export const extendingRubricJsonSchema: JsonSchema = toJsonSchema(ExtendingRubricSchema, {
  $id: 'https://kinerja.dev/schema/v1/extending-rubric.schema.json',
  title: 'Kinerja rubric that extends another (format v1)',
});

/** JSON Schema (draft-07) of an appraisal, format v1. Published as `@kinerja/core/appraisal.schema.json`. */
export const appraisalJsonSchema: JsonSchema = toJsonSchema(AppraisalSchema, {
  $id: 'https://kinerja.dev/schema/v1/appraisal.schema.json',
  title: 'Kinerja appraisal (format v1)',
});

/**
 * The schema editors use for rubric files: a rubric either is complete or `extends` another
 * (yaml-language-server reads `if`/`then`/`else`).
 */
export function publishedRubricSchema(): JsonSchema {
  const { $schema, $id, title, $defs, ...full } = rubricJsonSchema;
  const { $schema: _s, $id: _i, title: _t, ...ext } = extendingRubricJsonSchema;
  return {
    $schema,
    $id,
    title,
    if: { required: ['extends'] },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then/else keyword, never awaited.
    then: ext,
    else: full,
    $defs,
  };
}
