import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { ClampSchema, IdSchema, LabelSchema, RangeSchema, RoundingSchema } from './common.js';

/**
 * Where a measure reads a value: a field name of the indicator's input record (`realisation`), or a fact
 * (`{ fact: employee, path: $.positionType }`).
 */
export const InputRefSchema = Type.Union(
  [
    Type.String({
      pattern: '^[A-Za-z][A-Za-z0-9_]*$',
      description: 'Field of the indicator’s input record.',
    }),
    Type.Object(
      { fact: Type.String({ minLength: 1 }), path: Type.Optional(Type.String({ minLength: 1 })) },
      { additionalProperties: false, description: 'A fact, optionally with a path.' },
    ),
  ],
  { description: 'A field name of the input record, or { fact, path }.' },
);
/** Where a measure reads a value. */
export type InputRef = Static<typeof InputRefSchema>;

/** Rater roles. */
export const RoleSchema = Type.Union(
  [
    Type.Literal('supervisor'),
    Type.Literal('peer'),
    Type.Literal('subordinate'),
    Type.Literal('third-party'),
    Type.Literal('self'),
  ],
  {
    description:
      'supervisor (atasan langsung), peer (rekan kerja), subordinate (bawahan), third-party (pihak ketiga), self.',
  },
);
/** A rater role. */
export type Role = Static<typeof RoleSchema>;

const common = {
  label: Type.Optional(LabelSchema),
  clamp: Type.Optional(ClampSchema),
  round: Type.Optional(RoundingSchema),
  optional: Type.Optional(
    Type.Boolean({
      description:
        'When every input of this measure is absent, it drops out of its mean/sum instead of failing. On a measure built from others (mean, sum, min, max, product, quotient): when every input anywhere inside it is absent; with some present, the absent ones are missing-input errors. On a one-of: when none of its alternatives is given.',
    }),
  ),
};

function kind<K extends string, P extends Record<string, TSchema>>(k: K, props: P, description: string) {
  return Type.Object(
    { kind: Type.Literal(k), ...props, ...common },
    { additionalProperties: false, description },
  );
}

const RoleSpecSchema = Type.Object(
  {
    weight: Type.Number({ minimum: 0, description: 'Weight of this role’s combined rating.' }),
    combine: Type.Optional(
      Type.Union([Type.Literal('mean'), Type.Literal('median'), Type.Literal('trimmed-mean')], {
        description: 'How several ratings of this role combine. Default mean.',
      }),
    ),
    trim: Type.Optional(
      Type.Number({
        minimum: 0,
        exclusiveMaximum: 0.5,
        description: 'Share cut from each end for trimmed-mean (e.g. 0.1).',
      }),
    ),
    min: Type.Optional(
      Type.Integer({ minimum: 0, description: 'Fewest ratings of this role that count. Default 1.' }),
    ),
    required: Type.Optional(
      Type.Boolean({
        description:
          'This role must reach its minimum: when it falls short the verdict is pending, even with whenShort: renormalise (e.g. the supervisor, who is the legal appraiser).',
      }),
    ),
    show: Type.Optional(
      Type.Boolean({
        description: 'With weight 0: show the ratings in the explanation without counting them.',
      }),
    ),
  },
  { additionalProperties: false },
);
const DivergenceSchema = Type.Object(
  {
    threshold: Type.Number({
      minimum: 0,
      description:
        'The supervisor’s combined rating may depart from the consensus by at most this much; more flags the indicator for review.',
    }),
    consensus: Type.Optional(
      Type.Array(RoleSchema, {
        minItems: 1,
        uniqueItems: true,
        description: 'Roles whose weighted combined ratings form the consensus. Default [peer, third-party].',
      }),
    ),
  },
  {
    additionalProperties: false,
    description:
      'Flags `needs-review:<indicator>` when the supervisor departs from the consensus of other raters by more than the threshold.',
  },
);

