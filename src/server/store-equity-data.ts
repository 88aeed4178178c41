import { newYorkDate } from '../core/calendar/new-york-date.ts';
import type { DarkPoolDay } from '../core/dark-pool/dark-pool-book.ts';
import { DEFAULT_DARK_POOL_SETTINGS, type DarkPoolSettings } from '../core/dark-pool/dark-pool-settings.ts';
import type { EquityPrint } from '../core/dark-pool/equity-print.ts';
import type { EpochMs, IsoDate } from '../core/units.ts';
import type { MarketStore, SourceReport } from '../store/market-store.ts';
import type { DarkPoolRowInput, EquityData } from './dark-pool-source.ts';
import { darkPoolRowInput, summariseEquityDay } from './equity-dark-pool.ts';
import { storeEquityPrints } from './live-sink.ts';
import { LruCache } from './lru-cache.ts';

/** Whole-day summaries kept (one per symbol-day and print count; a few KB each). */
const SUMMARIES_KEPT = 4096;
/** Symbol-days whose prints are kept for the bars route (a day of SPY is ~450k prints). */
const PRINT_DAYS_KEPT = 4;

/** A symbol-day's summary over all its prints, and the times of its first and last print. */
interface WholeDay {
  readonly summary: DarkPoolDay;
  readonly first: number;
  readonly last: number;
}

/**
 * The equity tape of `serve --data DIR`: EquityData over a MarketStore's equity prints and quotes (docs/store.md).
 * Which symbols have prints on which New York day, and how many, is held in memory (read on open, updated after
 * each live body); a symbol-day's prints and quotes are read from the store when asked. The whole day's
 * DarkPoolDay is cached per (symbol, day, count of prints), with the day's first and last print time, so a
 * repeated read, or one at a moment after the last print, costs a map lookup, and a print that arrives makes a new
 * key; a moment inside a day is summarised afresh from the prints and quotes up to it,
 * exactly as EquityDarkPool does, so both give the same bodies for the same tape.
 */
export class StoreEquityData implements EquityData {
  /** symbol → New York day → equity prints stored. */
  private readonly counts = new Map<string, Map<IsoDate, number>>();
  private allDays: IsoDate[] = [];
  private readonly summaries = new LruCache<WholeDay>(SUMMARIES_KEPT);
  private readonly printsRead = new LruCache<readonly EquityPrint[]>(PRINT_DAYS_KEPT);

  private constructor(private readonly store: MarketStore, readonly settings: DarkPoolSettings) {}

  /** Opens over `store`, reading which symbols and days hold equity prints. */
  static async open(store: MarketStore, settings: DarkPoolSettings = DEFAULT_DARK_POOL_SETTINGS): Promise<StoreEquityData> {
    const data = new StoreEquityData(store, settings);
    for (const day of await store.equityDays()) await data.recount(day);
    return data;
  }

  days(): readonly IsoDate[] {
    return this.allDays;
  }

  symbols(day: IsoDate): readonly string[] {
    const out: string[] = [];
    for (const [symbol, days] of this.counts) if ((days.get(day) ?? 0) > 0) out.push(symbol);
    return out.sort();
  }

  printDays(symbol: string): readonly IsoDate[] {
    return [...this.counts.get(symbol)?.keys() ?? []].sort();
  }

  async day(symbol: string, day: IsoDate, at: EpochMs | null = null): Promise<DarkPoolDay | null> {
    const count = this.count(symbol, day);
    if (count === 0) return null;
    const key = `${symbol}|${day}|${count}`;
    const whole = this.summaries.get(key);
    if (whole !== undefined) {
      if (at === null || at >= whole.last) return whole.summary;
      if (at < whole.first) return null;
    }
    const upTo = at ?? undefined;
    const [prints, quotes] = await Promise.all([this.store.equityPrints(symbol, day, upTo), this.store.equityQuotes(symbol, day, upTo)]);
    if (prints.length === 0) return null;
    const summary = summariseEquityDay(this.settings, symbol, day, prints, quotes, Infinity);
    // Every print of the day up to `at`: the day's summary (quotes after the last print change nothing).
    if (prints.length === count) this.summaries.set(key, { summary, first: (prints[0] as EquityPrint).ts, last: (prints.at(-1) as EquityPrint).ts });
    return summary;
  }

  async prints(symbol: string, day: IsoDate): Promise<readonly EquityPrint[] | null> {
    const count = this.count(symbol, day);
    if (count === 0) return null;
    const key = `${symbol}|${day}|${count}`;
    let prints = this.printsRead.get(key);
    if (prints === undefined) {
      prints = await this.store.equityPrints(symbol, day);
      this.printsRead.set(key, prints);
    }
    return prints;
  }

  async evidence(symbol: string, day: IsoDate, at: EpochMs): Promise<DarkPoolRowInput | null> {
    const d = await this.day(symbol, day, at);
    return d === null ? null : darkPoolRowInput(d);
  }

  /**
   * Live feed: the body's prints become one store source (idempotent by its content, as the option feed's), then
   * the counts of the days it touched are read again, so the next read of those symbol-days uses new cache keys.
   */
  async addPrints(prints: readonly EquityPrint[], report?: SourceReport): Promise<Set<string>> {
    const n = prints.length;
    await storeEquityPrints(this.store, prints, report ?? { rowsRead: n, accepted: n, rejected: 0, excluded: 0 });
    const days = new Set<IsoDate>();
    const symbols = new Set<string>();
    for (const p of prints) {
      days.add(newYorkDate(p.ts));
      symbols.add(p.symbol);
    }
    for (const day of days) await this.recount(day);
    return symbols;
  }

  private count(symbol: string, day: IsoDate): number {
    return this.counts.get(symbol)?.get(day) ?? 0;
  }

  /** Reads the stored print counts of every symbol on `day`. */
  private async recount(day: IsoDate): Promise<void> {
    const counts = await this.store.equityPrintCounts(day);
    if (counts.size === 0) return;
    for (const [symbol, n] of counts) {
      let days = this.counts.get(symbol);
      if (days === undefined) this.counts.set(symbol, (days = new Map()));
      days.set(day, n);
    }
    if (!this.allDays.includes(day)) this.allDays = [...this.allDays, day].sort();
  }
}
