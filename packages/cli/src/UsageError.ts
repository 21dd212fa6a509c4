/**
 * A mistake in how the command was called (unknown flag, missing argument, unreadable input file). `main`
 * prints its message on one line, without a stack, and exits with code 2.
 */
export class UsageError extends Error {
  /** @param message one line saying what is wrong; @param command the command whose help would explain it. */
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
