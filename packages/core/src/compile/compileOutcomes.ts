import type { CompiledCondition } from '../conditions/compileCondition.js';
import { compileCondition } from '../conditions/compileCondition.js';
import { joinPointer } from '../diagnostics/pointer.js';
import type { EvalState } from '../evaluate/EvalState.js';
import type { OutcomeResult } from '../evaluate/Evaluation.js';
import type { Rubric } from '../schema/rubricSchema.js';
import { findUnreachable } from './findUnreachable.js';
import type { MeasureCompileContext } from './measures/MeasureCompiler.js';
import { type CompiledMeasure, NO_RATINGS } from './measures/MeasureRuntime.js';

/** Decides every outcome once the predikat is known. */
export type CompiledOutcomes = (state: EvalState) => Record<string, OutcomeResult>;

/** Compiles outcomes: their conditions (json-rules-engine format), events and computed values. */
export function compileOutcomes(rubric: Rubric, ctx: MeasureCompileContext): CompiledOutcomes | undefined {
  const compiled: Array<{ id: string; when: CompiledCondition; value?: CompiledMeasure }> = [];
  let broken = false;
  const entries = Object.entries(rubric.outcomes ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [id, o] of entries) {
    const at = joinPointer('/outcomes', id);
    const c = compileCondition(o.when, { pointer: joinPointer(at, 'when'), catalogue: ctx.catalogue });
    if (!c.ok) {
      ctx.diagnostics.push(...c.diagnostics);
      broken = true;
      continue;
    }
    const why = findUnreachable(o.when, ctx.catalogue);
    if (why) {
      ctx.report({
        code: 'unreachable-outcome',
        pointer: joinPointer(at, 'when'),
        params: { outcome: id, why: why.en, whyId: why.id },
      });
      broken = true;
    }
    let value: CompiledMeasure | undefined;
    if (o.value) {
      value = ctx.measure(o.value, joinPointer(at, 'value'));
      if (!value) broken = true;
    }
    compiled.push({ id, when: c.value, ...(value ? { value } : {}) });
  }
  if (broken) return undefined;
  const outcomes = rubric.outcomes ?? {};
  return (state) => {
    const out: Record<string, OutcomeResult> = {};
    for (const { id, when, value } of compiled) {
      const o = outcomes[id] as NonNullable<Rubric['outcomes']>[string];
      // Without an explanation the conditions' trace is left out, so only their value is computed; an
      // undetermined one is run again with its trace for the diagnostics saying which fact is missing.
      const quick = state.explain ? undefined : when.test(state.facts);
      const run = quick === undefined ? when(state.facts) : undefined;
      const met = run ? run.value : quick;
      // A decided condition (e.g. false because the predikat differs) does not need the facts it did not read.
      if (run && met === undefined) state.diagnostics.push(...run.diagnostics);
      const r: OutcomeResult = { label: o.label, kind: o.kind, met: met === undefined ? null : met };
      if (state.explain && run) r.conditions = run.trace;
      if (met === true) {
        r.event = o.event.params ? { type: o.event.type, params: o.event.params } : { type: o.event.type };
        if (value) {
          // The trace is only wanted with the explanation; the value does not depend on it.
          const v = value({
            record: undefined,
            recordPointer: '',
            facts: state.facts,
            ratings: NO_RATINGS,
            diagnostics: state.diagnostics,
            notes: state.notes,
            source: state.source,
            explain: state.explain,
          });
          if (state.explain) r.valueTrace = v.trace;
          if (v.status === 'ok') r.value = v.value.toNumber();
          else r.met = null;
        }
      }
      out[id] = r;
    }
    return out;
  };
}
