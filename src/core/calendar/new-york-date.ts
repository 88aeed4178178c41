import { Temporal } from 'temporal-polyfill';
import type { EpochMs, IsoDate } from '../units.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const cache = new Map<number, IsoDate>();

/**
 * The calendar date in New York (America/New_York, daylight saving respected) of an instant.
 * Offsets change only on whole hours, so the answer is computed once per UTC hour and cached:
 * the per-print cost on a tape is one Map lookup. Pure: the cache is a memo of a pure function.
 */
export function newYorkDate(ts: EpochMs): IsoDate {
  const hour = Math.floor(ts / HOUR_MS);
  const hit = cache.get(hour);
  if (hit !== undefined) return hit;
  const date = Temporal.Instant.fromEpochMilliseconds(hour * HOUR_MS)
    .toZonedDateTimeISO('America/New_York')
    .toPlainDate()
    .toString() as IsoDate;
  if (cache.size > 200_000) cache.clear();
  cache.set(hour, date);
  return date;
}

/** Days from `from` to `to` (both `YYYY-MM-DD`), as whole calendar days; negative when `to` is earlier. */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  const diff = dateUtc(+to.slice(0, 4), +to.slice(5, 7) - 1, +to.slice(8, 10))
    - dateUtc(+from.slice(0, 4), +from.slice(5, 7) - 1, +from.slice(8, 10));
  return Math.round(diff / DAY_MS);
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function dateUtc(y: number, m0: number, d: number): number {
  const m = m0 + 1;
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return (era * 146097 + doe - 719468) * DAY_MS;
}

/**
 * New York local wall-clock time → UTC epoch ms, for a date and a time of day in New York.
 * Used to turn vendor timestamps written in Eastern time without an offset (Cboe DataShop) into instants.
 */
export function newYorkWallClockToEpochMs(date: IsoDate, hour: number, minute: number, second: number, ms: number): EpochMs {
  const zdt = Temporal.ZonedDateTime.from({
    timeZone: 'America/New_York',
    year: +date.slice(0, 4), month: +date.slice(5, 7), day: +date.slice(8, 10),
    hour, minute, second, millisecond: ms,
  });
  return zdt.epochMilliseconds as EpochMs;
}
