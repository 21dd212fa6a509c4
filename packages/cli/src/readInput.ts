import { invalidEvaluation } from '@kinerja/batch';
import {
  type CompiledRubric,
  createDiagnostic,
  type Diagnostic,
  defaultParseLimits,
  type Evaluation,
  evaluateText,
  loadRubric,
  type Result,
} from '@kinerja/core';
import { decodeUtf8Text, fileResolver, readTextFile } from '@kinerja/core/node';
import type { CliIo } from './CliIo.js';
import { errorReason, UsageError } from './UsageError.js';

/** Name that diagnostics give to text read from standard input. */
export const STDIN_SOURCE = '<stdin>';

/** What an input turned out to be: its text, or why it cannot be used (too large, not UTF-8). */
export type ReadText = { source: string; text: string } | { source: string; diagnostics: Diagnostic[] };

const tooLarge = (source: string, limit: number, size: number): Diagnostic =>
  createDiagnostic({
    code: 'input-too-large',
    pointer: '',
    source,
    span: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
    expected: limit,
    received: size,
  });

/**
 * Reads a file as UTF-8 text, at most `limit` bytes, with core's `readTextFile`: a file past the limit is refused
 * after `limit + 1` bytes (`/dev/zero`, a FIFO or a 600 MB export are `input-too-large`, not a hang until memory
 * runs out), and bytes that are not UTF-8 are `encoding-invalid` at their line:column, not U+FFFD.
 */
export function readBoundedFile(
  path: string,
  cwd: string,
  limit: number = defaultParseLimits.maxBytes,
): Result<string> {
  return readTextFile(path, { cwd, maxBytes: limit });
}

/**
 * Loads a rubric file as core's `loadRubricFile` does, but reads it with {@link readBoundedFile}, so a rubric
 * path that names a device or a huge file is refused instead of read until memory runs out.
 */
export function loadRubricBounded(path: string, cwd: string): Result<CompiledRubric> {
  const read = readBoundedFile(path, cwd);
  if (!read.ok) return read;
  return loadRubric(read.value, { source: path, resolve: fileResolver({ cwd }) });
}

/**
 * Reads standard input, at most `limit` bytes. Stdin redirected from a directory (`< adir`) fails to read
 * (EISDIR): that is an unreadable input, a usage error, not a JSON syntax error in empty text.
 */
async function readStdin(stdin: CliIo['stdin'], limit: number): Promise<ReadText> {
  // The bytes are kept (bounded by the limit) and decoded once, strictly: a file's bytes and the same bytes piped
  // in must give the same verdict, including where they stop being UTF-8.
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stdin) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
      size += bytes.byteLength;
      if (size > limit) return { source: STDIN_SOURCE, diagnostics: [tooLarge(STDIN_SOURCE, limit, size)] };
      chunks.push(bytes);
    }
  } catch (error) {
    throw stdinUnreadable(error);
  }
  const decoded = decodeUtf8Text(Buffer.concat(chunks, size), STDIN_SOURCE);
  return decoded.ok
    ? { source: STDIN_SOURCE, text: decoded.value }
    : { source: STDIN_SOURCE, diagnostics: decoded.diagnostics };
}

/** The usage error of standard input that cannot be read. */
export function stdinUnreadable(error: unknown): UsageError {
  const reason = errorReason(error);
  return new UsageError(
    reason === 'EISDIR'
      ? {
          id: 'masukan standar adalah direktori, bukan berkas',
          en: 'standard input is a directory, not a file',
        }
      : {
          id: `masukan standar tidak dapat dibaca: ${reason}`,
          en: `cannot read standard input: ${reason}`,
        },
  );
}

/**
 * Reads an input named on the command line: a file (relative to `io.cwd`) or `-` for standard input. An
 * unreadable file is the caller's mistake, so it is a {@link UsageError}, not a crash; a file over the size
 * limit is read no further and comes back as its `input-too-large` diagnostic, for the caller to report in place
 * of the appraisal.
 */
export async function readInput(
  path: string,
  io: CliIo,
  limit: number = defaultParseLimits.maxBytes,
): Promise<ReadText> {
  if (path === '-') return readStdin(io.stdin, limit);
  const read = readBoundedFile(path, io.cwd, limit);
  if (read.ok) return { source: path, text: read.value };
  const d = read.diagnostics[0] as Diagnostic;
  if (d.code === 'input-too-large' || d.code === 'encoding-invalid')
    return { source: path, diagnostics: read.diagnostics };
  throw new UsageError(d.message);
}

/** Evaluates what {@link readInput} read; an input that could not be used is an invalid evaluation with why. */
export function evaluateRead(
  rubric: CompiledRubric,
  read: ReadText,
  options: { scoreOnly?: boolean } = {},
): Evaluation {
  if ('diagnostics' in read) return invalidEvaluation(rubric, read.diagnostics);
  return evaluateText(rubric, read.text, { source: read.source, ...options });
}
