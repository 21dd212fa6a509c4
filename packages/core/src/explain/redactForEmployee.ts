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
/** Where an appraisal names a rater: a rating's or a conflict's `rater` (a schema error there shows the id). */
const RATER_AT = /^\/(?:ratings|conflicts)\/\d+\/rater$/;
/** `raterStats` is keyed by rater id, so the id is in the pointer itself. */
const STATS_AT = /^\/raterStats\/([^/]+)/;
const unescapeToken = (t: string) => t.replace(/~1/g, '/').replace(/~0/g, '~');
// The threshold as the catalogue's English message states it: the one figure of a divergence warning that says
// nothing about any rater, kept when the others are withheld from an evaluation that carries no trace.
const DIVERGENCE_THRESHOLD = /by more than (.+); it needs review\.$/;
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
 * by subtraction. Rater ids are scrubbed from diagnostics' `received`, messages and `raterStats` pointers as well
 * (the employee's own NIP excepted), also in an invalid evaluation, where only its schema errors name them. An
 * evaluation without traces (`scoreOnly`) shows no counts to check k against, so its divergence figures are always
 * withheld. The auditor's view is the evaluation itself.
 */
export function redactForEmployee(evaluation: Evaluation): Evaluation {
  const out = JSON.parse(JSON.stringify(evaluation)) as Evaluation;
  const ids = new Set<string>();
  const hiddenDivergence = new Map<string, { indicator: string; threshold: unknown }>();
  // Indicators whose trace was seen: for the others (a `scoreOnly` evaluation) the anonymity threshold cannot be
  // checked, so their divergence figures are withheld whatever the counts were.
  const traced = new Set<string>();
  const visit = (r: IndicatorResult, id?: string) => {
    if (r.measure && id !== undefined) traced.add(joinPointer('/inputs', id));
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
    // An invalid appraisal has no traces to list its raters; its diagnostics still name them where they stand.
    if (RATER_AT.test(d.pointer) && typeof d.received === 'string') ids.add(d.received);
    const stats = STATS_AT.exec(d.pointer);
    if (stats) ids.add(unescapeToken(stats[1] as string));
  }
  if (out.appraisal.nip !== undefined) ids.delete(out.appraisal.nip);
  out.diagnostics = out.diagnostics.map((d) => {
    if (d.code === 'rater-divergence') {
      const indicator = hiddenDivergence.get(d.pointer);
      if (indicator !== undefined) return hideFigures(d, indicator);
      if (!traced.has(d.pointer)) {
        const id = d.pointer.slice('/inputs/'.length);
        const threshold = DIVERGENCE_THRESHOLD.exec(d.message.en)?.[1];
        return hideFigures(d, { indicator: id, threshold });
      }
    }
    return scrub(d, ids);
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

/** Takes every rater id out of a diagnostic: its `received`, its messages and a `raterStats` pointer. */
function scrub(d: Diagnostic, ids: ReadonlySet<string>): Diagnostic {
  if (ids.size === 0) return d;
  let out = d;
  if (typeof d.received === 'string' && ids.has(d.received)) out = { ...out, received: HIDDEN.en };
  const stats = STATS_AT.exec(d.pointer);
  if (stats) {
    out = { ...out, pointer: `/raterStats/${HIDDEN.en}${d.pointer.slice((stats[0] as string).length)}` };
  }
  let id = d.message.id;
  let en = d.message.en;
  for (const rater of ids) {
    const quoted = JSON.stringify(rater);
    id = id.split(quoted).join(JSON.stringify(HIDDEN.id));
    en = en.split(quoted).join(JSON.stringify(HIDDEN.en));
  }
  return id === d.message.id && en === d.message.en ? out : { ...out, message: { id, en } };
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
