import type { IsoDate } from '../core/units.ts';
import {
  isNyseHoliday, isNyseTradingDay, NYSE_OPEN_MINUTES, nthWeekday, nyseCloseMinutes, nyseDateOfDayNumber,
  nyseDayNumber, weekday,
} from '../core/calendar/nyse-calendar.ts';

/**
 * The US listed-options trading calendar the synthetic tape runs on: which dates trade, when the session
 * closes, and which dates options expire. Holidays, one-off closures and early closes are the core NYSE
 * calendar's (src/core/calendar/nyse-calendar.ts; Cboe options trade the same days); this file adds only what
 * the generator needs on top: the trading day before a date and the monthly expiration.
 */

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export const dayNumber = nyseDayNumber;
/** The `YYYY-MM-DD` date of a day number. */
export const dateOfDayNumber = nyseDateOfDayNumber;
/** Day of week of a day number: 0 Sunday … 6 Saturday. */
export { weekday };
/** True when US equity options do not trade that date for a holiday (weekends aside). */
export const isMarketHoliday = isNyseHoliday;
/** True on a weekday that is not a market holiday. */
export const isTradingDay = isNyseTradingDay;
/** The session's close as minutes after New York midnight: 960 (16:00), or 780 (13:00) on early-close days. */
export const sessionCloseMinutes = nyseCloseMinutes;
/** The session opens at 09:30 New York time on every trading day. */
export const SESSION_OPEN_MINUTES = NYSE_OPEN_MINUTES;

/** The trading day before `date`. */
export function previousTradingDay(date: string): IsoDate {
  return tradingDayOnOrBefore(dayNumber(date) - 1);
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
