import { newYorkDate } from '../core/calendar/new-york-date.ts';
import type { ChainContract } from '../core/options-flow/chain.ts';
import type { OptionTrade } from '../core/options-flow/option-trade.ts';
import type { EpochMs, IsoDate } from '../core/units.ts';
import { type ChainFormat, readChain } from '../ingest/chain-sources.ts';
import { IngestReport } from '../ingest/ingest-report.ts';
import { readTrades, type TradeFormat } from '../ingest/trade-sources.ts';
import type { MarketData } from './market-data.ts';
import { DaySymbolIndex } from './day-symbol-index.ts';

/**
 * Prints of one underlying on one New York day; sorted by time lazily, on the first read after a write.
 * `whole` is a frozen copy of every print, made by the first read that wants them all after a write and shared
 * by the reads that follow until the next write: the copy a read needs (a live append must not reach it),
 * made once per write instead of once per read (a 800k-print day costs ~5 ms to copy).
 */
interface DayPrints {
  readonly trades: OptionTrade[];
  sorted: boolean;
  whole: readonly OptionTrade[] | null;
}

interface SymbolChain {
  readonly rows: ChainContract[];
  sorted: boolean;
  whole: readonly ChainContract[] | null;
}

/** The first `end` elements of `list`: the shared frozen snapshot when that is all of them, else a fresh copy. */
function snapshot<T>(holder: { whole: readonly T[] | null }, list: readonly T[], end: number): readonly T[] {
  if (end < list.length) return list.slice(0, end);
  if (holder.whole === null) holder.whole = Object.freeze(list.slice());
  return holder.whole;
}

const EMPTY: readonly never[] = [];

function byTs(a: OptionTrade, b: OptionTrade): number {
  return a.ts - b.ts;
}

function byAsOf(a: ChainContract, b: ChainContract): number {
  return a.asOf - b.asOf;
}

