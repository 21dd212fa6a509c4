import { Readable } from 'node:stream';
import { repo } from '../../../batch/test/cohort.js';
import { type CliIo, main } from '../../src/index.js';

/** What one in-process `kinerja` run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Where and with what a test runs the CLI. */
export interface RunCliOptions {
  /** Working directory; default the repository root. */
  cwd?: string;
  /** Standard input: text (one chunk) or chunks, text or bytes (an XLSX file); default none. */
  stdin?: string | readonly (string | Uint8Array)[];
  /** Environment; default empty, so LANG on the machine never changes a message. */
  env?: Record<string, string>;
}

/** Runs `kinerja <args>` in this process through `main`, capturing both streams. */
export async function runCli(args: string[], options: RunCliOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const { stdin } = options;
  const io: CliIo = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Readable.from(typeof stdin === 'string' ? [Buffer.from(stdin)] : [...(stdin ?? [])]),
    cwd: options.cwd ?? repo,
    env: options.env ?? {},
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
