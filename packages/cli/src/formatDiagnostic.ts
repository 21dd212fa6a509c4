import type { Diagnostic, Lang } from '@kinerja/core';

/**
 * One diagnostic as one line: `file:line:column  code  message`, with `(warning)` or `(info)` after anything that
 * is not an error. The location comes first so editors and terminals make it clickable; when there is no position,
 * the JSON pointer stands in for it.
 */
export function formatDiagnostic(d: Diagnostic, lang: Lang): string {
  const source = d.source ?? '<input>';
  const where = d.span
    ? `${source}:${d.span.start.line}:${d.span.start.column}`
    : d.pointer !== ''
      ? `${source}#${d.pointer}`
      : source;
  const severity = d.severity === 'error' ? '' : `  (${d.severity})`;
  return `${where}  ${d.code}  ${d.message[lang]}${severity}`;
}
