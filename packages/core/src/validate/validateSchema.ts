import type { ErrorObject } from 'ajv';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import { createDiagnostic } from '../diagnostics/createDiagnostic.js';
import type { Diagnostic, Stage } from '../diagnostics/diagnostic.js';
import { joinPointer, splitPointer } from '../diagnostics/pointer.js';
import type { SourceLocator } from '../parse/SourceLocator.js';
import { maxParseDiagnostics } from '../parse/sortDiagnostics.js';
import { RATER_ID_PATTERN } from '../schema/appraisalSchema.js';
import { appraisalJsonSchema, extendingRubricJsonSchema, rubricJsonSchema } from '../schema/jsonSchemas.js';
import type { JsonSchema } from '../schema/toJsonSchema.js';
import {
  appraisal,
  appraisalVerdict,
  extendingRubric,
  functionRoots,
  type PrecompiledValidator,
  rubric,
} from './validators.generated.js';

/** Which document format to validate against. */
export type SchemaName = 'rubric' | 'extending-rubric' | 'appraisal';

// Generated at development time (ajv standalone code) rather than compiled here: compiling runs `new Function`,
// which a page with a strict Content-Security-Policy refuses, and costs every process and worker its start-up.
const validators: Readonly<Record<SchemaName, PrecompiledValidator>> = {
  rubric,
  'extending-rubric': extendingRubric,
  appraisal,
};

// Where a faster validator gives the same verdict: asked first, so that a valid document (the usual one) never pays
// for collecting every error; the full validator runs only on a document already known to be invalid.
const verdicts: Readonly<Partial<Record<SchemaName, (data: unknown) => boolean>>> = {
  appraisal: appraisalVerdict,
};

const documents: Readonly<Record<SchemaName, JsonSchema>> = {
  rubric: rubricJsonSchema,
  'extending-rubric': extendingRubricJsonSchema,
  appraisal: appraisalJsonSchema,
};

/**
 * The schema object holding the keyword an error reports: what ajv's `verbose` option would put in
 * `parentSchema`, found instead from `schemaPath` so the generated code need not carry schema references for every
 * error.
 *
 * A `schemaPath` starts at the document root, except for errors raised inside a subschema ajv compiled into a
 * function of its own (a `$ref` target that has refs itself), where it starts at that subschema. The generator
 * refuses schemas in which one path could name the keyword in two of those places, so the first match is the one.
 *
 * @internal Exported for the test that compares it with ajv's `parentSchema`.
 */
export function schemaOfError(name: SchemaName, e: ErrorObject): Record<string, unknown> | undefined {
  // A fragment: "#/properties/a%5Eb/anyOf", each segment an escaped JSON pointer token, then URI-encoded.
  const at = decodeURIComponent(e.schemaPath.slice(1, e.schemaPath.lastIndexOf('/')));
  for (const root of ['', ...functionRoots[name].map((r) => decodeURIComponent(r.slice(1)))]) {
    const s = valueAt(documents[name], root + at);
    if (s !== null && typeof s === 'object' && Object.hasOwn(s, e.keyword))
      return s as Record<string, unknown>;
  }
  return undefined;
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number' && !Number.isFinite(v)) return 'non-finite number';
  if (typeof v === 'number' && Number.isInteger(v)) return 'integer';
  return typeof v;
}

function valueAt(root: unknown, pointer: string): unknown {
  let cur = root;
  for (const t of splitPointer(pointer)) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, t)) return undefined;
    cur = (cur as Record<string, unknown>)[t];
  }
  return cur;
}

/**
 * ajv reports every failing branch of a union. Keep, for each failed anyOf/oneOf, only the branch that came
 * closest (the one whose errors reach deepest into the data, then the fewest), which is the branch the author meant.
 */
