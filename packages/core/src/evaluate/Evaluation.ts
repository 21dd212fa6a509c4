import type { BandTrace } from '../compile/compileBands.js';
import type { MeasureTrace } from '../compile/measures/MeasureRuntime.js';
import type { ConditionTrace } from '../conditions/compileCondition.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Label } from '../schema/common.js';

/** Whether a verdict was reached. */
export type EvaluationStatus = 'complete' | 'pending' | 'invalid';

/** One indicator (or addition, or listed target) as scored. */
export interface IndicatorResult {
  /** The indicator's label. */
  label?: Label;
  /** ok, dropped (left out of the mean), not-applicable (its `appliesWhen` is false), pending (raters missing) or error. */
  status: 'ok' | 'dropped' | 'not-applicable' | 'pending' | 'error';
  /** The score, when it has one. */
  score?: number;
  /** The declared weight. */
  weight?: number;
  /** weight × score ÷ weight total: what it adds to the group score. */
  contribution?: number;
  /** How the measure reached the score, with its raw inputs. */
  measure?: MeasureTrace;
  /** Rating of a listed target (e.g. above/meets/below expectation), when the group rates targets. */
  rating?: string;
  /** For listed targets: the target's id in the appraisal. */
  id?: string;
  /** For listed targets: whether it is a main result (hasil kerja utama). */
  main?: boolean;
}

/** How a group reached its rating. */
export interface RatingTrace {
  /** Where the rating came from. */
  source: 'supervisor' | 'score' | 'rules';
  /** Band placement, when bands decided. */
  band?: BandTrace;
  /** The rule that decided, when rules did. */
  rule?: string;
  /** Traces of the rules tried. */
  rules?: Array<{ id: string; conditions: ConditionTrace }>;
}

/** One group (aspek) as scored and rated. */
export interface GroupResult {
  /** The group's label. */
  label: Label;
  /** The group score, when it has one. */
  score?: number;
  /** How the parts combined. */
  combine: string;
  /** Indicators by id. */
  indicators?: Record<string, IndicatorResult>;
  /** Listed targets, in appraisal order. */
  items?: IndicatorResult[];
  /** Additions (points added after combining) by id. */
  additions?: Record<string, IndicatorResult>;
  /** The rating that counts. */
  rating?: string;
  /** How it was reached. */
  ratingTrace?: RatingTrace;
  /** The rating the evidence suggests, when the supervisor gives the rating. */
  suggestedRating?: string;
  /** How the suggestion was reached. */
  suggestionTrace?: RatingTrace;
}

/** One outcome (tindak lanjut). */
export interface OutcomeResult {
  /** The outcome's label. */
  label: Label;
  /** promotion, award, coaching, credit-points or other. */
  kind: string;
  /** true: it follows; false: it does not; null: undetermined (a fact was missing; see diagnostics). */
  met: boolean | null;
  /** The event, when met. */
  event?: { type: string; params?: Record<string, unknown> };
  /** The computed value (e.g. credit points), when met and the outcome has one. */
  value?: number;
  /** How the value was computed. */
  valueTrace?: MeasureTrace;
  /** The value of every condition; left out with `scoreOnly`, like every other trace. */
  conditions?: ConditionTrace;
}

/** The full result of evaluating one appraisal. */
export interface Evaluation {
  /** The rubric that decided. */
  rubric: { id: string; version: string; fingerprint: string };
  /** Which appraisal. */
  appraisal: { id?: string; nip?: string; period?: { kind: string; start: string; end: string } };
  /** complete, pending (a role is short and the rubric says wait) or invalid (see diagnostics). */
  status: EvaluationStatus;
  /** What a pending verdict waits for. */
  pending?: string[];
  /** The overall score, when the rubric has one. */
  score?: number;
  /** The predikat. */
  predicate?: { id: string; label: Label };
  /** How the predikat was reached. */
  predicateTrace?: { band?: BandTrace; matrix?: { row: string; column: string } };
  /** Groups by id. */
  groups: Record<string, GroupResult>;
  /** Outcomes by id. */
  outcomes: Record<string, OutcomeResult>;
  /** Flags for review and audit, e.g. `rating-departs:hasil-kerja`. */
  flags: string[];
  /** Everything noticed on the way, errors first. */
  diagnostics: Diagnostic[];
}
