import type { CompiledCondition, ConditionTrace } from '../conditions/compileCondition.js';
import { compileCondition } from '../conditions/compileCondition.js';
import type { FactSource } from '../conditions/FactCatalogue.js';
import { createDiagnostic } from '../diagnostics/createDiagnostic.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { joinPointer } from '../diagnostics/pointer.js';
import type { Rational } from '../numeric/rational.js';
import type { Band, Gaps } from '../schema/rubricSchema.js';
import type { CompileContext } from './CompileContext.js';
import { exactDecimal } from './exactDecimal.js';
import { checkInterval, compareLower, type Interval, inInterval } from './interval.js';

interface CompiledBand {
  readonly id: string;
  readonly interval: Interval;
  readonly requires?: CompiledCondition;
  readonly otherwise?: string;
  readonly pointer: string;
}

/** How a score was placed in a band, for the explanation. */
export interface BandTrace {
  /** The band's range as written. */
  range: string;
  /** The band's own id (before `requires`/`otherwise`). */
  band: string;
  /** Set when the score fell in a gap and the gap policy placed it. */
  gap?: 'lower' | 'upper' | 'round';
  /** The rounded score used when the gap policy rounds first. */
  roundedScore?: number;
  /** The `requires` condition's trace. */
  requires?: ConditionTrace;
}

/** The level a score lands on, or why it lands nowhere. */
export type BandPlacement =
  | { ok: true; id: string; trace: BandTrace }
  | { ok: false; undetermined: boolean; diagnostics: Diagnostic[]; trace?: BandTrace };

/** Bands compiled for placing scores. */
export interface CompiledBands {
  /** Places a score; `pointer` says which score (in the result) for diagnostics. */
  place(score: Rational, facts: FactSource, at: { pointer: string; source?: string }): BandPlacement;
  /** The bands sorted by lower bound. */
  readonly sorted: readonly CompiledBand[];
}

function gapText(a: Interval, b: Interval): string {
  const max = a.max ? exactDecimal(a.max) : '';
  const min = b.min ? exactDecimal(b.min) : '';
  return `${a.maxIncluded ? '(' : '['}${max}, ${min}${b.minIncluded ? ')' : ']'}`;
}

/**
 * Compiles a band list: parses ranges, checks ids, refuses overlaps and undeclared gaps, and compiles each
 * band's `requires` condition. Returns undefined when the bands are unusable (diagnostics say why).
 */
