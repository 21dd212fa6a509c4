/**
 * Invalid-input fixture suite: every file under fixtures/invalid/ is a small rubric or appraisal that must be
 * refused with a clear diagnostic at the right place.
 *
 * - rubrics/<name>.rubric.yaml carries its expectations in its first lines:
 *     # expect: <code> @ <line>:<column> [<json pointer>] [in <other fixture file>]
 *     # why: <one line saying what is wrong>
 * - appraisals/<name>.json has a sibling <name>.expect.yaml:
 *     why: …
 *     expect:
 *       - { code: …, line: …, column: …, pointer: … }   # pointer optional
 *   and is evaluated against fixtures/invalid/valid-base.rubric.yaml.
 *
 * Like ESLint's RuleTester, the suite refuses a fixture without expectations, a stray file, and two fixtures with
 * the same content, so it cannot silently shrink or repeat itself. Positions are 1-based; codes are compared as
 * sets over errors (no unexpected error code may appear), and each expected (code, line, column) must be present.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYamlText } from 'yaml';
import {
  type CompiledRubric,
  type Diagnostic,
  type DiagnosticCode,
  diagnosticCatalogue,
  evaluateText,
  loadRubric,
  type RubricResolver,
} from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..', '..');
const invalidDir = join(here, 'fixtures', 'invalid');
const rubricsDir = join(invalidDir, 'rubrics');
const appraisalsDir = join(invalidDir, 'appraisals');
const baseRubricFile = join(invalidDir, 'valid-base.rubric.yaml');
const baseAppraisalFile = join(invalidDir, 'valid-base.appraisal.json');

/** Fewest fixtures the suite accepts: it may grow, never shrink below this. */
const MIN_FIXTURES = 45;
const MIN_RUBRICS = 30;
const MIN_APPRAISALS = 20;

/**
 * Fixtures whose test is `it.fails` because the core is wrong today (not the fixture). Each entry says what the
 * core does and what it should do. When the core is fixed the test starts passing, `it.fails` then fails, and the
 * entry must be removed.
 */
const KNOWN_CORE_BUGS: Readonly<Record<string, string>> = {};

interface Expectation {
  code: DiagnosticCode;
  line: number;
  column: number;
  pointer?: string;
  /** The file the diagnostic is in, when it is another fixture (an extends cycle closes in the other file). */
  file?: string;
}

interface Fixture {
  /** Path relative to fixtures/invalid, with forward slashes. */
  name: string;
  kind: 'rubric' | 'appraisal';
  /** Path relative to the repository root, used as the diagnostics' `source`. */
  source: string;
  text: string;
  /** The text without its expectation lines: what the duplicate check hashes. */
  body: string;
  why: string;
  expect: Expectation[];
  /** Why the fixture cannot be used, when it cannot. */
  problem?: string;
}

const posix = (p: string) => p.split(sep).join('/');
const repoPath = (abs: string) => posix(relative(repoRoot, abs));
const isCode = (c: unknown): c is DiagnosticCode =>
  typeof c === 'string' && Object.hasOwn(diagnosticCatalogue, c);
const isPosInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1;

const EXPECT_LINE = /^# expect: (\S+) @ (\d+):(\d+)(?: (\/\S*))?(?: in (\S+))?\s*$/;

function rubricFixture(file: string): Fixture {
  const abs = join(rubricsDir, file);
  const text = readFileSync(abs, 'utf8');
  const fx: Fixture = {
    name: `rubrics/${file}`,
    kind: 'rubric',
    source: repoPath(abs),
    text,
    body: '',
    why: '',
    expect: [],
  };
  const lines = text.split('\n');
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.startsWith('# expect:')) {
      const m = EXPECT_LINE.exec(line);
      if (!m || !isCode(m[1])) {
        fx.problem = `malformed expectation on line ${i + 1}: ${line}`;
        return fx;
      }
      fx.expect.push({
        code: m[1],
        line: Number(m[2]),
        column: Number(m[3]),
        ...(m[4] !== undefined ? { pointer: m[4] } : {}),
        ...(m[5] !== undefined ? { file: m[5] } : {}),
      });
    } else if (line.startsWith('# why:')) fx.why = line.slice('# why:'.length).trim();
    else break;
  }
  fx.body = lines.slice(i).join('\n');
  if (fx.expect.length === 0) fx.problem = 'no `# expect:` line at the top of the file';
  else if (fx.why === '') fx.problem = 'no `# why:` line at the top of the file';
  return fx;
}

