import { newYorkDate } from '../calendar/new-york-date.ts';
import { NYSE_OPEN_MINUTES, isNyseTradingDay, nyseCloseMinutes } from '../calendar/nyse-calendar.ts';
import type { DarkPoolSettings } from '../dark-pool/dark-pool-settings.ts';
import type { EquityPrint } from '../dark-pool/equity-print.ts';
import { isRegularSession, newYorkMsOfDay } from '../dark-pool/regular-session.ts';
import type { EpochMs, PricePerShare, Shares } from '../units.ts';

/** Bar lengths the bars are built for, in minutes: each divides the hour, so every bar starts on a clock multiple. */
export const BAR_INTERVAL_MINUTES = [1, 5, 15, 30, 60] as const;
export type BarIntervalMinutes = (typeof BAR_INTERVAL_MINUTES)[number];

/** The fields of a print a bar reads. */
export type BarTrade = Pick<EquityPrint, 'ts' | 'price' | 'size' | 'conditions'>;

/** One OHLCV bar. Prices are null when every print in the bar carried a non-informative condition. */
export interface TradeBar {
  /** Start of the bar (docs/methodology.md "Price bars from the equity tape"). */
  readonly start: EpochMs;
  readonly open: PricePerShare | null;
  readonly high: PricePerShare | null;
  readonly low: PricePerShare | null;
  readonly close: PricePerShare | null;
  /** Every print's shares, non-informative ones included. */
  readonly volume: Shares;
  /** Σ price × size / Σ size over the prints that set the prices (not over the non-informative ones). */
  readonly vwap: PricePerShare | null;
  /** Prints in the bar, non-informative ones included. */
  readonly prints: number;
}

export interface TradeBarOptions {
  readonly intervalMinutes: BarIntervalMinutes;
  /** Pre-market and post-market prints make their own bars too (default: regular session only). */
  readonly extendedHours: boolean;
}

const MINUTE_MS = 60_000;
const DAY_MINUTES = 1440;

/** Wall-clock minute at which the session segment holding `msOfDay` starts: 0 (pre-market or a non-trading day), the open, or the close. */
function segmentStartMinutes(ts: EpochMs, msOfDay: number, regular: boolean, closeByDate: Map<string, number>): number {
  if (regular) return NYSE_OPEN_MINUTES;
  const date = newYorkDate(ts);
  let close = closeByDate.get(date);
  if (close === undefined) {
    close = isNyseTradingDay(date) ? nyseCloseMinutes(date) : DAY_MINUTES;
    closeByDate.set(date, close);
  }
  return msOfDay >= close * MINUTE_MS ? close : 0;
}

interface OpenBar {
  start: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  priced: number;
  notional: number;
  prints: number;
}

function closeBar(b: OpenBar): TradeBar {
  const priced = b.priced > 0;
  return {
    start: b.start as EpochMs,
    open: (priced ? b.open : null) as PricePerShare | null,
    high: (priced ? b.high : null) as PricePerShare | null,
    low: (priced ? b.low : null) as PricePerShare | null,
    close: (priced ? b.close : null) as PricePerShare | null,
    volume: b.volume as Shares,
    vwap: (priced ? b.notional / b.priced : null) as PricePerShare | null,
    prints: b.prints,
  };
}

/**
 * OHLCV bars of `intervalMinutes` from time-ordered equity prints: what a trader's candlestick chart of the tape
 * shows. A bar's start is the print's New York wall-clock time rounded down to a multiple of the interval counted
 * from New York midnight, but never earlier than the start of the print's session segment — pre-market
 * (00:00 to 09:30), regular (09:30 to the close: 16:00, 13:00 on early-close days, nyse-calendar.ts) and
 * post-market (the close to 24:00) — so no bar mixes two segments: the regular session's 5-minute bars start at
 * 09:30, 09:35, …; its 60-minute bars at 09:30 (a half hour: 09:30–10:00), 10:00, 11:00, … 15:00, as the
 * LEAN/AlgoSeek hourly bars do. Prints outside the regular session (isRegularSession: the dark-pool
 * classification's after-hours rule; holidays have none) are left out unless `extendedHours`.
 * Prints the dark-pool classification calls non-informative (classifyPrint's PRINT_NON_INFORMATIVE: a condition
 * in settings.nonInformativeMask: average price, prior reference price, derivatively priced, …;
 * sale-conditions.ts NON_INFORMATIVE_MASK by default) are kept out of
 * open/high/low/close and VWAP, since their price is not where the stock traded then, but their shares count
 * in the volume (docs/methodology.md "Price bars from the equity tape").
 * Formula: open/close = first/last informative price of the bar, high/low = max/min, VWAP = Σ(p × q)/Σq over
 * informative prints ($/share), volume = Σq over all prints (shares). Bars without prints are not emitted.
 * The bar start is `ts` minus its wall-clock distance from the bar start, exact unless a daylight-saving change
 * falls inside the bar (01:00–03:00 on the change nights, when no US equity session trades).
 * Throws RangeError when a print is earlier than the one before it (the input must be in time order).
 */
export function tradeBars(trades: readonly BarTrade[], options: TradeBarOptions, settings: Pick<DarkPoolSettings, 'nonInformativeMask'>): TradeBar[] {
  const intervalMs = options.intervalMinutes * MINUTE_MS;
  if (!BAR_INTERVAL_MINUTES.includes(options.intervalMinutes)) {
    throw new RangeError(`bar interval was ${options.intervalMinutes} minutes; expected one of ${BAR_INTERVAL_MINUTES.join(', ')}`);
  }
  const out: TradeBar[] = [];
  const closeByDate = new Map<string, number>();
  const mask = settings.nonInformativeMask;
  let bar: OpenBar | null = null;
  let previous = -Infinity;
  for (let i = 0; i < trades.length; i++) {
    const t = trades[i] as BarTrade;
    if (t.ts < previous) throw new RangeError(`print ${i} at ${t.ts} ms is earlier than print ${i - 1} at ${previous} ms; expected time order`);
    previous = t.ts;
    const regular = isRegularSession(t.ts);
    if (!regular && !options.extendedHours) continue;
    const msOfDay = newYorkMsOfDay(t.ts);
    const segmentMs = segmentStartMinutes(t.ts, msOfDay, regular, closeByDate) * MINUTE_MS;
    const startMs = Math.max(Math.floor(msOfDay / intervalMs) * intervalMs, segmentMs);
    const start = t.ts - (msOfDay - startMs);
    if (bar === null || bar.start !== start) {
      if (bar !== null) out.push(closeBar(bar));
      bar = { start, open: 0, high: -Infinity, low: Infinity, close: 0, volume: 0, priced: 0, notional: 0, prints: 0 };
    }
    bar.volume += t.size;
    bar.prints++;
    // classifyPrint's PRINT_NON_INFORMATIVE bit, read from the same settings mask.
    if ((t.conditions & mask) !== 0) continue;
    if (bar.priced === 0) bar.open = t.price;
    if (t.price > bar.high) bar.high = t.price;
    if (t.price < bar.low) bar.low = t.price;
    bar.close = t.price;
    bar.priced += t.size;
    bar.notional += t.price * t.size;
  }
  if (bar !== null) out.push(closeBar(bar));
  return out;
}
