import { statFd } from './statPath.js';

/** Somewhere text can be written: `process.stdout`, or a buffer in tests. */
export interface TextSink {
  /** Writes a chunk of text. */
  write(chunk: string): unknown;
}

/**
 * Everything the CLI touches outside its arguments. Passing it in, instead of reaching for `process`, lets tests
 * run commands in-process and lets other programs embed the CLI.
 */
export interface CliIo {
  /** Results go here. */
  stdout: TextSink;
  /** Diagnostics of the command itself, usage errors and hints go here. */
  stderr: TextSink;
  /** Read when an input file is given as `-`. */
  stdin: AsyncIterable<string | Uint8Array>;
  /** Directory that relative paths are read from. */
  cwd: string;
  /** Environment: LANG/LC_* choose the default language, KINERJA_DEBUG=1 prints stacks of internal errors. */
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * The process's standard input. Redirected from a directory (`< adir`), Node reads it as empty, which would be
 * reported as a JSON syntax error: it fails with EISDIR instead, so it is reported as unreadable.
 */
function processStdin(): AsyncIterable<string | Uint8Array> {
  let directory = false;
  try {
    directory = statFd(0).isDirectory();
  } catch {
    directory = false;
  }
  if (!directory) return process.stdin;
  return {
    // biome-ignore lint/correctness/useYield: it fails on its first read, as reading a directory does.
    async *[Symbol.asyncIterator]() {
      throw Object.assign(new Error('EISDIR: illegal operation on a directory, read'), { code: 'EISDIR' });
    },
  };
}

/** The {@link CliIo} of the running Node process. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: processStdin(),
    cwd: process.cwd(),
    env: process.env,
  };
}
