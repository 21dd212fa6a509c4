import type { MeasureTrace } from '../compile/measures/MeasureRuntime.js';
import type { ConditionTrace } from '../conditions/compileCondition.js';
import type { Lang } from '../diagnostics/diagnostic.js';
import { ROLE_WORDS_ID } from '../diagnostics/roleWords.js';
import type { Evaluation, IndicatorResult } from '../evaluate/Evaluation.js';
import type { Label } from '../schema/common.js';
import { figureText } from './figureText.js';
import { redactForEmployee } from './redactForEmployee.js';

/** Options of {@link explainEvaluation}. */
export interface ExplainOptions {
  /**
   * Whose view: `auditor` (default) sees every rater with raw and counted values; `employee` sees the
   * {@link redactForEmployee} copy: ratings only aggregated per role, no rater ids.
   */
  view?: 'employee' | 'auditor';
  /**
   * The rubric's rating scale (`compiled.rubric.ratings`): ratings are then shown by their label in the reader's
   * language, as the predikat is. Without it they are shown by id.
   */
  ratings?: ReadonlyArray<{ readonly id: string; readonly label: Label }>;
}

const words = {
  id: {
    rubric: 'Rubrik',
    employee: 'Pegawai',
    period: 'Periode',
    status: 'Status',
    complete: 'lengkap',
    pending: 'menunggu',
    invalid: 'tidak sah',
    score: 'Nilai',
    predicate: 'Predikat',
    group: 'Aspek',
    rating: 'rating',
    given: 'diberikan atasan',
    suggested: 'disarankan bukti',
    outcomes: 'Tindak lanjut',
    yes: 'ya',
    no: 'tidak',
    unknown: 'tidak dapat ditentukan',
    notes: 'Catatan',
    waiting: 'Menunggu',
    dropped: 'tidak dihitung',
    weight: 'bobot',
    contribution: 'kontribusi',
    value: 'nilai',
    flags: 'Tanda',
    target: 'target',
    raters: 'penilai',
    responses: (k: number) => `kurang dari ${k} tanggapan`,
    notCounted: 'tidak dihitung',
    short: 'kurang',
    calibrated: 'dikalibrasi',
    capped: 'dibatasi',
    cappedFrom: 'dibatasi dari',
    divergence: 'selisih atasan vs konsensus',
    needsReview: 'perlu ditinjau',
    notChecked: 'tidak diperiksa',
    influence: 'batas pengaruh',
    withheld: 'disembunyikan',
    periodKind: { annual: 'tahunan', quarterly: 'triwulanan', monthly: 'bulanan' } as Record<string, string>,
    indicatorStatus: {
      pending: 'menunggu',
      error: 'galat',
      'not-applicable': 'tidak berlaku',
    } as Record<string, string>,
    severity: { error: 'galat', warning: 'peringatan', info: 'info' } as Record<string, string>,
    ok: 'sesuai ambang',
    role: ROLE_WORDS_ID,
    // Measure kinds and combinations, as the trace names them (the rubric's own words, in English).
    kind: {
      mean: 'rata-rata',
      weighted: 'rata-rata berbobot',
      sum: 'jumlah',
      min: 'minimum',
      max: 'maksimum',
      product: 'hasil kali',
      quotient: 'hasil bagi',
      ratio: 'rasio',
      'inverse-ratio': 'rasio terbalik',
      efficiency: 'efisiensi',
      scale: 'skala',
      lookup: 'tabel',
      piecewise: 'interpolasi',
      value: 'nilai',
      constant: 'tetap',
      'one-of': 'salah satu',
      raters: 'penilai',
    } as Record<string, string>,
    // The branches a measure's trace names in English.
    branch: {
      'dropped (target-zero)': 'tidak dihitung (target nol)',
      'dropped (realisation-zero)': 'tidak dihitung (realisasi nol)',
      'dropped (both-zero)': 'tidak dihitung (target dan realisasi nol)',
      'not done (R = 0)': 'tidak dikerjakan (R = 0)',
    } as Record<string, string>,
    cap: 'batas',
    gap: 'celah',
    beforeRounding: 'sebelum dibulatkan',
    // The raters measure's own notes (English in the trace, which auditors' tools read), worded here.
    traceNotes: {
      'no supervisor rating': 'tidak ada rating atasan',
      'no consensus rating': 'tidak ada rating konsensus',
      'uncalibrated: no rater history in raterStats; used as given':
        'tidak dikalibrasi: riwayat penilai tidak ada di raterStats; dipakai apa adanya',
    } as Record<string, string>,
    zScore: (n: string, mean: string, sd: string) =>
      `skor-z terhadap riwayat penilai, n = ${n} (rata-rata ${mean}, sd ${sd})`,
  },
  en: {
    rubric: 'Rubric',
    employee: 'Employee',
    period: 'Period',
    status: 'Status',
    complete: 'complete',
    pending: 'pending',
    invalid: 'invalid',
    score: 'Score',
    predicate: 'Predicate',
    group: 'Group',
    rating: 'rating',
    given: 'given by supervisor',
    suggested: 'suggested by evidence',
    outcomes: 'Outcomes',
    yes: 'yes',
    no: 'no',
    unknown: 'undetermined',
    notes: 'Notes',
    waiting: 'Waiting for',
    dropped: 'left out',
    weight: 'weight',
    contribution: 'contribution',
    value: 'value',
    flags: 'Flags',
    target: 'target',
    raters: 'raters',
    responses: (k: number) => `fewer than ${k} responses`,
    notCounted: 'not counted',
    short: 'short',
    calibrated: 'calibrated',
    capped: 'capped',
    cappedFrom: 'capped from',
    divergence: 'supervisor vs consensus',
    needsReview: 'needs review',
    notChecked: 'not checked',
    influence: 'influence cap',
    withheld: 'withheld',
    periodKind: { annual: 'annual', quarterly: 'quarterly', monthly: 'monthly' } as Record<string, string>,
    indicatorStatus: { pending: 'pending', error: 'error', 'not-applicable': 'not applicable' } as Record<
      string,
      string
    >,
    severity: { error: 'error', warning: 'warning', info: 'info' } as Record<string, string>,
    ok: 'within the threshold',
    role: {} as Record<string, string>,
    kind: {} as Record<string, string>,
    branch: {} as Record<string, string>,
    cap: 'cap',
    gap: 'gap',
    beforeRounding: 'before rounding',
    traceNotes: {} as Record<string, string>,
    zScore: (n: string, mean: string, sd: string) =>
      `z-score against rater history, n = ${n} (mean ${mean}, sd ${sd})`,
  },
} as const;

