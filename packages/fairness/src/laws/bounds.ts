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
import { joinLawText } from './joinLawText.js';
import type { LawOptions, LawResult, LawText } from './LawResult.js';
import { runProperty } from './runProperty.js';

/** Why a score breaks its promised range or its caps, or undefined. */
function outside(
  what: LawText,
  score: number | undefined,
  range?: string,
  clamp?: Clamp,
): LawText | undefined {
  if (score === undefined) return undefined;
  const x = Rational.from(score);
  const iv = range !== undefined ? parseInterval(range) : undefined;
  if (iv && !inInterval(iv, x))
    return {
      id: `${what.id} ${score} di luar rentang yang dinyatakannya ${range}`,
      en: `${what.en} ${score} is outside its declared range ${range}`,
    };
  // Exact comparison: a cap of 100 means 100, and 100.00000000000001 is over it.
  if (clamp?.min !== undefined && x.lt(Rational.from(clamp.min)))
    return {
      id: `${what.id} ${score} di bawah batas bawahnya (clamp min) ${clamp.min}`,
      en: `${what.en} ${score} is below its cap min ${clamp.min}`,
    };
  if (clamp?.max !== undefined && x.gt(Rational.from(clamp.max)))
    return {
      id: `${what.id} ${score} di atas batas atasnya (clamp max) ${clamp.max}`,
      en: `${what.en} ${score} is above its cap max ${clamp.max}`,
    };
  return undefined;
}

/** Every score of an evaluation checked against the range and caps the rubric declares for it. */
function problems(compiled: CompiledRubric, e: Evaluation): LawText[] {
  const rubric = compiled.rubric;
  const found: Array<LawText | undefined> = [
    outside({ id: 'skor akhir', en: 'overall score' }, e.score, rubric.score?.range, rubric.score?.clamp),
  ];
  for (const [gid, g] of Object.entries(rubric.groups)) {
    const r = e.groups[gid];
    if (!r) continue;
    found.push(outside({ id: `skor kelompok ${gid}`, en: `group ${gid} score` }, r.score, g.range, g.clamp));
    for (const [iid, ind] of Object.entries(g.indicators ?? {})) {
      found.push(
        outside(
          { id: `skor indikator ${iid}`, en: `indicator ${iid} score` },
          r.indicators?.[iid]?.score,
          ind.range,
          ind.measure.clamp,
        ),
      );
    }
    for (const [aid, add] of Object.entries(g.additions ?? {})) {
      found.push(
        outside(
          { id: `skor tambahan ${aid}`, en: `addition ${aid} score` },
          r.additions?.[aid]?.score,
          undefined,
          add.measure.clamp,
        ),
      );
    }
    for (const item of r.items ?? []) {
      found.push(
        outside(
          { id: `skor target ${gid}/${item.id}`, en: `target ${gid}/${item.id} score` },
          item.score,
          undefined,
          g.items?.measure.clamp,
        ),
      );
    }
  }
  // The engine enforces declared ranges itself: a score outside one makes the evaluation invalid. For the law that
  // is the same broken promise, seen from the engine's side (and the score may then be missing from the result).
  for (const d of e.diagnostics) {
    if (d.code === 'score-out-of-range') {
      const at = d.pointer || '/';
      found.push({
        id: `skor ${JSON.stringify(d.received)} di ${at} di luar rentang yang dinyatakannya ${JSON.stringify(d.expected)}`,
        en: `score ${JSON.stringify(d.received)} at ${at} is outside its declared range ${JSON.stringify(d.expected)}`,
      });
    }
  }
  // The same sentence twice (two scores breaking alike) is said once, as before.
  const unique = new Map<string, LawText>();
  for (const x of found) if (x && !unique.has(x.en)) unique.set(x.en, x);
  return [...unique.values()];
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
        return p.length > 0 ? joinLawText(p) : undefined;
      },
      readable: (a) => ({ appraisal: a }),
    },
    options,
  );
}
