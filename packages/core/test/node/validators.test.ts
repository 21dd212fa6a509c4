import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import { SchemaEnv } from 'ajv/dist/compile/index.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { IdSchema } from '../../src/schema/common.js';
import {
  appraisalJsonSchema,
  extendingRubricJsonSchema,
  rubricJsonSchema,
} from '../../src/schema/jsonSchemas.js';
import type { JsonSchema } from '../../src/schema/toJsonSchema.js';
import { type SchemaName, schemaOfError } from '../../src/validate/validateSchema.js';
import * as generated from '../../src/validate/validators.generated.js';

// validateSchema runs validators ajv generated ahead of time (standalone code), so that core never generates code
// at run time. They are committed next to it; this test regenerates them in memory and fails when the committed
// files differ. Regenerate with UPDATE_VALIDATORS=1.

const validateDir = fileURLToPath(new URL('../../src/validate/', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const requireFromCore = createRequire(import.meta.url);

/** What validateSchema compiled at run time before; `verbose` is not needed any more (see schemaOfError). */
const AJV_OPTIONS: Options = {
  // Unknown keywords, loose types and ambiguous unions in our own schemas fail loudly at generation.
  strict: true,
  allErrors: true,
  discriminator: true,
  allowUnionTypes: true,
};

const documents: Record<SchemaName, JsonSchema> = {
  rubric: rubricJsonSchema,
  'extending-rubric': extendingRubricJsonSchema,
  appraisal: appraisalJsonSchema,
};
const exportNames: Record<SchemaName, string> = {
  rubric: 'rubric',
  'extending-rubric': 'extendingRubric',
  appraisal: 'appraisal',
};

/** The keywords whose schema validateSchema looks up by `schemaPath`. */
const LOOKED_UP = ['anyOf', 'oneOf', 'additionalProperties', 'discriminator'];
/** Keywords whose value is data, not a schema. */
const VALUE_KEYWORDS = new Set(['const', 'enum', 'default', 'examples', 'required']);
/** Keywords whose value maps names to schemas. */
const MAP_KEYWORDS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependencies']);
/** Annotations: they never fail, but ajv copies each schema into the generated code, descriptions included. */
const ANNOTATIONS = new Set(['title', 'description', '$comment', 'examples']);

const escapeToken = (t: string) => encodeURIComponent(t.replace(/~/g, '~0').replace(/\//g, '~1'));

function withoutAnnotations(node: unknown, isMap = false): unknown {
  if (Array.isArray(node)) return node.map((n) => withoutAnnotations(n));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (isMap) out[k] = withoutAnnotations(v);
    else if (ANNOTATIONS.has(k)) continue;
    else out[k] = VALUE_KEYWORDS.has(k) ? v : withoutAnnotations(v, MAP_KEYWORDS.has(k));
  }
  return out;
}

/** `schemaPath`s (fragments) of the LOOKED_UP keywords in `schema`, relative to it. */
function keywordPaths(schema: unknown, at = '#', out: string[] = []): string[] {
  if (Array.isArray(schema)) {
    for (const [i, s] of schema.entries()) keywordPaths(s, `${at}/${i}`, out);
    return out;
  }
  if (schema === null || typeof schema !== 'object') return out;
  for (const [k, v] of Object.entries(schema)) {
    if (LOOKED_UP.includes(k)) out.push(`${at}/${k}`);
    if (VALUE_KEYWORDS.has(k)) continue;
    if (MAP_KEYWORDS.has(k) && v !== null && typeof v === 'object') {
      for (const [name, sub] of Object.entries(v)) keywordPaths(sub, `${at}/${k}/${escapeToken(name)}`, out);
    } else keywordPaths(v, `${at}/${k}`, out);
  }
  return out;
}

/** The `$ref` targets ajv compiled into functions of their own, as fragments of the document. */
function functionRootsOf(validate: ValidateFunction, id: string): string[] {
  const roots = new Set<string>();
  const visit = (env: SchemaEnv) => {
    for (const [ref, target] of Object.entries(env.refs)) {
      if (!(target instanceof SchemaEnv)) continue; // inlined: its errors carry the absolute `$ref` path
      const [base, fragment = ''] = ref.split('#');
      if (base !== id)
        throw new Error(`${id}: $ref ${ref} leaves the document; schemaOfError cannot follow it`);
      if (fragment === '' || roots.has(`#${fragment}`)) continue;
      roots.add(`#${fragment}`);
      visit(target);
    }
  };
  visit(validate.schemaEnv);
  return [...roots].sort();
}

/** schemaOfError takes the first place a path names its keyword in; make sure there is never a second. */
function assertUnambiguous(name: SchemaName, roots: string[]): void {
  const where = new Map<string, string>();
  for (const root of ['#', ...roots]) {
    const schema = root === '#' ? documents[name] : schemaAtFragment(documents[name], root);
    for (const path of keywordPaths(schema)) {
      const other = where.get(path);
      if (other !== undefined) {
        throw new Error(
          `${name}: schemaPath ${path} names a keyword both in ${other} and in ${root}; ` +
            'validateSchema could not tell which schema an error means',
        );
      }
      where.set(path, root);
    }
  }
}

function schemaAtFragment(root: unknown, fragment: string): unknown {
  let cur = root;
  for (const t of fragment.split('/').slice(1)) {
    cur = (cur as Record<string, unknown> | undefined)?.[
      decodeURIComponent(t).replace(/~1/g, '/').replace(/~0/g, '~')
    ];
  }
  return cur;
}

/** ajv's helpers that standalone code `require`s; each is one self-contained function, copied in. */
const RUNTIME_HELPERS = new Set(['ajv/dist/runtime/ucs2length', 'ajv/dist/runtime/equal']);

function inlineRuntimeHelpers(code: string): string {
  let counter: string | undefined;
  const out = code.replace(
    /(const (\w+) = )?require\("([^"]+)"\)\.default/g,
    (call, decl, name, id: string) => {
      if (!RUNTIME_HELPERS.has(id))
        throw new Error(`generated code needs ${call}; add it to RUNTIME_HELPERS if safe`);
      const helper = `(${String((requireFromCore(id) as { default: () => unknown }).default)})`;
      if (id !== 'ajv/dist/runtime/ucs2length') return `${decl ?? ''}${helper}`;
      counter = name;
      // ajv counts code points on every maxLength check; a string without a high surrogate has as many as its
      // length, and a regex test is far cheaper than ajv's character loop (which still decides the rest).
      return `${decl ?? ''}((count) => (str) => (/[\\uD800-\\uDBFF]/.test(str) ? count(str) : str.length))${helper}`;
    },
  );
  if (/\brequire\s*\(/.test(out)) throw new Error('generated code still calls require');
  return counter === undefined ? out : lengthFirst(out, counter);
}

/**
 * Decides a minLength / maxLength check from `.length` alone where that settles it: a string has at most as many
 * code points as UTF-16 units and at least half as many, so `> n` is false when length ≤ n and `< n` true when
 * length < n, false when length ≥ 2n. Only strings in between are counted: most checks are `minLength: 1` and
 * short ids under a `maxLength`, and counting each was a third of the appraisal validator's time.
 */
function lengthFirst(code: string, counter: string): string {
  const calls = code.split(`${counter}(`).length - 1;
  let rewritten = 0;
  const out = code.replace(
    new RegExp(`\\b${counter}\\((\\w+)\\) ([<>]) (\\d+)\\)\\{`, 'g'),
    (_call, s: string, op: string, n: string) => {
      rewritten++;
      const limit = Number(n);
      return op === '>'
        ? `(${s}.length > ${limit} && ${counter}(${s}) > ${limit})){`
        : `(${s}.length < ${limit} || (${s}.length < ${2 * limit} && ${counter}(${s}) < ${limit}))){`;
    },
  );
  if (rewritten !== calls) throw new Error(`${calls - rewritten} ${counter} call(s) of an unknown form`);
  return out;
}

const HEADER = `// Generated by packages/core/test/node/validators.test.ts from packages/core/src/schema: do not edit.
// Regenerate: UPDATE_VALIDATORS=1 npx vitest run packages/core/test/node/validators.test.ts
`;

const DTS = `${HEADER}import type { ErrorObject } from 'ajv';

/** A JSON Schema validator generated ahead of time; \`errors\` holds the failures of the last call. */
export interface PrecompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** Validates a complete rubric against \`rubricJsonSchema\`. */
export declare const rubric: PrecompiledValidator;
/** Validates a rubric that \`extends\` another against \`extendingRubricJsonSchema\`. */
export declare const extendingRubric: PrecompiledValidator;
/** Validates an appraisal against \`appraisalJsonSchema\`. */
export declare const appraisal: PrecompiledValidator;
/**
 * The same verdict as \`appraisal\`, reached faster: it stops at the first error and reports nothing useful, so
 * only a \`true\` is worth having; on \`false\` ask \`appraisal\` for the errors.
 */
export declare const appraisalVerdict: (data: unknown) => boolean;

/**
 * Per schema, the subschemas compiled into functions of their own (fragments of the document): the \`schemaPath\`
 * of an error raised inside one starts at that subschema.
 */
export declare const functionRoots: Readonly<Record<'rubric' | 'extending-rubric' | 'appraisal', readonly string[]>>;
`;

/** The keywords that apply to one JSON type only (ajv checks them only on data of that type). */
const TYPE_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  string: ['minLength', 'maxLength', 'pattern', 'format'],
  number: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'],
  boolean: [],
  null: [],
};

/** `{ const: 'x', type: 'string' }`: one branch of a union of string constants. */
function isStringConst(b: unknown): boolean {
  const o = b as { type?: unknown; const?: unknown };
  return b !== null && typeof b === 'object' && Object.keys(b).length === 2 && o.type === 'string'
    ? typeof o.const === 'string'
    : false;
}

/** `{ type: T, ...keywords that apply to T only }`: a branch that a type list can stand for. */
function isTypeBranch(b: unknown): b is Record<string, unknown> & { type: string } {
  if (b === null || typeof b !== 'object' || Array.isArray(b)) return false;
  const type = (b as { type?: unknown }).type;
  const own = typeof type === 'string' ? TYPE_KEYWORDS[type] : undefined;
  return own !== undefined && Object.keys(b).every((k) => k === 'type' || own.includes(k));
}

/**
 * The schema with unions rewritten into forms that accept the same values without ajv's union bookkeeping:
 * a union of string constants becomes an `enum`, and a union of distinct types whose branches only constrain their
 * own type (`number` | `string` with `minLength`) becomes a type list with those keywords. ajv builds an error
 * object for each failed branch on the way to the one that matches (a rating's role, every rating; a rating given
 * as a label), where an enum is a few `===` and a type list one check. Only for the verdict: the errors differ.
 */
function unionsForVerdict(node: unknown, isMap = false): unknown {
  if (Array.isArray(node)) return node.map((n) => unionsForVerdict(n));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (isMap) out[k] = unionsForVerdict(v);
    else out[k] = VALUE_KEYWORDS.has(k) ? v : unionsForVerdict(v, MAP_KEYWORDS.has(k));
  }
  const branches = out.anyOf;
  if (isMap || !Array.isArray(branches) || branches.length === 0) return out;
  if (
    branches.every(isStringConst) &&
    (out.type === undefined || out.type === 'string') &&
    !('enum' in out)
  ) {
    delete out.anyOf;
    out.type = 'string';
    out.enum = branches.map((b) => (b as { const: string }).const);
    return out;
  }
  const types = branches.map((b) => (isTypeBranch(b) ? b.type : undefined));
  const distinct = new Set(types);
  const clash = Object.keys(out).some((k) => k === 'type' || Object.values(TYPE_KEYWORDS).flat().includes(k));
  if (types.includes(undefined) || distinct.size !== types.length || clash) return out;
  delete out.anyOf;
  out.type = types;
  for (const b of branches as Array<Record<string, unknown>>)
    for (const [k, v] of Object.entries(b)) if (k !== 'type') out[k] = v;
  return out;
}

/** The id pattern: ids name rubric parts, so the same few are tested on every appraisal. */
const ID_PATTERN = IdSchema.pattern as string;

/**
 * Remembers the verdicts of the id pattern in the verdict validator: a Map lookup of an id seen before costs less
 * than running the regex again. Bounded (it starts over when full), and a regex without flags `g`/`y` keeps no
 * state, so a remembered answer is the answer.
 */
function rememberIdTests(code: string): string {
  const declared = new RegExp(
    `^const (pattern\\d+) = new RegExp\\(${escapeForRegExp(JSON.stringify(ID_PATTERN))}, "u"\\);$`,
    'm',
  ).exec(code);
  if (!declared) throw new Error('the verdict validator does not test the id pattern');
  const name = declared[1] as string;
  const uses = code.split(`${name}.test(`).length - 1;
  if (uses === 0) throw new Error(`${name} is never tested`);
  const memo = `const ${name}Seen = new Map();
const ${name}Test = (str) => {
let v = ${name}Seen.get(str);
if (v === undefined) {
v = ${name}.test(str);
if (${name}Seen.size >= 512) ${name}Seen.clear();
${name}Seen.set(str, v);
}
return v;
};`;
  return code.split(`${name}.test(`).join(`${name}Test(`).replace(declared[0], `${declared[0]}\n${memo}`);
}

function escapeForRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `appraisalVerdict`: the appraisal schema (unions rewritten, see unionsForVerdict) compiled to stop at the first
 * error, in a scope of its own (its generated names would clash with the validators above). Most appraisals are
 * valid, and for those all of ajv's `allErrors` bookkeeping, and the error objects of failed union branches, are
 * wasted.
 */
function verdictCode(): string {
  const ajv = new Ajv({ ...AJV_OPTIONS, allErrors: false, code: { source: true, esm: true, lines: true } });
  ajv.addSchema(unionsForVerdict(withoutAnnotations(documents.appraisal)) as JsonSchema, 'appraisal');
  const code = rememberIdTests(
    inlineRuntimeHelpers(standaloneCode(ajv, { appraisalVerdict: 'appraisal' })).trimEnd(),
  );
  const exported = /^export const appraisalVerdict = (validate\d+);$/m.exec(code);
  if (!exported || /^export /m.test(code.replace(exported[0], '')))
    throw new Error('unexpected exports in the verdict validator');
  const body = code.replace(exported[0], '').replace(/^"use strict";\n/, '');
  return `export const appraisalVerdict = (() => {\n${body}\nreturn ${exported[1]};\n})();\n`;
}

function generate(): { js: string; dts: string } {
  // `lines: true` puts each statement on its own line, so a regenerated file diffs readably.
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, esm: true, lines: true } });
  const names = Object.keys(documents) as SchemaName[];
  for (const name of names) ajv.addSchema(withoutAnnotations(documents[name]) as JsonSchema, name);
  const roots = {} as Record<SchemaName, string[]>;
  for (const name of names) {
    const validate = ajv.getSchema(name);
    if (!validate) throw new Error(`ajv did not compile ${name}`);
    roots[name] = functionRootsOf(validate, String(documents[name].$id));
    assertUnambiguous(name, roots[name]);
  }
  const code = inlineRuntimeHelpers(
    standaloneCode(ajv, Object.fromEntries(names.map((n) => [exportNames[n], n]))),
  ).trimEnd();
  const js = `${HEADER}${code}\nexport const functionRoots = ${JSON.stringify(roots)};\n${verdictCode()}`;
  return { js, dts: DTS };
}

