import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { compileCondition } from '../../src/conditions/compileCondition.js';
import type { FactCatalogue, FactShape } from '../../src/conditions/FactCatalogue.js';
import type { Condition } from '../../src/schema/conditionSchema.js';

// Equivalence with json-rules-engine v7 on the domain where its answer is well defined: every fact and
// path exists, numeric operators see numbers, in/notIn get lists, contains looks into lists. Outside it
// Kinerja deliberately differs (undetermined + diagnostic instead of a silent false).

type Scalar = number | string | boolean;
type Kind = 'number' | 'string' | 'boolean' | 'array';
interface Target {
  fact: string;
  path?: string;
  kind: Kind;
  value: unknown;
}

const SEED = 20_240_611;
const ROOTS = ['f0', 'f1', 'f2', 'f3'] as const;
const KEYS = ['k0', 'k1', 'k2', 'k3'] as const;

// Up to 6 decimal places, built as integer / 10^k so every value has a short exact decimal.
const numberArb = fc
  .tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 6 }))
  .map(([n, k]) => n / 10 ** k);
const stringArb = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 3 });
const scalarArb: fc.Arbitrary<Scalar> = fc.oneof(numberArb, stringArb, fc.boolean());
const arrayArb = fc.oneof(
  fc.array(numberArb, { maxLength: 4 }),
  fc.array(stringArb, { maxLength: 4 }),
  fc.array(scalarArb, { maxLength: 4 }),
);
const leafValueArb = fc.oneof(scalarArb, arrayArb);
const objectArb = fc.dictionary(fc.constantFrom(...KEYS), leafValueArb, { minKeys: 1, maxKeys: 4 });
const factsArb = fc.record(
  Object.fromEntries(ROOTS.map((r) => [r, fc.oneof(leafValueArb, objectArb)])) as Record<
    (typeof ROOTS)[number],
    fc.Arbitrary<unknown>
  >,
);

function kindOf(v: unknown): Kind | 'object' {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return typeof v as Kind;
  return 'object';
}

function shapeOf(v: unknown): FactShape {
  const kind = kindOf(v);
  if (kind === 'array') return { type: 'array', items: { type: 'any' } };
  if (kind === 'object') {
    const properties: Record<string, FactShape> = {};
    for (const [k, inner] of Object.entries(v as Record<string, unknown>)) properties[k] = shapeOf(inner);
    return { type: 'object', properties };
  }
  return { type: kind };
}

// Every comparable value in the facts, with the fact/path that reaches it.
function targetsOf(facts: Record<string, unknown>): Target[] {
  const out: Target[] = [];
  const add = (fact: string, path: string | undefined, value: unknown): void => {
    const kind = kindOf(value);
    if (kind === 'object') {
      for (const [k, inner] of Object.entries(value as Record<string, unknown>))
        add(fact, `${path ?? '$'}.${k}`, inner);
      return;
    }
    out.push({ fact, ...(path === undefined ? {} : { path }), kind, value });
    if (kind === 'array') {
      (value as unknown[]).forEach((item, i) => {
        add(fact, `${path ?? '$'}[${i}]`, item);
      });
    }
  };
  for (const [fact, value] of Object.entries(facts)) add(fact, undefined, value);
  return out;
}

const ref = (t: Target) => ({ fact: t.fact, ...(t.path === undefined ? {} : { path: t.path }) });

