import { createDiagnostic, type Diagnostic } from '@kinerja/core';
import type { Cell } from '../records.js';
import { type CellType, type ReadCellOptions, readCell } from './cellValue.js';
import type { FieldRule, Mapping } from './loadMapping.js';
import { setPath } from './mappingPaths.js';

/** A row turned into an appraisal (or the reasons it could not be). */
export interface MappedRow {
  /** The appraisal, when every mapped cell could be read. */
  appraisal?: Record<string, unknown>;
  /** `cell-invalid` and `nip-mangled` errors, naming the column. */
  diagnostics: Diagnostic[];
  /** The NIP cell as written (even when mangled), for reports. */
  nip?: string;
  /** Appraisal pointer → the column it was read from, to name columns in later errors. */
  columns: Map<string, string>;
}

/** A mapping bound to one file's header: column names resolved to cell positions. */
export interface BoundMapping {
  /** Maps the cells of one row (aligned with the header). */
  apply(cells: readonly (Cell | undefined)[], ref: string): MappedRow;
}

interface Slot {
  index: number;
  column: string;
  pointer: string;
  type: CellType;
  options: ReadCellOptions;
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Resolves the mapping's columns in a header. Every column a mapping names must exist (unless `optional`), once;
 * target groups are found by their number: `RHK{n} Target` finds RHK1…RHKk, in order. With `missingIsEmpty`
 * (flat JSON objects, whose keys vary by record) a missing column just reads as empty cells.
 */
export function bindMapping(
  mapping: Mapping,
  header: readonly string[],
  options: { file: string; delimiter?: ',' | ';'; missingIsEmpty?: boolean },
): { ok: true; bound: BoundMapping } | { ok: false; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const positions = new Map<string, number>();
  const duplicates = new Set<string>();
  header.forEach((name, i) => {
    if (name === '') return;
    if (positions.has(name)) duplicates.add(name);
    else positions.set(name, i);
  });
  const decimal: ',' | '.' =
    mapping.decimal === 'auto'
      ? (mapping.delimiter ?? options.delimiter) === ';'
        ? ','
        : '.'
      : mapping.decimal;
  const find = (column: string, optional: boolean): number | undefined => {
    if (duplicates.has(column)) {
      diagnostics.push(
        createDiagnostic({ code: 'column-duplicate', pointer: '', source: options.file, received: column }),
      );
      return undefined;
    }
    const at = positions.get(column);
    if (at === undefined && !optional && !options.missingIsEmpty) {
      const near = header.find((h) => norm(h) === norm(column));
      diagnostics.push(
        createDiagnostic({
          code: 'column-missing',
          pointer: '',
          source: options.file,
          expected: column,
          ...(near ? { params: { near: JSON.stringify(near) } } : {}),
        }),
      );
    }
    return at;
  };

  const fieldSlots: Array<Slot & { rule: FieldRule }> = [];
  for (const rule of mapping.fields) {
    const index = find(rule.column, rule.optional);
    if (index === undefined) continue;
    const opts: ReadCellOptions = rule.dateFormat ? { decimal, dateFormat: rule.dateFormat } : { decimal };
    fieldSlots.push({
      index,
      column: rule.column,
      pointer: rule.pointer,
      type: rule.type,
      options: opts,
      rule,
    });
  }

  const ratingSlots: Array<Slot & { rater: string; role: string; indicator: string }> = [];
  for (const r of mapping.ratings) {
    const index = find(r.column, r.optional);
    if (index === undefined) continue;
    ratingSlots.push({ ...r, index, pointer: '', options: { decimal } });
  }

  // Target groups: which numbers n occur in the header for any of the group's column templates.
  const groups = mapping.targets.map((t) => {
    const numbers = new Set<number>();
    for (const f of t.fields) {
      if (f.column === undefined) continue;
      const [before, after] = f.column.split('{n}') as [string, string];
      const re = new RegExp(`^${escapeRe(before)}(\\d{1,3})${escapeRe(after)}$`);
      for (const name of positions.keys()) {
        const m = re.exec(name);
        if (m) numbers.add(Number(m[1]));
      }
    }
    const sorted = [...numbers].sort((a, b) => a - b);
    // Each field's column must occur for at least one target number (RHK1 Utama but no RHK2 Utama is fine:
    // those cells read as empty); a field with no column at all is a mistake in the mapping or the export.
    for (const f of t.fields) {
      if (f.column === undefined || f.optional || options.missingIsEmpty) continue;
      const template = f.column;
      if (!sorted.some((n) => positions.has(template.replace(/\{n\}/g, String(n)))))
        find(template.replace(/\{n\}/g, String(sorted[0] ?? 1)), false);
    }
    const items = sorted.map((n) =>
      t.fields.map((f) => {
        if (f.column === undefined)
          return { name: f.name, value: f.value?.replace(/\{n\}/g, String(n)), type: f.type };
        const column = f.column.replace(/\{n\}/g, String(n));
        if (duplicates.has(column)) find(column, false);
        return { name: f.name, column, index: positions.get(column), type: f.type };
      }),
    );
    return { group: t.group, items };
  });
  if (diagnostics.length > 0) return { ok: false, diagnostics: dedupe(diagnostics) };

  const apply = (cells: readonly (Cell | undefined)[], ref: string): MappedRow => {
    const appraisal: Record<string, unknown> = {};
    const errors: Diagnostic[] = [];
    const columns = new Map<string, string>();
    const arrays: unknown[][] = [];
    let nip: string | undefined;
    const read = (
      cell: Cell,
      slot: { column: string; pointer: string; type: CellType; options: ReadCellOptions },
    ) => {
      const r = readCell(cell, slot.type, slot.options);
      if (r.ok) return r.value;
      const received = cell instanceof Date ? cell.toISOString() : cell;
      errors.push(
        slot.type === 'nip'
          ? createDiagnostic({
              code: 'nip-mangled',
              pointer: slot.pointer,
              source: ref,
              received,
              expected: '18 digits as text',
              params: { column: slot.column },
            })
          : createDiagnostic({
              code: 'cell-invalid',
              pointer: slot.pointer,
              source: ref,
              received,
              expected: slot.type,
              params: { column: slot.column, type: slot.type, ...(r.why ? { why: r.why } : {}) },
            }),
      );
      return undefined;
    };
    for (const c of mapping.constants) setPath(appraisal, c.steps, c.value, arrays);
    for (const slot of fieldSlots) {
      const cell = cells[slot.index];
      if (cell === undefined) continue;
      if (slot.type === 'nip') nip = cell instanceof Date ? cell.toISOString() : String(cell);
      columns.set(slot.pointer, slot.column);
      const value = read(cell, slot);
      if (value !== undefined) setPath(appraisal, slot.rule.steps, value, arrays);
    }
    for (const g of groups) {
      const list: Record<string, unknown>[] = [];
      for (const fields of g.items) {
        if (fields.every((f) => f.index === undefined || cells[f.index] === undefined)) continue;
        const target: Record<string, unknown> = {};
        const base = `/targets/${g.group}/${list.length}`;
        for (const f of fields) {
          if ('value' in f && f.value !== undefined) {
            target[f.name] = f.type === 'number' || f.type === 'integer' ? Number(f.value) : f.value;
            continue;
          }
          if (!('column' in f) || f.index === undefined) continue;
          const cell = cells[f.index];
          if (cell === undefined) continue;
          const pointer = `${base}/${f.name}`;
          columns.set(pointer, f.column as string);
          const value = read(cell, {
            column: f.column as string,
            pointer,
            type: f.type,
            options: { decimal },
          });
          if (value !== undefined) target[f.name] = value;
        }
        list.push(target);
      }
      if (list.length > 0) {
        if (appraisal.targets === undefined) appraisal.targets = {};
        (appraisal.targets as Record<string, unknown>)[g.group] = list;
      }
    }
    if (ratingSlots.length > 0) {
      const ratings: unknown[] = [];
      for (const slot of ratingSlots) {
        const cell = cells[slot.index];
        if (cell === undefined) continue;
        const pointer = `/ratings/${ratings.length}/value`;
        columns.set(pointer, slot.column);
        const value = read(cell, { ...slot, pointer });
        if (value !== undefined)
          ratings.push({ rater: slot.rater, role: slot.role, indicator: slot.indicator, value });
      }
      if (ratings.length > 0) appraisal.ratings = ratings;
    }
    for (const list of arrays) {
      const dense = list.filter(() => true);
      list.length = 0;
      list.push(...dense);
    }
    return {
      ...(errors.length === 0 ? { appraisal } : {}),
      diagnostics: errors,
      ...(nip !== undefined ? { nip } : {}),
      columns,
    };
  };
  return { ok: true, bound: { apply } };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const key = `${d.code}\u0000${JSON.stringify(d.expected ?? d.received)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
