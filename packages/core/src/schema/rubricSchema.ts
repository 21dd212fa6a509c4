import { type Static, Type } from '@sinclair/typebox';
import {
  ClampSchema,
  DateSchema,
  IdSchema,
  idMap,
  LabelSchema,
  RangeSchema,
  RoundingSchema,
  strictObject,
} from './common.js';
import { ConditionSchema } from './conditionSchema.js';
import { MeasureSchema } from './measureSchema.js';

const LegalBasisSchema = strictObject({
  title: Type.String({ minLength: 1, description: 'Citation, e.g. "PP 46/2011 pasal 12".' }),
  url: Type.Optional(Type.String({ minLength: 1 })),
  note: Type.Optional(Type.String()),
});

const FactDeclSchema = strictObject(
  {
    type: Type.Union(
      [
        Type.Literal('number'),
        Type.Literal('integer'),
        Type.Literal('boolean'),
        Type.Literal('string'),
        Type.Literal('enum'),
        Type.Literal('date'),
      ],
      { description: 'Type of the value in the appraisal’s `facts`.' },
    ),
    values: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { minItems: 1, uniqueItems: true })),
    min: Type.Optional(Type.Number()),
    max: Type.Optional(Type.Number()),
    required: Type.Optional(Type.Boolean({ description: 'Default true: an appraisal must give it.' })),
    default: Type.Optional(Type.Union([Type.Number(), Type.String(), Type.Boolean()])),
    protected: Type.Optional(
      Type.Boolean({
        description:
          'A protected attribute (gender, religion, ethnicity, age, origin, marital status…): no rule may read it; fairness laws check it changes nothing.',
      }),
    ),
    label: Type.Optional(LabelSchema),
  },
  'A fact the appraisal supplies in `facts`.',
);
/** A fact a rubric declares. */
export type FactDecl = Static<typeof FactDeclSchema>;

const LevelSchema = strictObject({
  id: IdSchema,
  label: LabelSchema,
  aliases: Type.Optional(
    Type.Array(Type.String({ minLength: 1 }), {
      description: 'Other spellings accepted in input (case and spaces ignored), e.g. "Diatas Ekspektasi".',
    }),
  ),
});
/** One level of the rating scale or of the predicate. */
export type Level = Static<typeof LevelSchema>;

const BandSchema = strictObject({
  id: IdSchema,
  range: RangeSchema,
  requires: Type.Optional(ConditionSchema),
  otherwise: Type.Optional(IdSchema),
});
/** A score band: the level given to scores in `range`. */
export type Band = Static<typeof BandSchema>;

const GapsSchema = strictObject(
  {
    policy: Type.Union(
      [Type.Literal('reject'), Type.Literal('lower'), Type.Literal('upper'), Type.Literal('round')],
      {
        description:
          'A score between bands: reject it, give it the lower band, the upper band, or round it first (with `round`).',
      },
    ),
    round: Type.Optional(RoundingSchema),
  },
  'What a score that falls between two bands gets.',
);
/** Gap policy. */
export type Gaps = Static<typeof GapsSchema>;

const IndicatorSchema = strictObject({
  label: LabelSchema,
  description: Type.Optional(LabelSchema),
  measure: MeasureSchema,
  weight: Type.Optional(Type.Number({ minimum: 0 })),
  range: Type.Optional(RangeSchema),
  direction: Type.Optional(
    Type.Union([Type.Literal('higher'), Type.Literal('lower'), Type.Literal('none')], {
      description:
        'Which way a better input moves: higher or lower realisation is better; none if not monotone.',
    }),
  ),
  main: Type.Optional(Type.Boolean({ description: 'A main result (hasil kerja utama).' })),
  appliesWhen: Type.Optional(ConditionSchema),
});
/** An indicator: one thing measured. */
export type Indicator = Static<typeof IndicatorSchema>;

const ItemsSchema = strictObject(
  {
    label: Type.Optional(LabelSchema),
    measure: MeasureSchema,
    rating: Type.Optional(
      strictObject({ bands: Type.Array(BandSchema, { minItems: 1 }), gaps: Type.Optional(GapsSchema) }),
    ),
    min: Type.Optional(
      Type.Integer({ minimum: 0, description: 'Fewest items an appraisal must give. Default 1.' }),
    ),
  },
  'Targets listed in the appraisal (each employee has their own): each is scored by `measure`.',
);

const RuleSchema = strictObject({ id: IdSchema, when: ConditionSchema });

const GroupRatingSchema = strictObject(
  {
    from: Type.Union([Type.Literal('score'), Type.Literal('supervisor')], {
      description: 'score: from the bands over the group score; supervisor: given in the appraisal.',
    }),
    bands: Type.Optional(Type.Array(BandSchema, { minItems: 1 })),
    gaps: Type.Optional(GapsSchema),
    rules: Type.Optional(
      Type.Array(RuleSchema, {
        minItems: 1,
        description: 'Rating rules tried in order; the first that holds gives the rating.',
      }),
    ),
    otherwise: Type.Optional(IdSchema),
  },
  'How the group’s rating is reached. With `from: supervisor`, bands or rules give a suggested rating to compare.',
);

