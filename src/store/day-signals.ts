import { createHash } from 'node:crypto';
import { newYorkWallClockToEpochMs } from '../core/calendar/new-york-date.ts';
import type { ChainContract } from '../core/options-flow/chain.ts';
import type { FlowSettings } from '../core/options-flow/flow-settings.ts';
import type { FlowSignal } from '../core/options-flow/flow-signal.ts';
import { FlowTape, type TapeStats } from '../core/options-flow/flow-tape.ts';
import type { OptionTrade } from '../core/options-flow/option-trade.ts';
import { SettledOiBook } from '../core/options-flow/settled-oi-book.ts';
import type { EpochMs, IsoDate } from '../core/units.ts';

/**
 * What a day's stored signals were computed from (docs/store.md "Day signals"). Two equal stamps mean the same
 * signals: the data only grows, so the counts name the rows, and the settings id names the scoring.
 */
export interface DaySignalsStamp {
  /** The underlying's prints on the New York day (all of them: the day is complete when its signals are stored). */
  readonly prints: number;
  /** The underlying's chain rows with asOf ≤ the end of the day (endOfNewYorkDay). */
  readonly chainRows: number;
  /** flowSettingsId of the settings they were scored with. */
  readonly flowSettings: string;
}

/** One underlying's signals of one whole New York day, as FlowTape.signals gives them, and the tape's counts. */
export interface DaySignals {
  /** Time order (FlowTape.signals' order). */
  readonly signals: readonly FlowSignal[];
  readonly stats: TapeStats;
}

export interface StoredDaySignals extends DaySignals {
  readonly stamp: DaySignalsStamp;
}

/**
 * Bump when the engine's scoring changes what a day's signals are for the same prints, chain and settings: the
 * stamps of signals stored by an older build then differ and those signals are recomputed, never served.
 */
export const DAY_SIGNALS_VERSION = 1;

/** The identity of flow settings in a stamp: sha256 (hex, first 16 bytes) of the version and JSON of the settings. */
export function flowSettingsId(flow: FlowSettings): string {
  return createHash('sha256').update(`${DAY_SIGNALS_VERSION}\n${JSON.stringify(flow)}`).digest('hex').slice(0, 32);
}

export function sameStamp(a: DaySignalsStamp, b: DaySignalsStamp): boolean {
  return a.prints === b.prints && a.chainRows === b.chainRows && a.flowSettings === b.flowSettings;
}

/** The last millisecond of a New York day (23:59:59.999 America/New_York: every day has one, DST or not). */
export function endOfNewYorkDay(day: IsoDate): EpochMs {
  return newYorkWallClockToEpochMs(day, 23, 59, 59, 999);
}

/** How many of `chainRows` (in asOf order, as the stores return them) have asOf ≤ `upTo`. */
export function chainRowsUpTo(chainRows: readonly ChainContract[], upTo: EpochMs): number {
  let lo = 0, hi = chainRows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((chainRows[mid] as ChainContract).asOf <= upTo) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The seed 004 signals of one underlying's whole New York day: the day's prints through a FlowTape, settled OI
 * from `chainRows` (the symbol's rows with asOf ≤ the end of the day). This is exactly what flowReport's tape
 * gives for that day — the tape scores each contract per New York day with nothing carried between days, and a
 * day's settled OI comes from snapshots whose session is at or before it (SettledOiBook), all taken before the
 * day ends — so a window's signals are the concatenation of its complete days' signals.
 */
export function computeDaySignals(
  symbol: string, trades: readonly OptionTrade[], chainRows: readonly ChainContract[], flow: FlowSettings,
): DaySignals {
  const tape = new FlowTape();
  for (const t of trades) {
    if (t.underlying !== symbol) throw new RangeError(`computeDaySignals(${symbol}) was given a print of ${t.underlying}`);
    tape.add(t);
  }
  const signals = tape.signals(flow, new SettledOiBook(chainRows).lookup).get(symbol) ?? [];
  return { signals, stats: { ...tape.stats } };
}
