import type { ChainContract } from '../core/options-flow/chain.ts';
import type { OptionTrade } from '../core/options-flow/option-trade.ts';
import type { EpochMs, IsoDate } from '../core/units.ts';
import type { StoredDaySignals } from '../store/day-signals.ts';

/**
 * What the HTTP API reads: the market data it answers from, by underlying and time. The server's only port to
 * storage, kept to the few reads the endpoints need so that any store can implement it (the in-memory one of
 * in-memory-market-data.ts, the DuckDB store of src/store). Every read is "as known at an instant": prints and
 * chain rows after `upTo` are left out, which is what lets `?at=` answer for a past moment (replay, backtests).
 *
 * Symbols are upper-case underlying roots as the data names them (`SPY`, `VIX`). A New York day is the
 * America/New_York calendar date of a print's time (core/calendar/new-york-date.ts): the engine scores each
 * contract per New York day, so a look-back window needs only the days it overlaps.
 */
export interface MarketData {
  /** Every underlying with at least one print (on New York day `day` when given), sorted. */
  symbols(day?: IsoDate): Promise<readonly string[]>;
  /** The New York days holding at least one print, ascending: the days a date selector offers. */
  days(): Promise<readonly IsoDate[]>;
  /** The time of the underlying's latest print; null when it has none. */
  lastPrintTs(symbol: string): Promise<EpochMs | null>;
  /** The underlying's prints on New York day `day` with `ts ≤ upTo`, in time order (empty when none). */
  prints(symbol: string, day: IsoDate, upTo: EpochMs): Promise<readonly OptionTrade[]>;
  /** The underlying's chain rows with `asOf ≤ upTo` (every row when `upTo` is null), in `asOf` order. */
  chainRows(symbol: string, upTo: EpochMs | null): Promise<readonly ChainContract[]>;

  /*
   * Optional, together: the computed signals of whole New York days, kept by a store (docs/store.md "Day
   * signals"). With them, a flow report whose window covers complete days reads those days' signals instead of
   * scoring their prints again (market-flow-report.ts). Data without them (in memory) is scored on each request.
   */
  /** The exact number of prints per underlying on New York day `day` (only `symbol` when given). */
  printCounts?(day: IsoDate, symbol?: string): Promise<Map<string, number>>;
  /** The signals kept for the underlying's day with the stamp of what they were computed from; null when none. */
  daySignals?(symbol: string, day: IsoDate): Promise<StoredDaySignals | null>;
  /** Keeps (replaces) the underlying's day signals. */
  putDaySignals?(symbol: string, day: IsoDate, stored: StoredDaySignals): Promise<void>;
}
