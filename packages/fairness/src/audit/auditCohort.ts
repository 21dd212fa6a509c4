import type { Cohort } from './Cohort.js';
import { type CentralTendencyAudit, centralTendency } from './centralTendency.js';
import { type CurveAudit, type CurveOptions, distributionCurve } from './distributionCurve.js';
import type { OrganisationPredicate } from './distributionPattern.js';
import { extractRatings } from './extractRatings.js';
import { type DisparityAudit, type DisparityOptions, groupDisparity } from './groupDisparity.js';
import { type HaloAudit, halo } from './halo.js';
import { type AgreementAudit, interRaterAgreement } from './interRaterAgreement.js';
import { type LeniencyAudit, type RaterAuditOptions, raterLeniency } from './raterLeniency.js';
import {
  type DivergenceAudit,
  type DivergenceOptions,
  supervisorDivergence,
} from './supervisorDivergence.js';

/** Options of {@link auditCohort}. */
export interface AuditOptions extends RaterAuditOptions {
  /** Attributes for the disparity audit (none: the audit is skipped). */
  by?: readonly string[];
  /** The rest of the disparity options. */
  disparity?: Omit<DisparityOptions, 'by'>;
  /** The organisation's predikat (none: the distribution-curve audit is skipped). */
  organisation?: OrganisationPredicate;
  /** The rest of the curve options. */
  curve?: Omit<CurveOptions, 'organisation'>;
  /** Supervisor divergence options beyond the shared ones. */
  divergence?: Pick<DivergenceOptions, 'consensusRoles' | 'baseline'>;
  /** Rating values audited: `raw` (default) or `counted`. */
  value?: 'raw' | 'counted';
  /** Seed of the bootstrap (default 1). */
  seed?: number;
}

/** One thing an auditor should look at. */
export interface Finding {
  /** Which audit found it. */
  audit: 'leniency' | 'central-tendency' | 'halo' | 'agreement' | 'divergence' | 'disparity' | 'curve';
  /** Who or what: a rater id, `attribute=value → outcome`, an indicator, a curve group. */
  subject: string;
  /** The flag. */
  flag: string;
  /** The key number (estimate, ratio, alpha, people to move). */
  value: number;
  /**
   * Codes of the cautions on it (leniency and divergence: `small-sample`), present only when there is one; the
   * caution itself, with its message, is on the audit's row (`leniency.raters[].warnings`,
   * `divergence.supervisors[].warnings`).
   */
  warnings?: string[];
}

/** Everything the audits found about one cohort. */
export interface AuditReport {
  /** What was audited. */
  cohort: {
    /** Appraisals. */
    appraisals: number;
    /** Evaluations by status. */
    status: Record<string, number>;
    /** Ratings traced. */
    ratings: number;
    /** Distinct raters. */
    raters: number;
    /** The rubric, when given: its fingerprint tells this version's text from an edited copy of the same id. */
    rubric?: { id: string; version: string; fingerprint: string };
    /** Where the appraisals were read from, when the cohort says ({@link Cohort.inputs}). */
    inputs?: string[];
    /** The seed of the bootstrap: the same cohort, rubric, options and seed give the same report, byte for byte. */
    seed: number;
  };
  /** Rater leniency/severity. */
  leniency: LeniencyAudit;
  /** Central tendency. */
  centralTendency: CentralTendencyAudit;
  /** Halo. */
  halo: HaloAudit;
  /** Inter-rater agreement (Krippendorff's alpha). */
  agreement: AgreementAudit;
  /** Supervisor versus peers. */
  divergence: DivergenceAudit;
  /** Group disparity, when attributes were given. */
  disparity?: DisparityAudit;
  /** The SE 3/2023 curve, when the organisation's predikat was given. */
  curve?: CurveAudit;
  /** Every flag, in audit order. */
  findings: Finding[];
}

/**
 * Runs every audit on a scored cohort: rater leniency, central tendency, halo, inter-rater agreement, supervisor
 * divergence, and — when asked — group disparity (`by`) and the distribution curve (`organisation`). Pure and
 * deterministic (the bootstrap is seeded).
 */
