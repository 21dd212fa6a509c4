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
    throw new UsageError(`--lang must be id or en, not "${flag}"`);
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^id(?:[_.@-]|$)/i.test(locale) ? 'id' : 'en';
}
