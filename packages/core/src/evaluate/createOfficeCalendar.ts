import type { UTCDate } from '@date-fns/utc';
// Subpath imports: the date-fns index loads all of its ~250 modules (about 16 MiB of a process's memory).
import { addMonths } from 'date-fns/addMonths';
import { differenceInCalendarMonths } from 'date-fns/differenceInCalendarMonths';
import { differenceInMonths } from 'date-fns/differenceInMonths';
import { differenceInYears } from 'date-fns/differenceInYears';
import { BoundedMemo } from '../util/BoundedMemo.js';
import { BoundedPairMemo } from '../util/BoundedPairMemo.js';
import { calendarDate } from './calendarDate.js';

/**
 * Calendar arithmetic in one office's time zone, memoised. Every appraisal of a cohort repeats the same period
 * dates and most ranks began on one of a few hundred days, so each distinct date and difference is computed once
 * per compiled rubric instead of once per appraisal. Results are shared: callers must not mutate the dates.
 */
export interface OfficeCalendar {
  /** `calendarDate(text, timeZone)`: the calendar day, or undefined when there is no such day. */
  day(text: string): UTCDate | undefined;
  /** Whole years and months from `since` to `end` (both valid days), as date-fns counts them. */
  between(end: string, since: string): { readonly years: number; readonly months: number };
  /**
   * Calendar months from `start` to `end` inclusive, the years `start` and `end` fall in, and `length`: the fewest
   * whole months N with `end` before `start` + N months, so 1 January to 31 December is 12 and 15 January to
   * 15 February is 2 (both valid days, `end` not before `start`).
   */
  span(
    start: string,
    end: string,
  ): { readonly months: number; readonly year: number; readonly startYear: number; readonly length: number };
}

/** Builds the memoised calendar of an office in `timeZone`. */
export function createOfficeCalendar(timeZone: string): OfficeCalendar {
  const days = new BoundedMemo((text) => calendarDate(text, timeZone));
  const day = (text: string) => days.get(text);
  const betweens = new BoundedPairMemo((endText, sinceText) => {
    const end = day(endText) as UTCDate;
    const since = day(sinceText) as UTCDate;
    return { years: differenceInYears(end, since), months: differenceInMonths(end, since) };
  });
  const spans = new BoundedPairMemo((startText, endText) => {
    const start = day(startText) as UTCDate;
    const end = day(endText) as UTCDate;
    const calendarMonths = differenceInCalendarMonths(end, start);
    // `end` lies in the month `start` + calendarMonths, so it is before start + calendarMonths + 1 months and after
    // start + calendarMonths − 1 months: the length is one of those two.
    const length =
      end.getTime() < addMonths(start, calendarMonths).getTime() ? calendarMonths : calendarMonths + 1;
    return {
      months: calendarMonths + 1,
      year: end.getFullYear(),
      startYear: start.getFullYear(),
      length,
    };
  });
  return {
    day,
    between: (end, since) => betweens.get(end, since),
    span: (start, end) => spans.get(start, end),
  };
}
