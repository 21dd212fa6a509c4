/** Types of generate.mjs (the seeded, SYNTHETIC cohort generator). */

/** One rater's feedback on the 7 BerAKHLAK values (in `Cohort.values` order), and for peers in the Sekretariat the
 * team-contribution label. */
export interface Feedback {
  rater: string;
  role: 'supervisor' | 'peer' | 'subordinate' | 'third-party';
  values: number[];
  team?: string;
}

/** One synthetic employee as an e-Kinerja export might hold them. */
export interface CohortEmployee {
  nip: string;
  name: string;
  unit: string;
  position: string;
  positionType: 'struktural' | 'fungsional' | 'pelaksana';
  functionalLevel?: string;
  rank: string;
  rankSince: string;
  history: Array<{ year: number; predicate: string }>;
  /** Deliberate scenarios: lenient-supervisor, hostile-supervisor, family-peer, family-supervisor, third-party-missing. */
  scenario: string[];
  targets: Array<{ id: string; label: string; main?: boolean; target: number; realisation: number }>;
  /** Inputs of the agency indicators, by indicator id. */
  agency: Record<string, Record<string, number>>;
  feedback: Feedback[];
  conflicts?: Array<{ rater: string; kind: 'family' | 'household' | 'business' | 'other'; note?: string }>;
  /** The supervisor's direct ratings (hasil-kerja, perilaku), as recorded today. */
  supervisorRatings: Record<string, string>;
}

/** A unit of the cohort and the pack that scores it. */
export interface CohortUnit {
  id: string;
  name: string;
  short: string;
  pack: string;
  size: number;
}

/** The whole cohort (cohort.json). */
export interface Cohort {
  synthetic: true;
  note: string;
  seed: number;
  period: { kind: 'annual'; start: string; end: string };
  values: string[];
  units: CohortUnit[];
  employees: CohortEmployee[];
}

/** The fixed seed of the committed cohort.json. */
export const SEED: number;
/** Generates the cohort; the same seed always gives the same cohort. */
export function generateCohort(seed?: number): Cohort;
/** JSON laid out as the repository's formatter lays it out. */
export function formatJson(value: unknown, width?: number): string;
/** The text of cohort.json for a seed. */
export function cohortText(seed?: number): string;
