import type { Diagnostic, Lang } from '@kinerja/core';

/**
 * One diagnostic as one line: `file:line:column  severity  code  message`. The location comes first so
 * editors and terminals make it clickable; when there is no position, the JSON pointer stands in for it.
 */
export function formatDiagnostic(d: Diagnostic, lang: Lang): string {
  const source = d.source ?? '<input>';
  const where = d.span
    ? `${source}:${d.span.start.line}:${d.span.start.column}`
    : d.pointer !== ''
      ? `${source}#${d.pointer}`
      : source;
  return `${where}  ${d.severity}  ${d.code}  ${d.message[lang]}`;
}
