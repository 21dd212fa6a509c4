import { createDiagnostic } from '../diagnostics/createDiagnostic.js';
import { joinPointer } from '../diagnostics/pointer.js';
import type { EvalState } from '../evaluate/EvalState.js';
import type { Evaluation } from '../evaluate/Evaluation.js';
import { Rational } from '../numeric/rational.js';
import type { Rubric } from '../schema/rubricSchema.js';
import type { CompileContext } from './CompileContext.js';
import { compileBands } from './compileBands.js';
import type { LevelIndex } from './levelIndex.js';

/** Decides the predikat once groups are scored and rated. */
export type CompiledPredicate = (state: EvalState, out: Evaluation) => string | undefined;

/**
 * Compiles the predikat: score bands (PP 46/2011, PP 30/2019) or a matrix of two group ratings
 * (PermenPAN-RB 6/2022). A matrix must have a cell for every pair of ratings.
 */
export function compilePredicate(
  rubric: Rubric,
  levels: LevelIndex,
  ratings: LevelIndex | undefined,
  ctx: CompileContext,
): CompiledPredicate | undefined {
  const p = rubric.predicate;
  const pointer = '/predicate';
  if ((p.bands !== undefined) === (p.matrix !== undefined)) {
    ctx.report({
      code: 'invalid-structure',
      pointer,
      params: {
        why: 'the predicate has either `bands` or `matrix`, exactly one',
        whyId: 'predikat memakai tepat satu dari `bands` atau `matrix`',
      },
    });
    return undefined;
  }
  if (p.bands) {
    if (!rubric.score) {
      ctx.report({
        code: 'invalid-structure',
        pointer,
        params: {
          why: 'predicate bands need an overall `score`',
          whyId: 'band predikat memerlukan `score` keseluruhan',
        },
      });
      return undefined;
    }
    const bands = compileBands(
      p.bands,
      levels.idSet,
      p.gaps,
      joinPointer(pointer, 'bands'),
      ctx,
      'predicate',
      joinPointer(pointer, 'gaps'),
    );
    if (!bands) return undefined;
    return (state, out) => {
      const score = state.values.score;
      if (!(score instanceof Rational)) return undefined;
      const placed = bands.place(score, state.facts, {
        pointer: '',
        source: state.source,
      });
      if (!placed.ok) {
        state.diagnostics.push(...placed.diagnostics);
        return undefined;
      }
      if (state.explain) out.predicateTrace = { band: placed.trace };
      return placed.id;
    };
  }
  const m = p.matrix as NonNullable<typeof p.matrix>;
  let broken = false;
  for (const key of ['rows', 'columns'] as const) {
    const gid = m[key];
    const g = Object.hasOwn(rubric.groups, gid) ? rubric.groups[gid] : undefined;
    if (!g) {
      ctx.report({
        code: 'unknown-reference',
        pointer: joinPointer(pointer, 'matrix', key),
        received: gid,
        expected: Object.keys(rubric.groups),
        params: { kind: 'group' },
      });
      broken = true;
    } else if (!g.rating) {
      ctx.report({
        code: 'invalid-structure',
        pointer: joinPointer(pointer, 'matrix', key),
        params: {
          why: `group ${gid} has no rating for the matrix to read`,
          whyId: `aspek ${gid} tidak punya rating untuk dibaca matriks`,
        },
      });
      broken = true;
    }
  }
  if (!ratings) {
    ctx.report({
      code: 'invalid-structure',
      pointer,
      params: {
        why: 'a predicate matrix needs the rubric’s `ratings`',
        whyId: 'matriks predikat memerlukan `ratings` rubrik',
      },
    });
    return undefined;
  }
  const cells = new Map<string, string>();
  // The same cells row by row, so an evaluation looks its cell up without joining a key string to hash.
  const grid = new Map<string, Map<string, string>>();
  for (const [row, cols] of Object.entries(m.cells)) {
    if (!ratings.idSet.has(row)) {
      ctx.report({
        code: 'unknown-reference',
        pointer: joinPointer(pointer, 'matrix', 'cells', row),
        received: row,
        expected: ratings.ids,
        params: { kind: 'rating' },
      });
      broken = true;
      continue;
    }
    for (const [col, pred] of Object.entries(cols)) {
      const at = joinPointer(pointer, 'matrix', 'cells', row, col);
      if (!ratings.idSet.has(col)) {
        ctx.report({
          code: 'unknown-reference',
          pointer: at,
          received: col,
          expected: ratings.ids,
          params: { kind: 'rating' },
        });
        broken = true;
      } else if (!levels.idSet.has(pred)) {
        ctx.report({
          code: 'unknown-reference',
          pointer: at,
          received: pred,
          expected: levels.ids,
          params: { kind: 'predicate' },
        });
        broken = true;
      } else {
        cells.set(`${row}\u0000${col}`, pred);
        let inRow = grid.get(row);
        if (inRow === undefined) {
          inRow = new Map();
          grid.set(row, inRow);
        }
        inRow.set(col, pred);
      }
    }
  }
  // Every missing cell, one diagnostic each (as every band gap is), so one pass fixes the matrix. Not after a
  // misspelt row or column id: its cells would all read as missing, restating the typo already reported.
  if (!broken) {
    for (const row of ratings.ids) {
      for (const col of ratings.ids) {
        if (cells.has(`${row}\u0000${col}`)) continue;
        ctx.report({
          code: 'matrix-incomplete',
          pointer: joinPointer(pointer, 'matrix', 'cells'),
          received: `${m.rows}=${row}, ${m.columns}=${col}`,
        });
        broken = true;
      }
    }
  }
  if (broken) return undefined;
  return (state, out) => {
    const row = state.values.groups[m.rows]?.rating;
    const col = state.values.groups[m.columns]?.rating;
    if (typeof row !== 'string' || typeof col !== 'string') {
      if (state.diagnostics.every((d) => d.severity !== 'error') && state.pending.length === 0) {
        state.diagnostics.push(
          createDiagnostic({
            code: 'missing-input',
            pointer: '/supervisorRatings',
            expected: `ratings of ${m.rows} and ${m.columns}`,
            ...(state.source !== undefined ? { source: state.source } : {}),
          }),
        );
      }
      return undefined;
    }
    if (state.explain) out.predicateTrace = { matrix: { row, column: col } };
    return grid.get(row)?.get(col);
  };
}
