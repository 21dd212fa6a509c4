import { createWriter, type EvaluationWriter, type OutputFormat } from '@kinerja/batch';

// C0 controls other than tab and line ends, DEL and C1 controls: they cannot be typed into a cell on purpose,
// and in a CSV they can end a field early in some readers, hide text in a terminal, or reach a spreadsheet
// as invisible garbage.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Replaces control characters (a NIP cell read as "\x00\x01\x02") with U+FFFD, the replacement character. */
export function withoutControls(text: string): string {
  return text.replace(CONTROL, '\uFFFD');
}

/**
 * The batch writer the CLI writes with: @kinerja/batch's, except that CSV output never carries control
 * characters copied from the input (a refused NIP is echoed as it was read). JSON and NDJSON escape them already.
 */
export function createOutputWriter(format: OutputFormat): EvaluationWriter {
  const writer = createWriter(format);
  if (format !== 'csv') return writer;
  return {
    write: (record) => withoutControls(writer.write(record)),
    end: () => withoutControls(writer.end()),
  };
}
