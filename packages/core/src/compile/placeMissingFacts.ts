import { createDiagnostic } from '../diagnostics/createDiagnostic.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { joinPointer } from '../diagnostics/pointer.js';

// Facts the engine derives from one appraisal field: that field is what the user must fill in or fix.
const EMPLOYEE_FIELD: Readonly<Record<string, string>> = {
  nip: 'nip',
  unit: 'unit',
  position: 'position',
  positionType: 'positionType',
  functionalLevel: 'functionalLevel',
  rank: 'rank',
  yearsInRank: 'rankSince',
  monthsInRank: 'rankSince',
  previousPredicates: 'history',
  previousYearPredicate: 'history',
};
const PERIOD_FIELD: Readonly<Record<string, string>> = { kind: 'kind' };

/**
 * Where in the appraisal a fact read by a rule comes from (`employee.positionType` → `/employee/positionType`,
 * `facts.x.y` → `/facts/x`), or undefined for a value the engine computes (a score, a rating, the predicate).
 */
function appraisalPlace(fact: string): string | undefined {
  const m = /^([^.[]+)(?:\.([^.[]+))?/.exec(fact);
  if (!m) return undefined;
  const [, root, field] = m;
  if (root === 'facts') return field === undefined ? '/facts' : joinPointer('/facts', field);
  if (root === 'employee') {
    if (field === undefined) return '/employee';
    return Object.hasOwn(EMPLOYEE_FIELD, field)
      ? joinPointer('/employee', EMPLOYEE_FIELD[field] as string)
      : '/employee';
  }
  if (root === 'period') {
    return field !== undefined && Object.hasOwn(PERIOD_FIELD, field)
      ? joinPointer('/period', PERIOD_FIELD[field] as string)
      : '/period';
  }
  return undefined;
}

function within(pointer: string, place: string): boolean {
  return pointer === place || pointer.startsWith(`${place}/`);
}

/**
 * `missing-fact` as the user can act on it. A rule reports it at the rule's place in the rubric; when the fact
 * comes from the appraisal, what must be filled in is there, so the diagnostic moves to the appraisal field
 * (`/employee/positionType`, `/facts/<name>`) and names the rule in its message. A fact left without a value by an
 * error already reported (a bad `/facts/x`, a group that could not be scored because of a zero target) is not
 * reported again as missing: the first error says what to fix. `rubricPointers` receives the `missing-fact`
 * diagnostics kept at their rubric place (a computed value missing with no earlier error), which must not be
 * given a span in the appraisal.
 */
export function placeMissingFacts(
  diagnostics: readonly Diagnostic[],
  source: string | undefined,
  rubricPointers: Set<Diagnostic>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (d.code !== 'missing-fact' || typeof d.expected !== 'string') {
      out.push(d);
      continue;
    }
    const place = appraisalPlace(d.expected);
    const cascaded = out.some(
      (e) =>
        e.severity === 'error' &&
        e.code !== 'missing-fact' &&
        (place === undefined || within(e.pointer, place)),
    );
    if (cascaded) continue;
    if (place === undefined) {
      rubricPointers.add(d);
      out.push(d);
      continue;
    }
    out.push(
      createDiagnostic(
        { code: 'missing-fact', pointer: place, expected: d.expected, params: { rule: d.pointer } },
        source,
      ),
    );
  }
  return out;
}
