import { createDiagnostic, type Diagnostic, parseYaml, type SourceLocator } from '@kinerja/core';
import { type CellType, cellTypes, compileDateFormat, type DateFormat, readCell } from './cellValue.js';
import { checkPath, type PathStep, parsePath, pathPointer } from './mappingPaths.js';

/** One column read into one appraisal path. */
export interface FieldRule {
  /** The path as written in the mapping, e.g. `employee.unit`. */
  path: string;
  steps: PathStep[];
  /** Pointer into the appraisal. */
  pointer: string;
  /** The portal's column name. */
  column: string;
  type: CellType;
  dateFormat?: DateFormat;
  /** A missing column is then not an error (its cells count as empty). */
  optional: boolean;
}

/**
 * One field of a target group: a column per target number `{n}` (or, with `groupBy`, one column read on every
 * row), or a constant (`value: t{n}`).
 */
export interface TargetField {
  name: string;
  /** Column name, prefix included: a template with `{n}`, or with `groupBy` a plain column name. */
  column?: string;
  /** Constant template with `{n}`: the target number, or with `groupBy` the target's position in its appraisal. */
  value?: string;
  type: CellType;
  optional: boolean;
}

/**
 * A group's targets: repeated column groups on one row (`RHK1 Target`, `RHK1 Realisasi`, `RHK2 Target`, …), or
 * with `groupBy` one target per row.
 */
export interface TargetRule {
  group: string;
  fields: TargetField[];
}

/** Where a rating's rater, role or indicator comes from: a text fixed by the mapping, or a column of each row. */
export type RatingPart = { value: string } | { column: string };

/**
 * A rating read from one column. When its rater and indicator are fixed it is one rating per appraisal; when
 * either comes from a column, every row that has a value gives a rating (one row per rating).
 */
export interface RatingRule {
  column: string;
  rater: RatingPart;
  role: RatingPart;
  indicator: RatingPart;
  type: CellType;
  optional: boolean;
}

/** A validated mapping from a portal's export columns to the appraisal format v1. */
export interface Mapping {
  /** The mapping file, for diagnostics. */
  source: string;
  /** CSV delimiter, when the mapping fixes it. */
  delimiter?: ',' | ';';
  /** Decimal separator of numeric columns; `auto` = `,` for `;`-delimited CSV, else `.`. */
  decimal: ',' | '.' | 'auto';
  /**
   * Columns whose values together identify one appraisal, when an export has one row per target or rating. The
   * rows of one appraisal must follow each other; `fields` must agree across them, `targets` are read per row.
   */
  groupBy?: string[];
  /** XLSX: the worksheet to read, by name or 1-based position in the workbook; the first when absent. */
  sheet?: string | number;
  fields: FieldRule[];
  constants: Array<{ path: string; steps: PathStep[]; value: string | number | boolean }>;
  targets: TargetRule[];
  ratings: RatingRule[];
}

