import type { Appraisal } from '@kinerja/core';
import fc from 'fast-check';
import { arbitraryNip } from './arbitraryNip.js';

/** The employee block of an appraisal. */
export type GeneratedEmployee = Appraisal['employee'];

/**
 * An employee whose dates are still relative to the period ("3 years before"), so the employee and the period
 * are generated (and shrunk) independently and placed together afterwards by {@link placeEmployee}.
 */
export interface EmployeeDraft {
  readonly employee: Omit<GeneratedEmployee, 'rankSince' | 'history'>;
  readonly rankSince?: { yearsBefore: number; month: number; day: number };
  readonly history?: ReadonlyArray<{ yearsBefore: number; predicate: string }>;
}

const UNITS = ['Dinas Kesehatan', 'BKPSDM', 'Bappeda', 'Dinas Pendidikan', 'Sekretariat Daerah', 'RSUD'];
const POSITIONS = ['Analis Kepegawaian', 'Perawat', 'Guru', 'Kepala Seksi', 'Pranata Komputer', 'Bendahara'];
const LEVELS = ['Pertama', 'Muda', 'Madya', 'Utama', 'Terampil', 'Mahir', 'Penyelia'];
const RANKS = ['II/a', 'II/b', 'II/c', 'II/d', 'III/a', 'III/b', 'III/c', 'III/d', 'IV/a', 'IV/b', 'IV/c'];
const NAMES = ['Maria Ndun', 'Yohanes Bria', 'Siti Aminah', 'I Made Sudarsana', 'Ratna Sari', 'Agus Salim'];
const pad = (n: number) => String(n).padStart(2, '0');

const TYPES = ['struktural', 'fungsional', 'pelaksana'] as const;

/**
 * An employee: NIP, name now and then, and always unit, position, position type, functional level, rank, rank date
 * and 1–4 past predicates (unique years, each by id or by label, both of which an appraisal may use) — always,
 * because rules read them and a missing one makes a verdict undetermined, not different. Text fields use the
 * words the rubric expects (`vocabulary`, keyed `employee.<field>`) where it names any.
 */
export function arbitraryEmployee(
  predicates: ReadonlyArray<{ id: string; label: { id: string } }>,
  vocabulary: ReadonlyMap<string, readonly string[]> = new Map(),
): fc.Arbitrary<EmployeeDraft> {
  const spelling = fc.constantFrom(...predicates.flatMap((p) => [p.id, p.id, p.label.id]));
  const words = (field: string, fallback: readonly string[]) =>
    fc.constantFrom(...(vocabulary.get(`employee.${field}`) ?? fallback));
  const types = (vocabulary.get('employee.positionType') ?? []).filter((t) =>
    (TYPES as readonly string[]).includes(t),
  );
  return fc.record(
    {
      employee: fc.record(
        {
          nip: arbitraryNip(),
          name: fc.constantFrom(...NAMES),
          unit: words('unit', UNITS),
          position: words('position', POSITIONS),
          // Every type stays possible: a rule on `fungsional` must also meet the others.
          positionType: fc.constantFrom(...TYPES, ...(types as Array<(typeof TYPES)[number]>)),
          functionalLevel: words('functionalLevel', LEVELS),
          rank: words('rank', RANKS),
        },
        { requiredKeys: ['nip', 'unit', 'position', 'positionType', 'functionalLevel', 'rank'] },
      ),
      rankSince: fc.record({
        yearsBefore: fc.integer({ min: 1, max: 15 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 28 }),
      }),
      history: fc.uniqueArray(
        fc.record({ yearsBefore: fc.integer({ min: 1, max: 6 }), predicate: spelling }),
        {
          selector: (h) => h.yearsBefore,
          minLength: 1,
          maxLength: 4,
        },
      ),
    },
    { requiredKeys: ['employee', 'rankSince', 'history'] },
  ) as fc.Arbitrary<EmployeeDraft>;
}

/** Places a drafted employee before a period ending in `periodYear`: rank date and history years become real. */
export function placeEmployee(draft: EmployeeDraft, periodYear: number): GeneratedEmployee {
  const e: GeneratedEmployee = { ...draft.employee };
  if (draft.rankSince) {
    const r = draft.rankSince;
    e.rankSince = `${periodYear - r.yearsBefore}-${pad(r.month)}-${pad(r.day)}`;
  }
  if (draft.history) {
    e.history = draft.history.map((h) => ({ year: periodYear - h.yearsBefore, predicate: h.predicate }));
  }
  return e;
}
