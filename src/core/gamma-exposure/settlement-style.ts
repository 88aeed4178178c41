/**
 * Which clock an expiry runs on. Equity and ETF options, and PM-settled index options (SPXW, NDXP, RUTW),
 * stop at the 16:00 New York close; the standard monthly index options (SPX, NDX, RUT, DJX on their third
 * Friday) and VIX options settle on the next morning's special opening quotation, so their clock stops at 09:30
 * (Cboe product specifications; src/core/pricing/time-to-expiry.ts). Decision and limits in
 * docs/methodology-chain.md ("Time to expiry").
 */
import type { Settlement } from '../pricing/time-to-expiry.ts';
import type { IsoDate } from '../units.ts';
import type { ChainAnalyticsSettings } from './chain-analytics-settings.ts';

/**
 * 'AM' or 'PM' for one root and expiry date: forced by `settings.settlement` when not 'auto'; else AM for every
 * expiry of an `amSettledRoots` root, AM for the third Friday of an `amSettledThirdFridayRoots` root, PM otherwise.
 * A third-Friday expiry moved to Thursday by a holiday (Good Friday) is not recognised and runs to 16:00.
 */
export function settlementOf(
  underlying: string, expiry: IsoDate,
  settings: Pick<ChainAnalyticsSettings, 'settlement' | 'amSettledRoots' | 'amSettledThirdFridayRoots'>,
): Settlement {
  if (settings.settlement !== 'auto') return settings.settlement;
  if (settings.amSettledRoots.includes(underlying)) return 'AM';
  if (settings.amSettledThirdFridayRoots.includes(underlying) && isThirdFriday(expiry)) return 'AM';
  return 'PM';
}

/** True when a `YYYY-MM-DD` date is the third Friday of its month (a Friday on day 15–21). */
export function isThirdFriday(date: IsoDate): boolean {
  const day = +date.slice(8, 10);
  return day >= 15 && day <= 21 && weekdayOf(+date.slice(0, 4), +date.slice(5, 7), day) === 5;
}

const MONTH_OFFSET = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];

/** Day of the week, 0 = Sunday … 6 = Saturday, of a Gregorian date (Sakamoto's method). */
export function weekdayOf(year: number, month: number, day: number): number {
  const y = month < 3 ? year - 1 : year;
  return (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + (MONTH_OFFSET[month - 1] as number) + day) % 7;
}