/** A word from one of the tables above, or the value itself when the table has none for it. */
function say(table: Record<string, string>, value: string): string {
  return Object.hasOwn(table, value) ? (table[value] as string) : value;
}

const Z_SCORE = /^z-score against rater history, n = (\S+) \(mean (\S+), sd (\S+)\)$/;

/** A rater's calibration note in the reader's language. */
function calibrationNote(note: string, lang: Lang, w: (typeof words)[Lang]): string {
  const z = Z_SCORE.exec(note);
  if (!z) return say(w.traceNotes, note);
  // The rater history's figures, as the appraisal gave them (the note is the trace's text).
  const n = (x: string) => (lang === 'id' ? x.replace('.', ',') : x);
  return w.zScore(n(z[1] as string), n(z[2] as string), n(z[3] as string));
}

const EFFICIENCY_BRANCH = /^e ([≤>]) (\S+)$/;

/**
 * A measure's branch in the reader's language. An efficiency threshold is a figure (`e ≤ 0,24` in Indonesian); an
 * interval (a lookup row, a piecewise segment) is the rubric's own text, whose comma separates its bounds, so it
 * stays as the rubric writes it.
 */
function branchText(branch: string, lang: Lang, w: (typeof words)[Lang]): string {
  const e = EFFICIENCY_BRANCH.exec(branch);
  if (e) return `e ${e[1]} ${lang === 'id' ? (e[2] as string).replace('.', ',') : e[2]}`;
  return say(w.branch, branch);
}

