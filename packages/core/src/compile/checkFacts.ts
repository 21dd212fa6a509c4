import { joinPointer } from '../diagnostics/pointer.js';
import type { FactDecl, Rubric } from '../schema/rubricSchema.js';
import type { CompileContext } from './CompileContext.js';

/** Whether a text is a calendar date (or date-time) the office calendar reads; the rubric's zone is already checked. */
export type DateCheck = (text: string) => boolean;

const NUMERIC = new Set(['number', 'integer']);

/**
 * Proves each declared fact can work, as the appraisal reader will use it (prepareAppraisal): its `default` is a
 * value the fact accepts (else every appraisal without the fact is refused), `min` ≤ `max` (else every value is),
 * an `enum` lists its `values` (else every value is), and `values` / `min` / `max` sit only on the types that read
 * them (else they are silently ignored).
 */
export function checkFacts(
  facts: Rubric['facts'],
  isDate: DateCheck,
  ctx: Pick<CompileContext, 'report'>,
): void {
  for (const [k, d] of Object.entries(facts ?? {})) checkFact(d, joinPointer('/facts', k), isDate, ctx);
}

function checkFact(d: FactDecl, at: string, isDate: DateCheck, ctx: Pick<CompileContext, 'report'>): void {
  const type = d.type;
  const ignored = (key: 'values' | 'min' | 'max') =>
    ctx.report({
      code: 'invalid-fact',
      pointer: joinPointer(at, key),
      params: { problem: 'ignored', key, type },
    });
  if (d.values !== undefined && type !== 'enum') ignored('values');
  if (!NUMERIC.has(type)) {
    if (d.min !== undefined) ignored('min');
    if (d.max !== undefined) ignored('max');
  }
  let boundsOk = true;
  if (NUMERIC.has(type) && d.min !== undefined && d.max !== undefined && d.min > d.max) {
    ctx.report({ code: 'min-above-max', pointer: joinPointer(at, 'min'), received: d.min, expected: d.max });
    boundsOk = false;
  }
  if (type === 'enum' && d.values === undefined) {
    ctx.report({
      code: 'invalid-fact',
      pointer: joinPointer(at, 'type'),
      params: { problem: 'enum-without-values', type },
    });
    return;
  }
  const v = d.default;
  if (v === undefined) return;
  const pointer = joinPointer(at, 'default');
  const wrongType = () =>
    ctx.report({ code: 'invalid-fact', pointer, received: v, params: { problem: 'default-type', type } });
  switch (type) {
    case 'number':
    case 'integer':
      if (typeof v !== 'number' || !Number.isFinite(v) || (type === 'integer' && !Number.isInteger(v))) {
        wrongType();
        return;
      }
      if (boundsOk && ((d.min !== undefined && v < d.min) || (d.max !== undefined && v > d.max))) {
        ctx.report({
          code: 'invalid-fact',
          pointer,
          received: v,
          expected: `[${d.min ?? '-inf'}, ${d.max ?? 'inf'}]`,
          params: { problem: 'default-range', type },
        });
      }
      return;
    case 'boolean':
      if (typeof v !== 'boolean') wrongType();
      return;
    case 'enum':
      if (typeof v !== 'string') wrongType();
      else if (!(d.values ?? []).includes(v)) {
        ctx.report({
          code: 'invalid-fact',
          pointer,
          received: v,
          expected: d.values,
          params: { problem: 'default-not-in-values', type },
        });
      }
      return;
    case 'date':
      if (typeof v !== 'string' || !isDate(v)) wrongType();
      return;
    default:
      if (typeof v !== 'string') wrongType();
  }
}