function pruneUnionErrors(errors: ErrorObject[]): ErrorObject[] {
  const unions = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  if (unions.length === 0) return errors;
  const drop = new Set<ErrorObject>();
  // Innermost unions first so nested unions are settled before their parents weigh them.
  unions.sort((a, b) => b.schemaPath.length - a.schemaPath.length);
  for (const u of unions) {
    const base = u.schemaPath.slice(0, -u.keyword.length - 1);
    const prefix = `${base}/${u.keyword}/`;
    const byBranch = new Map<string, ErrorObject[]>();
    for (const e of errors) {
      if (drop.has(e) || !e.schemaPath.startsWith(prefix)) continue;
      const branch = e.schemaPath.slice(prefix.length).split('/')[0] ?? '';
      const list = byBranch.get(branch) ?? [];
      list.push(e);
      byBranch.set(branch, list);
    }
    let best: ErrorObject[] | undefined;
    let bestDepth = -1;
    for (const list of byBranch.values()) {
      const depth = Math.max(...list.map((e) => e.instancePath.length));
      if (depth > bestDepth || (depth === bestDepth && best && list.length < best.length)) {
        best = list;
        bestDepth = depth;
      }
    }
    // A union of literals or of plain types fails as a whole: one "must be one of …" says it best.
    const onlyTypeAtRoot = [...byBranch.values()].every((list) =>
      list.every((e) => e.instancePath === u.instancePath && (e.keyword === 'type' || e.keyword === 'const')),
    );
    for (const list of byBranch.values()) {
      if (list !== best || onlyTypeAtRoot) for (const e of list) drop.add(e);
    }
    // Keep the union error itself only when no branch explains the failure better (a plain type mismatch).
    if (!onlyTypeAtRoot) drop.add(u);
  }
  return errors.filter((e) => !drop.has(e));
}

function unionConsts(schema: unknown): unknown[] | undefined {
  const s = schema as { anyOf?: Array<{ const?: unknown }>; oneOf?: Array<{ const?: unknown }> };
  const branches = s?.anyOf ?? s?.oneOf ?? [];
  return branches.length > 0 && branches.every((b) => 'const' in b)
    ? branches.map((b) => b.const)
    : undefined;
}

function unionTypes(schema: unknown): string[] {
  const s = schema as { anyOf?: Array<{ type?: string; const?: unknown }>; oneOf?: Array<{ type?: string }> };
  const branches = s?.anyOf ?? s?.oneOf ?? [];
  return [...new Set(branches.map((b) => b.type ?? 'value'))];
}

// The format's patterns in words (`expected` keeps the pattern, for programs): a raw regular expression in a
// message asks the reader to decode it, and the NIP's and a date's forms are what people get wrong most.
const PATTERN_FORMS: Readonly<Record<string, { form: string; formId: string }>> = {
  '^\\d{18}$': { form: 'NIP 18 digit', formId: 'NIP 18 digit' },
  // The pattern itself says nothing to the person who typed "peer-1 ".
  [RATER_ID_PATTERN]: {
    form: 'a rater id with no leading or trailing space and no control character',
    formId: 'id penilai tanpa spasi di awal atau akhir dan tanpa karakter kontrol',
  },
  '^\\d{4}-\\d{2}-\\d{2}$': { form: 'a date YYYY-MM-DD', formId: 'tanggal YYYY-MM-DD' },
  '^\\d{4}-\\d{2}-\\d{2}(?:T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:\\d{2}))?$': {
    form: 'a date YYYY-MM-DD, or a date and time with its offset (2024-01-31T08:00+08:00)',
    formId: 'tanggal YYYY-MM-DD, atau tanggal dan jam dengan zona waktunya (2024-01-31T08:00+08:00)',
  },
  '^(?!(?:constructor|prototype)$)[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$': {
    form: 'an id: lower-case letters and digits, words joined by - or _ (e.g. sangat-baik)',
    formId: 'id: huruf kecil dan angka, kata dihubungkan dengan - atau _ (mis. sangat-baik)',
  },
  '^[A-Za-z][A-Za-z0-9_]*$': {
    form: 'a name: a letter, then letters, digits or _',
    formId: 'nama: sebuah huruf, lalu huruf, angka atau _',
  },
  '^\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?$': {
    form: 'a version MAJOR.MINOR.PATCH (e.g. 1.2.0)',
    formId: 'versi MAYOR.MINOR.PATCH (mis. 1.2.0)',
  },
};

