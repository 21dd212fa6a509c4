import {
  type Appraisal,
  type Clamp,
  type CompiledRubric,
  type Evaluation,
  inInterval,
  parseInterval,
  Rational,
} from '@kinerja/core';
import { arbitraryAppraisal } from '../arbitrary/arbitraryAppraisal.js';
import type { LawOptions, LawResult } from './LawResult.js';
import { runProperty } from './runProperty.js';

/** Why a score breaks its promised range or its caps, or undefined. */
function outside(what: string, score: number | undefined, range?: string, clamp?: Clamp): string | undefined {
  if (score === undefined) return undefined;
  const x = Rational.from(score);
  const iv = range !== undefined ? parseInterval(range) : undefined;
  if (iv && !inInterval(iv, x)) return `${what} ${score} is outside its declared range ${range}`;
  // Exact comparison: a cap of 100 means 100, and 100.00000000000001 is over it.
  if (clamp?.min !== undefined && x.lt(Rational.from(clamp.min)))
    return `${what} ${score} is below its cap min ${clamp.min}`;
  if (clamp?.max !== undefined && x.gt(Rational.from(clamp.max)))
    return `${what} ${score} is above its cap max ${clamp.max}`;
  return undefined;
}

/** Every score of an evaluation checked against the range and caps the rubric declares for it. */
function problems(compiled: CompiledRubric, e: Evaluation): string[] {
  const rubric = compiled.rubric;
  const found: Array<string | undefined> = [
    outside('overall score', e.score, rubric.score?.range, rubric.score?.clamp),
  ];
  for (const [gid, g] of Object.entries(rubric.groups)) {
    const r = e.groups[gid];
    if (!r) continue;
    found.push(outside(`group ${gid} score`, r.score, g.range, g.clamp));
    for (const [iid, ind] of Object.entries(g.indicators ?? {})) {
      found.push(outside(`indicator ${iid} score`, r.indicators?.[iid]?.score, ind.range, ind.measure.clamp));
    }
    for (const [aid, add] of Object.entries(g.additions ?? {})) {
      found.push(outside(`addition ${aid} score`, r.additions?.[aid]?.score, undefined, add.measure.clamp));
    }
    for (const item of r.items ?? []) {
      found.push(outside(`target ${gid}/${item.id} score`, item.score, undefined, g.items?.measure.clamp));
    }
  }
  // The engine enforces declared ranges itself: a score outside one makes the evaluation invalid. For the law that
  // is the same broken promise, seen from the engine's side (and the score may then be missing from the result).
  for (const d of e.diagnostics) {
    if (d.code === 'score-out-of-range') {
      found.push(
        `score ${JSON.stringify(d.received)} at ${d.pointer || '/'} is outside its declared range ${JSON.stringify(d.expected)}`,
      );
    }
  }
  return [...new Set(found.filter((x): x is string => x !== undefined))];
}

/**
 * Bounds: every overall, group, indicator, addition and target score stays within the `range` the rubric promises
 * for it (where it declares one) and within its caps (`clamp`). The engine applies caps but does not enforce
 * ranges: a range is a promise the rubric makes to the people reading it, and this law holds it to that promise.
 */
export function bounds(compiled: CompiledRubric, options: LawOptions = {}): LawResult {
  return runProperty(
    {
      law: 'bounds',
      arbitrary: arbitraryAppraisal(compiled, options.appraisal),
      check: (a: Appraisal) => {
        const p = problems(compiled, compiled.evaluate(a));
        return p.length > 0 ? p.join('; ') : undefined;
      },
      readable: (a) => ({ appraisal: a }),
    },
    options,
  );
}
