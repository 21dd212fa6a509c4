/**
 * The verdict every peer must reproduce, and the comparison. A verdict is what a caller acts on: the status, the
 * overall score (pp-46-2011), the predikat, each group's score, rating and suggested rating, each outcome's met /
 * value, and the review flags. Traces, labels and diagnostics are Kinerja's extra work and are not compared.
 */

/** Kinerja's Evaluation → verdict. */
export function kinerjaVerdict(e) {
  const groups = {};
  for (const [id, g] of Object.entries(e.groups)) {
    const v = { score: g.score ?? null, rating: g.rating ?? null };
    if (g.suggestedRating !== undefined) v.suggestedRating = g.suggestedRating;
    groups[id] = v;
  }
  const outcomes = {};
  for (const [id, o] of Object.entries(e.outcomes)) {
    outcomes[id] = o.value !== undefined ? { met: o.met, value: o.value } : { met: o.met };
  }
  const v = { status: e.status, predicate: e.predicate?.id ?? null, groups, outcomes, flags: e.flags };
  if (e.score !== undefined) v.score = e.score;
  return v;
}

/** Paths (a.b.c) where two verdicts differ. */
export function differences(expected, actual, path = '', out = []) {
  if (expected === actual) return out;
  if (
    expected === null ||
    actual === null ||
    typeof expected !== 'object' ||
    typeof actual !== 'object' ||
    Array.isArray(expected) !== Array.isArray(actual)
  ) {
    out.push(path || '(root)');
    return out;
  }
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  for (const k of keys) differences(expected[k], actual[k], path ? `${path}.${k}` : k, out);
  return out;
}
