import type { DiagnosticCode } from '../diagnostics/codes.js';
import { createDiagnostic } from '../diagnostics/createDiagnostic.js';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import { nearestSpelling } from '../diagnostics/nearestSpelling.js';
import { joinPointer, splitPointer } from '../diagnostics/pointer.js';
import type { ParseLimits } from '../parse/ParseLimits.js';
import { parseYaml } from '../parse/parseYaml.js';
import { sortDiagnostics } from '../parse/sortDiagnostics.js';
import { validateSchema } from '../validate/validateSchema.js';
import { findMisspeltAdditions } from './findMisspeltAdditions.js';
import { mergePatch } from './mergePatch.js';

/** The text of a rubric found by a resolver, and its name for diagnostics. */
export interface RubricText {
  /** YAML text. */
  text: string;
  /** File path or package name, shown in diagnostics. */
  source: string;
}

/**
 * Finds the rubric an `extends` names: by id, package or relative file. `from` is the source of the rubric that
 * extends it, so relative names can be resolved. Returns undefined when there is no such rubric.
 */
export type RubricResolver = (ref: string, from: string | undefined) => RubricText | undefined;

/** Locates a pointer of the resolved rubric in whichever document wrote it. */
export type MergedLocator = (
  pointer: string,
  what: 'key' | 'value',
) => { span?: Span; source?: string } | undefined;

/** A rubric document with `extends` resolved. */
export type ResolvedRubric =
  | { ok: true; value: Record<string, unknown>; locate: MergedLocator; chain: string[] }
  | { ok: false; diagnostics: Diagnostic[]; cycleAt?: string };

const METADATA = [
  '$schema',
  'kinerja',
  'id',
  'version',
  'label',
  'description',
  'effective',
  'legalBasis',
] as const;
const MAX_DEPTH = 16;

// Diagnostics about a mapping key itself, so located at the key.
const KEY_CODES: ReadonlySet<string> = new Set([
  'overrides-without-extends',
  'override-deletes-missing',
  'override-deletes-required',
  'override-misspelt-key',
]);

type Report = (code: DiagnosticCode, pointer: string, extra?: object) => Diagnostic;

/**
 * Refuses the `null`s of `overrides` that cannot be meant: one deleting a key the base does not have deletes
 * nothing (a misspelt id would leave the base's outcome or indicator in force, silently), and one deleting a key
 * every rubric must have would otherwise be reported at the top of the base document, far from the `null` that
 * did it. Both are reported at the `null`'s key in the child's `overrides`.
 */
function checkDeletions(
  deletions: ReadonlyArray<{ path: readonly string[]; existed: boolean; keys: readonly string[] }>,
  merged: Record<string, unknown>,
  at: Report,
): Diagnostic[] {
  if (deletions.length === 0) return [];
  const out: Diagnostic[] = [];
  const deleted = new Set<string>();
  for (const { path, existed, keys } of deletions) {
    const pointer = joinPointer('/overrides', ...path);
    if (existed) {
      deleted.add(joinPointer('', ...path));
      continue;
    }
    const key = path[path.length - 1] as string;
    const nearest = nearestSpelling(key, keys);
    out.push(
      at('override-deletes-missing', pointer, {
        received: key,
        expected: [...keys],
        ...(nearest !== undefined ? { params: { nearest } } : {}),
      }),
    );
  }
  if (deleted.size > 0) {
    for (const e of validateSchema('rubric', merged)) {
      if (e.code !== 'schema-required' || typeof e.expected !== 'string') continue;
      const removed = joinPointer(e.pointer, e.expected);
      if (!deleted.has(removed)) continue;
      out.push(at('override-deletes-required', `/overrides${removed}`, { received: e.expected }));
    }
  }
  return out;
}

function has(root: unknown, tokens: readonly string[]): boolean {
  let cur = root;
  for (const t of tokens) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, t)) return false;
    cur = (cur as Record<string, unknown>)[t];
  }
  return true;
}

/**
 * Parses a rubric and resolves its `extends` chain: the base's document, patched by `overrides` (RFC 7396),
 * with the child's own metadata. Refuses cycles, unknown bases and `overrides` without `extends`.
 */
