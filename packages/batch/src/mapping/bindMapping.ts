import { createDiagnostic, type Diagnostic } from '@kinerja/core';
import type { Cell, MergedCell, TableRow } from '../records.js';
import { type CellType, type ReadCellOptions, readCell } from './cellValue.js';
import { disagreement, notGathered, partMissing } from './groupDiagnostics.js';
import type { FieldRule, Mapping, RatingPart } from './loadMapping.js';
import { setPath } from './mappingPaths.js';

/** A row turned into an appraisal (or the reasons it could not be). */
export interface MappedRow {
  /** The appraisal, when every mapped cell could be read. */
  appraisal?: Record<string, unknown>;
  /** `cell-invalid`, `nip-mangled` and `cell-merged` errors, naming the column. */
  diagnostics: Diagnostic[];
  /** Warnings about the row that do not stop it: a merged cell in a column the mapping does not read. */
  warnings?: Diagnostic[];
  /** The NIP cell as written (even when mangled), for reports. */
  nip?: string;
  /** Appraisal pointer → the column it was read from, to name columns in later errors. */
  columns: Map<string, string>;
  /**
   * With `groupBy`: the pointer of each target (`/targets/<group>/<i>`) and rating (`/ratings/<i>`) read from a
   * row → that row's `<file>:<row>`, so an error the evaluation finds in it can name its row.
   */
  refs?: Map<string, string>;
}

/** A mapping bound to one file's header: column names resolved to cell positions. */
export interface BoundMapping {
  /**
   * Maps the cells of one row (aligned with the header) as one appraisal. With `groupBy`, only flat JSON records
   * (`missingIsEmpty`) are mapped so; table rows must come gathered, through {@link BoundMapping.applyGroup}.
   */
  apply(cells: readonly (Cell | undefined)[], ref: string, merged?: readonly MergedCell[]): MappedRow;
  /**
   * Maps the rows of one appraisal (a `group` record): `fields` must agree across the rows (an empty cell
   * agrees with anything), each row may add a target per target group and ratings from per-row rules.
   */
  applyGroup(rows: readonly TableRow[]): MappedRow;
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
  const grouped = mapping.groupBy !== undefined;
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
  // Key columns are read by the reader (groupRows); they are checked here so a missing one stops the file.
  for (const column of mapping.groupBy ?? []) find(column, false);

  type PartSlot = { value: string } | { column: string; index: number | undefined };
  const partSlot = (part: RatingPart, optional: boolean): PartSlot =>
    'value' in part ? part : { column: part.column, index: find(part.column, optional) };
  const ratingSlots: Array<Slot & { rater: PartSlot; role: PartSlot; indicator: PartSlot; perRow: boolean }> =
    [];
  for (const r of mapping.ratings) {
    const index = find(r.column, r.optional);
    const rater = partSlot(r.rater, r.optional);
    const role = partSlot(r.role, r.optional);
    const indicator = partSlot(r.indicator, r.optional);
    if (index === undefined) continue;
    ratingSlots.push({
      index,
      column: r.column,
      pointer: '',
      type: r.type,
      options: { decimal },
      rater,
      role,
      indicator,
      // One rater rates one indicator once: a rule that fixes both can only be one rating per appraisal.
      perRow: 'column' in r.rater || 'column' in r.indicator,
    });
  }

  type ItemField =
    | { name: string; value: string | undefined; type: CellType }
    | { name: string; column: string; index: number | undefined; type: CellType };
  // Wide: the target numbers n found in the header, each with its columns. Grouped: one set of columns, read on
  // every row, numbered by position.
  const groups = mapping.targets.map((t) => {
    if (grouped) {
      const fields: ItemField[] = t.fields.map((f) =>
        f.column === undefined
          ? { name: f.name, value: f.value, type: f.type }
          : { name: f.name, column: f.column, index: find(f.column, f.optional), type: f.type },
      );
      return { group: t.group, items: [{ n: 0, fields }] };
    }
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
    const items = sorted.map((n) => ({
      n,
      fields: t.fields.map((f): ItemField => {
        if (f.column === undefined)
          return { name: f.name, value: f.value?.replace(/\{n\}/g, String(n)), type: f.type };
        const column = f.column.replace(/\{n\}/g, String(n));
        if (duplicates.has(column)) find(column, false);
        return { name: f.name, column, index: positions.get(column), type: f.type };
      }),
    }));
    return { group: t.group, items };
  });
  if (diagnostics.length > 0) return { ok: false, diagnostics: dedupe(diagnostics) };

