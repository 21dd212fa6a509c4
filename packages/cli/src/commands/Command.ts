import type { CliIo } from '../CliIo.js';

/** One `kinerja <name>` subcommand. */
export interface Command {
  /** The word after `kinerja`. */
  name: string;
  /** Full help, printed by `kinerja <name> --help`. */
  help: string;
  /** Runs with the arguments after the command name; resolves to the exit code. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}
