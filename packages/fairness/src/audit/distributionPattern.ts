/** Employee predikat as SE MenPAN-RB 3/2023 names them (PermenPAN-RB 6/2022 levels). */
export type EmployeePredicate = 'sangat-baik' | 'baik' | 'butuh-perbaikan' | 'kurang' | 'sangat-kurang';

/** Organisation predikat (PermenPAN-RB 6/2022, p. 92). */
export type OrganisationPredicate = 'istimewa' | 'baik' | 'butuh-perbaikan' | 'kurang' | 'sangat-kurang';

/** The employee predikat, best first. */
export const employeePredicates: readonly EmployeePredicate[] = [
  'sangat-baik',
  'baik',
  'butuh-perbaikan',
  'kurang',
  'sangat-kurang',
];

/** The organisation predikat, best first. */
export const organisationPredicates: readonly OrganisationPredicate[] = [
  'istimewa',
  'baik',
  'butuh-perbaikan',
  'kurang',
  'sangat-kurang',
];

/** One bound of the pattern: the share (percent of the head count) of some employee predikat together. */
export interface PatternBound {
  /** The employee predikat counted together. */
  levels: readonly EmployeePredicate[];
  /** `max`: at most this share; `min`: at least; `at-least-one`: at least one person ("harus ada"). */
  kind: 'max' | 'min' | 'at-least-one';
  /** The share in whole percent (absent for `at-least-one`). */
  percent?: number;
  /** Where it comes from / what the text says. */
  note: string;
}

/**
 * The distribution pattern of SE MenPAN-RB 3/2023 (regulations.md §3.7; the percentages are single-sourced [1]).
 * The sets in each row are disjoint. Ambiguity (a) — whether "sebagian besar" also sets a floor above 50% — is not
 * encoded here (see `majorityFloor` in {@link distributionCurve}); ambiguity (d) — the Baik row's "harus ada"
 * Butuh Perbaikan and/or Kurang — is read as at least one person.
 */
export const distributionPattern: Readonly<Record<OrganisationPredicate, readonly PatternBound[]>> = {
  istimewa: [{ levels: ['sangat-baik'], kind: 'max', percent: 70, note: 'sebagian besar, maksimal 70%' }],
  baik: [
    { levels: ['baik'], kind: 'max', percent: 70, note: 'sebagian besar, maksimal 70%' },
    {
      levels: ['butuh-perbaikan', 'kurang'],
      kind: 'at-least-one',
      note: 'harus ada Butuh Perbaikan dan/atau Kurang',
    },
  ],
  'butuh-perbaikan': [
    { levels: ['sangat-baik'], kind: 'max', percent: 10, note: 'maksimal 10%' },
    { levels: ['butuh-perbaikan'], kind: 'min', percent: 60, note: 'minimal 60%' },
  ],
  kurang: [
    { levels: ['sangat-baik'], kind: 'max', percent: 10, note: 'maksimal 10%' },
    { levels: ['butuh-perbaikan'], kind: 'min', percent: 10, note: 'minimal 10%' },
    { levels: ['kurang'], kind: 'min', percent: 60, note: 'minimal 60%' },
  ],
  'sangat-kurang': [
    { levels: ['sangat-baik'], kind: 'max', percent: 0, note: 'tidak ada (0)' },
    {
      levels: ['butuh-perbaikan', 'kurang'],
      kind: 'min',
      percent: 10,
      note: 'Butuh Perbaikan bersama Kurang minimal 10%',
    },
    { levels: ['sangat-kurang'], kind: 'min', percent: 60, note: 'minimal 60%' },
  ],
};

/** The level that "sebagian besar" (most) refers to in each row. */
export const majorityLevel: Readonly<Record<OrganisationPredicate, EmployeePredicate>> = {
  istimewa: 'sangat-baik',
  baik: 'baik',
  'butuh-perbaikan': 'butuh-perbaikan',
  kurang: 'kurang',
  'sangat-kurang': 'sangat-kurang',
};
