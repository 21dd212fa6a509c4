import type { LawResult } from './LawResult.js';
import { lawLabels } from './lawLabels.js';

/** Options of {@link formatLawResult}. */
export interface FormatLawResultOptions {
  /** Language of the text (default `en`): the law's name, the framing words and the message. */
  lang?: 'id' | 'en';
  /**
   * What follows `replay:` (`ulangi:` in Bahasa Indonesia) for a broken law; default the options to pass back to
   * the law, `{ seed: …, path: '…' }`. A command line passes the whole command that replays it.
   */
  replay?: string;
}

const words = {
  skipped: { id: 'dilewati', en: 'skipped' },
  runs: { id: 'kasus', en: 'runs' },
  seed: { id: 'benih acak', en: 'seed' },
  nothing: { id: 'tidak ada yang diperiksa', en: 'nothing to check' },
  failed: { id: 'gagal', en: 'failed' },
  replay: { id: 'ulangi', en: 'replay' },
  counterexample: { id: 'contoh pelanggaran', en: 'counterexample' },
} as const;

/**
 * A law's result as text for a test failure or a terminal: the law, what broke, the counterexample (an appraisal
 * one can paste into `kinerja evaluate`) and how to replay it. A law that ran no case reads
 * `– <law> skipped (0 runs): <reason>`. The counterexample is data and stays as the law gave it.
 */
export function formatLawResult(r: LawResult, options: FormatLawResultOptions = {}): string {
  const lang = options.lang ?? 'en';
  const name = lawLabels[r.law][lang];
  const message = r.text?.[lang] ?? r.message;
  // A law that ran no case proved nothing: it is not shown as passed.
  if (r.ok && (r.skipped || r.runs === 0))
    return `– ${name} ${words.skipped[lang]} (0 ${words.runs[lang]}): ${message ?? words.nothing[lang]}`;
  const head = `${r.ok ? '✓' : '✗'} ${name} (${r.runs} ${words.runs[lang]}, ${words.seed[lang]} ${r.seed})`;
  if (r.ok) return message ? `${head}: ${message}` : head;
  const replay = options.replay ?? `{ seed: ${r.seed}${r.path ? `, path: '${r.path}'` : ''} }`;
  const example =
    r.counterexample === undefined
      ? ''
      : `\n${words.counterexample[lang]}:\n${JSON.stringify(r.counterexample, null, 2)}`;
  return `${head}\n${message ?? words.failed[lang]}\n${words.replay[lang]}: ${replay}${example}`;
}
