import type { CellType } from './cellValue.js';

/** One step of an appraisal path: a property, optionally indexed (`history[0]`). */
export interface PathStep {
  key: string;
  index?: number;
}

const STEP = /^([A-Za-z][A-Za-z0-9_-]*)(?:\[(\d{1,3})\])?$/;
const ID = /^(?!(?:constructor|prototype)$)[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/;
const INPUT_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const EMPLOYEE_TEXT = ['name', 'unit', 'position', 'positionType', 'functionalLevel', 'rank'];

/** Splits `employee.history[0].year` into steps; undefined when a step is not a plain name. */
export function parsePath(path: string): PathStep[] | undefined {
  const steps: PathStep[] = [];
  for (const part of path.split('.')) {
    const m = STEP.exec(part);
    if (!m) return undefined;
    steps.push(m[2] === undefined ? { key: m[1] as string } : { key: m[1] as string, index: Number(m[2]) });
  }
  return steps;
}

/** The RFC 6901 pointer of a path in the appraisal. */
export function pathPointer(steps: readonly PathStep[]): string {
  return steps
    .map((s) => {
      const key = `/${s.key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      return s.index === undefined ? key : `${key}/${s.index}`;
    })
    .join('');
}

/** Why a path cannot be set, in both languages: `error` English, `errorId` Indonesian. */
export interface PathError {
  /** The reason in English. */
  error: string;
  /** The reason in Bahasa Indonesia. */
  errorId: string;
}

/**
 * Whether a mapping may set this appraisal path, and the type its column is read as by default. Targets and
 * ratings have their own sections; everything else of the appraisal format v1 that one cell can hold is here.
 */
export function checkPath(steps: readonly PathStep[]): { type: CellType } | PathError {
  const [a, b, c, d] = steps;
  const plain = (s: PathStep | undefined) => s !== undefined && s.index === undefined;
  const n = steps.length;
  if (!a) return { error: 'an empty path', errorId: 'path kosong' };
  const bad = (error: string, errorId: string): PathError => ({ error, errorId });
  switch (a.key) {
    case 'id':
      return n === 1 && plain(a)
        ? { type: 'string' }
        : bad('`id` takes no sub-path', '`id` tidak punya sub-path');
    case 'employee':
      if (!plain(a)) break;
      if (n === 2 && plain(b) && b) {
        if (b.key === 'nip') return { type: 'nip' };
        if (b.key === 'rankSince') return { type: 'date' };
        if (EMPLOYEE_TEXT.includes(b.key)) return { type: 'string' };
      }
      if (n === 3 && b?.key === 'history' && b.index !== undefined && plain(c) && c) {
        if (c.key === 'year') return { type: 'integer' };
        if (c.key === 'predicate') return { type: 'string' };
      }
      return bad(
        'employee paths are nip, name, unit, position, positionType, functionalLevel, rank, rankSince, history[i].year, history[i].predicate',
        'path employee yang ada: nip, name, unit, position, positionType, functionalLevel, rank, rankSince, history[i].year, history[i].predicate',
      );
    case 'period':
      if (n === 2 && plain(a) && plain(b) && b) {
        if (b.key === 'start' || b.key === 'end') return { type: 'date' };
        if (b.key === 'kind') return { type: 'string' };
      }
      return bad('period paths are kind, start and end', 'path period yang ada: kind, start, dan end');
    case 'inputs':
      if (n === 3 && plain(a) && plain(b) && plain(c) && b && c && ID.test(b.key) && INPUT_NAME.test(c.key))
        return { type: 'number' };
      return bad(
        'inputs paths are inputs.<indicator-id>.<input-name>',
        'path inputs berbentuk inputs.<id-indikator>.<nama-input>',
      );
    case 'facts':
      if (n === 2 && plain(a) && plain(b) && b && ID.test(b.key)) return { type: 'auto' };
      return bad('facts paths are facts.<fact-id>', 'path facts berbentuk facts.<id-fakta>');
    case 'supervisorRatings':
      if (n === 2 && plain(a) && plain(b) && b && ID.test(b.key)) return { type: 'string' };
      return bad(
        'supervisorRatings paths are supervisorRatings.<group-id>',
        'path supervisorRatings berbentuk supervisorRatings.<id-kelompok>',
      );
    case 'raterStats':
      if (n === 3 && plain(a) && plain(b) && plain(c) && c && ['mean', 'sd', 'n'].includes(c.key))
        return { type: c.key === 'n' ? 'integer' : 'number' };
      return bad(
        'raterStats paths are raterStats.<rater>.mean, .sd and .n',
        'path raterStats yang ada: raterStats.<penilai>.mean, .sd, dan .n',
      );
    case 'targets':
    case 'ratings':
      return bad(
        `${a.key} have their own section of the mapping`,
        `${a.key} punya bagian sendiri dalam pemetaan`,
      );
  }
  void d;
  return bad(
    'the path does not name a field of the appraisal format (id, employee.*, period.*, inputs.*, facts.*, supervisorRatings.*, raterStats.*)',
    'path ini tidak menunjuk isian data penilaian (id, employee.*, period.*, inputs.*, facts.*, supervisorRatings.*, raterStats.*)',
  );
}

/** Sets a value at a path, creating objects and arrays on the way; arrays it creates are recorded for compaction. */
export function setPath(
  root: Record<string, unknown>,
  steps: readonly PathStep[],
  value: unknown,
  arrays: unknown[][],
): void {
  let node: Record<string, unknown> = root;
  steps.forEach((step, i) => {
    const last = i === steps.length - 1;
    if (step.index === undefined) {
      if (last) node[step.key] = value;
      else {
        let next = node[step.key];
        if (typeof next !== 'object' || next === null) {
          next = {};
          node[step.key] = next;
        }
        node = next as Record<string, unknown>;
      }
      return;
    }
    let list = node[step.key];
    if (!Array.isArray(list)) {
      list = [];
      node[step.key] = list;
      arrays.push(list as unknown[]);
    }
    const items = list as unknown[];
    if (last) items[step.index] = value;
    else {
      let next = items[step.index];
      if (typeof next !== 'object' || next === null) {
        next = {};
        items[step.index] = next;
      }
      node = next as Record<string, unknown>;
    }
  });
}
