import fc from 'fast-check';
import type { CompiledRubric } from '../../src/index.js';
import { loadRubric } from '../../src/index.js';

/** Fixed seeds: a failure prints its counterexample and replays identically. */
export const RUNS = { seed: 20240331, numRuns: 150 } as const;

/** Loads YAML or throws with the diagnostics (so a generator bug shows as such, not as an engine bug). */
export function mustLoad(yaml: string): CompiledRubric {
  const r = loadRubric(yaml, { source: 'generated.rubric.yaml' });
  if (!r.ok)
    throw new Error(
      `generated rubric did not load: ${JSON.stringify(r.diagnostics.map((d) => [d.code, d.pointer]))}`,
    );
  return r.value;
}

/** The fixed parts of an appraisal. */
export function appraisalWith(extra: Record<string, unknown>) {
  return {
    employee: { nip: '198501012010011001', unit: 'BKPSDM Kota Kupang', position: 'Analis' },
    period: { kind: 'annual', start: '2023-01-01', end: '2023-12-31' },
    ...extra,
  };
}

/** `n / 10^k` as an exact decimal string (no exponent), e.g. (12345n, 3) → "12.345". */
export function decimalString(n: bigint, k: number): string {
  const neg = n < 0n;
  const digits = (neg ? -n : n).toString().padStart(k + 1, '0');
  const int = digits.slice(0, digits.length - k);
  const frac = digits.slice(digits.length - k).replace(/0+$/, '');
  return `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

/** A decimal with up to 6 places in [min, max] (as micro-units), often short so ties and round values occur. */
export function micro(min: number, max: number): fc.Arbitrary<bigint> {
  const lo = BigInt(Math.round(min * 1e6));
  const hi = BigInt(Math.round(max * 1e6));
  return fc.oneof(
    fc.bigInt({ min: lo, max: hi }),
    fc.bigInt({ min: lo / 10_000n, max: hi / 10_000n }).map((c) => c * 10_000n),
    fc.bigInt({ min: lo / 1_000_000n, max: hi / 1_000_000n }).map((c) => c * 1_000_000n),
  );
}

/** A micro-unit amount as a JS number (exact: at most 15 significant digits in the generators used here). */
export function microNumber(n: bigint): number {
  return Number(decimalString(n, 6));
}

export type MeasureKindName = 'ratio' | 'inverse-ratio' | 'efficiency' | 'value' | 'piecewise';

/** An indicator specification: what the rubric says and what the appraisal gives. */
export interface IndicatorSpec {
  kind: MeasureKindName;
  weight: number;
  target: number;
  realisation: number;
}

const PAIR_KINDS: ReadonlySet<MeasureKindName> = new Set(['ratio', 'inverse-ratio', 'efficiency']);

export const indicatorSpec: fc.Arbitrary<IndicatorSpec> = fc
  .record({
    kind: fc.constantFrom<MeasureKindName>('ratio', 'inverse-ratio', 'efficiency', 'value', 'piecewise'),
    weight: fc.integer({ min: 1, max: 9 }),
    target: micro(0.000001, 1000)
      .filter((n) => n > 0n)
      .map(microNumber),
    realisation: micro(-50, 2000).map(microNumber),
  })
  .map((s) =>
    // A target/realisation measure takes a realisation ≥ 0 (a negative one is invalid-input); `value` and
    // `piecewise` still see negatives.
    PAIR_KINDS.has(s.kind) && s.realisation < 0 ? { ...s, realisation: -s.realisation } : s,
  );

/** The measure object of a spec, with optional extra properties (clamp, round). */
export function measureOf(
  kind: MeasureKindName,
  shared: Record<string, unknown> = {},
): Record<string, unknown> {
  // A fresh copy per measure: a shared object would be written as a YAML alias, which rubrics refuse.
  const extra = structuredClone(shared);
  switch (kind) {
    case 'value':
      return { kind, input: 'realisation', ...extra };
    case 'piecewise':
      return {
        kind,
        input: 'realisation',
        points: [
          [0, 0],
          [50, 60],
          [100, 100],
          [150, 110],
        ],
        ...extra,
      };
    default:
      return { kind, target: 'target', realisation: 'realisation', ...extra };
  }
}

/** A rubric object: one group `x` with the given indicators (integer weights, weightTotal = their sum). */
export function rubricObject(
  specs: ReadonlyArray<readonly [string, IndicatorSpec]>,
  measureExtra: Record<string, unknown> = {},
  groupExtra: Record<string, unknown> = {},
): Record<string, unknown> {
  const indicators: Record<string, unknown> = {};
  for (const [id, s] of specs) {
    indicators[id] = {
      label: { id: `Indikator ${id}`, en: `Indicator ${id}` },
      weight: s.weight,
      measure: measureOf(s.kind, measureExtra),
    };
  }
  return {
    kinerja: 1,
    id: 'generated',
    version: '1.0.0',
    label: { id: 'Rubrik uji', en: 'Generated rubric' },
    groups: {
      x: {
        label: { id: 'Grup', en: 'Group' },
        indicators,
        weightTotal: specs.reduce((a, [, s]) => a + s.weight, 0),
        ...groupExtra,
      },
    },
    score: { weights: { x: 1 } },
    predicate: {
      levels: [
        { id: 'baik', label: { id: 'Baik', en: 'Good' } },
        { id: 'cukup', label: { id: 'Cukup', en: 'Fair' } },
      ],
      bands: [
        { id: 'baik', range: '[90, inf)' },
        { id: 'cukup', range: '(-inf, 90)' },
      ],
    },
  };
}

/** Inputs per indicator id for the given specs. */
export function inputsOf(specs: ReadonlyArray<readonly [string, IndicatorSpec]>): Record<string, unknown> {
  // Only the fields the measure reads: any other field of an input record is unknown-field.
  return Object.fromEntries(
    specs.map(([id, s]) => [
      id,
      PAIR_KINDS.has(s.kind)
        ? { target: s.target, realisation: s.realisation }
        : { realisation: s.realisation },
    ]),
  );
}

/** 1–6 indicators with distinct ids. */
export const indicatorSpecs = fc
  .uniqueArray(fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/), { minLength: 1, maxLength: 6 })
  .chain((ids) => fc.tuple(...ids.map((id) => indicatorSpec.map((s) => [id, s] as const))));