function appraisalFixture(file: string): Fixture {
  const abs = join(appraisalsDir, file);
  const text = readFileSync(abs, 'utf8');
  const fx: Fixture = {
    name: `appraisals/${file}`,
    kind: 'appraisal',
    source: repoPath(abs),
    text,
    body: text,
    why: '',
    expect: [],
  };
  const expectFile = abs.replace(/\.json$/, '.expect.yaml');
  if (!existsSync(expectFile)) {
    fx.problem = `no sibling ${posix(relative(invalidDir, expectFile))}`;
    return fx;
  }
  const spec = parseYamlText(readFileSync(expectFile, 'utf8')) as unknown;
  const s = spec as { why?: unknown; expect?: unknown } | null;
  if (s === null || typeof s !== 'object' || typeof s.why !== 'string' || s.why.trim() === '') {
    fx.problem = 'the .expect.yaml has no `why`';
    return fx;
  }
  fx.why = s.why;
  const extra = Object.keys(s).filter((k) => k !== 'why' && k !== 'expect');
  if (extra.length > 0) {
    fx.problem = `the .expect.yaml has unknown keys: ${extra.join(', ')}`;
    return fx;
  }
  if (!Array.isArray(s.expect) || s.expect.length === 0) {
    fx.problem = 'the .expect.yaml has no `expect` list';
    return fx;
  }
  for (const e of s.expect as unknown[]) {
    const x = e as { code?: unknown; line?: unknown; column?: unknown; pointer?: unknown } | null;
    const keysOk =
      x !== null &&
      typeof x === 'object' &&
      Object.keys(x).every((k) => k in { code: 1, line: 1, column: 1, pointer: 1 });
    if (
      !keysOk ||
      !isCode(x.code) ||
      !isPosInt(x.line) ||
      !isPosInt(x.column) ||
      (x.pointer !== undefined && typeof x.pointer !== 'string')
    ) {
      fx.problem = `malformed expectation ${JSON.stringify(e)}`;
      return fx;
    }
    fx.expect.push({
      code: x.code,
      line: x.line,
      column: x.column,
      ...(typeof x.pointer === 'string' ? { pointer: x.pointer } : {}),
    });
  }
  return fx;
}

function discover(): { fixtures: Fixture[]; strays: string[] } {
  const fixtures: Fixture[] = [];
  const strays: string[] = [];
  for (const f of readdirSync(invalidDir).sort()) {
    const abs = join(invalidDir, f);
    if (statSync(abs).isDirectory()) {
      if (f !== 'rubrics' && f !== 'appraisals') strays.push(f);
    } else if (abs !== baseRubricFile && abs !== baseAppraisalFile) strays.push(f);
  }
  for (const f of readdirSync(rubricsDir).sort()) {
    if (f.endsWith('.rubric.yaml')) fixtures.push(rubricFixture(f));
    else strays.push(`rubrics/${f}`);
  }
  for (const f of readdirSync(appraisalsDir).sort()) {
    if (f.endsWith('.json')) fixtures.push(appraisalFixture(f));
    else if (f.endsWith('.expect.yaml')) {
      if (!existsSync(join(appraisalsDir, f.replace(/\.expect\.yaml$/, '.json'))))
        strays.push(`appraisals/${f} (no matching .json)`);
    } else strays.push(`appraisals/${f}`);
  }
  return { fixtures, strays };
}

const { fixtures, strays } = discover();
const known = fixtures.filter((f) => Object.hasOwn(KNOWN_CORE_BUGS, f.name));
const sound = fixtures.filter((f) => !Object.hasOwn(KNOWN_CORE_BUGS, f.name));

/** Resolves `extends` by id to a sibling fixture file `<id>.rubric.yaml`; nothing outside that folder. */
const resolve: RubricResolver = (ref, from) => {
  if (!/^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/.test(ref)) return undefined;
  const dir = from !== undefined ? dirname(join(repoRoot, from)) : rubricsDir;
  const file = join(dir, `${ref}.rubric.yaml`);
  if (dirname(file) !== rubricsDir || !existsSync(file)) return undefined;
  return { text: readFileSync(file, 'utf8'), source: repoPath(file) };
};

let baseRubric: CompiledRubric | undefined;
function base(): CompiledRubric {
  if (baseRubric) return baseRubric;
  const r = loadRubric(readFileSync(baseRubricFile, 'utf8'), { source: repoPath(baseRubricFile) });
  if (!r.ok) throw new Error(`valid-base.rubric.yaml does not load: ${JSON.stringify(r.diagnostics)}`);
  baseRubric = r.value;
  return baseRubric;
}

function run(fx: Fixture): { diagnostics: Diagnostic[]; refused: boolean } {
  if (fx.kind === 'rubric') {
    const r = loadRubric(fx.text, { source: fx.source, resolve });
    return { diagnostics: r.diagnostics, refused: !r.ok };
  }
  const e = evaluateText(base(), fx.text, { source: fx.source });
  return { diagnostics: e.diagnostics, refused: e.status !== 'complete' };
}

const where = (d: Diagnostic) => (d.span ? `${d.span.start.line}:${d.span.start.column}` : 'no-span');
const describeDiagnostic = (d: Diagnostic) => `${d.code} @ ${where(d)} ${d.pointer}`;

