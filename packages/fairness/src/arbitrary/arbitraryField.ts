import { type Interval, inInterval, Rational } from '@kinerja/core';
import fc from 'fast-check';
import type { FieldPlan } from '../rubric/recordPlan.js';
import { decimalIn } from './decimalIn.js';
import { tiltPosition, tiltWindow } from './tilt.js';

/** Shares are drawn in steps of 0.01% so that target (2 places) × share stays within 6 decimal places. */
const SHARE_UNIT = 10_000;

function rowValue(row: Interval): fc.Arbitrary<number> {
  const min = row.min?.toNumber();
  const max = row.max?.toNumber();
  const lo = min ?? (max !== undefined ? max - 100 : -100);
  const hi = max ?? lo + 100;
  const exact = [row.minIncluded ? min : undefined, row.maxIncluded ? max : undefined].filter(
    (x): x is number => x !== undefined,
  );
  // Bounds may be excluded, so values are filtered through the row's own interval; rows are never empty.
  return decimalIn(lo, hi, { exact }).filter((x) => inInterval(row, Rational.from(x)));
}

/**
 * The raw random value of one field: the value itself, except for a realisation, whose raw value is a share of its
 * target (resolved by {@link resolveField} once the target is known).
 */
export function arbitraryFieldRaw(field: FieldPlan, quality?: number): fc.Arbitrary<number | string> {
  const d = field.domain;
  switch (d.kind) {
    case 'number':
      return decimalIn(d.lo, d.hi, { quality, better: field.better, exact: d.exact });
    case 'share': {
      const min = Math.round(d.minShare * SHARE_UNIT);
      const max = Math.round(d.maxShare * SHARE_UNIT);
      if (quality !== undefined) return fc.integer(tiltWindow(min, max, tiltPosition(quality, field.better)));
      const exact = [0, 7600, SHARE_UNIT].filter((x) => x >= min && x <= max);
      return fc.oneof(
        { arbitrary: fc.integer({ min, max }), weight: 3 },
        { arbitrary: fc.integer({ min: min / 100, max: max / 100 }).map((p) => p * 100), weight: 2 },
        { arbitrary: fc.constantFrom(...exact), weight: 1 },
      );
    }
    case 'label': {
      if (quality === undefined) return fc.constantFrom(...d.labels);
      const w = tiltWindow(0, d.labels.length - 1, tiltPosition(quality, field.better));
      return fc.integer({ min: w.min, max: w.max }).map((i) => d.labels[i] as string);
    }
    case 'rows': {
      if (quality === undefined) return fc.oneof(...d.rows.map(rowValue));
      const w = tiltWindow(0, d.rows.length - 1, tiltPosition(quality, field.better));
      return fc.integer(w).chain((i) => rowValue(d.rows[i] as Interval));
    }
  }
}

/** Turns a raw value into the field's value, given the rest of the record (a realisation needs its target). */
export function resolveField(
  field: FieldPlan,
  raw: number | string,
  record: Readonly<Record<string, unknown>>,
): number | string | undefined {
  if (field.domain.kind !== 'share') return raw;
  const target = record[field.domain.of];
  if (typeof target !== 'number') return undefined;
  return (Math.round(target * 100) * (raw as number)) / (100 * SHARE_UNIT);
}