export function compileBands(
  bands: readonly Band[],
  levels: ReadonlySet<string>,
  gaps: Gaps | undefined,
  pointer: string,
  ctx: CompileContext,
  levelKind: string,
  gapsPointer: string,
): CompiledBands | undefined {
  const compiled: CompiledBand[] = [];
  let broken = false;
  bands.forEach((band, i) => {
    const at = joinPointer(pointer, i);
    const interval = checkInterval(band.range);
    if ('problem' in interval) {
      ctx.report({
        code: 'invalid-range',
        pointer: joinPointer(at, 'range'),
        received: band.range,
        params: { problem: interval.problem },
      });
      broken = true;
      return;
    }
    for (const [key, id] of [
      ['id', band.id],
      ['otherwise', band.otherwise],
    ] as const) {
      if (id !== undefined && !levels.has(id)) {
        ctx.report({
          code: 'unknown-reference',
          pointer: joinPointer(at, key),
          received: id,
          expected: [...levels],
          params: { kind: levelKind },
        });
        broken = true;
      }
    }
    let requires: CompiledCondition | undefined;
    if (band.requires !== undefined) {
      if (band.otherwise === undefined) {
        ctx.report({ code: 'schema-required', stage: 'compile', pointer: at, expected: 'otherwise' });
        broken = true;
      }
      const c = compileCondition(band.requires, {
        pointer: joinPointer(at, 'requires'),
        catalogue: ctx.catalogue,
      });
      if (c.ok) requires = c.value;
      else {
        ctx.diagnostics.push(...c.diagnostics);
        broken = true;
      }
    }
    const entry: CompiledBand = { id: band.id, interval, pointer: at };
    compiled.push({
      ...entry,
      ...(requires ? { requires } : {}),
      ...(band.otherwise !== undefined ? { otherwise: band.otherwise } : {}),
    });
  });
  if (broken) return undefined;

  const sorted = [...compiled].sort((a, b) => compareLower(a.interval, b.interval));
  const gapList: string[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i] as CompiledBand;
    const b = sorted[i + 1] as CompiledBand;
    const aMax = a.interval.max;
    const bMin = b.interval.min;
    if (!aMax || !bMin) {
      ctx.report({
        code: 'band-overlap',
        pointer: b.pointer,
        params: { a: a.interval.text, b: b.interval.text },
      });
      broken = true;
      continue;
    }
    const c = aMax.cmp(bMin);
    if (c > 0 || (c === 0 && a.interval.maxIncluded && b.interval.minIncluded)) {
      ctx.report({
        code: 'band-overlap',
        pointer: b.pointer,
        params: { a: a.interval.text, b: b.interval.text },
      });
      broken = true;
    } else if (c < 0 || (c === 0 && !a.interval.maxIncluded && !b.interval.minIncluded)) {
      gapList.push(gapText(a.interval, b.interval));
      if (!gaps) {
        ctx.report({
          code: 'band-gap',
          pointer: joinPointer(b.pointer, 'range'),
          received: gapText(a.interval, b.interval),
        });
        broken = true;
      }
    }
  }
  if (gaps?.policy === 'round' && !gaps.round) {
    ctx.report({ code: 'schema-required', stage: 'compile', pointer: gapsPointer, expected: 'round' });
    broken = true;
  }
  if (broken) return undefined;

  const find = (x: Rational): number => sorted.findIndex((b) => inInterval(b.interval, x));

  return {
    sorted,
    place(score, facts, at) {
      let x = score;
      let index = find(x);
      let gap: BandTrace['gap'];
      let roundedScore: number | undefined;
      if (index < 0 && gaps?.policy === 'round' && gaps.round) {
        x = score.round(gaps.round.decimals, gaps.round.mode);
        roundedScore = x.toNumber();
        index = find(x);
        if (index >= 0) gap = 'round';
      }
      if (index < 0) {
        const below = sorted.findIndex((b) => {
          const min = b.interval.min;
          if (!min) return false;
          const c = x.cmp(min);
          return c < 0 || (c === 0 && !b.interval.minIncluded);
        });
        const insideGap = below > 0;
        const diag = (code: 'score-in-gap' | 'score-out-of-bands') => {
          const init: Parameters<typeof createDiagnostic>[0] = {
            code,
            pointer: at.pointer,
            received: score.toNumber(),
            expected: sorted.map((b) => `${b.id} ${b.interval.text}`),
          };
          if (at.source !== undefined) init.source = at.source;
          return createDiagnostic(init);
        };
        if (!insideGap) return { ok: false, undetermined: false, diagnostics: [diag('score-out-of-bands')] };
        if (gaps?.policy === 'lower') {
          index = below - 1;
          gap = 'lower';
        } else if (gaps?.policy === 'upper') {
          index = below;
          gap = 'upper';
        } else return { ok: false, undetermined: false, diagnostics: [diag('score-in-gap')] };
      }
      const band = sorted[index] as CompiledBand;
      const trace: BandTrace = { range: band.interval.text, band: band.id };
      if (gap) trace.gap = gap;
      if (roundedScore !== undefined) trace.roundedScore = roundedScore;
      if (!band.requires) return { ok: true, id: band.id, trace };
      const run = band.requires(facts);
      trace.requires = run.trace;
      if (run.value === undefined)
        return { ok: false, undetermined: true, diagnostics: run.diagnostics, trace };
      return { ok: true, id: run.value ? band.id : (band.otherwise as string), trace };
    },
  };
}
