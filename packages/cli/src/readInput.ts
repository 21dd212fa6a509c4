import type { Lang } from '@kinerja/core';
import { readTextFile } from '@kinerja/core/node';
import type { CliIo } from './CliIo.js';
import { UsageError } from './UsageError.js';

/** Name that diagnostics give to text read from standard input. */
export const STDIN_SOURCE = '<stdin>';

async function readStdin(stdin: CliIo['stdin']): Promise<string> {
  // A streaming decoder, so a multi-byte character split across chunks is not mangled.
  const decoder = new TextDecoder('utf-8');
  let text = '';
  for await (const chunk of stdin)
    text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

/**
 * Reads an input named on the command line: a file (relative to `io.cwd`) or `-` for standard input. An
 * unreadable file is the caller's mistake, so it is a {@link UsageError}, not a crash.
 */
export async function readInput(
  path: string,
  io: CliIo,
  lang: Lang,
): Promise<{ source: string; text: string }> {
  if (path === '-') return { source: STDIN_SOURCE, text: await readStdin(io.stdin) };
  const read = readTextFile(path, { cwd: io.cwd });
  if (!read.ok) {
    const d = read.diagnostics[0];
    throw new UsageError(d ? d.message[lang] : `cannot read ${path}`);
  }
  return { source: path, text: read.value };
}
