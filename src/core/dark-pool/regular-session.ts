import { Temporal } from 'temporal-polyfill';
import { newYorkDate } from '../calendar/new-york-date.ts';
import { NYSE_OPEN_MINUTES, isNyseTradingDay, nyseCloseMinutes } from '../calendar/nyse-calendar.ts';
import type { EpochMs } from '../units.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const offsetCache = new Map<number, number>();
const tradingDayCache = new Map<string, number>();

/**
 * Milliseconds after New York midnight (wall clock, daylight saving respected) of an instant. The zone offset
 * is looked up once per UTC hour and cached (offsets change only on whole hours), so this costs a Map lookup.
 */
export function newYorkMsOfDay(ts: EpochMs): number {
  const hour = Math.floor(ts / HOUR_MS);
  let offset = offsetCache.get(hour);
  if (offset === undefined) {
    offset = Temporal.Instant.fromEpochMilliseconds(hour * HOUR_MS)
      .toZonedDateTimeISO('America/New_York').offsetNanoseconds / 1e6;
    if (offsetCache.size > 200_000) offsetCache.clear();
    offsetCache.set(hour, offset);
  }
  const local = ts + offset;
  return ((local % DAY_MS) + DAY_MS) % DAY_MS;
}

/**
 * True when a print falls in the NYSE regular session of its New York day: a trading day (NYSE holidays are
 * wholly outside), from 09:30:00.000 inclusive to the close exclusive (16:00, or 13:00 on early-close days;
 * src/core/calendar/nyse-calendar.ts). Everything else is "after hours" in the dark-pool classification:
 * pre-market, post-market, closing-auction reports stamped after the bell, and prints on holidays.
 */
export function isRegularSession(ts: EpochMs): boolean {
  const date = newYorkDate(ts);
  let close = tradingDayCache.get(date);
  if (close === undefined) {
    close = isNyseTradingDay(date) ? nyseCloseMinutes(date) : -1;
    if (tradingDayCache.size > 100_000) tradingDayCache.clear();
    tradingDayCache.set(date, close);
  }
  if (close < 0) return false;
  const ms = newYorkMsOfDay(ts);
  return ms >= NYSE_OPEN_MINUTES * MINUTE_MS && ms < close * MINUTE_MS;
}