function checkFixture(fx: Fixture): void {
  expect(fx.problem, `${fx.name} is not a usable fixture`).toBeUndefined();
  const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
  let result: ReturnType<typeof run> | undefined;
  let thrown: unknown;
  try {
    result = run(fx);
  } catch (error) {
    thrown = error;
  }
  expect(thrown, `${fx.name} threw instead of returning diagnostics`).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  const { diagnostics, refused } = result as NonNullable<typeof result>;

  expect(refused, `${fx.name} was accepted`).toBe(true);
  for (const d of diagnostics) {
    expect(d.message.id.trim(), `${describeDiagnostic(d)}: message.id`).not.toBe('');
    expect(d.message.en.trim(), `${describeDiagnostic(d)}: message.en`).not.toBe('');
    expect(
      d.span,
      `${describeDiagnostic(d)}: the input came from text, so it needs a position`,
    ).toBeDefined();
    if (d.span) {
      expect(d.span.start.line).toBeGreaterThanOrEqual(1);
      expect(d.span.start.column).toBeGreaterThanOrEqual(1);
    }
  }

  const got = diagnostics.map((d) => ({ code: d.code, at: where(d), pointer: d.pointer, source: d.source }));
  for (const e of fx.expect) {
    const want = { code: e.code, at: `${e.line}:${e.column}` };
    const match = got.find(
      (g) => g.code === want.code && g.at === want.at && (e.pointer === undefined || g.pointer === e.pointer),
    );
    expect(
      match,
      `${fx.name}: expected ${want.code} @ ${want.at}${e.pointer !== undefined ? ` ${e.pointer}` : ''}; got ${got.map((g) => `${g.code} @ ${g.at} ${g.pointer}`).join(', ') || 'nothing'}`,
    ).toBeDefined();
    const source = e.file !== undefined ? fx.source.replace(/[^/]+$/, e.file) : fx.source;
    expect(
      match?.source,
      `${fx.name}: ${want.code} should name ${e.file ?? 'this fixture'} as its source`,
    ).toBe(source);
  }

  const errorCodes = [
    ...new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)),
  ].sort();
  const expectedErrorCodes = [
    ...new Set(fx.expect.map((e) => e.code).filter((c) => diagnosticCatalogue[c].severity === 'error')),
  ].sort();
  expect(errorCodes, `${fx.name}: error codes`).toEqual(expectedErrorCodes);
}

describe('invalid fixture suite', () => {
  it(`has at least ${MIN_FIXTURES} fixtures (${MIN_RUBRICS} rubrics, ${MIN_APPRAISALS} appraisals)`, () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(MIN_FIXTURES);
    expect(fixtures.filter((f) => f.kind === 'rubric').length).toBeGreaterThanOrEqual(MIN_RUBRICS);
    expect(fixtures.filter((f) => f.kind === 'appraisal').length).toBeGreaterThanOrEqual(MIN_APPRAISALS);
  });

  it('refuses fixtures without (well-formed) expectations', () => {
    expect(fixtures.filter((f) => f.problem).map((f) => `${f.name}: ${f.problem}`)).toEqual([]);
  });

  it('refuses stray files', () => {
    expect(strays).toEqual([]);
  });

  it('refuses two fixtures with the same content', () => {
    const seen = new Map<string, string>();
    const dupes: string[] = [];
    for (const f of fixtures) {
      const hash = createHash('sha256').update(f.body.trim()).digest('hex');
      const first = seen.get(hash);
      if (first) dupes.push(`${f.name} repeats ${first}`);
      else seen.set(hash, f.name);
    }
    expect(dupes).toEqual([]);
  });

  it('lists only existing fixtures as known core bugs', () => {
    const names = new Set(fixtures.map((f) => f.name));
    expect(Object.keys(KNOWN_CORE_BUGS).filter((n) => !names.has(n))).toEqual([]);
  });

  it('evaluates the valid base appraisal against the valid base rubric without errors', () => {
    const r = loadRubric(readFileSync(baseRubricFile, 'utf8'), { source: repoPath(baseRubricFile) });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const e = evaluateText(base(), readFileSync(baseAppraisalFile, 'utf8'), {
      source: repoPath(baseAppraisalFile),
    });
    expect(e.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(e.status).toBe('complete');
  });
});

describe.each([
  ['rubrics', 'rubric'],
  ['appraisals', 'appraisal'],
] as const)('invalid %s', (_label, kind) => {
  const ok = sound.filter((f) => f.kind === kind);
  const bugs = known.filter((f) => f.kind === kind);
  it.each(ok.map((f) => [f.name, f] as const))('%s', (_name, fx) => checkFixture(fx));
  if (bugs.length > 0) {
    // Known core bugs (see KNOWN_CORE_BUGS): these fail until the core is fixed.
    it.fails.each(bugs.map((f) => [f.name, f] as const))('%s (known core bug)', (_name, fx) =>
      checkFixture(fx),
    );
  }
});
