import type { EpochMs, IsoDate } from '../units.ts';
import { newYorkDate, newYorkWallClockToEpochMs } from '../calendar/new-york-date.ts';
import { nyseCloseMinutes, NYSE_OPEN_MINUTES } from '../calendar/nyse-calendar.ts';

/** One OHLCV bar covering [start, end) — any resolution (1-min, 5-min, 30-min, hourly). */
export interface IntradayBar {
  readonly start: EpochMs;
  readonly end: EpochMs;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

/** One day of the Smart Money Index. Changes are in index (price) points. */
export interface SmiPoint {
  readonly date: IsoDate;
  readonly smi: number;
  readonly first_half_hour_change: number;
  readonly last_hour_change: number;
  readonly close: number;
}

/** A day left out, with the reason (never guessed). */
export interface SmiSkip {
  readonly date: IsoDate;
  readonly reason: string;
}

export interface SmiResult {
  readonly start_value: number;
  readonly series: readonly SmiPoint[];
  readonly skipped: readonly SmiSkip[];
}

/** The four prices one day of the SMI needs, read from that day's bars. */
export interface SmiDayPrices {
  readonly open930: number;
  readonly price1000: number;
  readonly priceLastHourStart: number;
  readonly close: number;
}

/**
 * Today's SMI from yesterday's (Don Hayes; seed 002): SMI_t = SMI_{t−1} − first-half-hour change + last-hour
 * change, all in index points. Worked example of the seed: 2,950 − 35 + 20 = 2,935.
 */
export function nextSmi(previous: number, firstHalfHourChange: number, lastHourChange: number): number {
  return previous - firstHalfHourChange + lastHourChange;
}

/**
 * Reads the four SMI prices of one New York date from its bars, or says why it cannot. The 09:30 open is the
 * open of the bar starting at 09:30; the price at 10:00 is the close of the bar ending at 10:00; the price at
 * the start of the last hour is the close of the bar ending 60 minutes before the session close (15:00, or
 * 12:00 on a 13:00 early close, per src/core/calendar/nyse-calendar.ts); the close is that of the bar ending
 * at the session close. Bars must meet those instants exactly, so any resolution that resolves the windows
 * works (hourly LEAN bars whose first bar is 09:30–10:00, 30-, 5- or 1-minute bars) and none is interpolated.
 */
export function smiDayPrices(date: IsoDate, bars: readonly IntradayBar[]): SmiDayPrices | string {
  const closeMin = nyseCloseMinutes(date);
  const at = (min: number): number => newYorkWallClockToEpochMs(date, Math.floor(min / 60), min % 60, 0, 0);
  const openT = at(NYSE_OPEN_MINUTES), tenT = at(600), lastT = at(closeMin - 60), closeT = at(closeMin);
  let openBar: IntradayBar | undefined, tenBar: IntradayBar | undefined;
  let lastBar: IntradayBar | undefined, closeBar: IntradayBar | undefined;
  for (const b of bars) {
    if (b.start === openT) openBar = b;
    if (b.end === tenT) tenBar = b;
    if (b.end === lastT) lastBar = b;
    if (b.end === closeT) closeBar = b;
  }
  const hhmm = (min: number): string => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
  const missing: string[] = [];
  if (openBar === undefined) missing.push('no bar starting at 09:30');
  if (tenBar === undefined) missing.push('no bar ending at 10:00');
  if (lastBar === undefined) missing.push(`no bar ending at ${hhmm(closeMin - 60)}`);
  if (closeBar === undefined) missing.push(`no bar ending at the ${hhmm(closeMin)} close`);
  if (openBar === undefined || tenBar === undefined || lastBar === undefined || closeBar === undefined) {
    return missing.join('; ');
  }
  return { open930: openBar.open, price1000: tenBar.close, priceLastHourStart: lastBar.close, close: closeBar.close };
}

/**
 * The Don Hayes Smart Money Index over a run of intraday bars. What it tells a trader: whether the session's
 * last hour (professionals, acting on the whole day) agrees with its first half hour (the crowd, reacting to
 * overnight news). first_half_hour_change = price at 10:00 − 09:30 open; last_hour_change = close − price at
 * the start of the last hour; SMI_t = SMI_{t−1} − first_half_hour_change + last_hour_change, from
 * `startValue`, in price points of the instrument. Days are New York dates of the bars' starts; a day whose
 * bars do not cover both windows goes to `skipped` with the reason and leaves the SMI unchanged.
 * Source: seed 002 (Don Hayes, 1990s).
 */
export function smartMoneyIndex(bars: readonly IntradayBar[], startValue: number): SmiResult {
  const byDate = new Map<IsoDate, IntradayBar[]>();
  for (const b of bars) {
    const d = newYorkDate(b.start);
    const list = byDate.get(d);
    if (list === undefined) byDate.set(d, [b]);
    else list.push(b);
  }
  const dates = [...byDate.keys()].sort();
  const series: SmiPoint[] = [];
  const skipped: SmiSkip[] = [];
  let smi = startValue;
  for (const date of dates) {
    const p = smiDayPrices(date, byDate.get(date) ?? []);
    if (typeof p === 'string') {
      skipped.push({ date, reason: p });
      continue;
    }
    const first = p.price1000 - p.open930;
    const last = p.close - p.priceLastHourStart;
    smi = nextSmi(smi, first, last);
    series.push({ date, smi, first_half_hour_change: first, last_hour_change: last, close: p.close });
  }
  return { start_value: startValue, series, skipped };
}