/** Index of the first element whose key is > limit, in a list sorted by that key (binary search). */
function endAtOrBefore<T>(list: readonly T[], limit: number, key: (x: T) => number): number {
  // The common read (the latest state) wants the whole list: one comparison instead of the search.
  if (list.length === 0 || key(list[list.length - 1] as T) <= limit) return list.length;
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(list[mid] as T) <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const tsOf = (t: OptionTrade): number => t.ts;
const asOfOf = (c: ChainContract): number => c.asOf;

/**
 * MarketData held in memory: prints by underlying and New York day, chain rows by underlying. Rows may be added
 * in any order and at any time (a later live feed appends here); reads sort what changed since the last read.
 * Meant for files of a few million prints (`smartmoney serve --trades …`); the DuckDB store is for history.
 * Reads return copies, so a read is a snapshot that later additions do not change; a read of a whole day (or
 * of every chain row) returns a frozen copy shared with the other such reads until the next addition.
 */
export class InMemoryMarketData implements MarketData {
  private readonly printsBySymbol = new Map<string, Map<IsoDate, DayPrints>>();
  private readonly lastTs = new Map<string, EpochMs>();
  private readonly chains = new Map<string, SymbolChain>();
  private sortedSymbols: string[] | null = null;
  /** The (day, underlying) pairs with at least one print. */
  private readonly index = new DaySymbolIndex();
  private lastHour = NaN;
  private lastHourDay = '' as IsoDate;

  /** Adds prints (any underlyings, days and order). */
  addTrades(trades: readonly OptionTrade[]): void {
    for (const t of trades) {
      const hour = Math.floor(t.ts / 3_600_000);
      if (hour !== this.lastHour) {
        this.lastHour = hour;
        this.lastHourDay = newYorkDate(t.ts);
      }
      let days = this.printsBySymbol.get(t.underlying);
      if (days === undefined) {
        this.printsBySymbol.set(t.underlying, (days = new Map()));
        this.sortedSymbols = null;
      }
      let day = days.get(this.lastHourDay);
      if (day === undefined) days.set(this.lastHourDay, (day = { trades: [], sorted: true, whole: null }));
      day.whole = null;
      const n = day.trades.length;
      if (n > 0 && (day.trades[n - 1] as OptionTrade).ts > t.ts) day.sorted = false;
      day.trades.push(t);
      this.index.add(this.lastHourDay, t.underlying);
      const last = this.lastTs.get(t.underlying);
      if (last === undefined || t.ts > last) this.lastTs.set(t.underlying, t.ts);
    }
  }

  /** Adds chain rows (any underlyings and order). */
  addChainRows(rows: readonly ChainContract[]): void {
    for (const c of rows) {
      let chain = this.chains.get(c.underlying);
      if (chain === undefined) this.chains.set(c.underlying, (chain = { rows: [], sorted: true, whole: null }));
      chain.whole = null;
      const n = chain.rows.length;
      if (n > 0 && (chain.rows[n - 1] as ChainContract).asOf > c.asOf) chain.sorted = false;
      chain.rows.push(c);
    }
  }

  async symbols(day?: IsoDate): Promise<readonly string[]> {
    if (day !== undefined) return this.index.symbols(day);
    if (this.sortedSymbols === null) this.sortedSymbols = [...this.printsBySymbol.keys()].sort();
    return this.sortedSymbols;
  }

  async days(): Promise<readonly IsoDate[]> {
    return this.index.days();
  }

  async lastPrintTs(symbol: string): Promise<EpochMs | null> {
    return this.lastTs.get(symbol) ?? null;
  }

  async prints(symbol: string, day: IsoDate, upTo: EpochMs): Promise<readonly OptionTrade[]> {
    const d = this.printsBySymbol.get(symbol)?.get(day);
    if (d === undefined) return EMPTY;
    if (!d.sorted) {
      d.trades.sort(byTs);
      d.sorted = true;
    }
    // A copy, never the live list: rows added later (a live feed) must not appear in a read already made.
    return snapshot(d, d.trades, endAtOrBefore(d.trades, upTo, tsOf));
  }

  async chainRows(symbol: string, upTo: EpochMs | null): Promise<readonly ChainContract[]> {
    const chain = this.chains.get(symbol);
    if (chain === undefined) return EMPTY;
    if (!chain.sorted) {
      chain.rows.sort(byAsOf);
      chain.sorted = true;
    }
    return snapshot(chain, chain.rows, upTo === null ? chain.rows.length : endAtOrBefore(chain.rows, upTo, asOfOf));
  }
}

/** Files to load and how to read them: the options of `smartmoney signals` / `gex` that concern input. */
export interface MarketDataFiles {
  readonly trades: readonly string[];
  readonly chains: readonly string[];
  readonly tradeFormat?: TradeFormat;
  readonly chainFormat?: ChainFormat;
  /** Stop at the first bad row (RowRejectedError) instead of counting it. */
  readonly strict?: boolean;
}

/** What loading read: one ingest report per file, in the order given. */
export interface MarketDataLoad {
  readonly data: InMemoryMarketData;
  readonly reports: readonly { readonly kind: 'trades' | 'chain'; readonly file: string; readonly report: IngestReport }[];
}

/**
 * Reads trade and chain files with the CLI's readers (readTrades, readChain: every supported format, gzip
 * transparent, bad rows counted per file) into a new InMemoryMarketData.
 */
export async function loadMarketData(files: MarketDataFiles): Promise<MarketDataLoad> {
  const data = new InMemoryMarketData();
  const reports: { kind: 'trades' | 'chain'; file: string; report: IngestReport }[] = [];
  const strict = files.strict === true;
  for (const file of files.chains) {
    const report = new IngestReport();
    reports.push({ kind: 'chain', file, report });
    for await (const batch of readChain(file, { report, strict, format: files.chainFormat })) data.addChainRows(batch);
  }
  for (const file of files.trades) {
    const report = new IngestReport();
    reports.push({ kind: 'trades', file, report });
    for await (const batch of readTrades(file, { report, strict, format: files.tradeFormat })) data.addTrades(batch);
  }
  return { data, reports };
}
