import { type Static, type TSchema, Type } from '@sinclair/typebox';

/** Ids of rubrics, groups, indicators, ratings, predicates and outcomes: lower-case words joined by - or _. */
export const IdSchema = Type.String({
  // `constructor` and `prototype` name the prototype chain in JavaScript, so they are never ids.
  pattern: '^(?!(?:constructor|prototype)$)[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$',
  maxLength: 64,
  description: 'Lower-case id: letters and digits, words joined by - or _ (e.g. `sangat-baik`).',
});

/** A text in Bahasa Indonesia and English. */
export const LabelSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, description: 'Bahasa Indonesia.' }),
    en: Type.String({ minLength: 1, description: 'English.' }),
  },
  { additionalProperties: false, description: 'Text in Bahasa Indonesia (`id`) and English (`en`).' },
);
/** A text in Bahasa Indonesia and English. */
export type Label = Static<typeof LabelSchema>;

/** A calendar date, `YYYY-MM-DD`. */
export const DateSchema = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'Calendar date, YYYY-MM-DD.',
});

/** How a number is rounded. */
export const RoundingModeSchema = Type.Union(
  [
    Type.Literal('half-up'),
    Type.Literal('half-down'),
    Type.Literal('half-even'),
    Type.Literal('up'),
    Type.Literal('down'),
    Type.Literal('ceiling'),
    Type.Literal('floor'),
  ],
  {
    description:
      'half-up: ties away from zero (3.125 → 3.13); half-down: ties toward zero; half-even: ties to even (3.125 → 3.12); up: away from zero; down: toward zero (truncate); ceiling: toward +∞; floor: toward −∞.',
  },
);

/** A rounding point: decimals and mode. */
export const RoundingSchema = Type.Object(
  {
    decimals: Type.Integer({ minimum: 0, maximum: 12 }),
    mode: RoundingModeSchema,
  },
  { additionalProperties: false, description: 'Round to `decimals` places with `mode`, exactly.' },
);
/** A rounding point: decimals and mode. */
export type Rounding = Static<typeof RoundingSchema>;

/** Lower and/or upper caps on a score. */
export const ClampSchema = Type.Object(
  {
    min: Type.Optional(Type.Number()),
    max: Type.Optional(Type.Number()),
  },
  { additionalProperties: false, description: 'Caps: the score is raised to `min` and lowered to `max`.' },
);
/** Lower and/or upper caps on a score. */
export type Clamp = Static<typeof ClampSchema>;

/** An interval in mathematical notation, e.g. `"[76, 91)"`, `"(-inf, 50]"`. */
export const RangeSchema = Type.String({
  minLength: 5,
  description:
    'Interval with explicit bounds: `[` / `]` include the bound, `(` / `)` exclude it; `inf` / `-inf` for no bound. Example: "[76, 91)".',
});

/** Makes an object schema strict (no unknown properties). */
export function strictObject<T extends Parameters<typeof Type.Object>[0]>(
  properties: T,
  description?: string,
): ReturnType<typeof Type.Object<T>> {
  return Type.Object(properties, {
    additionalProperties: false,
    ...(description ? { description } : {}),
  });
}

/** A map from ids to values of one schema. */
export function idMap<T extends TSchema>(value: T, description?: string) {
  return Type.Record(IdSchema, value, {
    ...(description ? { description } : {}),
  });
}
