import { type Static, Type } from '@sinclair/typebox';
import { DateSchema, IdSchema, strictObject } from './common.js';
import { RoleSchema } from './measureSchema.js';

const ScalarSchema = Type.Union([Type.Number(), Type.String(), Type.Boolean(), Type.Null()]);

const InputRecordSchema = Type.Record(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]*$' }), ScalarSchema, {
  description: 'Named inputs of one indicator, e.g. { target: 90, realisation: 86.22 }.',
});

const TargetSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 128 }),
    label: Type.Optional(Type.String()),
    main: Type.Optional(Type.Boolean({ description: 'A main result (hasil kerja utama).' })),
  },
  {
    additionalProperties: ScalarSchema,
    description: 'One target with its realisation; other fields are the inputs the group’s measure reads.',
  },
);

// A rater id is compared exactly (self-rating, duplicates, conflicts): "peer-1 " would be a second rater and a NIP
// with a trailing space would rate its own employee as a peer. Control characters are as invisible.
const CONTROL = '\\u0000-\\u001F\\u007F-\\u009F';
/** The form of a rater id: no leading or trailing white space, no control character. */
export const RATER_ID_PATTERN = `^[^\\s${CONTROL}](?:[^${CONTROL}]*[^\\s${CONTROL}])?$`;

const raterId = (description: string) =>
  Type.String({ minLength: 1, maxLength: 128, pattern: RATER_ID_PATTERN, description });

const DateOrDateTime = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}(?:T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:\\d{2}))?$',
  description: 'A date (YYYY-MM-DD) or an ISO date-time with offset.',
});

const EmployeeSchema = strictObject({
  nip: Type.String({
    pattern: '^\\d{18}$',
    description: 'NIP: exactly 18 digits, as text (a spreadsheet turning it into 1.98501E+17 loses digits).',
  }),
  name: Type.Optional(Type.String()),
  unit: Type.String({ minLength: 1 }),
  position: Type.String({ minLength: 1 }),
  positionType: Type.Optional(
    Type.Union([Type.Literal('struktural'), Type.Literal('fungsional'), Type.Literal('pelaksana')], {
      description: 'jabatan struktural (structural), fungsional (functional) or pelaksana (administrative).',
    }),
  ),
  functionalLevel: Type.Optional(Type.String({ minLength: 1, description: 'Jenjang jabatan fungsional.' })),
  rank: Type.Optional(Type.String({ minLength: 1, description: 'Pangkat/golongan, e.g. III/a.' })),
  rankSince: Type.Optional(DateOrDateTime),
  history: Type.Optional(
    Type.Array(
      strictObject({
        year: Type.Integer({ minimum: 1970, maximum: 2200 }),
        predicate: Type.String({ minLength: 1 }),
      }),
      { description: 'Past annual predicates.' },
    ),
  ),
});

/** The schema of an appraisal (format v1): one employee, one period. */
export const AppraisalSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    id: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    employee: EmployeeSchema,
    period: strictObject({
      kind: Type.Union([Type.Literal('annual'), Type.Literal('monthly'), Type.Literal('quarterly')]),
      start: DateSchema,
      end: DateSchema,
    }),
    inputs: Type.Optional(
      Type.Record(IdSchema, InputRecordSchema, { description: 'Inputs per indicator id.' }),
    ),
    targets: Type.Optional(
      Type.Record(IdSchema, Type.Array(TargetSchema), {
        description: 'Targets with realisations per group id (groups with `items`).',
      }),
    ),
    ratings: Type.Optional(
      Type.Array(
        strictObject({
          rater: raterId(
            'Who rated: an id (a NIP, or any id the office uses), with no leading or trailing space and no control character.',
          ),
          role: RoleSchema,
          indicator: IdSchema,
          value: Type.Union([Type.Number(), Type.String({ minLength: 1 })]),
        }),
        { description: 'Ratings given by raters, one per rater and indicator.' },
      ),
    ),
    supervisorRatings: Type.Optional(
      Type.Record(IdSchema, Type.String({ minLength: 1 }), {
        description: 'Ratings the supervisor gives directly, per group id.',
      }),
    ),
    facts: Type.Optional(Type.Record(IdSchema, ScalarSchema, { description: 'Facts the rubric declares.' })),
    raterStats: Type.Optional(
      Type.Record(
        Type.String({ minLength: 1, maxLength: 128 }),
        strictObject({
          mean: Type.Number({ description: 'Mean of the ratings this rater gave in the past.' }),
          sd: Type.Number({ exclusiveMinimum: 0, description: 'Their standard deviation (> 0).' }),
          n: Type.Integer({ minimum: 1, description: 'How many past ratings the figures rest on.' }),
        }),
        {
          description:
            'Each rater’s history, by rater id, for rubrics that calibrate ratings (z-score against the rater’s own mean and sd).',
        },
      ),
    ),
    conflicts: Type.Optional(
      Type.Array(
        strictObject({
          rater: raterId('The rater’s id, exactly as in `ratings`.'),
          kind: Type.Union([
            Type.Literal('family'),
            Type.Literal('household'),
            Type.Literal('business'),
            Type.Literal('other'),
          ]),
          note: Type.Optional(Type.String()),
        }),
        { description: 'Declared relationships between a rater and the employee.' },
      ),
    ),
  },
  {
    additionalProperties: false,
    title: 'Kinerja appraisal (format v1)',
  },
);
/** An appraisal: the data of one employee for one period. */
export type Appraisal = Static<typeof AppraisalSchema>;