const GroupSchema = strictObject({
  label: LabelSchema,
  description: Type.Optional(LabelSchema),
  indicators: Type.Optional(idMap(IndicatorSchema)),
  items: Type.Optional(ItemsSchema),
  combine: Type.Optional(
    Type.Union(
      [
        Type.Literal('weighted'),
        Type.Literal('mean'),
        Type.Literal('sum'),
        Type.Literal('min'),
        Type.Literal('max'),
      ],
      {
        description:
          'How indicator (or item) scores combine. Default: weighted when weights are given, else mean.',
      },
    ),
  ),
  weightTotal: Type.Optional(
    Type.Number({ exclusiveMinimum: 0, description: 'Weights sum to this. Default 1.' }),
  ),
  additions: Type.Optional(
    idMap(
      strictObject({ label: LabelSchema, measure: MeasureSchema }),
      'Points added after combining (e.g. tugas tambahan, kreativitas).',
    ),
  ),
  clamp: Type.Optional(ClampSchema),
  round: Type.Optional(RoundingSchema),
  range: Type.Optional(RangeSchema),
  rating: Type.Optional(GroupRatingSchema),
});
/** A group (aspek) of indicators rated together. */
export type Group = Static<typeof GroupSchema>;

const ScoreSchema = strictObject(
  {
    weights: idMap(Type.Number({ minimum: 0 })),
    total: Type.Optional(
      Type.Number({ exclusiveMinimum: 0, description: 'Weights sum to this. Default 1.' }),
    ),
    clamp: Type.Optional(ClampSchema),
    round: Type.Optional(RoundingSchema),
    range: Type.Optional(RangeSchema),
  },
  'The overall score: weighted group scores.',
);

const MatrixSchema = strictObject({
  rows: IdSchema,
  columns: IdSchema,
  cells: Type.Record(IdSchema, Type.Record(IdSchema, IdSchema)),
});

const PredicateSchema = strictObject(
  {
    levels: Type.Array(LevelSchema, { minItems: 2, description: 'Predicates, best first.' }),
    bands: Type.Optional(Type.Array(BandSchema, { minItems: 1 })),
    gaps: Type.Optional(GapsSchema),
    matrix: Type.Optional(MatrixSchema),
  },
  'The predikat: from score bands (`bands`) or a matrix of two group ratings (`matrix`).',
);

const OutcomeSchema = strictObject({
  label: LabelSchema,
  kind: Type.Union(
    [
      Type.Literal('promotion'),
      Type.Literal('award'),
      Type.Literal('coaching'),
      Type.Literal('credit-points'),
      Type.Literal('other'),
    ],
    {
      description: 'promotion eligibility, award, coaching (pembinaan), credit points (angka kredit), other.',
    },
  ),
  when: ConditionSchema,
  event: strictObject({
    type: Type.String({ minLength: 1 }),
    params: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  }),
  value: Type.Optional(MeasureSchema),
});
/** An outcome (tindak lanjut). */
export type Outcome = Static<typeof OutcomeSchema>;

const rubricProperties = {
  $schema: Type.Optional(Type.String()),
  kinerja: Type.Literal(1, { description: 'Rubric format version.' }),
  id: IdSchema,
  version: Type.String({
    pattern: '^\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?$',
    description: 'Semantic version.',
  }),
  label: LabelSchema,
  description: Type.Optional(LabelSchema),
  effective: Type.Optional(strictObject({ from: DateSchema, until: Type.Optional(DateSchema) })),
  legalBasis: Type.Optional(Type.Array(LegalBasisSchema)),
  timeZone: Type.Optional(
    Type.String({ minLength: 1, description: 'IANA zone of the appraising office. Default Asia/Makassar.' }),
  ),
  facts: Type.Optional(idMap(FactDeclSchema, 'Facts the appraisal supplies in `facts`.')),
  ratings: Type.Optional(
    Type.Array(LevelSchema, { minItems: 2, description: 'The rating scale, best first.' }),
  ),
  groups: idMap(GroupSchema, 'Groups (aspek) of indicators.'),
  score: Type.Optional(ScoreSchema),
  predicate: PredicateSchema,
  outcomes: Type.Optional(idMap(OutcomeSchema, 'Outcomes (tindak lanjut).')),
};

/** The schema of a complete rubric (format v1), as TypeBox. Use {@link rubricJsonSchema} for plain JSON Schema. */
export const RubricSchema = Type.Object(rubricProperties, {
  additionalProperties: false,
  title: 'Kinerja rubric (format v1)',
});
/** A complete rubric, after `extends` is resolved. */
export type Rubric = Static<typeof RubricSchema>;

/** The schema of a rubric that `extends` another and changes it with `overrides`. */
export const ExtendingRubricSchema = strictObject(
  {
    $schema: Type.Optional(Type.String()),
    kinerja: Type.Literal(1),
    id: IdSchema,
    version: rubricProperties.version,
    label: LabelSchema,
    description: Type.Optional(LabelSchema),
    effective: rubricProperties.effective,
    legalBasis: rubricProperties.legalBasis,
    extends: Type.String({ minLength: 1, description: 'Id (or relative file) of the base rubric.' }),
    overrides: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), {
        description:
          'JSON Merge Patch (RFC 7396) applied to the base rubric: maps merge by key, `null` removes a key, lists are replaced whole.',
      }),
    ),
  },
  'A rubric built on another: `extends` names the base, `overrides` patches it.',
);
/** A rubric as written that extends another. */
export type ExtendingRubric = Static<typeof ExtendingRubricSchema>;
