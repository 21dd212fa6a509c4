import { type Static, Type } from '@sinclair/typebox';

const FactValueRef = Type.Object(
  {
    fact: Type.String({ minLength: 1 }),
    path: Type.Optional(Type.String({ minLength: 1 })),
  },
  { additionalProperties: false, description: 'Compare against another fact instead of a constant.' },
);

const FactCondition = Type.Object(
  {
    fact: Type.String({
      minLength: 1,
      description:
        'Fact to read: predicate, score, groups, indicators, employee, period, flags or facts. A fact the rubric declares is read through `facts`: `fact: facts, path: $.<name>`.',
    }),
    path: Type.Optional(
      Type.String({
        minLength: 1,
        description: 'Plain own-property path into the fact, e.g. `$.hasil.rating`.',
      }),
    ),
    operator: Type.String({
      minLength: 1,
      description:
        'equal, notEqual, in, notIn, contains, doesNotContain, lessThan, lessThanInclusive, greaterThan, greaterThanInclusive.',
    }),
    value: Type.Unknown({ description: 'Constant to compare with, or `{ fact, path }`.' }),
    params: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    name: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

/**
 * A condition in json-rules-engine's format: `all` / `any` / `not` over fact comparisons.
 * Kinerja evaluates it synchronously and refuses its silent pitfalls (missing facts, empty `all`/`any`).
 */
export const ConditionSchema = Type.Recursive(
  (Self) =>
    Type.Union([
      Type.Object(
        { all: Type.Array(Self), name: Type.Optional(Type.String()) },
        { additionalProperties: false },
      ),
      Type.Object(
        { any: Type.Array(Self), name: Type.Optional(Type.String()) },
        { additionalProperties: false },
      ),
      Type.Object({ not: Self, name: Type.Optional(Type.String()) }, { additionalProperties: false }),
      FactCondition,
    ]),
  {
    $id: 'Condition',
    description: 'json-rules-engine condition: all / any / not, or fact + operator + value.',
  },
);

/** A fact comparison: `{ fact, path?, operator, value }`. */
export type FactCondition = Static<typeof FactCondition>;
/** A reference to another fact used as the comparison value. */
export type FactValueRef = Static<typeof FactValueRef>;
/** A json-rules-engine condition. */
export type Condition = Static<typeof ConditionSchema>;

/** The fact-reference form of a condition value. */
export const FactValueRefSchema = FactValueRef;
