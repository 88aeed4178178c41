import { newYorkDate } from '../core/calendar/new-york-date.ts';
import type { EpochMs, IsoDate } from '../core/units.ts';

const DAY_MS = 86_400_000;

/** The calendar date after `day` (`YYYY-MM-DD`, proleptic Gregorian). */
export function nextDate(day: IsoDate): IsoDate {
  const ms = Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) + DAY_MS;
  return new Date(ms).toISOString().slice(0, 10) as IsoDate;
}

/**
 * The New York days a look-back window (at − windowMinutes, at] overlaps, oldest first. The engine scores each
 * contract per New York day with nothing carried between days (flow-tape.ts), so these days' prints up to `at`
 * give exactly the signals of the window: a print on an earlier day is at or before the window's start.
 */
export function windowDays(at: EpochMs, windowMinutes: number): IsoDate[] {
  const first = newYorkDate((at - windowMinutes * 60_000 + 1) as EpochMs);
  const last = newYorkDate(at);
  const days: IsoDate[] = [first];
  for (let d = first; d < last; ) {
    d = nextDate(d);
    days.push(d);
  }
  return days;
}
