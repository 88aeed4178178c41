import type { EquityPrint, QuoteUpdate } from '../core/dark-pool/equity-print.ts';
import type { ChainContract } from '../core/options-flow/chain.ts';
import type { OptionTrade } from '../core/options-flow/option-trade.ts';
import type { EpochMs, IsoDate } from '../core/units.ts';
import type { DaySignalsStamp, StoredDaySignals } from './day-signals.ts';

/**
 * The port every store implements (memory-store.ts, duckdb-store.ts; one contract suite, store-contract.ts):
 * what the API needs to answer for a past moment, and the bookkeeping that makes loading idempotent and
 * resumable. Design and keys: docs/store.md.
 *
 * Loading is by source (a file or a request body, named by the sha256 of its bytes):
 * `openSource` → `putPrints`/`putChainRows`/`putEquityPrints`/`putEquityQuotes` in batches, each committed with the source's progress marker →
 * `completeSource`, which merges the source's rows into what queries see in one transaction. A source's rows
 * are invisible until it completes; a source that completed is never loaded again; a load that stopped
 * half-way resumes from its marker.
 *
 * The reads are a structural superset of the server's MarketData port (src/server/market-data.ts), so a
 * MarketStore can be handed to the API as is.
 */
export interface MarketStore {
  /**
   * The prints of one underlying on one New York trading day with `ts ≤ upTo` (all of the day without
   * `upTo`), in time order; prints with the same `ts` in load order (source, then position in the source).
   */
  prints(symbol: string, day: IsoDate, upTo?: EpochMs): Promise<OptionTrade[]>;
  /**
   * Every chain snapshot row of one underlying with `asOf ≤ upTo` (all without `upTo`), ordered by asOf,
   * expiry, strike, right (C before P). Feed it whole to SettledOiBook / flowReport: they pick the latest
   * snapshot at or before the moment asked. `null` = no limit, as `undefined`.
   */
  chainRows(symbol: string, upTo?: EpochMs | null): Promise<ChainContract[]>;
  /** The New York days holding at least one print, ascending: the days a date selector offers. */
  days(): Promise<IsoDate[]>;
  /** The underlyings with at least one print (on New York day `day` when given), ascending. */
  symbols(day?: IsoDate): Promise<string[]>;
  /** The time of the underlying's latest print; null when it has none. */
  lastPrintTs(symbol: string): Promise<EpochMs | null>;
  /**
   * The exact number of prints held per underlying on New York day `day` (only `symbol` when given; an underlying
   * without prints that day is absent): what prints(symbol, day).length would be.
   */
  printCounts(day: IsoDate, symbol?: string): Promise<Map<string, number>>;
  /** The number of chain rows with asOf ≤ upTo per underlying (absent: none). */
  chainRowCounts(upTo: EpochMs): Promise<Map<string, number>>;

  /**
   * The equity prints of one symbol on one New York day with `ts ≤ upTo` (all of the day without `upTo`), in
   * time order; prints with the same `ts` in load order (source, then position in the source).
   */
  equityPrints(symbol: string, day: IsoDate, upTo?: EpochMs): Promise<EquityPrint[]>;
  /** The quote updates of one symbol on one New York day with `ts ≤ upTo`, ordered as equityPrints. */
  equityQuotes(symbol: string, day: IsoDate, upTo?: EpochMs): Promise<QuoteUpdate[]>;
  /** The New York days holding at least one equity print, ascending (quotes alone add no day). */
  equityDays(): Promise<IsoDate[]>;
  /** The symbols with at least one equity print (on New York day `day` when given), ascending. */
  equitySymbols(day?: IsoDate): Promise<string[]>;
  /**
   * The exact number of equity prints held per symbol on New York day `day` (only `symbol` when given; a symbol
   * without prints that day is absent): what equityPrints(symbol, day).length would be.
   */
  equityPrintCounts(day: IsoDate, symbol?: string): Promise<Map<string, number>>;

  /**
   * Keeps the computed signals of one underlying's whole New York day with the stamp of what they were computed
   * from (day-signals.ts; docs/store.md "Day signals"), replacing any stored for the same underlying and day.
   * They come back from daySignals deep-equal, every number the same double.
   */
  putDaySignals(symbol: string, day: IsoDate, stored: StoredDaySignals): Promise<void>;
  /** The signals putDaySignals last kept for the underlying and day; null when none. */
  daySignals(symbol: string, day: IsoDate): Promise<StoredDaySignals | null>;
  /** The stamps of the signals kept for New York day `day`, by underlying (no signals read). */
  daySignalStamps(day: IsoDate): Promise<Map<string, DaySignalsStamp>>;

  /**
   * The source with these bytes (kind and sha256): its state when known, otherwise a new one registered as
   * `loading` with 0 rows staged. A `complete` source must not be loaded again.
   */
  openSource(identity: SourceIdentity): Promise<SourceState>;
  /**
   * Stages a batch of a `prints` source, atomically with advancing its marker by `batch.length`.
   * `source.rowsStaged` must equal the marker (the rows this load has already committed); otherwise
   * SourceStateError and nothing is written: a stale or doubled writer can never stage a row twice.
   */
  putPrints(batch: readonly OptionTrade[], source: SourceCursor): Promise<SourceCursor>;
  /** putPrints for a `chain` source. */
  putChainRows(batch: readonly ChainContract[], source: SourceCursor): Promise<SourceCursor>;
  /** putPrints for an `equity-prints` source. */
  putEquityPrints(batch: readonly EquityPrint[], source: SourceCursor): Promise<SourceCursor>;
  /** putPrints for an `equity-quotes` source. */
  putEquityQuotes(batch: readonly QuoteUpdate[], source: SourceCursor): Promise<SourceCursor>;
  /**
   * Merges the source's staged rows into the stored rows in one transaction (rows whose natural key is
   * already stored are counted as duplicates, not stored twice) and marks it `complete` with the reader's
   * report. `source.rowsStaged` must equal the marker.
   */
  completeSource(source: SourceCursor, report: SourceReport): Promise<SourceState>;
  /** Every source ever opened, by id. */
  sources(): Promise<SourceState[]>;
  close(): Promise<void>;
}

/** What a source holds: option prints, chain rows, equity prints or equity quote updates. */
export type SourceKind = 'prints' | 'chain' | 'equity-prints' | 'equity-quotes';

/** What a source is: its kind and the sha256 (hex) of its bytes; `name` (a path) is for people. */
export interface SourceIdentity {
  readonly kind: SourceKind;
  readonly sha256: string;
  readonly name: string;
}

/** Where a load stands: the rows of the source committed so far (its progress marker). */
export interface SourceCursor {
  readonly sourceId: number;
  readonly rowsStaged: number;
}

/** The reader's counts for a whole source (docs/formats.md "Detection and row accounting"). */
export interface SourceReport {
  readonly rowsRead: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly excluded: number;
}

export interface SourceState extends SourceIdentity, SourceCursor {
  readonly status: 'loading' | 'complete';
  /** Rows the merge stored (new natural keys); null until complete. */
  readonly rowsStored: number | null;
  /** Rows the merge found already stored (same natural key); null until complete. */
  readonly rowsDuplicate: number | null;
  /** Null until complete. */
  readonly report: SourceReport | null;
}

/** A load call does not fit the source's state (unknown, complete, other kind, marker moved). */
export class SourceStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceStateError';
  }
}
