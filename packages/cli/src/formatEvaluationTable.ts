import type { Evaluation, Lang } from '@kinerja/core';

const words = {
  id: {
    head: ['berkas', 'NIP', 'status', 'nilai', 'predikat', 'tindak lanjut'],
    complete: 'lengkap',
    pending: 'menunggu',
    invalid: 'tidak sah',
    waiting: 'menunggu',
  },
  en: {
    head: ['file', 'NIP', 'status', 'score', 'predicate', 'outcomes met'],
    complete: 'complete',
    pending: 'pending',
    invalid: 'invalid',
    waiting: 'waiting for',
  },
};

/** One appraisal's evaluation and the name of the input it came from. */
export interface EvaluationRow {
  /** The input file, or `<stdin>`. */
  source: string;
  /** Its evaluation. */
  evaluation: Evaluation;
}

function cells(row: EvaluationRow, lang: Lang): string[] {
  const e = row.evaluation;
  const w = words[lang];
  const status =
    e.status === 'pending' && e.pending?.length ? `${w.pending} (${e.pending.join(', ')})` : w[e.status];
  // An undetermined outcome (a fact was missing) is shown with a question mark rather than hidden.
  const outcomes = Object.entries(e.outcomes)
    .filter(([, o]) => o.met !== false)
    .map(([id, o]) => (o.met === null ? `${id}?` : id));
  return [
    row.source,
    e.appraisal.nip ?? '—',
    status,
    e.score === undefined ? '—' : String(e.score),
    e.predicate ? e.predicate.label[lang] : '—',
    outcomes.length > 0 ? outcomes.join(', ') : '—',
  ];
}

/**
 * A plain-text table for people, one row per appraisal. Columns are padded by code points so Indonesian
 * labels line up; no colour or box drawing, so it survives logs and copy-paste.
 */
export function formatEvaluationTable(rows: readonly EvaluationRow[], lang: Lang): string {
  const table = [words[lang].head, ...rows.map((r) => cells(r, lang))];
  const widths = table[0]?.map((_, i) => Math.max(...table.map((r) => [...(r[i] ?? '')].length))) ?? [];
  return table
    .map((r) =>
      r
        .map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat((widths[i] ?? 0) - [...c].length)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
