import { createDiagnostic, type Diagnostic } from '@kinerja/core';
import type { Cell } from '../records.js';

const plain = (cell: Cell | undefined) => (cell instanceof Date ? cell.toISOString() : cell);

/** A per-appraisal column whose value on a later row of the appraisal differs from an earlier row. */
export function disagreement(
  column: string,
  pointer: string,
  ref: string,
  cell: Cell,
  first: string | number | boolean,
  firstRef: string,
): Diagnostic {
  return createDiagnostic({
    code: 'group-disagrees',
    pointer,
    source: ref,
    received: plain(cell),
    expected: first,
    params: { column, first: firstRef },
  });
}

/** A per-row rating whose value is there but whose rater, role or indicator cell is empty. */
export function partMissing(column: string, pointer: string, ref: string, valueColumn: string): Diagnostic {
  return createDiagnostic({
    code: 'cell-missing',
    pointer,
    source: ref,
    params: {
      column,
      needed: `the rating in column "${valueColumn}" needs it`,
      neededId: `rating di kolom "${valueColumn}" memerlukannya`,
    },
  });
}

/** A row whose groupBy cells are empty: it cannot be placed in an appraisal. */
export function keyMissing(column: string, ref: string): Diagnostic {
  return createDiagnostic({ code: 'group-key-missing', pointer: '', source: ref, params: { column } });
}

/** A key whose rows already formed an appraisal earlier in the file: the rows of one appraisal must be together. */
export function keySplit(
  columns: readonly string[],
  key: readonly string[],
  ref: string,
  earlier: { first: string; last: string },
): Diagnostic {
  const one = earlier.first === earlier.last;
  const span = one ? earlier.first : `${earlier.first} to ${earlier.last}`;
  return createDiagnostic({
    code: 'group-split',
    pointer: '',
    source: ref,
    received: key.join(', '),
    expected: `rows together (${span})`,
    params: {
      columns: columns.join(', '),
      earlier: span,
      earlierId: one ? span : `${earlier.first} sampai ${earlier.last}`,
    },
  });
}

/** More rows under one key than an appraisal can have: most likely groupBy names the wrong columns. */
export function groupTooLarge(
  columns: readonly string[],
  key: readonly string[],
  ref: string,
  max: number,
): Diagnostic {
  return createDiagnostic({
    code: 'group-too-large',
    pointer: '',
    source: ref,
    received: key.join(', '),
    expected: `at most ${max} rows`,
    params: { columns: columns.join(', '), max },
  });
}

/** Table rows of a `groupBy` mapping that reached the mapping one by one: the reader was not given the mapping. */
export function notGathered(mappingSource: string, ref: string): Diagnostic {
  return createDiagnostic({
    code: 'mapping-invalid',
    pointer: '/groupBy',
    source: ref,
    params: {
      detail: `${mappingSource} groups rows by appraisal (groupBy), but this row was not gathered with the others; read the file with readRecords(…, { mapping })`,
      detailId: `${mappingSource} mengelompokkan baris per penilaian (groupBy), tetapi baris ini tidak dikumpulkan bersama baris lainnya; baca berkas dengan readRecords(…, { mapping })`,
    },
  });
}