function leafArb(targets: readonly Target[]): fc.Arbitrary<Condition> {
  return fc.constantFrom(...targets).chain((t): fc.Arbitrary<Condition> => {
    const base = ref(t);
    const sameKind = targets.filter((o) => o.kind === t.kind);
    const lists = targets.filter((o) => o.kind === 'array');
    if (t.kind === 'array') {
      const items = t.value as Scalar[];
      const valueArb = items.length > 0 ? fc.oneof(fc.constantFrom(...items), scalarArb) : scalarArb;
      return fc.record({
        ...Object.fromEntries(Object.entries(base).map(([k, v]) => [k, fc.constant(v)])),
        operator: fc.constantFrom('contains', 'doesNotContain'),
        value: valueArb,
      }) as fc.Arbitrary<Condition>;
    }
    const own = t.value as Scalar;
    const sameArb: fc.Arbitrary<Scalar> =
      t.kind === 'number'
        ? fc.oneof(
            // Equality with the fact itself is where the inclusive/exclusive operators differ.
            { arbitrary: fc.constant(own), weight: 3 },
            numberArb,
            fc.constant(Number(((own as number) + 0.000001).toFixed(6))),
            fc.constant(Number(((own as number) - 0.000001).toFixed(6))),
          )
        : t.kind === 'string'
          ? fc.oneof(fc.constant(own), stringArb)
          : fc.boolean();
    const ops: fc.Arbitrary<{ operator: string; value: unknown }>[] = [
      fc.record({ operator: fc.constantFrom('equal', 'notEqual'), value: sameArb }),
      fc.record({
        operator: fc.constantFrom('in', 'notIn'),
        value: fc.array(sameArb, { minLength: 1, maxLength: 4 }),
      }),
      fc.record({
        operator: fc.constantFrom('equal', 'notEqual'),
        value: fc.constantFrom(...sameKind).map(ref),
      }),
    ];
    if (lists.length > 0) {
      ops.push(
        fc.record({ operator: fc.constantFrom('in', 'notIn'), value: fc.constantFrom(...lists).map(ref) }),
      );
    }
    if (t.kind === 'number') {
      const numeric = fc.constantFrom('lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive');
      ops.push(fc.record({ operator: numeric, value: sameArb }));
      ops.push(fc.record({ operator: numeric, value: fc.constantFrom(...sameKind).map(ref) }));
    }
    return fc.oneof(...ops).map((rest) => ({ ...base, ...rest }) as Condition);
  });
}

function conditionArb(targets: readonly Target[]): fc.Arbitrary<Condition> {
  const leaf = leafArb(targets);
  const node = (depth: number): fc.Arbitrary<Condition> => {
    if (depth === 0) return leaf;
    const inner = node(depth - 1);
    return fc.oneof(
      { arbitrary: leaf, weight: 2 },
      { arbitrary: fc.array(inner, { minLength: 1, maxLength: 3 }).map((all) => ({ all })), weight: 1 },
      { arbitrary: fc.array(inner, { minLength: 1, maxLength: 3 }).map((any) => ({ any })), weight: 1 },
      { arbitrary: inner.map((not) => ({ not }) as Condition), weight: 1 },
    );
  };
  // json-rules-engine v7 refuses a bare leaf at the top: the root must be all, any or not.
  const inner = node(2);
  return fc.oneof(
    fc.array(inner, { minLength: 1, maxLength: 3 }).map((all) => ({ all }) as Condition),
    fc.array(inner, { minLength: 1, maxLength: 3 }).map((any) => ({ any }) as Condition),
    inner.map((not) => ({ not }) as Condition),
  );
}

const caseArb = factsArb.chain((facts) =>
  conditionArb(targetsOf(facts)).map((condition) => ({ facts: facts as Record<string, unknown>, condition })),
);

async function engineFires(condition: Condition, facts: Record<string, unknown>): Promise<boolean> {
  const engine = new Engine([], { allowUndefinedFacts: false });
  engine.addRule({ conditions: condition as never, event: { type: 'hit' } });
  const { events } = await engine.run(facts);
  return events.length > 0;
}

describe('equivalence with json-rules-engine v7', () => {
  it('gives the same answer wherever json-rules-engine is well defined', async () => {
    let fired = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ facts, condition }) => {
        const roots: Record<string, FactShape> = {};
        for (const [k, v] of Object.entries(facts)) roots[k] = shapeOf(v);
        const catalogue: FactCatalogue = { roots };
        const compiled = compileCondition(condition, { pointer: '', catalogue });
        if (!compiled.ok) throw new Error(`refused: ${JSON.stringify(compiled.diagnostics)}`);
        const source = (root: string) => (Object.hasOwn(facts, root) ? facts[root] : undefined);
        const run = compiled.value(source);
        expect(run.diagnostics).toEqual([]);
        expect(compiled.value.test(source)).toBe(run.value);
        const expected = await engineFires(condition, facts);
        expect(run.value).toBe(expected);
        runs++;
        if (expected) fired++;
      }),
      { numRuns: 300, seed: SEED },
    );
    // Guard against a generator that only ever exercises one outcome.
    expect(fired).toBeGreaterThan(runs / 10);
    expect(runs - fired).toBeGreaterThan(runs / 10);
  });
});