export function resolveRubric(
  text: string,
  options: { source?: string; resolve?: RubricResolver; limits?: Partial<ParseLimits> } = {},
  chain: readonly string[] = [],
): ResolvedRubric {
  const parsed = parseYaml(text, {
    ...(options.source !== undefined ? { source: options.source } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
  });
  if (!parsed.ok) return { ok: false, diagnostics: parsed.diagnostics };
  const doc = parsed.value;
  const source = options.source;
  const own: MergedLocator = (pointer, what) => {
    const span = parsed.locator.locate(pointer, what);
    return { ...(span ? { span } : {}), ...(source !== undefined ? { source } : {}) };
  };
  const at = (code: Parameters<typeof createDiagnostic>[0]['code'], pointer: string, extra: object = {}) => {
    const span = parsed.locator.locate(pointer, KEY_CODES.has(code) ? 'key' : 'value');
    return createDiagnostic({
      code,
      pointer,
      ...(span ? { span } : {}),
      ...(source !== undefined ? { source } : {}),
      ...extra,
    });
  };
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc) || !Object.hasOwn(doc, 'extends')) {
    if (doc !== null && typeof doc === 'object' && Object.hasOwn(doc, 'overrides')) {
      return { ok: false, diagnostics: [at('overrides-without-extends', '/overrides')] };
    }
    return { ok: true, value: doc as Record<string, unknown>, locate: own, chain: [...chain] };
  }
  const errors = validateSchema('extending-rubric', doc, {
    ...(source !== undefined ? { source } : {}),
    locator: parsed.locator,
  });
  if (errors.length > 0) return { ok: false, diagnostics: sortDiagnostics(errors) };
  const child = doc as Record<string, unknown> & {
    id: string;
    extends: string;
    overrides?: Record<string, unknown>;
  };
  const names = [...chain, child.id];
  // A rubric already in the chain closes a cycle; the rubric that named it reports it, at its own `extends`.
  if (chain.includes(child.id)) return { ok: false, diagnostics: [], cycleAt: child.id };
  if (names.length > MAX_DEPTH) {
    return {
      ok: false,
      diagnostics: [at('extends-cycle', '/extends', { params: { chain: names.join(' → ') } })],
    };
  }
  const found = options.resolve?.(child.extends, source);
  if (!found)
    return { ok: false, diagnostics: [at('extends-not-found', '/extends', { received: child.extends })] };
  const base = resolveRubric(
    found.text,
    {
      source: found.source,
      ...(options.resolve ? { resolve: options.resolve } : {}),
      ...(options.limits ? { limits: options.limits } : {}),
    },
    names,
  );
  if (!base.ok) {
    if (base.cycleAt === undefined) return base;
    return {
      ok: false,
      diagnostics: [
        at('extends-cycle', '/extends', { params: { chain: [...names, base.cycleAt].join(' → ') } }),
      ],
    };
  }
  if (names.includes(base.value.id as string)) {
    return {
      ok: false,
      diagnostics: [
        at('extends-cycle', '/extends', { params: { chain: [...names, String(base.value.id)].join(' → ') } }),
      ],
    };
  }
  const deletions: Array<{ path: readonly string[]; existed: boolean; keys: readonly string[] }> = [];
  const merged = mergePatch(base.value, child.overrides ?? {}, (path, existed, keys) =>
    deletions.push({ path, existed, keys }),
  ) as Record<string, unknown>;
  const refused = [
    ...checkDeletions(deletions, merged, at),
    ...findMisspeltAdditions(base.value, child.overrides ?? {}, merged).map((m) =>
      at('override-misspelt-key', joinPointer('/overrides', ...m.path), {
        received: m.path[m.path.length - 1],
        expected: [...m.inherited],
        params: { nearest: m.nearest, what: m.what, missing: m.missing.join(', ') },
      }),
    ),
  ];
  if (refused.length > 0) return { ok: false, diagnostics: sortDiagnostics(refused) };
  for (const k of METADATA) {
    if (Object.hasOwn(child, k)) merged[k] = child[k];
  }
  const locate: MergedLocator = (pointer, what) => {
    const tokens = splitPointer(pointer);
    const first = tokens[0];
    if (first !== undefined && (METADATA as readonly string[]).includes(first)) return own(pointer, what);
    // The deepest document that wrote this value: the child's overrides if they reach it, else the base.
    for (let n = tokens.length; n > 0; n--) {
      if (has(child.overrides, tokens.slice(0, n))) {
        if (n === tokens.length) return own(`/overrides${pointer}`, what);
        break;
      }
    }
    return base.locate(pointer, what);
  };
  return { ok: true, value: merged, locate, chain: [...base.chain, String(base.value.id)] };
}
