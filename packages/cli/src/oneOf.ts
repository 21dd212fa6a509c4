import { UsageError } from './UsageError.js';

/** Checks a flag's value against its allowed values, so a typo is a usage error rather than a silent default. */
export function oneOf<const T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError({
    id: `${flag} harus ${allowed.join(' atau ')}, bukan "${value}"`,
    en: `${flag} must be ${allowed.join(' or ')}, not "${value}"`,
  });
}
