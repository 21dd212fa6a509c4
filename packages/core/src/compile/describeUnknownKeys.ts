import { createDiagnostic, type DiagnosticInit } from '../diagnostics/createDiagnostic.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { nearestSpelling } from '../diagnostics/nearestSpelling.js';
import { splitPointer } from '../diagnostics/pointer.js';
import type { AppraisalPlan } from '../evaluate/prepareAppraisal.js';

/** The ids the rubric reads under each id-keyed part of an appraisal, and what a wrong key there is called. */
function readHere(plan: AppraisalPlan, part: string): { ids: string[]; fact: boolean } | undefined {
  switch (part) {
    case 'inputs':
      return { ids: [...plan.inputIds], fact: false };
    case 'targets':
      return { ids: [...plan.itemGroups], fact: false };
    case 'supervisorRatings':
      return { ids: [...plan.supervisorGroups], fact: false };
    case 'facts':
      return { ids: Object.keys(plan.rubric.facts ?? {}), fact: true };
    default:
      return undefined;
  }
}

/**
 * Words a wrong key under `inputs`, `targets`, `supervisorRatings` or `facts` the same way whichever check found it.
 * A key that is not even an id (`Komitmen`, `komitmen` + a zero-width space, `__proto__`) fails the format before
 * the rubric is consulted, and the format alone knows no ids to offer; a well-formed unknown one (`bogus`) is found
 * against the rubric. Both become `unknown-indicator` (or `unknown-fact`) listing the ids the rubric reads there,
 * with the nearest spelling when one is close. Other diagnostics are returned as they are.
 */
export function describeUnknownKeys(diagnostics: Diagnostic[], plan: AppraisalPlan): Diagnostic[] {
  let out: Diagnostic[] | undefined;
  for (let i = 0; i < diagnostics.length; i++) {
    const d = diagnostics[i] as Diagnostic;
    if (d.code !== 'schema-unknown-property' && d.code !== 'unknown-indicator' && d.code !== 'unknown-fact')
      continue;
    const tokens = splitPointer(d.pointer);
    let here: { ids: string[]; fact: boolean } | undefined;
    let key: string | undefined;
    if (tokens.length === 2) {
      here = readHere(plan, tokens[0] as string);
      key = tokens[1];
    } else if (
      d.code === 'unknown-indicator' &&
      tokens.length === 3 &&
      tokens[0] === 'ratings' &&
      tokens[2] === 'indicator' &&
      typeof d.received === 'string'
    ) {
      here = { ids: [...plan.ratedIds], fact: false };
      key = d.received;
    }
    if (!here || key === undefined) continue;
    // A schema code elsewhere at this depth (a misspelt `employee` field) is the format's own business.
    if (d.code === 'unknown-fact' && !here.fact) continue;
    const nearest = nearestSpelling(key, here.ids);
    const init: DiagnosticInit = {
      code: here.fact ? 'unknown-fact' : 'unknown-indicator',
      stage: d.stage,
      pointer: d.pointer,
      received: key,
      expected: here.ids,
    };
    if (d.span) init.span = d.span;
    if (nearest !== undefined) init.params = { nearest };
    out ??= diagnostics.slice();
    out[i] = createDiagnostic(init, d.source);
  }
  return out ?? diagnostics;
}
