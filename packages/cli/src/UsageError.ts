/** One message in both languages the CLI speaks. */
export interface Texts {
  id: string;
  en: string;
}

/**
 * A mistake in how the command was called (unknown flag, missing argument, unreadable input file). `main`
 * prints its message on one line, without a stack, in the language chosen by --lang / LANG, and exits with code 2.
 */
export class UsageError extends Error {
  /** The message in Bahasa Indonesia and English; `message` is the English one. */
  readonly texts: Texts;

  /**
   * @param message one line saying what is wrong, in both languages (a plain string is used for both);
   * @param command the command whose help would explain it (`main` fills in the running command otherwise).
   */
  constructor(
    message: string | Texts,
    readonly command?: string,
  ) {
    const texts = typeof message === 'string' ? { id: message, en: message } : message;
    super(texts.en);
    this.texts = texts;
    this.name = 'UsageError';
  }
}

/**
 * Output that cannot be written (a full disk, a closed or read-only file): the user's environment, not a bug, so
 * `main` reports it on one line and exits with code 2 like an unreadable input.
 */
export class OutputError extends Error {
  /**
   * @param target `undefined` for standard output, else the `--out` file as given;
   * @param reason the system's error code (ENOSPC, EACCES, …) or its message.
   */
  constructor(
    readonly target: string | undefined,
    readonly reason: string,
  ) {
    super(`cannot write ${target === undefined ? 'standard output' : `"${target}"`}: ${reason}`);
    this.name = 'OutputError';
  }

  /** The one line that `main` (and the bin, for stdout) prints. */
  texts(): Texts {
    return outputErrorTexts(this.target, this.reason);
  }
}

/** `cannot write …: REASON` in both languages. */
export function outputErrorTexts(target: string | undefined, reason: string): Texts {
  return target === undefined
    ? {
        id: `tidak dapat menulis ke keluaran standar: ${reason}`,
        en: `cannot write standard output: ${reason}`,
      }
    : { id: `tidak dapat menulis "${target}": ${reason}`, en: `cannot write "${target}": ${reason}` };
}

/** The code of a system error (ENOSPC, EBADF, …), else its message. */
export function errorReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message : String(error);
}
