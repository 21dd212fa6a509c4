import { parseArgs } from 'node:util';
import { type Texts, UsageError } from './UsageError.js';

/**
 * The flags a command accepts: `--name <string>` or `--name` (boolean), optionally with a one-letter alias;
 * `multiple` string flags may be repeated and give an array.
 */
export type FlagSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

/** Parsed flag values: a string for string flags, true for boolean flags, absent when not given. */
export type FlagValues<F extends FlagSpec> = {
  [K in keyof F]?: F[K]['type'] extends 'string'
    ? F[K] extends { multiple: true }
      ? string[]
      : string
    : boolean;
} & { help?: boolean };

/** Node's parse error as one line in both languages: its messages carry hints over several lines. */
function parseErrorTexts(error: Error, args: readonly string[]): Texts {
  const message = error.message;
  const option = /^(?:Unknown option|Option) '([^']*)'/.exec(message)?.[1] ?? '';
  // "-r, --rubric <value>" → "--rubric": the long name is what the help lists.
  const name = /--[^\s,<]+/.exec(option)?.[0] ?? option.split(/[\s,]/)[0] ?? '';
  if (/argument is ambiguous/.test(message)) {
    const at = args.indexOf(name);
    const value = at >= 0 ? args[at + 1] : undefined;
    const example = `${name}=${value ?? '-…'}`;
    return {
      id: `${name} memerlukan nilai, dan "${value ?? ''}" terbaca sebagai opsi; tulis ${example} bila itu nilainya`,
      en: `${name} needs a value, and "${value ?? ''}" reads as an option; write ${example} if it is the value`,
    };
  }
  if (/argument missing/.test(message))
    return { id: `${name} memerlukan nilai`, en: `${name} needs a value` };
  if (/does not take an argument/.test(message))
    return { id: `${name} tidak menerima nilai`, en: `${name} does not take a value` };
  if ((error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    return { id: `opsi "${option}" tidak dikenal`, en: `unknown option "${option}"` };
  const first = message.split(/\.\s|\n/)[0]?.replace(/\.$/, '') || 'invalid arguments';
  return { id: first, en: first };
}

/**
 * `parseArgs` in strict mode with `--help`/`-h` added, turning its errors into a one-line {@link UsageError}
 * (Node's messages carry a long hint about `--` that would bury the point). A flag that takes one value and is
 * given twice is refused: `parseArgs` would keep the last one silently, and `-r a.yaml -r b.yaml` is more likely
 * a slip than a choice.
 */
export function parseCommandArgs<F extends FlagSpec>(
  command: string,
  args: readonly string[],
  flags: F,
): { values: FlagValues<F>; positionals: string[] } {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...args],
      options: { ...flags, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
      tokens: true,
    });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_'))
      throw new UsageError(parseErrorTexts(error as Error, args), command);
    throw error;
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option') continue;
    const spec = flags[token.name];
    if (spec?.type !== 'string' || spec.multiple) continue;
    if (seen.has(token.name))
      throw new UsageError(
        {
          id: `--${token.name} diberikan lebih dari sekali; berikan satu kali saja`,
          en: `--${token.name} is given more than once; give it once`,
        },
        command,
      );
    seen.add(token.name);
  }
  return { values: parsed.values as FlagValues<F>, positionals: parsed.positionals };
}