function toDiagnostic(
  name: SchemaName,
  e: ErrorObject,
  data: unknown,
  stage: Stage,
  source?: string,
  locator?: SourceLocator,
) {
  let pointer = e.instancePath;
  let code: DiagnosticCode = 'schema-invalid';
  let expected: unknown;
  let received: unknown = valueAt(data, pointer);
  let what: 'key' | 'value' = 'value';
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'type':
      code = 'schema-type';
      expected = params.type;
      received = typeOf(received);
      break;
    case 'anyOf':
    case 'oneOf': {
      const parent = schemaOfError(name, e);
      const consts = unionConsts(parent);
      if (consts) {
        code = 'schema-enum';
        expected = consts;
      } else {
        code = 'schema-type';
        expected = unionTypes(parent).join(' | ');
        received = typeOf(received);
      }
      break;
    }
    case 'required':
      code = 'schema-required';
      expected = params.missingProperty;
      received = undefined;
      break;
    case 'additionalProperties':
      code = 'schema-unknown-property';
      pointer = joinPointer(pointer, String(params.additionalProperty));
      received = params.additionalProperty;
      expected = Object.keys(
        (schemaOfError(name, e) as { properties?: object } | undefined)?.properties ?? {},
      );
      what = 'key';
      break;
    case 'const':
      code = 'schema-enum';
      expected = [params.allowedValue];
      break;
    case 'enum':
      code = 'schema-enum';
      expected = params.allowedValues;
      break;
    case 'discriminator': {
      code = 'schema-enum';
      pointer = joinPointer(pointer, 'kind');
      received = valueAt(data, pointer);
      const branches = (
        schemaOfError(name, e) as { oneOf?: Array<{ properties?: { kind?: { const?: unknown } } }> }
      )?.oneOf;
      expected = branches?.map((b) => b.properties?.kind?.const) ?? [];
      if (received === undefined) {
        code = 'schema-required';
        pointer = e.instancePath;
        expected = 'kind';
      }
      break;
    }
    case 'pattern':
    case 'format':
      code = 'schema-pattern';
      expected = params.pattern ?? params.format;
      break;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      code = 'schema-range';
      expected = `${params.comparison} ${params.limit}`;
      break;
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
    case 'minProperties':
    case 'maxProperties':
      code = 'schema-range';
      expected = `${e.keyword.startsWith('min') ? '≥' : '≤'} ${params.limit} ${e.keyword.endsWith('Length') ? 'characters' : e.keyword.endsWith('Items') ? 'items' : 'properties'}`;
      break;
    default:
      expected = e.message ?? e.keyword;
  }
  const init: Parameters<typeof createDiagnostic>[0] = { code, pointer, stage, expected, received };
  if (e.keyword === 'pattern' && typeof expected === 'string' && Object.hasOwn(PATTERN_FORMS, expected))
    init.params = PATTERN_FORMS[expected];
  // YAML reads an unquoted `version: 1.0` as the number 1: "expected a string" alone does not say which string.
  if (e.keyword === 'type' && params.type === 'string') {
    const pattern = schemaOfError(name, e)?.pattern;
    if (typeof pattern === 'string' && Object.hasOwn(PATTERN_FORMS, pattern))
      init.params = PATTERN_FORMS[pattern];
  }
  if (source !== undefined) init.source = source;
  const span = locator?.locate(pointer, what);
  if (span) init.span = span;
  return createDiagnostic(init);
}

/**
 * Validates a parsed document against the published JSON Schema and returns diagnostics (empty when valid),
 * with positions when a locator is given: the first {@link maxParseDiagnostics} found, in the order the schema
 * walks the document (callers with positions sort them).
 */
export function validateSchema(
  name: SchemaName,
  data: unknown,
  options: { source?: string; locator?: SourceLocator; stage?: Stage } = {},
): Diagnostic[] {
  const verdict = verdicts[name];
  if (verdict?.(data)) return [];
  const validate = validators[name];
  if (validate(data)) return [];
  const errors = pruneUnionErrors(validate.errors ?? []);
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const e of errors) {
    // Turning an error into a diagnostic (both messages, its position) is the costly part: a list of 90 000 wrong
    // items took seconds and hundreds of MB to report in full, so only as many as any stage reports are made.
    if (out.length >= maxParseDiagnostics) break;
    const d = toDiagnostic(name, e, data, options.stage ?? 'validate', options.source, options.locator);
    const key = `${d.code}|${d.pointer}|${JSON.stringify(d.expected)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}
