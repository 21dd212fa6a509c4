import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseYaml } from '@kinerja/core';
import type { CaseExpectation, RubricCase, RubricCaseFile } from './RubricCase.js';

const FILE_KEYS = new Set(['rubric', 'defaults', 'cases']);
const CASE_KEYS = new Set(['name', 'note', 'appraisal', 'expect']);
const EXPECT_KEYS = new Set([
  'status',
  'score',
  'predicate',
  'groups',
  'indicators',
  'outcomes',
  'outcomeValues',
  'flags',
  'diagnostics',
]);
const GROUP_KEYS = new Set(['score', 'rating', 'suggestedRating']);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const out: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

function canonical(v: unknown): string {
  if (!isObject(v)) return Array.isArray(v) ? `[${v.map(canonical).join(',')}]` : JSON.stringify(v);
  return `{${Object.keys(v)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
    .join(',')}}`;
}

/**
 * Loads and polices a `*.cases.yaml` file, like ESLint's RuleTester polices its cases: it refuses a file with no
 * cases, unknown fields (a typo would silently check nothing), a case without a note or without expectations, and
 * duplicate names or duplicate appraisals. Throws an Error that names every problem.
 */
export function loadCaseFile(path: string): RubricCaseFile {
  const text = readFileSync(path, 'utf8');
  const parsed = parseYaml(text, { source: path, limits: { maxBytes: 8 * 1024 * 1024 } });
  if (!parsed.ok) {
    const d = parsed.diagnostics[0];
    throw new Error(`${path}:${d?.span?.start.line ?? 1}: ${d?.message.en ?? 'cannot parse'}`);
  }
  const problems: string[] = [];
  const where = (pointer: string) => {
    const span = parsed.locator.locate(pointer);
    return `${path}:${span?.start.line ?? 1}:${span?.start.column ?? 1}`;
  };
  const doc = parsed.value;
  if (!isObject(doc)) throw new Error(`${path}: a cases file is a mapping with rubric, defaults and cases`);
  for (const k of Object.keys(doc))
    if (!FILE_KEYS.has(k)) problems.push(`${where(`/${k}`)} unknown key "${k}"`);
  if (typeof doc.rubric !== 'string') problems.push(`${where('')} "rubric" (the rubric file) is required`);
  const defaults = isObject(doc.defaults) ? doc.defaults : {};
  for (const k of Object.keys(defaults)) {
    if (k !== 'appraisal') problems.push(`${where(`/defaults/${k}`)} unknown key "${k}" in defaults`);
  }
  const list = Array.isArray(doc.cases) ? doc.cases : [];
  if (list.length === 0) problems.push(`${where('/cases')} no cases: an empty suite proves nothing`);
  const names = new Set<string>();
  const inputs = new Map<string, string>();
  const cases: RubricCase[] = [];
  list.forEach((c, i) => {
    const at = `/cases/${i}`;
    if (!isObject(c)) {
      problems.push(`${where(at)} a case is a mapping`);
      return;
    }
    for (const k of Object.keys(c))
      if (!CASE_KEYS.has(k)) problems.push(`${where(`${at}/${k}`)} unknown key "${k}"`);
    const name = typeof c.name === 'string' ? c.name : '';
    if (!name) problems.push(`${where(at)} a case needs a name`);
    else if (names.has(name)) problems.push(`${where(`${at}/name`)} duplicate case name "${name}"`);
    names.add(name);
    if (typeof c.note !== 'string' || c.note.trim().length < 10) {
      problems.push(`${where(at)} case "${name}" needs a note with the hand arithmetic`);
    }
    const expect = isObject(c.expect) ? c.expect : {};
    if (Object.keys(expect).length === 0) problems.push(`${where(at)} case "${name}" expects nothing`);
    for (const k of Object.keys(expect)) {
      if (!EXPECT_KEYS.has(k)) problems.push(`${where(`${at}/expect/${k}`)} unknown expectation "${k}"`);
    }
    for (const [g, v] of Object.entries(isObject(expect.groups) ? expect.groups : {})) {
      for (const k of Object.keys(isObject(v) ? v : {})) {
        if (!GROUP_KEYS.has(k))
          problems.push(`${where(`${at}/expect/groups/${g}/${k}`)} unknown group expectation "${k}"`);
      }
    }
    const appraisal = mergePatch(defaults.appraisal ?? {}, c.appraisal ?? {});
    if (!isObject(appraisal)) {
      problems.push(`${where(at)} case "${name}" has no appraisal`);
      return;
    }
    const key = canonical(appraisal);
    const twin = inputs.get(key);
    if (twin !== undefined) problems.push(`${where(at)} case "${name}" has the same appraisal as "${twin}"`);
    inputs.set(key, name);
    cases.push({ name, note: String(c.note ?? ''), appraisal, expect: expect as CaseExpectation });
  });
  if (problems.length > 0) throw new Error(`invalid cases file:\n${problems.join('\n')}`);
  return { rubric: resolve(dirname(path), String(doc.rubric)), cases };
}
