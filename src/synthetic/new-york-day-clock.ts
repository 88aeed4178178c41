import type { EpochMs, IsoDate } from '../core/units.ts';
import { newYorkWallClockToEpochMs } from '../core/calendar/new-york-date.ts';

const PAD2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const PAD3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
const MINUTE_MS = 60_000;

/** Instants and ISO-8601 text for one New York calendar day, daylight saving respected. */
export interface NewYorkDayClock {
  readonly date: IsoDate;
  /** The UTC offset of New York that day after 03:00 local, in minutes (−240 in EDT, −300 in EST). */
  readonly offsetMinutes: number;
  /** The instant of a New York wall-clock time that day (minutes after midnight plus milliseconds). */
  epochAt(minutesOfDay: number, extraMs?: number): EpochMs;
  /**
   * `YYYY-MM-DDTHH:MM:SS.mmm±HH:MM` in New York time, e.g. `2025-03-14T10:31:07.250-04:00` — the tape's
   * timestamp form (docs/formats.md). Only for instants from 03:00 to midnight local, where the offset is fixed
   * (US clocks change at 02:00); anything else is a RangeError.
   */
  format(ts: number): string;
}

/**
 * The clock of one New York day. Offsets come from the IANA zone through Temporal (core calendar); the
 * formatting itself is string arithmetic on cached digit tables, cheap enough for millions of prints.
 */
export function newYorkDayClock(date: IsoDate): NewYorkDayClock {
  const y = +date.slice(0, 4), m = +date.slice(5, 7), d = +date.slice(8, 10);
  const noon = newYorkWallClockToEpochMs(date, 12, 0, 0, 0);
  const offsetMinutes = (Date.UTC(y, m - 1, d, 12) - noon) / MINUTE_MS;
  const midnightLocalAsUtc = Date.UTC(y, m - 1, d) - offsetMinutes * MINUTE_MS;
  const abs = Math.abs(offsetMinutes);
  const offsetText = `${offsetMinutes < 0 ? '-' : '+'}${PAD2[Math.floor(abs / 60)]}:${PAD2[abs % 60]}`;
  const prefix = `${date}T`;
  const from = midnightLocalAsUtc + 180 * MINUTE_MS;
  const to = midnightLocalAsUtc + 1440 * MINUTE_MS;
  return {
    date,
    offsetMinutes,
    epochAt: (minutesOfDay, extraMs = 0) => (midnightLocalAsUtc + minutesOfDay * MINUTE_MS + extraMs) as EpochMs,
    format(ts) {
      if (!(ts >= from && ts < to) || !Number.isInteger(ts)) {
        throw new RangeError(`ts was ${ts}; expected a whole-millisecond instant between 03:00 and 24:00 New York time on ${date}`);
      }
      let ms = ts - midnightLocalAsUtc;
      const milli = ms % 1000;
      ms = (ms - milli) / 1000;
      const sec = ms % 60;
      ms = (ms - sec) / 60;
      const min = ms % 60;
      const hour = (ms - min) / 60;
      return `${prefix}${PAD2[hour]}:${PAD2[min]}:${PAD2[sec]}.${PAD3[milli]}${offsetText}`;
    },
  };
}
