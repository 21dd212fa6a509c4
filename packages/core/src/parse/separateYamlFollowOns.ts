import type { YAMLError, YAMLWarning } from 'yaml';

type YamlProblem = YAMLError | YAMLWarning;

/** A yaml error worth showing, with the errors that only follow from it. */
export interface YamlCause {
  /** The error to report. */
  error: YamlProblem;
  /** How many later errors follow from this one and are left out. */
  followOns: number;
  /** Start offset of the last left-out error, when there is one. */
  lastFollowOn?: number;
}

// Every check parses the whole text again, and yaml slows down with the length and with the errors it finds, so
// checks are counted in characters read again, and in characters times errors: deterministic stand-ins for time,
// so the same text is always judged the same way. A rubric of 60 kB gets its 16 checks; past the budget, the
// remaining errors are reported as yaml gave them.
const REPARSE_CHARS = 1024 * 1024;
const REPARSE_WORK = 200_000_000;
const MAX_REPARSES = 16;

const SAME_COLUMN = /^All (mapping|sequence) items must start at the same column/;

/**
 * Splits yaml's errors into causes and the follow-on errors they set off, so one slip (a tab, a mis-indented
 * line, an unclosed quote) is reported once instead of once per line after it.
 *
 * An error is a follow-on only when there is evidence: it disappears once the lines of the earlier causes are
 * blanked out and the text is parsed again (offsets kept, so the same error is found at the same place); or it
 * starts where a cause starts; or it is a further "items must start at the same column" in the same run of
 * siblings (no line in between indented less) at the same indentation as the cause. An independent mistake
 * elsewhere survives the blanking and is kept. When the re-reading budget runs out, the rest are all kept.
 *
 * @param text The YAML source, as composed.
 * @param errors yaml's errors and warnings for it, any order.
 * @param errorsOf Parses a text the same way and returns its errors and warnings; may throw (the rest is kept).
 */
export function separateYamlFollowOns(
  text: string,
  errors: readonly YamlProblem[],
  errorsOf: (text: string) => readonly YamlProblem[],
): YamlCause[] {
  const sorted = [...errors].sort((a, b) => a.pos[0] - b.pos[0]);
  const causes: YamlCause[] = [];
  // What yaml still reports once each cause's line (and those of the causes before it) is blanked out.
  const after: Array<ReadonlySet<string>> = [];
  let blanked = text;
  let judging = true;
  for (const error of sorted) {
    const last = causes.at(-1);
    const echoes =
      last !== undefined && (last.error.pos[0] === error.pos[0] || sameRun(text, last.error, error));
    // Credited to the first cause whose removal makes it go away, not merely to the nearest one before it.
    const index = echoes ? causes.length - 1 : after.findIndex((left) => !left.has(identity(error)));
    const cause = causes[index];
    if (cause) {
      cause.followOns++;
      cause.lastFollowOn = error.pos[0];
      continue;
    }
    causes.push({ error, followOns: 0 });
    if (!judging) continue;
    const read = causes.length * text.length;
    if (causes.length > MAX_REPARSES || read > REPARSE_CHARS || read * (sorted.length + 1) > REPARSE_WORK) {
      judging = false;
      continue;
    }
    blanked = blankLine(blanked, error.pos[0]);
    try {
      after.push(new Set(errorsOf(blanked).map(identity)));
    } catch {
      // A text the first parse survived could only fail here by overflowing the stack; judge nothing further.
      judging = false;
    }
  }
  return causes;
}

// The same error in another parse: blanking keeps offsets, so code and start identify it.
const identity = (e: YamlProblem): string => `${e.code}@${e.pos[0]}`;

// Spaces over the line holding `offset`, so every other offset, line and column stays where it was.
function blankLine(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  const end = newline < 0 ? text.length : newline;
  return text.slice(0, start) + text.slice(start, end).replace(/[^\r]/g, ' ') + text.slice(end);
}

function sameRun(text: string, cause: YamlProblem, later: YamlProblem): boolean {
  if (!SAME_COLUMN.test(cause.message) || !SAME_COLUMN.test(later.message)) return false;
  const indent = indentAt(text, cause.pos[0]);
  if (indent === undefined || indentAt(text, later.pos[0]) !== indent) return false;
  const from = text.indexOf('\n', cause.pos[0]);
  const to = text.lastIndexOf('\n', later.pos[0] - 1);
  if (from < 0) return false;
  for (const line of text.slice(from + 1, to).split('\n')) {
    const content = line.trimStart();
    if (content === '' || content === '\r' || content.startsWith('#')) continue;
    if (line.length - content.length < indent) return false;
  }
  return true;
}

// Leading spaces of the line holding `offset`; undefined when it starts with anything but spaces and content.
function indentAt(text: string, offset: number): number | undefined {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const match = /^ *(?=[^ \t\r\n])/.exec(text.slice(start, start + 1024));
  return match ? match[0].length : undefined;
}
