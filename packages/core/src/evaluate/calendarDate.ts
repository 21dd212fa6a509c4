import { TZDate } from '@date-fns/tz';

/**
 * Reads `YYYY-MM-DD` or an ISO date-time with offset as a calendar date in the office's time zone, never the
 * server's: 2020-03-31T20:00:00Z is already 1 April in Kupang (UTC+8). Undefined for dates that do not exist.
 */
export function calendarDate(text: string, timeZone: string): TZDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    const date = new TZDate(y, mo - 1, d, timeZone);
    if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return undefined;
    return date;
  }
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) return undefined;
  const inZone = new TZDate(ms, timeZone);
  const day = new TZDate(inZone.getFullYear(), inZone.getMonth(), inZone.getDate(), timeZone);
  // Date.parse rolls 2021-02-30T… over to March; refuse instead of guessing.
  const [datePart] = text.split('T');
  const [y, mo, d] = (datePart ?? '').split('-').map(Number);
  const check = new Date(Date.UTC(y as number, (mo as number) - 1, d as number));
  if (check.getUTCMonth() !== (mo as number) - 1 || check.getUTCDate() !== d) return undefined;
  return day;
}
