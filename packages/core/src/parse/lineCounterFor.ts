import { LineCounter } from 'yaml';

/** A {@link LineCounter} for text that did not go through the YAML parser (e.g. JSON errors). */
export function lineCounterFor(text: string): LineCounter {
  const lc = new LineCounter();
  lc.addNewLine(0);
  // Only LF starts a line, matching the YAML parser, so both formats report the same columns.
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lc.addNewLine(i + 1);
  return lc;
}
