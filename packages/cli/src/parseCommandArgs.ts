import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './UsageError.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * `parseArgs` in strict mode with `--help`/`-h` added, turning its errors into a one-line {@link UsageError}
 * (Node's messages carry a long hint about `--` that would bury the point).
 */
export function parseCommandArgs<O extends Options>(command: string, args: readonly string[], options: O) {
  try {
    return parseArgs({
      args: [...args],
      options: { ...options, help: { type: 'boolean', short: 'h' } } as O & {
        help: { type: 'boolean'; short: 'h' };
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')) {
      const first = (error as Error).message.split('. ')[0]?.replace(/\.$/, '') ?? 'invalid arguments';
      throw new UsageError(first, command);
    }
    throw error;
  }
}
