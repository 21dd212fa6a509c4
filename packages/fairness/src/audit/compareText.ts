/**
 * Orders texts by UTF-16 code units, the same on every machine. `localeCompare` depends on the ICU data and locale
 * of the process, so two auditors could get the same report in different orders.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders rater rows by their interval estimate (rows without one last), then by rater id. */
export function byEstimateThenRater(
  a: { rater: string; interval?: { estimate: number } },
  b: { rater: string; interval?: { estimate: number } },
): number {
  return (
    (a.interval?.estimate ?? Number.POSITIVE_INFINITY) - (b.interval?.estimate ?? Number.POSITIVE_INFINITY) ||
    compareText(a.rater, b.rater)
  );
}
