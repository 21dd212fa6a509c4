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
  const value = record?.[key];
  return value === undefined || value === null ? undefined : String(value);
}