/** The alternative a `one-of` took, which is what a reader wants to see in its place. */
function chosen(t: MeasureTrace | undefined): MeasureTrace | undefined {
  return t?.kind === 'one-of' && t.parts?.length === 1 ? t.parts[0] : undefined;
}

/** A computed figure (a score, a value) in the reader's language, or "—" when there is none. */
function fig(x: number | undefined, lang: Lang): string {
  return x === undefined ? '—' : figureText(x, lang);
}

/** A value as read from the appraisal: a number as its reader writes it, anything else as JSON. */
function given(v: unknown, lang: Lang): string {
  return typeof v === 'number' ? figureText(v, lang, 'given') : JSON.stringify(v);
}

function measureLine(t: MeasureTrace | undefined, lang: Lang, w: (typeof words)[Lang]): string {
  if (!t) return '';
  const alternative = chosen(t);
  const bits: string[] = [alternative ? measureLine(alternative, lang, w) : say(w.kind, t.kind)];
  if (t.inputs)
    bits.push(
      Object.entries(t.inputs)
        .map(([k, v]) => `${k}=${given(v, lang)}`)
        .join(', '),
    );
  if (t.branch && !alternative) bits.push(branchText(t.branch, lang, w));
  if (t.clamped) bits.push(`${w.cap} ${t.clamped} (${fig(t.unrounded, lang)})`);
  else if (t.unrounded !== undefined) bits.push(`${w.beforeRounding} ${fig(t.unrounded, lang)}`);
  return bits.join('; ');
}

function partsLines(
  t: MeasureTrace | undefined,
  indent: string,
  lang: Lang,
  w: (typeof words)[Lang],
): string[] {
  const alternative = chosen(t);
  if (alternative) return partsLines(alternative, indent, lang, w);
  if (!t?.parts) return [];
  return t.parts.map(
    (p) => `${indent}· ${p.dropped ? w.dropped : fig(p.value, lang)} ← ${measureLine(p, lang, w)}`,
  );
}

const ROLES = ['supervisor', 'peer', 'subordinate', 'third-party', 'self'] as const;

/** The rater panel of a `raters` measure: per role, then (auditor's view) per rater, divergence and cap. */
function ratersLines(
  t: MeasureTrace | undefined,
  indent: string,
  lang: Lang,
  w: (typeof words)[Lang],
): string[] {
  if (!t) return [];
  if (t.kind !== 'raters') return (t.parts ?? []).flatMap((p) => ratersLines(p, indent, lang, w));
  const num = (x: unknown): string => (typeof x === 'number' ? figureText(x, lang) : String(x ?? '—'));
  const d = t.detail ?? {};
  const lines: string[] = [];
  for (const role of ROLES) {
    const e = d[role] as Record<string, unknown> | undefined;
    if (!e) continue;
    const bits: string[] = [`${w.weight} ${num(e.weight)}`];
    if (e.counted === false) bits.push(w.notCounted);
    if (e.short) {
      const s = e.short as { have: number; need: number };
      bits.push(`${w.short} ${s.have}/${s.need}`);
    }
    let what: string;
    if (typeof e.withheld === 'string') {
      const k = Number((d.anonymity as { k?: number } | undefined)?.k ?? 1);
      what = e.withheld.startsWith('fewer') ? w.responses(k) : w.withheld;
    } else {
      what = `${e.count} → ${num(e.combined)}${e.uncapped !== undefined ? ` (${w.cappedFrom} ${num(e.uncapped)})` : ''}`;
    }
    lines.push(`${indent}· ${say(w.role, role)}: ${what} (${bits.join(', ')})`);
  }
  for (const r of t.raters ?? []) {
    const bits: string[] = [];
    if (r.calibrated !== undefined)
      bits.push(`${w.calibrated} ${num(r.calibrated)}: ${calibrationNote(r.calibration ?? '', lang, w)}`);
    else if (r.calibration !== undefined) bits.push(calibrationNote(r.calibration, lang, w));
    if (r.capped) bits.push(w.capped);
    if (!r.inScore) bits.push(w.notCounted);
    const raw =
      r.label !== undefined ? `${JSON.stringify(r.label)} = ${given(r.raw, lang)}` : given(r.raw, lang);
    lines.push(
      `${indent}  ${r.rater} (${say(w.role, r.role)}): ${raw} → ${num(r.counted)}${bits.length ? ` [${bits.join('; ')}]` : ''}`,
    );
  }
  const div = d.divergence as Record<string, unknown> | undefined;
  if (div) {
    const what =
      div.checked === false
        ? `${w.notChecked} (${say(w.traceNotes, String(div.why))})`
        : typeof div.withheld === 'string'
          ? `${w.withheld}; ${div.flagged ? w.needsReview : w.ok}`
          : `${num(div.supervisor)} vs ${num(div.consensus)} (${num(div.difference)} ${div.flagged ? '>' : '≤'} ${num(div.threshold)})${div.flagged ? `: ${w.needsReview}` : ''}`;
    lines.push(`${indent}· ${w.divergence}: ${what}`);
  }
  const inf = d.influence as { cap: number; capped: number } | undefined;
  if (inf) lines.push(`${indent}· ${w.influence} ${num(inf.cap)}: ${inf.capped} ${w.capped}`);
  return lines;
}