describe('precompiled validators', () => {
  const fresh = generate();

  for (const [file, text] of [
    ['validators.generated.js', fresh.js],
    ['validators.generated.d.ts', fresh.dts],
  ] as const) {
    it(`src/validate/${file} is generated from the schemas in code`, () => {
      const path = join(validateDir, file);
      if (process.env.UPDATE_VALIDATORS === '1') writeFileSync(path, text);
      // Compared as one boolean: a failing toEqual would print both 700 KB texts. A CRLF checkout is not stale.
      const committed = readFileSync(path, 'utf8').replace(/\r\n/g, '\n');
      expect(committed === text, `stale: run UPDATE_VALIDATORS=1 vitest run ${file}`).toBe(true);
    });
  }

  it('generates the same text twice (no run-dependent names or order)', () => {
    expect(generate().js === fresh.js).toBe(true);
  });

  it('generates no code at run time and imports nothing', () => {
    expect(fresh.js).not.toMatch(/\bnew\s+Function\b|\bFunction\s*\(|\beval\s*\(/);
    expect(fresh.js).not.toMatch(/\brequire\s*\(|^\s*import\b|\bimport\s*\(/m);
  });
});

// ─── The generated validators and the schemaPath lookup against what validateSchema did before ───────────────

/** mulberry32: a small seeded PRNG, so the mutants are the same on every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = unknown;
const REPLACEMENTS: Json[] = [
  null,
  true,
  0,
  -1,
  1.5,
  Number.POSITIVE_INFINITY, // YAML `.inf`
  'x',
  '',
  [],
  {},
  ['x'],
  { x: 1 },
  'sangat-baik',
  'weighted-mean',
  'ratio',
  '19900315201503100',
  '2024-13-01',
];

function nodesOf(doc: Json, at: Array<string | number> = [], out: Array<Array<string | number>> = []) {
  out.push(at);
  if (Array.isArray(doc)) for (const [i, v] of doc.entries()) nodesOf(v, [...at, i], out);
  else if (doc !== null && typeof doc === 'object')
    for (const [k, v] of Object.entries(doc)) nodesOf(v, [...at, k], out);
  return out;
}

function mutate(doc: Json, random: () => number): Json {
  const copy = structuredClone(doc) as Json;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const times = 1 + Math.floor(random() * 3);
  for (let n = 0; n < times; n++) {
    const nodes = nodesOf(copy);
    const path = pick(nodes);
    if (path.length === 0) continue;
    const parent = path.slice(0, -1).reduce<Json>((o, k) => (o as Record<string, Json>)[k], copy) as Record<
      string | number,
      Json
    >;
    const key = path.at(-1) as string | number;
    const op = random();
    if (op < 0.2 && !Array.isArray(parent)) delete parent[key];
    else if (op < 0.35 && !Array.isArray(parent)) parent[`${String(key)}x`] = parent[key];
    else if (op < 0.5) {
      // Another part of the same document: a plausible value of the wrong shape, the case unions are hard on.
      const from = pick(nodes).reduce<Json>((o, k) => (o as Record<string, Json>)[k], copy);
      parent[key] = structuredClone(from);
    } else if (op < 0.6 && Array.isArray(parent)) parent.push(structuredClone(parent[key]));
    else parent[key] = structuredClone(pick(REPLACEMENTS));
  }
  return copy;
}

function corpus(): Array<[SchemaName, Json]> {
  const out: Array<[SchemaName, Json]> = [];
  const add = (file: string) => {
    const text = readFileSync(file, 'utf8');
    const doc = (file.endsWith('.json') ? JSON.parse(text) : parseYaml(text)) as Record<string, Json>;
    if (file.endsWith('.cases.yaml')) {
      const appraisal = (doc.defaults as { appraisal?: Json } | undefined)?.appraisal;
      if (appraisal) out.push(['appraisal', appraisal]);
    } else if (file.endsWith('.rubric.yaml')) out.push([doc.extends ? 'extending-rubric' : 'rubric', doc]);
    else if (file.endsWith('.json')) out.push(['appraisal', doc]);
  };
  for (const pack of readdirSync(join(repoRoot, 'rubrics'))) {
    const dir = join(repoRoot, 'rubrics', pack);
    for (const f of readdirSync(dir)) if (/\.(rubric|cases)\.yaml$/.test(f)) add(join(dir, f));
  }
  for (const f of ['demo-pp46.rubric.yaml', 'demo-appraisal.json']) add(join(repoRoot, 'examples/data', f));
  const invalid = fileURLToPath(new URL('../fixtures/invalid/', import.meta.url));
  add(join(invalid, 'valid-base.rubric.yaml'));
  add(join(invalid, 'valid-base.appraisal.json'));
  return out;
}

const shape = (e: ErrorObject) => ({
  instancePath: e.instancePath,
  schemaPath: e.schemaPath,
  keyword: e.keyword,
  params: e.params,
  message: e.message,
});

describe('precompiled validators behave like ajv compiling at run time with verbose errors', () => {
  const ajv = new Ajv({ ...AJV_OPTIONS, verbose: true });
  const runtime = Object.fromEntries(
    Object.entries(documents).map(([name, schema]) => [name, ajv.compile(schema)]),
  ) as Record<SchemaName, ValidateFunction>;
  const precompiled = {
    rubric: generated.rubric,
    'extending-rubric': generated.extendingRubric,
    appraisal: generated.appraisal,
  };
  const random = prng(20240601);
  const cases: Array<[SchemaName, Json]> = [];
  for (const [name, doc] of corpus()) {
    cases.push([name, doc]);
    for (let i = 0; i < 60; i++) cases.push([name, mutate(doc, random)]);
  }

  it('same verdict and same errors, in the same order, on valid documents and on mutants', () => {
    let failing = 0;
    for (const [name, doc] of cases) {
      const expected = runtime[name](doc);
      expect(precompiled[name](doc)).toBe(expected);
      if (expected) continue;
      failing++;
      expect((precompiled[name].errors ?? []).map(shape)).toEqual((runtime[name].errors ?? []).map(shape));
    }
    // The mutants reach deep enough to matter: most of them fail.
    expect(failing).toBeGreaterThan(cases.length / 2);
  });

  it('counts maxLength in code points, as ajv does, with surrogate pairs, lone surrogates and plain text', () => {
    const [, appraisal] = cases.find(([name]) => name === 'appraisal') as [SchemaName, Json];
    const rated = (rater: string) => ({
      ...(appraisal as Record<string, unknown>),
      ratings: [{ rater, role: 'peer', indicator: 'loyal', value: 4 }],
    });
    // rater ids allow 128 characters: 128 emoji are 256 UTF-16 units but 128 code points.
    for (const rater of [
      '\u{1F600}'.repeat(128),
      '\u{1F600}'.repeat(129),
      'a'.repeat(128),
      'a'.repeat(129),
      '\uD800'.repeat(128),
      '\uD800'.repeat(129),
      `${'a'.repeat(127)}\uD800\uDC00`,
    ]) {
      const doc = rated(rater);
      expect(generated.appraisal(doc), `${rater.length} units`).toBe(runtime.appraisal(doc));
    }
    expect(generated.appraisal(rated('\u{1F600}'.repeat(128)))).toBe(true);
    expect(generated.appraisal(rated('\u{1F600}'.repeat(129)))).toBe(false);
  });

  it('decides minLength / maxLength from .length where that settles it, and counts code points where not', () => {
    const pieces = ['a', '\uD83D', '\uDE00', '\u{1F600}'];
    const strings = new Set<string>(['']);
    for (const a of pieces) {
      strings.add(a);
      for (const b of pieces) {
        strings.add(a + b);
        for (const c of pieces) for (const d of ['', ...pieces]) strings.add(a + b + c + d);
      }
      // Either side of each limit in the schemas (1, 5, 64, 128 code points), in units and in code points.
      for (const k of [4, 5, 6, 9, 10, 11, 63, 64, 65, 127, 128, 129, 255, 256, 257]) {
        strings.add(a.repeat(k));
        strings.add(`${a.repeat(k - 1)}b`);
      }
    }
    const [, appraisal] = cases.find(([name]) => name === 'appraisal') as [SchemaName, Json];
    const [, rubric] = cases.find(([name]) => name === 'rubric') as [SchemaName, Json];
    const firstGroup = Object.keys((rubric as { groups: object }).groups)[0] as string;
    const docs: Array<[SchemaName, Json]> = [];
    for (const str of strings) {
      docs.push(['appraisal', { ...(appraisal as object), id: str }]);
      docs.push([
        'appraisal',
        { ...(appraisal as object), ratings: [{ rater: str, role: 'peer', indicator: 'loyal', value: 4 }] },
      ]);
      const r = structuredClone(rubric) as { groups: Record<string, Record<string, unknown>> };
      (r.groups[firstGroup] as Record<string, unknown>).range = str;
      docs.push(['rubric', r]);
    }
    let refused = 0;
    for (const [name, doc] of docs) {
      const expected = runtime[name](doc);
      expect(precompiled[name](doc)).toBe(expected);
      if (name === 'appraisal') expect(generated.appraisalVerdict(doc)).toBe(expected);
      if (expected) continue;
      refused++;
      expect((precompiled[name].errors ?? []).map(shape)).toEqual((runtime[name].errors ?? []).map(shape));
    }
    expect(refused).toBeGreaterThan(docs.length / 4);
    expect(refused).toBeLessThan(docs.length);
  });

  it('appraisalVerdict accepts exactly what the full appraisal validator accepts', () => {
    const [, appraisal] = cases.find(([name]) => name === 'appraisal') as [SchemaName, Json];
    const docs: Json[] = cases.filter(([name]) => name === 'appraisal').map(([, doc]) => doc);
    // Every value a union might meet, where the verdict validator tests an enum or a type list instead.
    for (const v of [
      ...REPLACEMENTS,
      'supervisor',
      'peer',
      'subordinate',
      'third-party',
      'self',
      'Peer',
      'peer ',
    ]) {
      docs.push({
        ...(appraisal as object),
        ratings: [{ rater: 'r1', role: v, indicator: 'loyal', value: 4 }],
      });
      for (const field of ['kind', 'start']) {
        const a = structuredClone(appraisal) as { period: Record<string, unknown> };
        a.period[field] = v;
        docs.push(a);
      }
      for (const field of ['positionType', 'nip', 'rankSince']) {
        const a = structuredClone(appraisal) as { employee: Record<string, unknown> };
        a.employee[field] = v;
        docs.push(a);
      }
      docs.push({ ...(appraisal as object), conflicts: [{ rater: 'r1', kind: v }] });
      docs.push({ ...(appraisal as object), inputs: { loyal: { score: v } } });
      docs.push({ ...(appraisal as object), facts: { agama: v } });
      docs.push({ ...(appraisal as object), targets: { skp: [{ id: 't1', target: v, main: v }] } });
    }
    const random = prng(7);
    const seeds = docs.length;
    for (let i = 0; i < 400; i++) docs.push(mutate(docs[Math.floor(random() * seeds)], random));
    let accepted = 0;
    for (const doc of docs) {
      const expected = runtime.appraisal(doc);
      expect(generated.appraisalVerdict(doc), JSON.stringify(doc).slice(0, 300)).toBe(expected);
      if (expected) accepted++;
    }
    expect(accepted).toBeGreaterThan(docs.length / 10);
    expect(accepted).toBeLessThan(docs.length);
  });

  it("schemaOfError finds the schema object ajv's verbose mode reports as parentSchema", () => {
    const seen = new Map<string, number>();
    for (const [name, doc] of cases) {
      if (runtime[name](doc)) continue;
      for (const e of runtime[name].errors ?? []) {
        if (!LOOKED_UP.includes(e.keyword)) continue;
        const fromRoot = schemaAtFragment(
          documents[name],
          e.schemaPath.slice(0, e.schemaPath.lastIndexOf('/')),
        );
        const key = `${name} ${e.keyword}${fromRoot === e.parentSchema ? '' : ' (in a function root)'}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
        expect(schemaOfError(name, e), `${name} ${e.schemaPath}`).toBe(e.parentSchema);
      }
    }
    expect([...seen.keys()].sort()).toEqual(
      expect.arrayContaining([
        'appraisal additionalProperties',
        'appraisal anyOf',
        'extending-rubric additionalProperties',
        'rubric additionalProperties',
        'rubric additionalProperties (in a function root)',
        'rubric anyOf',
        'rubric anyOf (in a function root)',
        'rubric discriminator (in a function root)',
      ]),
    );
  });
});