export function auditCohort(cohort: Cohort, options: AuditOptions = {}): AuditReport {
  const ratings = extractRatings(cohort, { value: options.value ?? 'raw' });
  const shared: RaterAuditOptions = {
    ...(options.level !== undefined ? { level: options.level } : {}),
    ...(options.margin !== undefined ? { margin: options.margin } : {}),
    // alpha was dropped here before, so a caller's alpha silently became 0.05.
    ...(options.alpha !== undefined ? { alpha: options.alpha } : {}),
    ...(options.power !== undefined ? { power: options.power } : {}),
    ...(options.excludeRoles !== undefined ? { excludeRoles: options.excludeRoles } : {}),
  };
  const leniency = raterLeniency(ratings, shared);
  const seed = options.seed ?? 1;
  const central = centralTendency(ratings, { ...shared, seed });
  const haloAudit = halo(ratings, shared);
  const agreement = interRaterAgreement(ratings, shared);
  const divergence = supervisorDivergence(ratings, { ...shared, ...options.divergence });
  const disparity =
    options.by && options.by.length > 0
      ? groupDisparity(cohort, { ...options.disparity, by: options.by })
      : undefined;
  const curve = options.organisation
    ? distributionCurve(cohort, { ...options.curve, organisation: options.organisation })
    : undefined;
  const findings: Finding[] = [];
  for (const r of leniency.raters)
    if (r.flag && r.interval)
      findings.push({
        audit: 'leniency',
        subject: r.rater,
        flag: r.flag,
        value: r.interval.estimate,
        ...(r.warnings ? { warnings: r.warnings.map((x) => x.code) } : {}),
      });
  for (const r of central.raters)
    if (r.flag && r.interval)
      findings.push({
        audit: 'central-tendency',
        subject: r.rater,
        flag: r.flag,
        value: r.interval.estimate,
      });
  for (const r of haloAudit.raters)
    if (r.flag && r.interval)
      findings.push({ audit: 'halo', subject: r.rater, flag: r.flag, value: r.interval.estimate });
  for (const i of agreement.indicators) {
    const a = i.alpha.interval?.alpha;
    // alpha is only computed from ≥ 2 units (krippendorffAlpha): one person's ratings say nothing of reliability.
    if (a !== undefined && a < 0.667)
      findings.push({ audit: 'agreement', subject: i.indicator, flag: 'unreliable', value: a });
  }
  for (const s of divergence.supervisors)
    if (s.flag && s.interval)
      findings.push({
        audit: 'divergence',
        subject: s.supervisor,
        flag: s.flag,
        value: s.interval.estimate,
        ...(s.warnings ? { warnings: s.warnings.map((x) => x.code) } : {}),
      });
  // A group too small to conclude from gets a warning, not a verdict: the report lists it as inconclusive.
  for (const d of disparity?.results ?? [])
    for (const g of d.groups)
      if (g.flagged && !g.smallSample)
        findings.push({
          audit: 'disparity',
          subject: `${d.attribute}=${g.value} → ${d.outcome}`,
          flag: 'adverse-impact',
          value: g.ratio,
        });
  // A curve of nobody (every predikat unmapped or missing) is not checked, so it is no finding either way.
  for (const c of curve?.curves ?? [])
    if (c.n > 0 && !c.fits)
      findings.push({
        audit: 'curve',
        subject: c.group,
        flag: c.feasible ? 'off-pattern' : 'infeasible',
        value: c.peopleToMove,
      });
  const status: Record<string, number> = {};
  for (const e of cohort.evaluations) status[e.status] = (status[e.status] ?? 0) + 1;
  return {
    cohort: {
      appraisals: cohort.appraisals.length,
      status,
      ratings: ratings.length,
      raters: new Set(ratings.map((r) => r.rater)).size,
      ...(cohort.rubric
        ? {
            rubric: {
              id: cohort.rubric.id,
              version: cohort.rubric.version,
              fingerprint: cohort.rubric.fingerprint,
            },
          }
        : {}),
      ...(cohort.inputs ? { inputs: [...cohort.inputs] } : {}),
      seed,
    },
    leniency,
    centralTendency: central,
    halo: haloAudit,
    agreement,
    divergence,
    ...(disparity ? { disparity } : {}),
    ...(curve ? { curve } : {}),
    findings,
  };
}