function conditionLines(t: ConditionTrace, indent: string): string[] {
  const mark = t.value === true ? '✓' : t.value === false ? '✗' : '?';
  if (t.kind === 'fact') {
    return [
      `${indent}${mark} ${t.fact}${t.path ? t.path.slice(1) : ''} ${t.operator} ${JSON.stringify(t.expected)} (${JSON.stringify(t.actual)})`,
    ];
  }
  if (t.kind === 'not') return [`${indent}${mark} not`, ...conditionLines(t.child, `${indent}  `)];
  return [`${indent}${mark} ${t.kind}`, ...t.children.flatMap((c) => conditionLines(c, `${indent}  `))];
}

/** A rating by its label in `lang` when the scale is known, else by its id. */
type RatingName = (id: string) => string;

function indicatorLine(
  id: string,
  r: IndicatorResult,
  lang: Lang,
  w: (typeof words)[Lang],
  ratingName: RatingName,
): string {
  const name = r.label ? r.label[lang] : id;
  const score =
    r.status === 'ok'
      ? fig(r.score, lang)
      : r.status === 'dropped'
        ? w.dropped
        : say(w.indicatorStatus, r.status);
  const extra: string[] = [];
  if (r.weight !== undefined) extra.push(`${w.weight} ${fig(r.weight, lang)}`);
  if (r.contribution !== undefined) extra.push(`${w.contribution} ${fig(r.contribution, lang)}`);
  if (r.rating !== undefined) extra.push(`${w.rating} ${ratingName(r.rating)}`);
  // A result with no measure run (not applicable, or an undecidable condition) has nothing to point to.
  const how = measureLine(r.measure, lang, w);
  return `  - ${name}: ${score}${extra.length ? ` (${extra.join(', ')})` : ''}${how ? ` ← ${how}` : ''}`;
}

/**
 * Renders an evaluation for a person (an employee reading their verdict, or an appeal panel): the predikat,
 * every group, indicator and outcome with the values that decided it, and the notes, in Bahasa Indonesia or
 * English. Plain text; one line per fact. `options.view` picks whose view: `auditor` (the default: every rater
 * with raw and counted values) or `employee` ({@link redactForEmployee}: ratings aggregated per role, no ids).
 * Figures are written as the reader writes them (a decimal comma in Indonesian); a computed figure that does not
 * end within 4 decimal places is shown rounded to 4 and marked "≈", never as if the rubric had rounded it.
 */
