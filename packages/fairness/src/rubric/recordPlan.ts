import type { Measure } from '@kinerja/core';
import { type Interval, parseInterval } from '@kinerja/core';
import { measureLeaves } from './measureLeaves.js';

/** Which way a better input moves a score: up, down, or not monotone (or not known). */
export type Direction = 'higher' | 'lower' | 'none';

/** Where in its domain a good value lies, so generation can be tilted toward good or bad appraisals. */
export type Better = 'up' | 'down' | { readonly peak: number };

/** The values one input field may take. Every domain is ordered, so "better" and "worse" have a meaning. */
export type FieldDomain =
  /** Decimals in [lo, hi] with at most `places` places; `exact` are values worth hitting exactly. */
  | { readonly kind: 'number'; readonly lo: number; readonly hi: number; readonly exact: readonly number[] }
  /** A realisation: a share (0…maxShare) of the record's `of` field, so ratios stay near real life. */
  | { readonly kind: 'share'; readonly of: string; readonly minShare: number; readonly maxShare: number }
  /** Scale labels, worst first. */
  | { readonly kind: 'label'; readonly labels: readonly string[] }
  /** Lookup rows, worst value first; a value inside some row. */
  | { readonly kind: 'rows'; readonly rows: readonly Interval[] };

/** One field of an input record (`inputs.<id>` or one listed target). */
export interface FieldPlan {
  /** The field name, as the measure reads it. */
  readonly name: string;
  /** The values it may take. */
  readonly domain: FieldDomain;
  /** Which way a better value moves the score, as far as the measure kind tells. */
  readonly direction: Direction;
  /**
   * Whether it is what the measure measures (a realisation, an input) rather than a reference (a target): an
   * indicator's declared `direction` speaks of these fields only.
   */
  readonly primary: boolean;
  /** Whether the first leaf reading it sits in a quotient's divisor (its direction is already flipped). */
  readonly divisor: boolean;
  /** Where good values lie, for tilted generation. */
  readonly better: Better;
  /**
   * Indexes of the leaf measures that read it (several leaves may share a field). A field is left out only when
   * every leaf reading it is an optional leaf being left out.
   */
  readonly leaves: readonly number[];
}

/** What one input record must hold, read from the measure that scores it. */
export interface RecordPlan {
  /** Fields in the order the leaves name them (first reader wins when two leaves share a field). */
  readonly fields: readonly FieldPlan[];
  /** Leaves (by index) marked `optional: true`, whose fields may all be left out to make the leaf drop. */
  readonly optionalLeaves: readonly number[];
  /**
   * Each `one-of` in the tree (in walk order): the leaves of each of its alternatives. A record gives exactly one
   * alternative of each; the leaves of the others are left out, or the record is ambiguous (an error).
   */
  readonly choices: readonly (readonly (readonly number[])[])[];
  /**
   * Leaves that are `raters` measures: they read `appraisal.ratings`, not the record, so a record that takes
   * another alternative of their one-of must come with no ratings for the indicator.
   */
  readonly ratersLeaves: readonly number[];
}

const flip = (d: Direction): Direction => (d === 'higher' ? 'lower' : d === 'lower' ? 'higher' : d);

function valueDomain(
  clamp: { min?: number; max?: number } | undefined,
  positive: boolean,
  range: Interval | undefined,
  own: Interval | undefined,
): FieldDomain {
  // A clamped measure gets inputs a little beyond its caps, so the caps are exercised, not just declared.
  let lo = clamp ? (clamp.min ?? 0) - 10 : 0;
  let hi = clamp ? (clamp.max ?? 100) + 10 : 100;
  // An indicator that is its input (`value`) and promises a range declares what inputs are valid: a behaviour
  // score on a 0–120 scale is never 130, and the engine refuses it as data (score-out-of-range).
  if (range && !clamp) {
    lo = range.min?.toNumber() ?? (range.max ? range.max.toNumber() - 100 : lo);
    hi = range.max?.toNumber() ?? lo + 100;
  }
  let min = positive ? Math.max(lo, 0.01) : lo;
  if (!own)
    return { kind: 'number', lo: min, hi: Math.max(hi, min + 1), exact: [min, 100].filter((x) => x <= hi) };
  // The value's own range is refused outside as data (input-out-of-range), caps or not: inputs stay inside it, a
  // hundredth (the generator's step) away from an excluded end.
  hi = Math.max(hi, min + 1);
  const ownLo = own.min ? own.min.toNumber() + (own.minIncluded ? 0 : 0.01) : undefined;
  const ownHi = own.max ? own.max.toNumber() - (own.maxIncluded ? 0 : 0.01) : undefined;
  if (ownLo !== undefined) min = Math.max(min, ownLo);
  if (ownHi !== undefined) hi = Math.min(hi, ownHi);
  if (min >= hi) {
    // The range lies beyond the usual inputs, or touches them at one point (a value of 500 to 1000): it alone is
    // the domain.
    min = ownLo ?? (ownHi as number) - 100;
    hi = ownHi ?? min + 100;
  }
  return { kind: 'number', lo: min, hi, exact: [min, 100].filter((x) => x >= min && x <= hi) };
}

