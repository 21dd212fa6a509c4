import { createDiagnostic } from '../../diagnostics/createDiagnostic.js';
import { joinPointer } from '../../diagnostics/pointer.js';
import { Rational } from '../../numeric/rational.js';
import type { Measure } from '../../schema/measureSchema.js';
import { BoundedMemo } from '../../util/BoundedMemo.js';
import { applyFinish, compileFinish } from './finishMeasure.js';
import type { MeasureCompiler } from './MeasureCompiler.js';
import type { MeasureTrace } from './MeasureRuntime.js';
import { oneEntry, reportMissing } from './readNumber.js';

type ScaleMeasure = Extract<Measure, { kind: 'scale' }>;

const normalise = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

// An HR export spells the same few labels over and over; remembering them spares three string passes per rating
// (2 % of a PermenPAN-RB evaluation). Bounded in entries and in length, so that a stream of distinct or huge
// labels (an HTTP client's, say) can neither grow it nor pin megabytes in it.
const normalised = new BoundedMemo(normalise);
/** Longest label the memos keep. */
export const MEMO_MAX_LENGTH = 64;

/** Normalises a rating label so that "Di Atas", "di atas" and "di-atas" meet. */
export function normaliseLabel(s: string): string {
  return s.length <= MEMO_MAX_LENGTH ? normalised.get(s) : normalise(s);
}

/** `scale`: maps a rating label (or a number, read as its text) to a score. */
export const compileScale: MeasureCompiler<ScaleMeasure> = (m, pointer, ctx) => {
  const input = ctx.input(m.input, `${pointer}/input`);
  if (!input) return undefined;
  if (Object.keys(m.map).length === 0) {
    ctx.report({
      code: 'invalid-measure',
      pointer: `${pointer}/map`,
      params: {
        why: 'a scale needs at least one entry',
        whyId: 'skala memerlukan paling sedikit satu entri',
      },
    });
    return undefined;
  }
  const table = new Map<string, Rational>();
  for (const [k, v] of Object.entries(m.map)) {
    const key = normaliseLabel(k);
    if (table.has(key)) {
      // A label is free text: a / or ~ in it must be escaped, or the pointer names another place.
      ctx.report({ code: 'duplicate-id', pointer: joinPointer(pointer, 'map', k), received: k });
      return undefined;
    }
    table.set(key, Rational.from(v));
  }
  const finish = compileFinish(m.clamp, m.round);
  const keys = Object.keys(m.map);
  return (env) => {
    const r = input(env);
    const trace: MeasureTrace = { kind: 'scale' };
    if (!r.present) {
      if (m.optional) return { status: 'dropped', trace: { ...trace, dropped: true } };
      reportMissing(input, env);
      return { status: 'error', trace };
    }
    trace.inputs = oneEntry(r.label, r.value);
    const v =
      typeof r.value === 'string' || typeof r.value === 'number'
        ? table.get(normaliseLabel(String(r.value)))
        : undefined;
    if (!v) {
      const init: Parameters<typeof createDiagnostic>[0] = {
        code: 'unknown-rating',
        pointer: r.pointer,
        received: r.value,
        expected: keys,
      };
      if (env.source !== undefined) init.source = env.source;
      env.diagnostics.push(createDiagnostic(init));
      return { status: 'error', trace };
    }
    return applyFinish(v, finish, trace);
  };
};
