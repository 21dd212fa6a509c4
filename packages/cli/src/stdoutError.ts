import type { Lang } from '@kinerja/core';
import type { TextSink } from './CliIo.js';
import { ExitCode } from './exitCodes.js';
import { errorReason, outputErrorTexts } from './UsageError.js';

/**
 * What the bin does when standard output fails. A reader that closes the pipe early (`| head`) made its choice:
 * exit quietly with the code so far. Anything else (a full disk, a closed descriptor) is the user's environment,
 * not a bug: one line, no stack, exit code 2, as for an unreadable input.
 */
export function onStdoutError(
  error: unknown,
  lang: Lang,
  stderr: TextSink,
  exit: (code: number) => void,
  exitCode: number | undefined,
): void {
  if (errorReason(error) === 'EPIPE') {
    exit(exitCode ?? ExitCode.ok);
    return;
  }
  stderr.write(`kinerja: ${outputErrorTexts(undefined, errorReason(error))[lang]}\n`);
  exit(ExitCode.usage);
}
