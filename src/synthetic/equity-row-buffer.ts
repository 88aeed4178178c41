import { conditionNames } from '../core/dark-pool/sale-conditions.ts';
import type { NewYorkDayClock } from './new-york-day-clock.ts';

/** Price units per dollar: prices are whole 1/10,000 dollars, so sub-penny and half-cent prints are exact. */
export const EQUITY_PRICE_UNITS = 10_000;
/** bid/ask value for "the feed sent no NBBO with this print" (written as empty fields). */
export const NO_QUOTE = -1;

const PAD2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const PAD4 = Array.from({ length: 10_000 }, (_, i) => String(i).padStart(4, '0'));

/** One equity print as numbers: what the generator decides, before any text exists. */
export interface EquityRow {
  ts: number;
  underlying: number;
  /** Whole 1/10,000 dollars per share. */
  priceUnits: number;
  /** Shares. */
  size: number;
  /** Venue code as a character code ('D' = 68 is off-exchange). */
  venue: number;
  /** Sale-condition mask (sale-conditions.ts bit numbering). */
  conditions: number;
  /** Whole cents, or NO_QUOTE for both. */
  bidCents: number;
  askCents: number;
}

/**
 * The rows of one window of the day, collected in any order and written as canonical equity print text
 * (`ts,symbol,price,size,exchange,conditions,bid,ask`, docs/formats.md) sorted by time; rows of the same
 * millisecond keep the order they were added in (a stable sort), so the output is deterministic. Columns are kept
 * in typed arrays (no object per row); the buffer is reused window after window.
 */
export class EquityRowBuffer {
  private n = 0;
  private ts = new Float64Array(4096);
  private u = new Int32Array(4096);
  private price = new Float64Array(4096);
  private size = new Float64Array(4096);
  private venue = new Uint8Array(4096);
  private cond = new Uint32Array(4096);
  private bid = new Float64Array(4096);
  private ask = new Float64Array(4096);
  private readonly conditionText = new Map<number, string>();

  constructor(private readonly clock: NewYorkDayClock, private readonly symbols: readonly string[]) {}

  get length(): number {
    return this.n;
  }

  add(r: EquityRow): void {
    if (this.n === this.ts.length) this.grow();
    const i = this.n++;
    this.ts[i] = r.ts; this.u[i] = r.underlying; this.price[i] = r.priceUnits; this.size[i] = r.size;
    this.venue[i] = r.venue; this.cond[i] = r.conditions; this.bid[i] = r.bidCents; this.ask[i] = r.askCents;
  }

  /** The rows as CSV lines (each ending in a newline) in time order; empties the buffer. */
  takeText(): string {
    const order = new Uint32Array(this.n);
    for (let i = 0; i < this.n; i++) order[i] = i;
    const ts = this.ts;
    order.sort((a, b) => (ts[a] as number) - (ts[b] as number) || a - b);
    const lines: string[] = new Array<string>(this.n);
    for (let k = 0; k < this.n; k++) lines[k] = this.line(order[k] as number);
    this.n = 0;
    return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
  }

  private line(i: number): string {
    const bid = this.bid[i] as number;
    const quote = bid === NO_QUOTE ? ',' : `${cents(bid)},${cents(this.ask[i] as number)}`;
    return `${this.clock.format(this.ts[i] as number)},${this.symbols[this.u[i] as number]},${priceText(this.price[i] as number)},`
      + `${this.size[i]},${String.fromCharCode(this.venue[i] as number)},${this.conditionsText(this.cond[i] as number)},${quote}`;
  }

  private conditionsText(mask: number): string {
    let t = this.conditionText.get(mask);
    if (t === undefined) {
      t = conditionNames(mask).join('|');
      this.conditionText.set(mask, t);
    }
    return t;
  }

  private grow(): void {
    const n = this.ts.length * 2;
    const g = <T extends Float64Array | Int32Array | Uint8Array | Uint32Array>(a: T, make: (len: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.ts = g(this.ts, (l) => new Float64Array(l)); this.u = g(this.u, (l) => new Int32Array(l));
    this.price = g(this.price, (l) => new Float64Array(l)); this.size = g(this.size, (l) => new Float64Array(l));
    this.venue = g(this.venue, (l) => new Uint8Array(l)); this.cond = g(this.cond, (l) => new Uint32Array(l));
    this.bid = g(this.bid, (l) => new Float64Array(l)); this.ask = g(this.ask, (l) => new Float64Array(l));
  }
}

/** Whole cents as dollars with two decimals. */
function cents(c: number): string {
  const r = c % 100;
  return `${(c - r) / 100}.${PAD2[r]}`;
}

/** 1/10,000-dollar units as dollars: two decimals when a whole cent (12.30), else four (12.3055). */
export function priceText(units: number): string {
  const r = units % EQUITY_PRICE_UNITS;
  const whole = (units - r) / EQUITY_PRICE_UNITS;
  return r % 100 === 0 ? `${whole}.${PAD2[r / 100]}` : `${whole}.${PAD4[r]}`;
}
