import { newYorkDate } from '../core/calendar/new-york-date.ts';
import type { DarkPoolDay } from '../core/dark-pool/dark-pool-book.ts';
import { DEFAULT_DARK_POOL_SETTINGS, type DarkPoolSettings } from '../core/dark-pool/dark-pool-settings.ts';
import { DarkPoolTape } from '../core/dark-pool/dark-pool-tape.ts';
import type { EquityPrint, QuoteUpdate } from '../core/dark-pool/equity-print.ts';
import type { EpochMs, IsoDate } from '../core/units.ts';
import { IngestReport } from '../ingest/ingest-report.ts';
import { readEquityPrints, readEquityQuotes } from '../ingest/equity-sources.ts';
import { DaySymbolIndex } from './day-symbol-index.ts';
import type { DarkPoolRowInput, EquityData } from './dark-pool-source.ts';

interface SymbolDay {
  prints: EquityPrint[];
  quotes: QuoteUpdate[];
  sorted: boolean;
  /** The whole day's summary, rebuilt when prints arrive. */
  whole: DarkPoolDay | null;
}

const byTs = (a: { ts: number }, b: { ts: number }): number => a.ts - b.ts;

/** The conviction score's view of a DarkPoolDay (dark-pool-source.ts). */
export function darkPoolRowInput(d: DarkPoolDay): DarkPoolRowInput {
  return {
    dp_premium: d.dp_premium,
    dp_buy_premium: d.dp_buy_premium,
    dp_sell_premium: d.dp_sell_premium,
    block_premium: d.block_premium,
    unusual_blocks: d.unusual_block_count,
    unusual: d.unusual_blocks.map((b) => ({ ts: b.ts, price: b.price, size: b.size, side: b.side })),
    last_print_ts: d.last_print_ts,
  };
}

/**
 * Equity prints and quotes held in memory by symbol and New York day, summarised by the core dark-pool tape
 * (src/core/dark-pool): the DarkPoolSource of the conviction leaderboard and the data of
 * GET /v1/darkpool/{symbol}/levels. A day's summary at its end is cached until more prints arrive; a moment
 * inside the day is summarised afresh from the prints and quotes up to it (the state then, nothing later).
 */
export class EquityDarkPool implements EquityData {
  private readonly bySymbol = new Map<string, Map<IsoDate, SymbolDay>>();
  /** The (day, symbol) pairs with at least one print. */
  private readonly index = new DaySymbolIndex();

  constructor(readonly settings: DarkPoolSettings = DEFAULT_DARK_POOL_SETTINGS) {}

  addPrints(prints: readonly EquityPrint[]): Set<string> {
    const touched = new Set<string>();
    for (const p of prints) {
      const day = newYorkDate(p.ts);
      const d = this.symbolDay(p.symbol, day);
      if (d.prints.length > 0 && (d.prints.at(-1) as EquityPrint).ts > p.ts) d.sorted = false;
      d.prints.push(p);
      d.whole = null;
      touched.add(p.symbol);
      this.index.add(day, p.symbol);
    }
    return touched;
  }

  addQuotes(quotes: readonly QuoteUpdate[]): void {
    for (const q of quotes) {
      const d = this.symbolDay(q.symbol, newYorkDate(q.ts));
      if (d.quotes.length > 0 && (d.quotes.at(-1) as QuoteUpdate).ts > q.ts) d.sorted = false;
      d.quotes.push(q);
      d.whole = null;
    }
  }

  days(): readonly IsoDate[] {
    return this.index.days();
  }

  symbols(day?: IsoDate): readonly string[] {
    if (day !== undefined) return this.index.symbols(day);
    const out: string[] = [];
    for (const [symbol, days] of this.bySymbol) if ([...days.values()].some((d) => d.prints.length > 0)) out.push(symbol);
    return out.sort();
  }

  /** The symbol's DarkPoolDay of `day` from its prints with ts ≤ at (the whole day when at is null); null without prints. */
  day(symbol: string, day: IsoDate, at: EpochMs | null = null): DarkPoolDay | null {
    const d = this.sortedDay(symbol, day);
    if (d === null) return null;
    const last = (d.prints.at(-1) as EquityPrint).ts;
    if (at === null || at >= last) {
      if (d.whole === null) d.whole = summariseEquityDay(this.settings, symbol, day, d.prints, d.quotes, Infinity);
      return d.whole;
    }
    if (at < (d.prints[0] as EquityPrint).ts) return null;
    return summariseEquityDay(this.settings, symbol, day, d.prints, d.quotes, at);
  }