export function explainEvaluation(
  evaluation: Evaluation,
  lang: Lang = 'id',
  options: ExplainOptions = {},
): string {
  const e = options.view === 'employee' ? redactForEmployee(evaluation) : evaluation;
  const w = words[lang];
  const labels = new Map((options.ratings ?? []).map((l) => [l.id, l.label[lang]]));
  const ratingName: RatingName = (id) => labels.get(id) ?? id;
  const lines: string[] = [];
  lines.push(`${w.rubric}: ${e.rubric.id} ${e.rubric.version} (${e.rubric.fingerprint.slice(0, 19)}…)`);
  if (e.appraisal.nip)
    lines.push(`${w.employee}: NIP ${e.appraisal.nip}${e.appraisal.id ? ` (${e.appraisal.id})` : ''}`);
  if (e.appraisal.period) {
    lines.push(
      `${w.period}: ${Object.hasOwn(w.periodKind, e.appraisal.period.kind) ? w.periodKind[e.appraisal.period.kind] : e.appraisal.period.kind} ${e.appraisal.period.start} – ${e.appraisal.period.end}`,
    );
  }
  lines.push(`${w.status}: ${w[e.status]}`);
  if (e.pending) lines.push(`${w.waiting}: ${e.pending.join('; ')}`);
  if (e.score !== undefined) lines.push(`${w.score}: ${fig(e.score, lang)}`);
  if (e.predicate) {
    const how = e.predicateTrace?.matrix
      ? ` ← ${ratingName(e.predicateTrace.matrix.row)} × ${ratingName(e.predicateTrace.matrix.column)}`
      : e.predicateTrace?.band
        ? ` ← ${e.predicateTrace.band.range}${e.predicateTrace.band.gap ? ` (${w.gap}: ${e.predicateTrace.band.gap})` : ''}`
        : '';
    lines.push(`${w.predicate}: ${e.predicate.label[lang]}${how}`);
  }
  for (const [gid, g] of Object.entries(e.groups)) {
    const rating =
      g.rating !== undefined
        ? `; ${w.rating} ${ratingName(g.rating)}${g.ratingTrace?.source === 'supervisor' ? ` (${w.given})` : ''}${g.suggestedRating !== undefined ? `; ${w.suggested}: ${ratingName(g.suggestedRating)}` : ''}`
        : '';
    lines.push(
      `${w.group} ${gid} — ${g.label[lang]}: ${fig(g.score, lang)} (${say(w.kind, g.combine)})${rating}`,
    );
    for (const [iid, r] of Object.entries(g.indicators ?? {})) {
      lines.push(indicatorLine(iid, r, lang, w, ratingName));
      lines.push(...partsLines(r.measure, '      ', lang, w));
      lines.push(...ratersLines(r.measure, '      ', lang, w));
    }
    for (const r of g.items ?? []) {
      lines.push(indicatorLine(`${w.target} ${r.id ?? ''}`, r, lang, w, ratingName));
      lines.push(...partsLines(r.measure, '      ', lang, w));
    }
    for (const [aid, r] of Object.entries(g.additions ?? {}))
      lines.push(indicatorLine(`+ ${aid}`, r, lang, w, ratingName));
  }
  const outs = Object.entries(e.outcomes);
  if (outs.length > 0) {
    lines.push(`${w.outcomes}:`);
    for (const [, o] of outs) {
      const met = o.met === true ? w.yes : o.met === false ? w.no : w.unknown;
      lines.push(
        `  ${o.label[lang]}: ${met}${o.value !== undefined ? ` (${w.value} ${fig(o.value, lang)})` : ''}`,
      );
      if (o.conditions) lines.push(...conditionLines(o.conditions, '    '));
    }
  }
  if (e.flags.length > 0) lines.push(`${w.flags}: ${e.flags.join(', ')}`);
  if (e.diagnostics.length > 0) {
    lines.push(`${w.notes}:`);
    for (const d of e.diagnostics) {
      const pos = d.span ? `${d.span.start.line}:${d.span.start.column} ` : '';
      lines.push(`  ${say(w.severity, d.severity)} ${d.code} ${pos}${d.pointer || '/'}: ${d.message[lang]}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
