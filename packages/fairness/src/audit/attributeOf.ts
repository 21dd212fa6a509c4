import type { Appraisal } from '@kinerja/core';

const employeeFields = new Set(['unit', 'position', 'positionType', 'functionalLevel', 'rank', 'name']);

/**
 * The value of an attribute of an appraisal as text, or undefined when absent. `employee.x` and `facts.x` are
 * explicit; a bare name is an employee field when it is one (unit, position, positionType, functionalLevel, rank),
 * else a fact — protected facts included, which is the point of an audit.
 */
export function attributeOf(appraisal: Appraisal, attribute: string): string | undefined {
  let source: 'employee' | 'facts';
  let key = attribute;
  if (attribute.startsWith('employee.')) {
    source = 'employee';
    key = attribute.slice('employee.'.length);
  } else if (attribute.startsWith('facts.')) {
    source = 'facts';
    key = attribute.slice('facts.'.length);
  } else source = employeeFields.has(attribute) ? 'employee' : 'facts';
  const record = (source === 'employee' ? appraisal.employee : appraisal.facts) as
    | Record<string, unknown>
    | undefined;
  // Own properties only: `--by constructor` or `toString` must not read Object.prototype.
  if (record === undefined || record === null || typeof record !== 'object' || !Object.hasOwn(record, key))
    return undefined;
  const value = record[key];
  return value === undefined || value === null ? undefined : String(value);
}

/**
 * Every attribute name the appraisals carry, as {@link attributeOf} reads them: employee fields by their bare name
 * (`unit`) and facts by theirs (`jenis-kelamin`), sorted; for naming the choices when an attribute is absent.
 */
export function attributeNames(appraisals: readonly Appraisal[]): string[] {
  const names = new Set<string>();
  for (const a of appraisals) {
    for (const [key, value] of Object.entries((a.employee ?? {}) as Record<string, unknown>))
      if (value !== undefined && value !== null) names.add(employeeFields.has(key) ? key : `employee.${key}`);
    for (const [key, value] of Object.entries((a.facts ?? {}) as Record<string, unknown>))
      if (value !== undefined && value !== null) names.add(employeeFields.has(key) ? `facts.${key}` : key);
  }
  return [...names].sort();
}

/** Edit distance (Levenshtein) between two names, case-insensitive. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++)
      next[j] = Math.min(
        (row[j] as number) + 1,
        (next[j - 1] as number) + 1,
        (row[j - 1] as number) + (x[i - 1] === y[j - 1] ? 0 : 1),
      );
    row = next;
  }
  return row[y.length] as number;
}

/** The name among `names` nearest to `name` (edit distance at most a third of its length, at least 2), if any. */
export function nearestName(name: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const n of names) {
    const d = distance(name, n);
    if (d < bestDistance) {
      best = n;
      bestDistance = d;
    }
  }
  return best;
}
