import type { MeasureTrace } from '../compile/measures/MeasureRuntime.js';
import { diagnosticCatalogue } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { joinPointer } from '../diagnostics/pointer.js';
import type { Evaluation, IndicatorResult } from '../evaluate/Evaluation.js';

/** Roles whose raters are colleagues of the employee, whose answers are shown only in aggregate. */
const ANONYMOUS_ROLES: ReadonlySet<string> = new Set(['peer', 'subordinate']);
const ROLES = ['supervisor', 'peer', 'subordinate', 'third-party', 'self'] as const;
/** Codes whose `received` names a rater (when they point into `/ratings`). */
const RATER_CODES: ReadonlySet<string> = new Set([
  'rater-excluded',
  'duplicate-rating',
  'rater-uncalibrated',
]);
const HIDDEN = { id: '(anonim)', en: '(anonymous)' } as const;
const WITHHELD = { id: '(disembunyikan)', en: '(withheld)' } as const;

/** The text shown in place of a role aggregate with too few responses. */
export function fewerThan(k: number): string {
  return `fewer than ${k} responses`;
}

/**
 * The employee's view of an evaluation: a copy in which no rater id appears anywhere, every `raters` measure shows
 * its ratings only aggregated per role, and peer and subordinate aggregates only when at least k raters of the
 * role answered (the measure's `anonymity.k`, 1 when it declares none) — else "fewer than k responses".
 *
 * When a peer or subordinate aggregate is withheld, the other counted roles' aggregates and the divergence
 * figures of that indicator are withheld too: with the score and the others in view, the hidden one would follow
 * by subtraction. Rater ids are scrubbed from diagnostics' `received` and messages as well (the employee's own
 * NIP excepted). The auditor's view is the evaluation itself.
 */
export function redactForEmployee(evaluation: Evaluation): Evaluation {
  const out = JSON.parse(JSON.stringify(evaluation)) as Evaluation;
  const ids = new Set<string>();
  const hiddenDivergence = new Map<string, { indicator: string; threshold: unknown }>();
  const visit = (r: IndicatorResult, id?: string) => {
    if (r.measure && redactTrace(r.measure, ids) && id !== undefined) {
      const div = r.measure.detail?.divergence as { threshold?: unknown } | undefined;
      hiddenDivergence.set(joinPointer('/inputs', id), { indicator: id, threshold: div?.threshold });
    }
  };
  for (const g of Object.values(out.groups)) {
    for (const [id, r] of Object.entries(g.indicators ?? {})) visit(r, id);
    for (const r of g.items ?? []) visit(r);
    for (const [id, r] of Object.entries(g.additions ?? {})) visit(r, id);
  }
  for (const d of out.diagnostics) {
    if (RATER_CODES.has(d.code) && d.pointer.startsWith('/ratings/') && typeof d.received === 'string') {
      ids.add(d.received);
    }
  }
  if (out.appraisal.nip !== undefined) ids.delete(out.appraisal.nip);
  out.diagnostics = out.diagnostics.map((d) => {
    const indicator = hiddenDivergence.get(d.pointer);
    return d.code === 'rater-divergence' && indicator !== undefined
      ? hideFigures(d, indicator)
      : scrub(d, ids);
  });
  return out;
}

/** A divergence warning whose figures would reveal a role with too few responses: the figures go. */
function hideFigures(d: Diagnostic, at: { indicator: string; threshold: unknown }): Diagnostic {
  const { expected: _e, received: _r, ...rest } = d;
  const params = { indicator: at.indicator, threshold: String(at.threshold ?? '—') };
  const en = diagnosticCatalogue['rater-divergence'].render({
    expected: WITHHELD.en,
    received: WITHHELD.en,
    params,
  }).en;
  const id = diagnosticCatalogue['rater-divergence'].render({
    expected: WITHHELD.id,
    received: WITHHELD.id,
    params,
  }).id;
  return { ...rest, message: { id, en } };
}

function scrub(d: Diagnostic, ids: ReadonlySet<string>): Diagnostic {
  if (typeof d.received !== 'string' || !ids.has(d.received)) return d;
  const quoted = JSON.stringify(d.received);
  return {
    ...d,
    received: HIDDEN.en,
    message: {
      id: d.message.id.split(quoted).join(JSON.stringify(HIDDEN.id)),
      en: d.message.en.split(quoted).join(JSON.stringify(HIDDEN.en)),
    },
  };
}

/** Redacts one trace in place; true when figures had to be withheld to protect a small role. */
function redactTrace(t: MeasureTrace, ids: Set<string>): boolean {
  let hid = false;
  for (const p of t.parts ?? []) hid = redactTrace(p, ids) || hid;
  if (t.kind !== 'raters') return hid;
  for (const r of t.raters ?? []) ids.add(r.rater);
  delete t.raters;
  const detail = t.detail ?? {};
  const k = Number((detail.anonymity as { k?: number } | undefined)?.k ?? 1);
  let withheld = false;
  for (const role of ROLES) {
    const entry = detail[role] as Record<string, unknown> | undefined;
    if (!entry || !ANONYMOUS_ROLES.has(role)) continue;
    const count = Number(entry.count ?? 0);
    if (count >= k) continue;
    detail[role] = {
      weight: entry.weight,
      ...(entry.counted === false ? { counted: false } : {}),
      withheld: fewerThan(k),
    };
    // Only a role that weighs in the score gives something away through the others.
    if (Number(entry.weight) > 0 && count > 0 && entry.short === undefined) withheld = true;
  }
  if (!withheld) return hid;
  for (const role of ROLES) {
    const entry = detail[role] as Record<string, unknown> | undefined;
    if (!entry || entry.withheld !== undefined || Number(entry.weight) === 0) continue;
    detail[role] = {
      weight: entry.weight,
      count: entry.count,
      withheld: 'withheld: it would reveal a role with too few responses',
    };
  }
  const div = detail.divergence as Record<string, unknown> | undefined;
  if (div) {
    delete div.supervisor;
    delete div.consensus;
    delete div.difference;
    div.withheld = 'withheld: it would reveal a role with too few responses';
  }
  return true;
}
