import { TZDate } from '@date-fns/tz';
import { UTCDate } from '@date-fns/utc';

/**
 * Reads `YYYY-MM-DD` or an ISO date-time with offset as a calendar date in the office's time zone, never the
 * server's: 2020-03-31T20:00:00Z is already 1 April in Kupang (UTC+8). Undefined for dates that do not exist.
 *
 * The result is that calendar day as a `UTCDate` (midnight, with UTC getters), so date-fns differences between
 * two such days count calendar years and months whatever zone the server runs in, without paying for a time-zone
 * lookup on every call: a plain date needs no zone at all; only a date-time is placed in the office's zone.
 */
export function calendarDate(text: string, timeZone: string): UTCDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) return validDay(Number(m[1]), Number(m[2]), Number(m[3]));
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) return undefined;
  // Date.parse rolls 2021-02-30T… over to March; refuse instead of guessing.
  const [y, mo, d] = (text.split('T')[0] ?? '').split('-').map(Number);
  if (!validDay(y as number, mo as number, d as number)) return undefined;
  const inZone = new TZDate(ms, timeZone);
  return new UTCDate(inZone.getFullYear(), inZone.getMonth(), inZone.getDate());
}

function validDay(y: number, mo: number, d: number): UTCDate | undefined {
  const date = new UTCDate(y, mo - 1, d);
  return date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d ? date : undefined;
}
