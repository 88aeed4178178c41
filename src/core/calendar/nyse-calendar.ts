import type { IsoDate } from '../units.ts';
import { isoDate } from '../units.ts';

/**
 * The NYSE trading calendar, 1998 onward, by rule: which dates trade and when the regular session closes
 * (New York time). Holidays follow NYSE Rule 7.2 and the published holiday lists (New Year, Martin Luther
 * King Jr. Day from 1998, Washington's Birthday, Good Friday, Memorial Day, Juneteenth from 2022, Independence
 * Day, Labor Day, Thanksgiving, Christmas; Saturday holidays observed Friday, Sunday ones Monday, except a
 * Saturday New Year), plus the one-off closures below. Early closes (13:00): the day after Thanksgiving,
 * Christmas Eve and July 3 when they trade (July 3 only when July 4 falls Tuesday–Friday), plus listed
 * one-offs. Adapted from src/synthetic/us-market-calendar.ts with pure day arithmetic (no Date).
 */

/** Unscheduled full-day closures (national days of mourning, 9/11, Hurricane Sandy). */
const SPECIAL_CLOSURES: ReadonlySet<string> = new Set([
  '2001-09-11', '2001-09-12', '2001-09-13', '2001-09-14', '2004-06-11', '2007-01-02',
  '2012-10-29', '2012-10-30', '2018-12-05', '2025-01-09',
]);

/** Early closes no rule produces (NYSE closed at 13:00 on Fridays 2002-07-05 and 2003-12-26). */
const SPECIAL_EARLY_CLOSES: ReadonlySet<string> = new Set(['2002-07-05', '2003-12-26']);

/** Regular session open, minutes after New York midnight (09:30). */
export const NYSE_OPEN_MINUTES = 570;
/** Regular session close, minutes after New York midnight (16:00). */
export const NYSE_CLOSE_MINUTES = 960;
/** Early-close session close, minutes after New York midnight (13:00). */
export const NYSE_EARLY_CLOSE_MINUTES = 780;

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function ymd(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function nyseDayNumber(date: string): number {
  return ymd(+date.slice(0, 4), +date.slice(5, 7), +date.slice(8, 10));
}

/** The `YYYY-MM-DD` date of a day number (Hinnant's civil_from_days). */
export function nyseDateOfDayNumber(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return isoDate(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
}

/** Day of week of a day number: 0 Sunday … 6 Saturday (1970-01-01 was a Thursday). */
export function weekday(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

/** The k-th (1-based) given weekday of a month; k = -1 gives the last one. */
export function nthWeekday(y: number, m: number, wd: number, k: number): number {
  if (k > 0) {
    const first = ymd(y, m, 1);
    return first + ((wd - weekday(first) + 7) % 7) + 7 * (k - 1);
  }
  const last = (m === 12 ? ymd(y + 1, 1, 1) : ymd(y, m + 1, 1)) - 1;
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

function holidaysOf(y: number): ReadonlySet<number> {
  const hit = holidayCache.get(y);
  if (hit !== undefined) return hit;
  const s = new Set<number>();
  const newYear = ymd(y, 1, 1);
  if (weekday(newYear) !== 6) s.add(observed(newYear));
  if (y >= 1998) s.add(nthWeekday(y, 1, 1, 3));
  s.add(nthWeekday(y, 2, 1, 3));
  s.add(easter(y) - 2);
  s.add(nthWeekday(y, 5, 1, -1));
  if (y >= 2022) s.add(observed(ymd(y, 6, 19)));
  s.add(observed(ymd(y, 7, 4)));
  s.add(nthWeekday(y, 9, 1, 1));
  s.add(nthWeekday(y, 11, 4, 4));
  s.add(observed(ymd(y, 12, 25)));
  holidayCache.set(y, s);
  return s;
}

/** True when the NYSE is closed all day for a holiday or a one-off closure (weekends aside). */
export function isNyseHoliday(date: string): boolean {
  if (SPECIAL_CLOSURES.has(date)) return true;
  return holidaysOf(+date.slice(0, 4)).has(nyseDayNumber(date));
}

/** True on a weekday that is not an NYSE holiday. */
export function isNyseTradingDay(date: string): boolean {
  const wd = weekday(nyseDayNumber(date));
  return wd !== 0 && wd !== 6 && !isNyseHoliday(date);
}

/** True on an NYSE early-close (13:00) day. */
export function isNyseEarlyClose(date: string): boolean {
  if (!isNyseTradingDay(date)) return false;
  if (SPECIAL_EARLY_CLOSES.has(date)) return true;
  const n = nyseDayNumber(date);
  const y = +date.slice(0, 4);
  return n === nthWeekday(y, 11, 4, 4) + 1
    || date.slice(5) === '12-24'
    || (date.slice(5) === '07-03' && weekday(n + 1) >= 2 && weekday(n + 1) <= 5);
}

/**
 * The regular session's close as minutes after New York midnight: 960 (16:00), or 780 (13:00) on early-close
 * days. A trader reads "the last hour" as the 60 minutes before this.
 */
export function nyseCloseMinutes(date: string): number {
  return isNyseEarlyClose(date) ? NYSE_EARLY_CLOSE_MINUTES : NYSE_CLOSE_MINUTES;
}
