import { createDiagnostic } from '../../diagnostics/createDiagnostic.js';
import type { Measure } from '../../schema/measureSchema.js';
import { applyFinish, compileFinish } from './finishMeasure.js';
import type { MeasureCompileContext } from './MeasureCompiler.js';
import type { CompiledMeasure, MeasureEnv, MeasureTrace } from './MeasureRuntime.js';
import { recordReads } from './recordReads.js';

type OneOfMeasure = Extract<Measure, { kind: 'one-of' }>;

/** One alternative as compiled: its measure and what tells whether the record gives it. */
interface Alternative {
  readonly measure: CompiledMeasure;
  /** Record fields it reads, in the order its measures name them. */
  readonly fields: readonly string[];
  /** Whether it holds a `raters` measure: then ratings for the indicator count as giving it. */
  readonly rated: boolean;
  /** `target + realisation`, for messages. */
  readonly text: string;
}

const given = (v: unknown): boolean => v !== undefined && v !== null;

/** Whether the record gives any field of `alt` (or, for a rated one, the indicator has ratings). */
function isGiven(alt: Alternative, env: MeasureEnv): boolean {
  const rec = env.record;
  if (rec) for (const f of alt.fields) if (Object.hasOwn(rec, f) && given(rec[f])) return true;
  return alt.rated && env.ratings.length > 0;
}

/** The fields of `alt` the record gives, or undefined when it gives none (and no ratings for a rated one). */
function givenFields(alt: Alternative, env: MeasureEnv): string[] | undefined {
  const rec = env.record;
  let out: string[] | undefined;
  if (rec)
    for (const f of alt.fields)
      if (Object.hasOwn(rec, f) && given(rec[f])) {
        out ??= [];
        out.push(f);
      }
  if (alt.rated && env.ratings.length > 0) {
    out ??= [];
    out.push('ratings');
  }
  return out;
}

/**
 * `one-of`: alternative ways of measuring the same thing, each read from its own fields of the record (PP 30/2019's
 * normal target, range target and "kondisi khusus" target). Exactly one must be given: its value is the value.
 * Two given is `ambiguous-input`, never a silent pick (the largest, with `max`, was what a rubric could say before);
 * none given drops the measure when it is `optional`, and is `missing-alternative` otherwise. Inside the chosen
 * alternative every input is required as usual, so a half-filled one is a `missing-input` naming the field.
 *
 * Which alternative is given is decided from the record's fields alone, so each alternative must read at least one
 * field (or ratings) and no field may belong to two alternatives: both are refused when the rubric loads.
 *
 * @param compileAny Compiles a nested measure with the context given (which records the fields it reads).
 */
export function compileOneOf(
  m: OneOfMeasure,
  pointer: string,
  ctx: MeasureCompileContext,
  compileAny: (m: Measure, pointer: string, ctx: MeasureCompileContext) => CompiledMeasure | undefined,
): CompiledMeasure | undefined {
  const alternatives: Alternative[] = [];
  let broken = false;
  m.of.forEach((child, i) => {
    const at = `${pointer}/of/${i}`;
    const recorder = recordReads(ctx, compileAny);
    const measure = recorder.ctx.measure(child, at);
    if (!measure) {
      broken = true;
      return;
    }
    const fields: string[] = [];
    for (const get of recorder.inputs)
      if (get.field !== undefined && !fields.includes(get.field)) fields.push(get.field);
    const rated = recorder.rated();
    if (fields.length === 0 && !rated) {
      ctx.report({
        code: 'invalid-structure',
        pointer: at,
        params: {
          why: 'each alternative of a one-of must read a field of the record (or ratings); otherwise whether it is given cannot be told',
          whyId:
            'setiap alternatif one-of harus membaca kolom data (atau rating); jika tidak, tidak dapat diketahui apakah alternatif itu diisi',
        },
      });
      broken = true;
      return;
    }
    alternatives.push({
      measure,
      fields,
      rated,
      text: [...fields, ...(rated ? ['ratings'] : [])].join(' + '),
    });
  });
  if (broken) return undefined;
  const owner = new Map<string, number>();
  alternatives.forEach((alt, i) => {
    for (const f of [...alt.fields, ...(alt.rated ? ['ratings'] : [])]) {
      const first = owner.get(f);
      if (first === undefined) owner.set(f, i);
      else if (first !== i) {
        ctx.report({
          code: 'invalid-structure',
          pointer: `${pointer}/of/${i}`,
          params: {
            why: `alternatives ${first} and ${i} of a one-of both read ${f}; a record giving it would give both`,
            whyId: `alternatif ${first} dan ${i} pada one-of sama-sama membaca ${f}; data yang mengisinya akan mengisi keduanya`,
          },
        });
        broken = true;
      }
    }
  });
  if (broken) return undefined;
  const optional = m.optional === true;
  const finish = compileFinish(m.clamp, m.round);
  const all = alternatives.map((a) => a.text).join(' | ');
  const report = (env: MeasureEnv, init: Parameters<typeof createDiagnostic>[0]) => {
    if (env.source !== undefined) init.source = env.source;
    env.diagnostics.push(createDiagnostic(init));
  };
  return (env) => {
    let chosen: Alternative | undefined;
    let index = -1;
    let twice = false;
    for (let i = 0; i < alternatives.length; i++) {
      const alt = alternatives[i] as Alternative;
      if (!isGiven(alt, env)) continue;
      if (chosen) twice = true;
      else {
        chosen = alt;
        index = i;
      }
    }
    const trace: MeasureTrace = { kind: 'one-of' };
    if (twice) {
      const sets: string[] = [];
      for (const alt of alternatives) {
        const f = givenFields(alt, env);
        if (f) sets.push(f.join(' + '));
      }
      report(env, {
        code: 'ambiguous-input',
        pointer: env.recordPointer,
        received: sets.join(' | '),
        expected: all,
      });
      return { status: 'error', trace };
    }
    if (!chosen) {
      if (optional) {
        trace.dropped = true;
        return { status: 'dropped', trace };
      }
      report(env, { code: 'missing-alternative', pointer: env.recordPointer, expected: all });
      return { status: 'error', trace };
    }
    const r = chosen.measure(env);
    trace.branch = `of/${index}`;
    if (env.explain !== false) trace.parts = [r.trace];
    if (r.status === 'ok') return applyFinish(r.value, finish, trace);
    if (r.status === 'pending') return { status: 'pending', trace, missing: r.missing };
    if (r.status === 'dropped') trace.dropped = true;
    return { status: r.status, trace };
  };
}