/**
 * Reads a measure tree and says which fields its input record needs and what values they may take. Field names
 * come from the InputRefs that are strings; `{ fact, path }` refs read facts, which the facts generator supplies.
 * `range` is the indicator's promised range, used as the input domain when the indicator is its input.
 */
export function recordPlan(measure: Measure, range?: string): RecordPlan {
  const promised = range !== undefined && measure.kind === 'value' ? parseInterval(range) : undefined;
  const fields: FieldPlan[] = [];
  const optionalLeaves: number[] = [];
  const byName = new Map<string, number[]>();
  const divisorLeaves = new Set<number>();
  const add = (f: Omit<FieldPlan, 'leaves' | 'divisor'> & { leaf: number }) => {
    const readers = byName.get(f.name);
    if (readers) {
      // The first reader decides the domain; later readers only keep the field present.
      if (!readers.includes(f.leaf)) readers.push(f.leaf);
      return;
    }
    const leaves = [f.leaf];
    byName.set(f.name, leaves);
    const { leaf: _leaf, ...rest } = f;
    fields.push({ ...rest, divisor: divisorLeaves.has(f.leaf), leaves });
  };
  const choices: number[][][] = [];
  const ratersLeaves: number[] = [];
  measureLeaves(measure).forEach(({ measure: m, divisor, alternatives }, leaf) => {
    if (m.optional) optionalLeaves.push(leaf);
    for (const { choice, alternative } of alternatives) {
      choices[choice] ??= [];
      const alts = choices[choice];
      for (let k = alts.length; k <= alternative; k++) alts.push([]);
      alts[alternative]?.push(leaf);
    }
    if (divisor) divisorLeaves.add(leaf);
    const dir = (d: Direction) => (divisor ? flip(d) : d);
    switch (m.kind) {
      case 'ratio':
      case 'inverse-ratio':
      case 'efficiency': {
        const inferred: Direction =
          m.kind === 'ratio' ? 'higher' : m.kind === 'inverse-ratio' ? 'lower' : 'none';
        const peak = 1 - (m.kind === 'efficiency' ? (m.threshold ?? 0.24) : 0.24);
        const better: Better =
          m.kind === 'ratio' ? 'up' : m.kind === 'inverse-ratio' ? 'down' : { peak: peak / 1.5 };
        if (typeof m.target === 'string') {
          // Positive targets only: a zero target is a data error (division-by-zero) or a drop, not a verdict.
          add({
            name: m.target,
            domain: { kind: 'number', lo: 1, hi: 1000, exact: [1, 10, 12, 100] },
            direction: 'none',
            primary: false,
            better: 'up',
            leaf,
          });
        }
        if (typeof m.realisation === 'string') {
          const domain: FieldDomain =
            typeof m.target === 'string'
              ? { kind: 'share', of: m.target, minShare: divisor ? 0.01 : 0, maxShare: 1.5 }
              : { kind: 'number', lo: divisor ? 0.01 : 0, hi: 150, exact: [100] };
          add({ name: m.realisation, domain, direction: dir(inferred), primary: true, better, leaf });
        }
        return;
      }
      case 'value':
        if (typeof m.input === 'string')
          add({
            name: m.input,
            domain: valueDomain(
              m.clamp,
              divisor,
              promised,
              m.range !== undefined ? parseInterval(m.range) : undefined,
            ),
            direction: dir('higher'),
            primary: true,
            better: 'up',
            leaf,
          });
        return;
      case 'scale':
        if (typeof m.input === 'string') {
          const labels = Object.entries(m.map)
            .sort(([, a], [, b]) => a - b)
            .map(([k]) => k);
          add({
            name: m.input,
            domain: { kind: 'label', labels },
            direction: 'none',
            primary: true,
            better: 'up',
            leaf,
          });
        }
        return;
      case 'lookup':
        if (typeof m.input === 'string') {
          const rows = [...m.table]
            .sort((a, b) => a.value - b.value)
            .map((r) => parseInterval(r.range))
            .filter((r): r is Interval => r !== undefined);
          add({
            name: m.input,
            domain: { kind: 'rows', rows },
            direction: 'none',
            primary: true,
            better: 'up',
            leaf,
          });
        }
        return;
      case 'piecewise':
        if (typeof m.input === 'string') {
          const xs = m.points.map(([x]) => x);
          const first = xs[0] ?? 0;
          const last = xs[xs.length - 1] ?? first + 1;
          const margin = Math.max((last - first) / 2, 1);
          const lo = divisor ? Math.max(first - margin, 0.01) : first - margin;
          const ys = m.points.map(([, y]) => y);
          add({
            name: m.input,
            domain: { kind: 'number', lo, hi: last + margin, exact: xs.filter((x) => x >= lo) },
            direction: 'none',
            primary: true,
            better: (ys[ys.length - 1] ?? 0) >= (ys[0] ?? 0) ? 'up' : 'down',
            leaf,
          });
        }
        return;
      case 'raters':
        // Raters read appraisal.ratings, not the record.
        ratersLeaves.push(leaf);
        return;
      default:
        // constant reads nothing.
        return;
    }
  });
  return { fields, optionalLeaves, choices, ratersLeaves };
}
