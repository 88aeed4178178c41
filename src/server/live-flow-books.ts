import { newYorkDate } from '../core/calendar/new-york-date.ts';
import type { ChainContract } from '../core/options-flow/chain.ts';
import type { FlowSettings } from '../core/options-flow/flow-settings.ts';
import { FlowTape } from '../core/options-flow/flow-tape.ts';
import type { OptionTrade } from '../core/options-flow/option-trade.ts';
import { SettledOiBook } from '../core/options-flow/settled-oi-book.ts';
import type { EpochMs, IsoDate } from '../core/units.ts';
import type { DaySignals } from '../store/day-signals.ts';
import type { MarketData } from './market-data.ts';

/** One symbol's live day: a flow tape kept between requests, the prints it holds, and batches not yet fed. */
interface Book {
  readonly tape: FlowTape;
  fed: number;
  readonly queued: OptionTrade[][];
  queuedCount: number;
  oi: SettledOiBook;
  chainRows: number;
  settings: FlowSettings;
}

/**
 * Incremental scoring of the live day (issue 4): per (symbol, New York day), a FlowTape that lives between
 * requests. Live batches are queued as they are accepted (`appended`); a request for the latest state feeds only
 * the new prints, and FlowTape.signals re-runs only the contract-days they touched. The book is used only when
 * its prints are the day's prints as the data holds them now — same count (data only grows, through the batches
 * told here) — otherwise it is rebuilt from the data, so an answer never differs from a from-scratch report
 * (tested). A new chain snapshot or other settings rebuild it too. The books hold at most `maxPrints` prints in
 * all (≈ 60 bytes each in typed-array columns; default 10 million ≈ 600 MB), least recently used evicted first.
 */
export class LiveFlowBooks {
  private readonly books = new Map<string, Book>();
  /** Symbol-days the live feed has touched: only these get a book (a day loaded from files never changes, and
   * the report caches serve its repeats without holding a second copy of its prints). */
  private readonly live = new Set<string>();
  private prints = 0;

  constructor(private readonly maxPrints = 10_000_000) {}

  /** A live batch was accepted (its rows readable): queue them on the books of their symbol-days. */
  appended(trades: readonly OptionTrade[]): void {
    const byKey = new Map<string, OptionTrade[]>();
    for (const t of trades) {
      const key = `${t.underlying}|${newYorkDate(t.ts)}`;
      this.live.add(key);
      if (!this.books.has(key)) continue;
      let list = byKey.get(key);
      if (list === undefined) byKey.set(key, (list = []));
      list.push(t);
    }
    for (const [key, list] of byKey) {
      const b = this.books.get(key) as Book;
      b.queued.push(list);
      b.queuedCount += list.length;
    }
  }

  /**
   * True when a book should answer for `symbol` on `day` at `at`: the live feed has brought prints to that day
   * (only then is a book worth keeping), and `at` asks for its latest state (every print so far is at or before
   * `at`, `lastPrintTs` being the symbol's latest).
   */
  serves(symbol: string, day: IsoDate, at: EpochMs, lastPrintTs: EpochMs | null): boolean {
    return this.live.has(`${symbol}|${day}`) && lastPrintTs !== null && at >= lastPrintTs && newYorkDate(lastPrintTs) === day;
  }

  /**
   * The day's signals of `symbol` from `trades` (all its prints of `day` as the data holds them now) and
   * `chainRows` (those known now), scoring only what changed since the last call.
   */
  daySignals(symbol: string, day: IsoDate, trades: readonly OptionTrade[], chainRows: readonly ChainContract[], settings: FlowSettings): DaySignals {
    const key = `${symbol}|${day}`;
    let b = this.books.get(key);
    if (b !== undefined) {
      this.books.delete(key);
      this.prints -= b.fed;
    }
    if (b === undefined || b.settings !== settings || b.chainRows !== chainRows.length || b.fed + b.queuedCount !== trades.length) {
      b = { tape: new FlowTape(), fed: 0, queued: [], queuedCount: 0, oi: new SettledOiBook(chainRows), chainRows: chainRows.length, settings };
      b.tape.addAll(trades);
      b.fed = trades.length;
    } else {
      for (const batch of b.queued) b.tape.addAll(batch);
      b.fed += b.queuedCount;
      b.queued.length = 0;
      b.queuedCount = 0;
    }
    this.books.set(key, b);
    this.prints += b.fed;
    while (this.prints > this.maxPrints && this.books.size > 1) {
      const oldest = this.books.keys().next().value as string;
      this.prints -= (this.books.get(oldest) as Book).fed;
      this.books.delete(oldest);
    }
    const signals = b.tape.signals(settings, b.oi.lookup).get(symbol) ?? [];
    return { signals, stats: { ...b.tape.stats } };
  }
}

const BOOKS = new WeakMap<MarketData, LiveFlowBooks>();

/** The live books of a MarketData (one set per data, shared by the routes, the stream and the leaderboard). */
export function liveFlowBooksOf(data: MarketData): LiveFlowBooks {
  let books = BOOKS.get(data);
  if (books === undefined) BOOKS.set(data, (books = new LiveFlowBooks()));
  return books;
}