  // The columns a row is read from: a merged cell there would be read as empty, so it stops the row.
  const read = new Set<number>();
  const note = (index: number | undefined) => {
    if (index !== undefined) read.add(index);
  };
  for (const slot of fieldSlots) note(slot.index);
  for (const column of mapping.groupBy ?? []) note(positions.get(column));
  for (const slot of ratingSlots) {
    note(slot.index);
    for (const part of [slot.rater, slot.role, slot.indicator]) if ('index' in part) note(part.index);
  }
  for (const g of groups)
    for (const item of g.items) for (const f of item.fields) if ('index' in f) note(f.index);
  const mergedDiagnostics = (rows: readonly TableRow[], errors: Diagnostic[], warnings: Diagnostic[]) => {
    for (const row of rows)
      for (const m of row.merged ?? []) {
        const isRead = read.has(m.column);
        (isRead ? errors : warnings).push(
          createDiagnostic({
            code: 'cell-merged',
            pointer: '',
            source: row.ref,
            severity: isRead ? 'error' : 'warning',
            params: { cell: m.cell, range: m.range, anchor: m.anchor },
          }),
        );
      }
  };

  const applyGroup = (rows: readonly TableRow[]): MappedRow => {
    const appraisal: Record<string, unknown> = {};
    const errors: Diagnostic[] = [];
    const columns = new Map<string, string>();
    const refs = new Map<string, string>();
    const arrays: unknown[][] = [];
    const warnings: Diagnostic[] = [];
    mergedDiagnostics(rows, errors, warnings);
    let nip: string | undefined;
    const read = (
      cell: Cell,
      slot: { column: string; pointer: string; type: CellType; options: ReadCellOptions },
      ref: string,
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
              params: {
                column: slot.column,
                type: slot.type,
                ...(r.why ? { why: r.why, whyId: r.whyId } : {}),
              },
            }),
      );
      return undefined;
    };
    // The value every row of the appraisal gives in one column: empty cells do not count, two different values
    // are an error on the later row (naming the earlier one).
    const agreed = (
      index: number,
      slot: { column: string; pointer: string; type: CellType; options: ReadCellOptions },
    ): string | number | boolean | undefined => {
      let first: { value: string | number | boolean; ref: string } | undefined;
      for (const row of rows) {
        const cell = row.cells[index];
        if (cell === undefined) continue;
        const value = read(cell, slot, row.ref);
        if (value === undefined) continue;
        if (first === undefined) first = { value, ref: row.ref };
        else if (value !== first.value)
          errors.push(disagreement(slot.column, slot.pointer, row.ref, cell, first.value, first.ref));
      }
      return first?.value;
    };
    const text = (cell: Cell): string => (cell instanceof Date ? cell.toISOString() : String(cell));

    for (const c of mapping.constants) setPath(appraisal, c.steps, c.value, arrays);
    for (const slot of fieldSlots) {
      const firstCell = rows.find((r) => r.cells[slot.index] !== undefined)?.cells[slot.index];
      if (firstCell === undefined) continue;
      if (slot.type === 'nip') nip = text(firstCell);
      columns.set(slot.pointer, slot.column);
      const value = agreed(slot.index, slot);
      if (value !== undefined) setPath(appraisal, slot.rule.steps, value, arrays);
    }
    for (const g of groups) {
      const list: Record<string, unknown>[] = [];
      for (const row of rows) {
        const { cells } = row;
        for (const item of g.items) {
          if (
            item.fields.every(
              (f) => !('column' in f) || f.index === undefined || cells[f.index] === undefined,
            )
          )
            continue;
          const n = grouped ? list.length + 1 : item.n;
          const target: Record<string, unknown> = {};
          const base = `/targets/${g.group}/${list.length}`;
          if (grouped) refs.set(base, row.ref);
          for (const f of item.fields) {
            if (!('column' in f)) {
              if (f.value === undefined) continue;
              const value = grouped ? f.value.replace(/\{n\}/g, String(n)) : f.value;
              target[f.name] = constantValue(value, f.type);
              continue;
            }
            if (f.index === undefined) continue;
            const cell = cells[f.index];
            if (cell === undefined) continue;
            const pointer = `${base}/${f.name}`;
            columns.set(pointer, f.column);
            const value = read(
              cell,
              { column: f.column, pointer, type: f.type, options: { decimal } },
              row.ref,
            );
            if (value !== undefined) target[f.name] = value;
          }
          list.push(target);
        }
      }
      if (list.length > 0) {
        if (appraisal.targets === undefined) appraisal.targets = {};
        (appraisal.targets as Record<string, unknown>)[g.group] = list;
      }
    }
    if (ratingSlots.length > 0) {
      const ratings: unknown[] = [];
      for (const slot of ratingSlots) {
        // A part read from a column: this row's cell for a per-row rating, else the value the rows agree on.
        const partOf = (
          part: PartSlot,
          name: string,
          row: TableRow | undefined,
          at: number,
        ): string | undefined => {
          if ('value' in part) return part.value;
          const pointer = `/ratings/${at}/${name}`;
          columns.set(pointer, part.column);
          if (part.index === undefined) return undefined;
          const value = row
            ? row.cells[part.index]
            : agreed(part.index, { column: part.column, pointer, type: 'string', options: { decimal } });
          if (value !== undefined) return value instanceof Date ? value.toISOString() : String(value);
          errors.push(partMissing(part.column, pointer, (row ?? (rows[0] as TableRow)).ref, slot.column));
          return undefined;
        };
        const push = (value: string | number | boolean, row: TableRow | undefined) => {
          const at = ratings.length;
          const rater = partOf(slot.rater, 'rater', row, at);
          const role = partOf(slot.role, 'role', row, at);
          const indicator = partOf(slot.indicator, 'indicator', row, at);
          columns.set(`/ratings/${at}/value`, slot.column);
          if (row && grouped) refs.set(`/ratings/${at}`, row.ref);
          if (rater !== undefined && role !== undefined && indicator !== undefined)
            ratings.push({ rater, role, indicator, value });
        };
        if (!slot.perRow) {
          const at = ratings.length;
          const value = agreed(slot.index, { ...slot, pointer: `/ratings/${at}/value` });
          if (value !== undefined) push(value, undefined);
          continue;
        }
        for (const row of rows) {
          const cell = row.cells[slot.index];
          if (cell === undefined) continue;
          const value = read(cell, { ...slot, pointer: `/ratings/${ratings.length}/value` }, row.ref);
          if (value !== undefined) push(value, row);
        }
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
      ...(warnings.length > 0 ? { warnings } : {}),
      ...(nip !== undefined ? { nip } : {}),
      columns,
      ...(grouped ? { refs } : {}),
    };
  };
  // A table read without the mapping given to its reader arrives row by row, ungrouped: scoring each row as an
  // appraisal would be wrong without a sign, so each row is refused instead. (Flat JSON records are one each.)
  const ungrouped = grouped && !options.missingIsEmpty;
  return {
    ok: true,
    bound: {
      apply: (cells, ref, merged) =>
        ungrouped
          ? { diagnostics: [notGathered(mapping.source, ref)], columns: new Map() }
          : applyGroup([{ ref, row: 0, cells, ...(merged ? { merged } : {}) }]),
      applyGroup,
    },
  };
}

/** A target field's constant as its type reads it (`loadMapping` has checked that it does). */
function constantValue(value: string, type: CellType): string | number | boolean {
  const r = readCell(value, type, { decimal: '.' });
  return r.ok ? r.value : value;
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