const TOP_KEYS = [
  'version',
  'delimiter',
  'decimal',
  'dateFormat',
  'sheet',
  'groupBy',
  'fields',
  'constants',
  'targets',
  'ratings',
];
const FIELD_KEYS = ['column', 'type', 'format', 'optional'];
const TARGET_KEYS = ['prefix', 'fields'];
const TARGET_FIELD_KEYS = ['column', 'type', 'optional', 'value'];
const RATING_KEYS = ['column', 'rater', 'role', 'indicator', 'type', 'optional'];
const ID = /^(?!(?:constructor|prototype)$)[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/;
const INPUT_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** A phrase of a detail in both languages. */
interface Words {
  en: string;
  id: string;
}
// The key `column`, named as written in both languages.
const COLUMN: Words = { en: 'column', id: 'column' };
// What a constant of each type must be, as an Indonesian detail says it (`string` and `auto` take any constant).
const KIND_ID: Readonly<Record<CellType, string>> = {
  nip: 'NIP 18 digit yang ditulis sebagai teks',
  string: 'teks',
  number: 'angka',
  integer: 'bilangan bulat',
  boolean: 'nilai benar/salah',
  date: 'tanggal',
  auto: 'teks atau angka',
};
// A date format's rule, for the mapping-wide `dateFormat` and a column's `format`.
const formatRule = (key: string): [string, string] => [
  `${key} must use dd (or d), MM (or M) and yyyy once each, e.g. dd/MM/yyyy`,
  `${key} harus memakai dd (atau d), MM (atau M), dan yyyy masing-masing satu kali, mis. dd/MM/yyyy`,
];

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const esc = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Parses and validates a mapping file (YAML, read with core's strict `parseYaml`). Every problem is a
 * `mapping-invalid` diagnostic at its line:column in the mapping; the mapping is usable only when there are none.
 */
export function loadMapping(
  text: string,
  source: string,
): { ok: true; mapping: Mapping; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] } {
  const parsed = parseYaml(text, { source });
  if (!parsed.ok) return { ok: false, diagnostics: parsed.diagnostics };
  const diagnostics: Diagnostic[] = [];
  const mapping = compile(parsed.value, parsed.locator, source, diagnostics);
  diagnostics.sort(
    (a, b) =>
      (a.span?.start.line ?? 0) - (b.span?.start.line ?? 0) ||
      (a.span?.start.column ?? 0) - (b.span?.start.column ?? 0),
  );
  return diagnostics.length === 0 && mapping
    ? { ok: true, mapping, diagnostics }
    : { ok: false, diagnostics };
}

function compile(
  doc: unknown,
  locator: SourceLocator,
  source: string,
  diagnostics: Diagnostic[],
): Mapping | undefined {
  // Each detail in both languages (`detail` English, `detailId` Indonesian): an officer reading Bahasa Indonesia
  // gets no English clause in the middle of the message.
  const fail = (pointer: string, detail: string, detailId: string, what: 'key' | 'value' = 'value') => {
    const span = locator.locate(pointer, what);
    diagnostics.push(
      createDiagnostic({
        code: 'mapping-invalid',
        pointer,
        source,
        ...(span ? { span } : {}),
        params: { detail, detailId },
      }),
    );
  };
  const known = (obj: Record<string, unknown>, keys: readonly string[], at: string) => {
    for (const k of Object.keys(obj))
      if (!keys.includes(k))
        fail(
          `${at}/${esc(k)}`,
          `unknown key "${k}"; expected one of ${keys.join(', ')}`,
          `kunci "${k}" tidak dikenal; yang ada: ${keys.join(', ')}`,
          'key',
        );
  };
  const text = (v: unknown, at: string, what: Words): string | undefined => {
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
    fail(at, `${what.en} must be a non-empty text`, `${what.id} harus berupa teks yang tidak kosong`);
    return undefined;
  };
  const typeOf = (v: unknown, at: string, fallback: CellType): CellType => {
    if (v === undefined) return fallback;
    if (typeof v === 'string' && (cellTypes as readonly string[]).includes(v)) return v as CellType;
    fail(
      at,
      `type must be one of ${cellTypes.join(', ')}`,
      `type harus salah satu dari ${cellTypes.join(', ')}`,
    );
    return fallback;
  };
  const bool = (v: unknown, at: string): boolean => {
    if (v === undefined) return false;
    if (typeof v === 'boolean') return v;
    fail(at, 'optional must be true or false', 'optional harus true atau false');
    return false;
  };

  const constant = (
    value: string | number | boolean,
    type: CellType,
    at: string,
  ): string | number | boolean | undefined => {
    const r = readCell(value, type, dateFormat ? { decimal: '.', dateFormat } : { decimal: '.' });
    if (r.ok) return r.value;
    const kind =
      type === 'nip' ? 'an 18-digit NIP written as text' : `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
    // A column's hint about decimal commas would mislead here: the mapping writes YAML numbers.
    const digits = r.why?.startsWith('write decimals') === true;
    const why = digits ? 'write it in digits, e.g. 100 or 86.22' : r.why;
    const whyId = digits ? 'tulis dengan angka, mis. 100 atau 86.22' : r.whyId;
    const shown = JSON.stringify(value);
    fail(
      at,
      `${shown} is not ${kind}, the type of this field${why ? ` (${why})` : ''}`,
      `isian ini harus berisi ${KIND_ID[type]}, bukan ${shown}${whyId ? ` (${whyId})` : ''}`,
    );
    return undefined;
  };

  if (!isObject(doc)) {
    fail(
      '',
      'the mapping must be a YAML mapping with `fields`, `targets`, `ratings` and `constants`',
      'pemetaan harus berupa mapping YAML yang berisi `fields`, `targets`, `ratings`, dan `constants`',
    );
    return undefined;
  }
  known(doc, TOP_KEYS, '');
  if (doc.version !== undefined && doc.version !== 1)
    fail('/version', 'version must be 1', 'version harus 1');
  const mapping: Mapping = { source, decimal: 'auto', fields: [], constants: [], targets: [], ratings: [] };
  if (doc.delimiter !== undefined) {
    if (doc.delimiter === ',' || doc.delimiter === ';') mapping.delimiter = doc.delimiter;
    else fail('/delimiter', 'delimiter must be "," or ";"', 'delimiter harus "," atau ";"');
  }
  if (doc.decimal !== undefined) {
    if (doc.decimal === ',' || doc.decimal === '.' || doc.decimal === 'auto') mapping.decimal = doc.decimal;
    else fail('/decimal', 'decimal must be ",", "." or auto', 'decimal harus ",", ".", atau auto');
  }
  if (doc.sheet !== undefined) {
    if (typeof doc.sheet === 'string' && doc.sheet.trim() !== '') mapping.sheet = doc.sheet.trim();
    else if (typeof doc.sheet === 'number' && Number.isInteger(doc.sheet) && doc.sheet >= 1)
      mapping.sheet = doc.sheet;
    else
      fail(
        '/sheet',
        'sheet must be a worksheet name or its position (1 = the first sheet)',
        'sheet harus berupa nama lembar kerja atau urutannya (1 = lembar pertama)',
      );
  }
  if (doc.groupBy !== undefined) {
    const list = typeof doc.groupBy === 'string' ? [doc.groupBy] : doc.groupBy;
    if (!Array.isArray(list) || list.length === 0)
      fail(
        '/groupBy',
        'groupBy must be a column name or a list of column names, e.g. [NIP, Periode]',
        'groupBy harus berupa nama kolom atau daftar nama kolom, mis. [NIP, Periode]',
      );
    else {
      const columns: string[] = [];
      list.forEach((c, i) => {
        const at = Array.isArray(doc.groupBy) ? `/groupBy/${i}` : '/groupBy';
        const column = text(c, at, { en: 'a groupBy column', id: 'kolom groupBy' });
        if (column === undefined) return;
        if (columns.includes(column))
          fail(at, `column "${column}" is named twice`, `kolom "${column}" disebut dua kali`);
        else columns.push(column);
      });
      mapping.groupBy = columns;
    }
  }
  const grouped = doc.groupBy !== undefined;
  let dateFormat: DateFormat | undefined;
  if (doc.dateFormat !== undefined) {
    dateFormat = typeof doc.dateFormat === 'string' ? compileDateFormat(doc.dateFormat) : undefined;
    if (!dateFormat) fail('/dateFormat', ...formatRule('dateFormat'));
  }
  const seen = new Map<string, string>();
  const claim = (pointer: string, at: string) => {
    const before = seen.get(pointer);
    if (before !== undefined)
      fail(
        at,
        `this sets the same appraisal field as ${before}`,
        `ini mengisi data penilaian yang sama dengan ${before}`,
        'key',
      );
    else seen.set(pointer, at);
  };
  const pathAt = (path: string, at: string) => {
    const steps = parsePath(path === 'nip' ? 'employee.nip' : path);
    if (!steps) {
      fail(
        at,
        `"${path}" is not a path like employee.unit or employee.history[0].year`,
        `"${path}" bukan path seperti employee.unit atau employee.history[0].year`,
        'key',
      );
      return undefined;
    }
    const checked = checkPath(steps);
    if ('error' in checked) {
      fail(at, `"${path}": ${checked.error}`, `"${path}": ${checked.errorId}`, 'key');
      return undefined;
    }
    return { steps, type: checked.type };
  };

  if (doc.fields !== undefined) {
    if (!isObject(doc.fields))
      fail(
        '/fields',
        'fields must map appraisal paths to column names',
        'fields harus memetakan path data penilaian ke nama kolom',
      );
    else
      for (const [path, spec] of Object.entries(doc.fields)) {
        const at = `/fields/${esc(path)}`;
        const target = pathAt(path, at);
        let column: string | undefined;
        let type: CellType | undefined = target?.type;
        let format = dateFormat;
        let optional = false;
        if (typeof spec === 'string') column = text(spec, at, { en: 'a column name', id: 'nama kolom' });
        else if (isObject(spec)) {
          known(spec, FIELD_KEYS, at);
          column = text(spec.column, `${at}/column`, COLUMN);
          if (target && target.type !== 'nip') type = typeOf(spec.type, `${at}/type`, target.type);
          else if (spec.type !== undefined && spec.type !== 'string')
            fail(
              `${at}/type`,
              'employee.nip is always read as 18 digits of text',
              'employee.nip selalu dibaca sebagai 18 digit teks',
            );
          optional = bool(spec.optional, `${at}/optional`);
          if (spec.format !== undefined) {
            format = typeof spec.format === 'string' ? compileDateFormat(spec.format) : undefined;
            if (!format) fail(`${at}/format`, ...formatRule('format'));
            else if (type !== 'date')
              fail(
                `${at}/format`,
                'format applies only to date columns',
                'format hanya berlaku untuk kolom tanggal',
              );
          }
        } else
          fail(
            at,
            'give a column name, or { column, type, format, optional }',
            'tulis nama kolom, atau { column, type, format, optional }',
          );
        if (!target || column === undefined || type === undefined) continue;
        const pointer = pathPointer(target.steps);
        claim(pointer, at);
        mapping.fields.push({
          path,
          steps: target.steps,
          pointer,
          column,
          type,
          optional,
          ...(type === 'date' && format ? { dateFormat: format } : {}),
        });
      }
  }

  if (doc.constants !== undefined) {
    if (!isObject(doc.constants))
      fail(
        '/constants',
        'constants must map appraisal paths to values',
        'constants harus memetakan path data penilaian ke nilai',
      );
    else
      for (const [path, value] of Object.entries(doc.constants)) {
        const at = `/constants/${esc(path)}`;
        const target = pathAt(path, at);
        if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
          fail(
            at,
            'a constant is a text, a number or true/false',
            'konstanta berupa teks, angka, atau true/false',
          );
          continue;
        }
        if (!target) continue;
        // Checked here, where the mapping can point at it, not once per row as a value that cannot be used.
        const typed = constant(value, target.type, at);
        if (typed === undefined) continue;
        claim(pathPointer(target.steps), at);
        mapping.constants.push({ path, steps: target.steps, value: typed });
      }
  }

  // Wide exports repeat a column group per target on one row ({n} = its number); with groupBy each row holds at
  // most one target of a group, so a number in the column name would be a mistake.
  const checkTemplate = (column: string, at: string) => {
    if (grouped && column.includes('{n}'))
      fail(
        at,
        'with groupBy each row holds one target: name its column without {n}',
        'dengan groupBy tiap baris memuat satu target: tulis nama kolomnya tanpa {n}',
      );
    else if (!grouped && !column.includes('{n}'))
      fail(
        at,
        'the column (with the prefix) must contain {n}, the target number (or use groupBy: one row per target)',
        'nama kolom (beserta prefix) harus memuat {n}, yaitu nomor target (atau pakai groupBy: satu baris per target)',
      );
  };
  if (doc.targets !== undefined) {
    if (!isObject(doc.targets))
      fail(
        '/targets',
        'targets must map group ids to { prefix, fields }',
        'targets harus memetakan id kelompok ke { prefix, fields }',
      );
    else
      for (const [group, spec] of Object.entries(doc.targets)) {
        const at = `/targets/${esc(group)}`;
        if (!ID.test(group))
          fail(at, `"${group}" is not a group id`, `"${group}" bukan id kelompok yang sah`, 'key');
        if (!isObject(spec)) {
          fail(
            at,
            'give { prefix: "RHK{n} ", fields: { target: Target, realisation: Realisasi } }',
            'tulis { prefix: "RHK{n} ", fields: { target: Target, realisation: Realisasi } }',
          );
          continue;
        }
        known(spec, TARGET_KEYS, at);
        let prefix = '';
        if (spec.prefix !== undefined) {
          if (typeof spec.prefix === 'string') prefix = spec.prefix;
          else
            fail(
              `${at}/prefix`,
              'prefix must be a text such as "RHK{n} "',
              'prefix harus berupa teks, mis. "RHK{n} "',
            );
        }
        if (!isObject(spec.fields)) {
          fail(
            `${at}/fields`,
            'fields must map target fields (id, label, main, target, realisation, …) to columns',
            'fields harus memetakan isian target (id, label, main, target, realisation, …) ke kolom',
          );
          continue;
        }
        const fields: TargetField[] = [];
        for (const [name, f] of Object.entries(spec.fields)) {
          const fat = `${at}/fields/${esc(name)}`;
          if (!INPUT_NAME.test(name)) {
            fail(
              fat,
              `"${name}" is not a target field name (letters, digits, _)`,
              `"${name}" bukan nama isian target yang sah (huruf, angka, _)`,
              'key',
            );
            continue;
          }
          const fallback: CellType =
            name === 'id' || name === 'label' ? 'string' : name === 'main' ? 'boolean' : 'number';
          if (typeof f === 'string') {
            const column = `${prefix}${f.trim()}`;
            checkTemplate(column, fat);
            fields.push({ name, column, type: fallback, optional: false });
          } else if (isObject(f)) {
            known(f, TARGET_FIELD_KEYS, fat);
            const type = typeOf(f.type, `${fat}/type`, fallback);
            if (f.value !== undefined) {
              if (typeof f.value !== 'string' && typeof f.value !== 'number')
                fail(
                  `${fat}/value`,
                  'value must be a text or a number',
                  'value harus berupa teks atau angka',
                );
              else if (constant(String(f.value).replace(/\{n\}/g, '1'), type, `${fat}/value`) !== undefined)
                fields.push({ name, value: String(f.value), type, optional: false });
            } else {
              const c = text(f.column, `${fat}/column`, COLUMN);
              if (c === undefined) continue;
              const column = `${prefix}${c}`;
              checkTemplate(column, fat);
              fields.push({ name, column, type, optional: bool(f.optional, `${fat}/optional`) });
            }
          } else
            fail(
              fat,
              'give a column name, or { column, type, optional } or { value }',
              'tulis nama kolom, atau { column, type, optional }, atau { value }',
            );
        }
        if (!fields.some((f) => f.name === 'id'))
          fields.unshift({ name: 'id', value: 't{n}', type: 'string', optional: false });
        if (!fields.some((f) => f.column !== undefined))
          fail(
            `${at}/fields`,
            'at least one target field must come from a column',
            'minimal satu isian target harus dibaca dari kolom',
          );
        claim(`/targets/${esc(group)}`, at);
        mapping.targets.push({ group, fields });
      }
  }

  if (doc.ratings !== undefined) {
    if (!Array.isArray(doc.ratings))
      fail(
        '/ratings',
        'ratings must be a list of { column, rater, role, indicator }',
        'ratings harus berupa daftar { column, rater, role, indicator }',
      );
    else
      doc.ratings.forEach((r, i) => {
        const at = `/ratings/${i}`;
        if (!isObject(r)) {
          fail(at, 'give { column, rater, role, indicator }', 'tulis { column, rater, role, indicator }');
          return;
        }
        known(r, RATING_KEYS, at);
        const column = text(r.column, `${at}/column`, COLUMN);
        const part = (v: unknown, name: string): RatingPart | undefined => {
          const pat = `${at}/${name}`;
          if (isObject(v)) {
            known(v, ['column'], pat);
            const c = text(v.column, `${pat}/column`, COLUMN);
            return c === undefined ? undefined : { column: c };
          }
          const t = text(v, pat, {
            en: `${name} (a text, or { column: … } to read it from each row)`,
            id: `${name} (teks, atau { column: … } untuk membacanya dari tiap baris)`,
          });
          return t === undefined ? undefined : { value: t };
        };
        const rater = part(r.rater, 'rater');
        const role = part(r.role, 'role');
        const indicator = part(r.indicator, 'indicator');
        if (indicator && 'value' in indicator && !ID.test(indicator.value))
          fail(
            `${at}/indicator`,
            `"${indicator.value}" is not an indicator id`,
            `"${indicator.value}" bukan id indikator yang sah`,
          );
        const type = typeOf(r.type, `${at}/type`, 'auto');
        if (column && rater && role && indicator)
          mapping.ratings.push({
            column,
            rater,
            role,
            indicator,
            type,
            optional: bool(r.optional, `${at}/optional`),
          });
      });
  }
  if (
    mapping.fields.length + mapping.targets.length + mapping.ratings.length === 0 &&
    diagnostics.length === 0
  )
    fail(
      '',
      'the mapping reads no column: add fields, targets or ratings',
      'pemetaan tidak membaca satu kolom pun: tambahkan fields, targets, atau ratings',
    );
  return mapping;
}
