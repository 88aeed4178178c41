import type { IsoDate } from '../core/units.ts';
import { isoDate } from '../core/units.ts';

/**
 * The US listed-options trading calendar the synthetic tape runs on: which dates trade, when the session
 * closes, and which dates options expire. Holidays follow the NYSE rules (NYSE Rule 7.2 and the published
 * holiday lists; Cboe options follow the same days), computed by rule so any year works, plus the one-off
 * closures listed below. Dates are `YYYY-MM-DD`; day numbers count days since 1970-01-01.
 */

/** Unscheduled full-day closures (national days of mourning, storms) that no rule produces. */
const SPECIAL_CLOSURES: ReadonlySet<string> = new Set([
  '2001-09-11', '2001-09-12', '2001-09-13', '2001-09-14', '2004-06-11', '2007-01-02',
  '2012-10-29', '2012-10-30', '2018-12-05', '2025-01-09',
]);

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function dayNumber(date: string): number {
  return Math.round(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS);
}

/** The `YYYY-MM-DD` date of a day number. */
export function dateOfDayNumber(n: number): IsoDate {
  return isoDate(new Date(n * DAY_MS).toISOString().slice(0, 10));
}

/** Day of week of a day number: 0 Sunday … 6 Saturday (1970-01-01 was a Thursday). */
export function weekday(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

function ymd(y: number, m: number, d: number): number {
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** The k-th (1-based) given weekday of a month; k = -1 gives the last one. */
function nthWeekday(y: number, m: number, wd: number, k: number): number {
  if (k > 0) {
    const first = ymd(y, m, 1);
    return first + ((wd - weekday(first) + 7) % 7) + 7 * (k - 1);
  }
  const last = ymd(y, m + 1, 1) - 1;
  return last - ((weekday(last) - wd + 7) % 7);
}

/** Easter Sunday (Gregorian; Anonymous/Meeus–Jones–Butcher algorithm). */
function easter(y: number): number {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30, i = Math.floor(c / 4), k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd(y, month, day);
}

/** A fixed-date holiday moved to Friday when on Saturday and Monday when on Sunday. */
function observed(n: number): number {
  const wd = weekday(n);
  return wd === 6 ? n - 1 : wd === 0 ? n + 1 : n;
}

const holidayCache = new Map<number, ReadonlySet<number>>();

/** The NYSE full-day holidays of a year, as day numbers. */
function holidaysOf(y: number): ReadonlySet<number> {
  const hit = holidayCache.get(y);
  if (hit !== undefined) return hit;
  const s = new Set<number>();
  const newYear = ymd(y, 1, 1);
  if (weekday(newYear) !== 6) s.add(observed(newYear)); // a Saturday New Year is not observed on Friday Dec 31
  if (y >= 1998) s.add(nthWeekday(y, 1, 1, 3)); // Martin Luther King Jr. Day
  s.add(nthWeekday(y, 2, 1, 3)); // Washington's Birthday
  s.add(easter(y) - 2); // Good Friday
  s.add(nthWeekday(y, 5, 1, -1)); // Memorial Day
  if (y >= 2022) s.add(observed(ymd(y, 6, 19))); // Juneteenth
  s.add(observed(ymd(y, 7, 4)));
  s.add(nthWeekday(y, 9, 1, 1)); // Labor Day
  s.add(nthWeekday(y, 11, 4, 4)); // Thanksgiving
  s.add(observed(ymd(y, 12, 25)));
  holidayCache.set(y, s);
  return s;
}

/** True when US equity options do not trade that date for a holiday (weekends aside). */
export function isMarketHoliday(date: string): boolean {
  if (SPECIAL_CLOSURES.has(date)) return true;
  return holidaysOf(+date.slice(0, 4)).has(dayNumber(date));
}

/** True on a weekday that is not a market holiday. */
export function isTradingDay(date: string): boolean {
  const wd = weekday(dayNumber(date));
  return wd !== 0 && wd !== 6 && !isMarketHoliday(date);
}

/**
 * The session's close as minutes after New York midnight: 960 (16:00), or 780 (13:00) on the NYSE early-close
 * days (the day after Thanksgiving; Christmas Eve and July 3 when they are trading days and, for July 3, when
 * July 4 falls Tuesday–Friday).
 */
export function sessionCloseMinutes(date: string): number {
  const n = dayNumber(date);
  const y = +date.slice(0, 4);
  const earlyClose = n === nthWeekday(y, 11, 4, 4) + 1
    || (date.slice(5) === '12-24' && isTradingDay(date))
    || (date.slice(5) === '07-03' && isTradingDay(date) && weekday(n + 1) >= 2 && weekday(n + 1) <= 5);
  return earlyClose ? 780 : 960;
}

/** The session opens at 09:30 New York time on every trading day. */
export const SESSION_OPEN_MINUTES = 570;

/** The trading day before `date`. */
export function previousTradingDay(date: string): IsoDate {
  let n = dayNumber(date) - 1;
  while (!isTradingDay(dateOfDayNumber(n))) n--;
  return dateOfDayNumber(n);
}

/** The trading day on or before `n` (expirations that fall on a holiday move to the prior trading day). */
export function tradingDayOnOrBefore(n: number): IsoDate {
  let k = n;
  while (!isTradingDay(dateOfDayNumber(k))) k--;
  return dateOfDayNumber(k);
}

/** Standard monthly expiration: the third Friday of the month, or the trading day before it on a holiday. */
export function monthlyExpiry(year: number, month: number): IsoDate {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((month - 1) % 12 + 12) % 12 + 1;
  return tradingDayOnOrBefore(nthWeekday(y, m, 5, 3));
}