const CalibrationSchema = Type.Object(
  {
    method: Type.Literal('z-score'),
    mean: Type.Number({ description: 'The common mean every rater is mapped onto.' }),
    sd: Type.Number({ exclusiveMinimum: 0, description: 'The common standard deviation.' }),
  },
  {
    additionalProperties: false,
    description:
      'Per-rater normalisation against the rater’s history (appraisal `raterStats`): mean + (x − rater mean) / rater sd × sd.',
  },
);

const AnonymitySchema = Type.Object(
  {
    k: Type.Integer({
      minimum: 1,
      description:
        'Peer and subordinate ratings are shown to the employee only as a role aggregate of at least k.',
    }),
  },
  { additionalProperties: false, description: 'What the employee’s view of the ratings may show.' },
);

const OrderedSchema = Type.Optional(
  Type.Array(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]*$', description: 'Field of the input record.' }), {
    minItems: 2,
    uniqueItems: true,
    description:
      'Fields of the record whose numbers may not decrease in this order (a range target: [targetMin, targetMax]); a value below the one before it is an invalid-input error at its field. Absent fields are left to the parts.',
  }),
);

/** How one rater role counts within a `raters` measure. */
export type RoleSpec = Static<typeof RoleSpecSchema>;

/** A measure: how raw appraisal data becomes a score. Discriminated by `kind`. */
export const MeasureSchema = Type.Recursive(
  (Self) =>
    Type.Union([
      kind(
        'ratio',
        {
          target: InputRefSchema,
          realisation: InputRefSchema,
          scale: Type.Optional(Type.Number({ description: 'Multiplier; default 100 (a percentage).' })),
          dropWhen: Type.Optional(
            Type.Union([Type.Literal('target-zero'), Type.Literal('never')], {
              description:
                'target-zero: a zero target drops the measure (e.g. no complaints to handle); never (default): it is a division-by-zero error.',
            }),
          ),
        },
        'realisation / target × scale. Higher realisation is better.',
      ),
      kind(
        'inverse-ratio',
        {
          target: InputRefSchema,
          realisation: InputRefSchema,
          scale: Type.Optional(Type.Number({ description: 'Multiplier; default 100.' })),
          dropWhen: Type.Optional(
            Type.Union([Type.Literal('target-zero'), Type.Literal('never')], {
              description:
                'target-zero: a zero target drops the measure; never (default): a division-by-zero error.',
            }),
          ),
        },
        '(2 − realisation / target) × scale: lower is better (PermenPAN-RB 8/2021 “kondisi khusus”).',
      ),
      kind(
        'efficiency',
        {
          target: InputRefSchema,
          realisation: InputRefSchema,
          threshold: Type.Optional(
            Type.Number({ description: 'Efficiency branch point; default 0.24 (24%).' }),
          ),
          factor: Type.Optional(Type.Number({ description: 'The BKN factor; default 1.76.' })),
          dropWhen: Type.Optional(
            Type.Union(
              [
                Type.Literal('target-zero'),
                Type.Literal('realisation-zero'),
                Type.Literal('both-zero'),
                Type.Literal('never'),
              ],
              {
                description:
                  'When the aspect drops out (e.g. a target with no cost, “tidak didukung anggaran”). Default target-zero.',
              },
            ),
          ),
        },
        'BKN time/cost efficiency (Perka BKN 1/2013): e = 1 − R/T; e ≤ threshold → 76 + 100e, else 100 − 100e; R = 0 → 0.',
      ),
      kind(
        'scale',
        {
          input: InputRefSchema,
          map: Type.Record(Type.String({ minLength: 1 }), Type.Number(), {
            description: 'Rating label (or number as text) → score.',
          }),
        },
        'Maps a rating on a scale to a score.',
      ),
      kind(
        'lookup',
        {
          input: InputRefSchema,
          table: Type.Array(
            Type.Object({ range: RangeSchema, value: Type.Number() }, { additionalProperties: false }),
            { minItems: 1 },
          ),
        },
        'Step table: the value of the row whose range holds the input.',
      ),
      kind(
        'piecewise',
        {
          input: InputRefSchema,
          points: Type.Array(Type.Tuple([Type.Number(), Type.Number()]), {
            minItems: 2,
            description:
              'Points [x, y] with strictly increasing x; straight lines between them, flat beyond.',
          }),
        },
        'Piecewise-linear table.',
      ),
      kind(
        'value',
        {
          input: InputRefSchema,
          range: Type.Optional(
            Type.String({
              minLength: 5,
              description:
                'The numbers the input may take, in interval notation (e.g. "(0, 100]" for a goal in %): a number outside it is refused at the input (input-out-of-range), whether a field of the record or a fact. Without it any finite number counts.',
            }),
          ),
        },
        'The input number itself.',
      ),
      kind('constant', { value: Type.Number() }, 'A constant.'),
      kind(
        'mean',
        { of: Type.Array(Self, { minItems: 1 }), ordered: OrderedSchema },
        'Arithmetic mean of the parts that did not drop out.',
      ),
      kind(
        'sum',
        { of: Type.Array(Self, { minItems: 1 }), ordered: OrderedSchema },
        'Sum of the parts that did not drop out.',
      ),
      kind('min', { of: Type.Array(Self, { minItems: 1 }), ordered: OrderedSchema }, 'Smallest part.'),
      kind('max', { of: Type.Array(Self, { minItems: 1 }), ordered: OrderedSchema }, 'Largest part.'),
      kind(
        'product',
        { of: Type.Array(Self, { minItems: 1 }), ordered: OrderedSchema },
        'Product of the parts.',
      ),
      kind(
        'quotient',
        { of: Type.Array(Self, { minItems: 2, maxItems: 2 }) },
        'The first part divided by the second (e.g. months ÷ 12); a zero divisor is an error.',
      ),
      kind(
        'one-of',
        { of: Type.Array(Self, { minItems: 2 }) },
        'Alternative ways of measuring, each from its own fields (a normal, a range and a lower-is-better target): exactly one may be given, and its value counts. Two given is an error (ambiguous-input); none given is an error (missing-alternative), or drops the measure when it is optional.',
      ),
      kind(
        'raters',
        {
          roles: Type.Partial(
            Type.Record(RoleSchema, RoleSpecSchema, {
              description: 'Each counted role with its weight; weights of counted roles sum to 1.',
            }),
          ),
          whenShort: Type.Optional(
            Type.Union([Type.Literal('renormalise'), Type.Literal('pending')], {
              description:
                'A role below its minimum: renormalise the others’ weights, or make the verdict pending. Default pending.',
            }),
          ),
          map: Type.Optional(
            Type.Record(Type.String({ minLength: 1 }), Type.Number(), {
              description: 'Rating label → number, when raters give labels instead of numbers.',
            }),
          ),
          range: Type.Optional(
            Type.String({
              minLength: 5,
              description:
                'The rating scale, in interval notation (e.g. "[1, 5]"): a number a rater gives outside it is refused (rating-out-of-scale), and every `map` value must lie in it. Without it any number counts, and the rubric loads with a raters-unbounded warning.',
            }),
          ),
          divergence: Type.Optional(DivergenceSchema),
          influenceCap: Type.Optional(
            Type.Number({
              exclusiveMinimum: 0,
              description:
                'Bounded influence: no single rater moves the indicator score by more than this (leave-one-out), before the measure’s clamp and rounding.',
            }),
          ),
          calibration: Type.Optional(CalibrationSchema),
          anonymity: Type.Optional(AnonymitySchema),
        },
        'Combines ratings given by several raters by role (supervisor, peer, subordinate, third-party, self).',
      ),
    ]),
  { $id: 'Measure', description: 'How raw data becomes a score (cara ukur).' },
);
/** A measure. */
export type Measure = Static<typeof MeasureSchema>;
/** The `kind` of a measure. */
export type MeasureKind = Measure['kind'];

/** Ids are used as keys of measure maps too. */
export const MeasureIdSchema = IdSchema;
