import type { Lang } from '@kinerja/core';
import { UsageError } from './UsageError.js';

/**
 * The message language: `--lang` when given, else Bahasa Indonesia when the locale (LC_ALL, LC_MESSAGES, LANG,
 * in POSIX precedence) is Indonesian, else English.
 */
export function detectLang(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Lang {
  if (flag !== undefined) {
    if (flag === 'id' || flag === 'en') return flag;
    throw new UsageError({
      id: `--lang harus id atau en, bukan "${flag}"`,
      en: `--lang must be id or en, not "${flag}"`,
    });
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^id(?:[_.@-]|$)/i.test(locale) ? 'id' : 'en';
}

/**
 * The language of a command line before (or without) its flags being parsed: a usage error may be raised before
 * the command reads `--lang`, and must still speak the language asked for. An invalid `--lang` falls back to LANG.
 */
export function langFromArgs(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Lang {
  let flag: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') break;
    if (a === '--lang') flag = args[++i];
    else if (a.startsWith('--lang=')) flag = a.slice('--lang='.length);
  }
  return flag === 'id' || flag === 'en' ? flag : detectLang(undefined, env);
}
