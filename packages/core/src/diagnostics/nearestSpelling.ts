import { isInvisible } from './isInvisible.js';

// Case, spaces and characters that do not show (see quoteJson) are not a spelling the user meant.
function plain(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFKC')) {
    const c = ch.charCodeAt(0);
    if (ch.trim() !== '' && !isInvisible(c)) out += ch;
  }
  return out.toLowerCase();
}

/** Edit distance (insert, delete, substitute, swap two neighbours), stopping early once it exceeds `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (before[j - 2] as number) + 1);
      row.push(d);
      if (d < best) best = d;
    }
    if (best > limit) return limit + 1;
    before = prev;
    prev = row;
  }
  return prev[b.length] as number;
}

/**
 * The id among `known` that `given` most likely meant, or undefined when none is close: the same id once case,
 * invisible characters and spaces are set aside, else the nearest by at most a third of its length in edits, and
 * never more than two (so `ras` suggests `ra` or `rasa` but not `rank`). Ties go to the first in `known`'s order,
 * so the answer is stable.
 */
export function nearestSpelling(given: string, known: Iterable<string>): string | undefined {
  const g = plain(given);
  let found: string | undefined;
  let best = Number.POSITIVE_INFINITY;
  for (const k of known) {
    if (k === given) continue;
    const p = plain(k);
    if (p === g) return k;
    const limit = Math.min(2, Math.floor(Math.max(p.length, g.length) / 3));
    const d = distance(g, p, limit);
    if (d <= limit && d < best) {
      best = d;
      found = k;
    }
  }
  return found;
}
