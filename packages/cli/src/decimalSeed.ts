import { UsageError } from './UsageError.js';

/**
 * A seed flag: a whole number written in decimal, within the range the random generator keeps apart. `Number()`
 * alone would take `''` as 0 and `0x10` or `1e3` as other numbers than the ones a reader sees, and a seed beyond
 * the range would silently replay the run of another seed.
 */
export function decimalSeed(
  value: string | undefined,
  command: string,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const n = /^-?\d{1,16}$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= min && n <= max))
    throw new UsageError(
      {
        id: `--seed memerlukan bilangan bulat desimal dari ${min} sampai ${max}, bukan "${value}"`,
        en: `--seed needs a decimal whole number from ${min} to ${max}, got "${value}"`,
      },
      command,
    );
  // -0 would print as 0 but is not the same key.
  return n === 0 ? 0 : n;
}

/** A count flag (`--runs`): a positive whole number written in decimal, at most `max`. */
export function positiveCount(
  flag: string,
  value: string | undefined,
  command: string,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d{1,16}$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= 1 && n <= max))
    throw new UsageError(
      {
        id: `${flag} memerlukan bilangan bulat desimal dari 1 sampai ${max}, bukan "${value}"`,
        en: `${flag} needs a decimal whole number from 1 to ${max}, got "${value}"`,
      },
      command,
    );
  return n;
}
