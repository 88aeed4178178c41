import { newYorkDate } from '../calendar/new-york-date.ts';
import type { IsoDate } from '../units.ts';
import { DarkPoolBook, type DarkPoolDay } from './dark-pool-book.ts';
import { DEFAULT_DARK_POOL_SETTINGS, type DarkPoolSettings } from './dark-pool-settings.ts';
import type { EquityPrint, QuoteUpdate } from './equity-print.ts';
import { NbboTimeline } from './nbbo-timeline.ts';
import { classifyPrint, isInformative } from './print-classification.ts';
import { type InferredSide, type SideSource, TickTest, quoteRuleSide } from './trade-side.ts';

/** What the tape decided about one print. */
export interface SignedPrint {
  readonly classes: number;
  readonly side: InferredSide;
  readonly side_source: SideSource;
}

interface SymbolDay {
  readonly book: DarkPoolBook;
  readonly tick: TickTest;
  nbbo: NbboTimeline | null;
}

/**
 * The dark-pool pipeline over a stream of equity prints and quotes of any number of symbols: each print is
 * classified (print-classification.ts), signed, and added to its symbol's DarkPoolBook for its New York day.
 * Side, for informative prints only: the quote rule against the NBBO the feed sent with the print, else the
 * NBBO built from quote updates strictly before it (NbboTimeline), else — and at the midpoint, after Lee and
 * Ready — the tick test over the symbol's informative prints in arrival order. Feed quotes of a symbol-day
 * before or interleaved with its prints, each in time order; the LEAN files are in time order.
 */
export class DarkPoolTape {
  private readonly days = new Map<string, Map<IsoDate, SymbolDay>>();

  constructor(readonly settings: DarkPoolSettings = DEFAULT_DARK_POOL_SETTINGS) {}

  /** Applies a quote update; throws when it is earlier than the symbol-day's last update. */
  addQuote(q: QuoteUpdate): void {
    const d = this.symbolDay(q.symbol, newYorkDate(q.ts));
    if (d.nbbo === null) d.nbbo = new NbboTimeline();
    d.nbbo.update(q.ts, q.bid, q.ask);
  }

  /** Classifies, signs and books one print. */
  addPrint(p: EquityPrint): SignedPrint {
    const d = this.symbolDay(p.symbol, newYorkDate(p.ts));
    const classes = classifyPrint(p, this.settings);
    let side: InferredSide = 'unknown';
    let source: SideSource = 'tick';
    if (isInformative(classes)) {
      const tickSide = d.tick.observe(p.price);
      let quoteSide: 'buy' | 'sell' | null = null;
      if (p.bid !== null && p.ask !== null) quoteSide = quoteRuleSide(p.price, p.bid, p.ask);
      else if (d.nbbo !== null) {
        const q = d.nbbo.before(p.ts);
        if (q !== null) quoteSide = quoteRuleSide(p.price, q.bid, q.ask);
      }
      if (quoteSide !== null) {
        side = quoteSide;
        source = 'quote';
      } else side = tickSide;
    }
    d.book.add(p, classes, side, source);
    return { classes, side, side_source: source };
  }

  /** The book of one symbol-day, or null when no print or quote of it was seen. */
  book(symbol: string, date: IsoDate): DarkPoolBook | null {
    return this.days.get(symbol)?.get(date)?.book ?? null;
  }

  /** The summary of one symbol-day, or null. */
  day(symbol: string, date: IsoDate): DarkPoolDay | null {
    return this.book(symbol, date)?.summary() ?? null;
  }

  /** Every symbol-day summary, by symbol then date. */
  summaries(): DarkPoolDay[] {
    const out: DarkPoolDay[] = [];
    for (const symbol of [...this.days.keys()].sort()) {
      const byDate = this.days.get(symbol) as Map<IsoDate, SymbolDay>;
      for (const date of [...byDate.keys()].sort()) out.push((byDate.get(date) as SymbolDay).book.summary());
    }
    return out;
  }

  private symbolDay(symbol: string, date: IsoDate): SymbolDay {
    let byDate = this.days.get(symbol);
    if (byDate === undefined) this.days.set(symbol, (byDate = new Map()));
    let d = byDate.get(date);
    if (d === undefined) {
      d = { book: new DarkPoolBook(symbol, date, this.settings), tick: new TickTest(), nbbo: null };
      byDate.set(date, d);
    }
    return d;
  }
}