  /** Every day of the symbol's summaries (ascending), each as of its end. */
  history(symbol: string): DarkPoolDay[] {
    const days = this.bySymbol.get(symbol);
    if (days === undefined) return [];
    const out: DarkPoolDay[] = [];
    for (const day of [...days.keys()].sort()) {
      const d = this.day(symbol, day);
      if (d !== null) out.push(d);
    }
    return out;
  }

  /** The symbol's New York days with prints, ascending. */
  printDays(symbol: string): IsoDate[] {
    const days = this.bySymbol.get(symbol);
    if (days === undefined) return [];
    return [...days].filter(([, d]) => d.prints.length > 0).map(([day]) => day).sort();
  }

  /**
   * The symbol's prints of `day` in time order, null without any: what GET /v1/bars/{symbol} makes bars of. The
   * array is the book's own (read it at once, do not change it): the next addPrints may append to it.
   */
  prints(symbol: string, day: IsoDate): readonly EquityPrint[] | null {
    return this.sortedDay(symbol, day)?.prints ?? null;
  }

  /** The symbol-day with its prints and quotes in time order (sorted once after out-of-order arrivals); null without prints. */
  private sortedDay(symbol: string, day: IsoDate): SymbolDay | null {
    const d = this.bySymbol.get(symbol)?.get(day);
    if (d === undefined || d.prints.length === 0) return null;
    if (!d.sorted) {
      d.prints.sort(byTs);
      d.quotes.sort(byTs);
      d.sorted = true;
    }
    return d;
  }

  evidence(symbol: string, day: IsoDate, at: EpochMs): DarkPoolRowInput | null {
    const d = this.day(symbol, day, at);
    return d === null ? null : darkPoolRowInput(d);
  }

  private symbolDay(symbol: string, day: IsoDate): SymbolDay {
    let days = this.bySymbol.get(symbol);
    if (days === undefined) this.bySymbol.set(symbol, (days = new Map()));
    let d = days.get(day);
    if (d === undefined) days.set(day, (d = { prints: [], quotes: [], sorted: true, whole: null }));
    return d;
  }
}

/**
 * A symbol-day's DarkPoolDay from its prints with ts ≤ at and its quotes, through the core DarkPoolTape: quotes
 * strictly before a print are applied first; both lists are in time order.
 */
export function summariseEquityDay(settings: DarkPoolSettings, symbol: string, day: IsoDate, prints: readonly EquityPrint[], quotes: readonly QuoteUpdate[], at: number): DarkPoolDay {
  const tape = new DarkPoolTape(settings);
  let q = 0;
  for (const p of prints) {
    if (p.ts > at) break;
    while (q < quotes.length && (quotes[q] as QuoteUpdate).ts < p.ts) tape.addQuote(quotes[q++] as QuoteUpdate);
    tape.addPrint(p);
  }
  return tape.day(symbol, day) as DarkPoolDay;
}

/** The ingest outcome of one equity file, for the start-up report. */
export interface EquityLoad {
  readonly file: string;
  readonly kind: 'equity trades' | 'equity quotes';
  readonly report: IngestReport;
}

/**
 * Reads equity trade files (canonical CSV/NDJSON, LEAN trades) and quote files (LEAN quotes) into an
 * EquityDarkPool; bad rows are counted in each file's report (or, with `strict`, the first throws).
 */
export async function loadEquityDarkPool(
  files: { trades: readonly string[]; quotes: readonly string[] }, strict = false, settings: DarkPoolSettings = DEFAULT_DARK_POOL_SETTINGS,
): Promise<{ data: EquityDarkPool; loads: EquityLoad[] }> {
  const data = new EquityDarkPool(settings);
  const loads: EquityLoad[] = [];
  for (const file of files.quotes) {
    const report = new IngestReport();
    for await (const batch of readEquityQuotes(file, { report, strict })) data.addQuotes(batch);
    loads.push({ file, kind: 'equity quotes', report });
  }
  for (const file of files.trades) {
    const report = new IngestReport();
    for await (const batch of readEquityPrints(file, { report, strict })) data.addPrints(batch);
    loads.push({ file, kind: 'equity trades', report });
  }
  return { data, loads };
}
