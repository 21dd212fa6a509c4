import { parseArgs } from 'node:util';
import { UsageError } from './UsageError.js';

/** The flags a command accepts: `--name <string>` or `--name` (boolean), optionally with a one-letter alias. */
export type FlagSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** Parsed flag values: a string for string flags, true for boolean flags, absent when not given. */
export type FlagValues<F extends FlagSpec> = {
  [K in keyof F]?: F[K]['type'] extends 'string' ? string : boolean;
} & { help?: boolean };

/**
 * `parseArgs` in strict mode with `--help`/`-h` added, turning its errors into a one-line {@link UsageError}
 * (Node's messages carry a long hint about `--` that would bury the point).
 */
export function parseCommandArgs<F extends FlagSpec>(
  command: string,
  args: readonly string[],
  flags: F,
): { values: FlagValues<F>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { ...flags, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as FlagValues<F>, positionals };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')) {
      const first = (error as Error).message.split('. ')[0]?.replace(/\.$/, '') ?? 'invalid arguments';
      throw new UsageError(first, command);
    }
    throw error;
  }
}
