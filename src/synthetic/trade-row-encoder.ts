import type { ListedChain } from './listed-chain.ts';
import type { NewYorkDayClock } from './new-york-day-clock.ts';

/** OPRA condition texts by index (see opra-venues.ts); the tape stores the index. */
export const CONDITION_TEXT = ['', 'AUTO', 'ISOI', 'SLAN', 'SLCN', 'SLFT', 'MLET', 'MLAT'] as const;
export type ConditionText = (typeof CONDITION_TEXT)[number];
/** Side column texts by index: empty (classify from the NBBO), buy, sell, mid. */
export const SIDE_TEXT = ['', 'buy', 'sell', 'mid'] as const;

const COMMA = 44, NEWLINE = 10, DOT = 46, COLON = 58, ZERO = 48;
const CHUNK_BYTES = 1 << 20;
const MAX_ROW_BYTES = 512;

/** One canonical trade row as numbers: what the generator decides, before any text exists. */
export interface TradeFields {
  ts: number;
  underlying: number;
  expiry: number;
  strike: number;
  /** 0 = call, 1 = put. */
  right: number;
  priceCents: number;
  size: number;
  bidCents: number;
  askCents: number;
  /** One-letter OPRA participant code as a character code. */
  venue: number;
  condition: number;
  side: number;
}

/**
 * Writes canonical trade rows straight into byte chunks (ASCII), without building a string per row: at
 * millions of rows the strings, not the arithmetic, were the cost (a third of the time went to garbage
 * collection). The text is exactly `ts,underlying,expiry,strike,right,price,size,bid,ask,exchange,condition,side`
 * as formatted by `formatTradeRow` (the slow, obvious reference it is tested against).
 */
export class TradeRowEncoder {
  private buf = new Uint8Array(CHUNK_BYTES);
  private at = 0;
  private readonly dayPrefix: Uint8Array;
  private readonly offsetSuffix: Uint8Array;
  private readonly midnightMs: number;
  private readonly heads: Uint8Array[][];
  private readonly strikes: Uint8Array[][];
  private readonly strikeStarts: Int32Array[][];
  private readonly conditions = CONDITION_TEXT.map(ascii);
  private readonly sides = SIDE_TEXT.map(ascii);
  private readonly full: Uint8Array[] = [];

  constructor(clock: NewYorkDayClock, symbols: readonly string[], chains: readonly ListedChain[]) {
    const sample = clock.format(clock.epochAt(720));
    this.dayPrefix = ascii(sample.slice(0, 11));
    this.offsetSuffix = ascii(sample.slice(23));
    this.midnightMs = clock.epochAt(0);
    this.heads = chains.map((c, u) => c.expiries.map((e) => ascii(`${symbols[u]},${e.date},`)));
    this.strikes = chains.map((c) => c.expiries.map((e) => ascii(e.strikeText.map((k) => `${k},`).join(''))));
    this.strikeStarts = chains.map((c) => c.expiries.map((e) => {
      const starts = new Int32Array(e.strikeText.length + 1);
      e.strikeText.forEach((k, i) => { starts[i + 1] = (starts[i] as number) + k.length + 1; });
      return starts;
    }));
  }

  /** Appends one row (with its newline). */
  write(f: TradeFields): void {
    if (this.at > CHUNK_BYTES - MAX_ROW_BYTES) this.rotate();
    this.putTime(f.ts);
    this.put((this.heads[f.underlying] as Uint8Array[])[f.expiry] as Uint8Array);
    const starts = (this.strikeStarts[f.underlying] as Int32Array[])[f.expiry] as Int32Array;
    this.putRange((this.strikes[f.underlying] as Uint8Array[])[f.expiry] as Uint8Array, starts[f.strike] as number, starts[f.strike + 1] as number);
    const b = this.buf;
    b[this.at++] = f.right === 0 ? 67 : 80;
    b[this.at++] = COMMA;
    this.putCents(f.priceCents);
    this.putUint(f.size);
    b[this.at++] = COMMA;
    this.putCents(f.bidCents);
    this.putCents(f.askCents);
    b[this.at++] = f.venue;
    b[this.at++] = COMMA;
    this.put(this.conditions[f.condition] as Uint8Array);
    b[this.at++] = COMMA;
    this.put(this.sides[f.side] as Uint8Array);
    b[this.at++] = NEWLINE;
  }

  /** Bytes written so far that have not been taken. */
  get pendingBytes(): number {
    return this.full.reduce((s, c) => s + c.length, 0) + this.at;
  }

  /** Takes every finished byte chunk (the caller writes them out). */
  take(): Uint8Array[] {
    this.rotate();
    return this.full.splice(0, this.full.length);
  }

  private rotate(): void {
    if (this.at === 0) return;
    this.full.push(this.buf.subarray(0, this.at));
    this.buf = new Uint8Array(CHUNK_BYTES);
    this.at = 0;
  }

  private put(bytes: Uint8Array): void {
    this.buf.set(bytes, this.at);
    this.at += bytes.length;
  }

  private putRange(bytes: Uint8Array, from: number, to: number): void {
    const b = this.buf;
    for (let i = from; i < to; i++) b[this.at++] = bytes[i] as number;
  }

  private putTime(ts: number): void {
    this.put(this.dayPrefix);
    let x = ts - this.midnightMs;
    const ms = x % 1000; x = (x - ms) / 1000;
    const s = x % 60; x = (x - s) / 60;
    const m = x % 60;
    const h = (x - m) / 60;
    const b = this.buf;
    b[this.at++] = ZERO + Math.floor(h / 10); b[this.at++] = ZERO + (h % 10); b[this.at++] = COLON;
    b[this.at++] = ZERO + Math.floor(m / 10); b[this.at++] = ZERO + (m % 10); b[this.at++] = COLON;
    b[this.at++] = ZERO + Math.floor(s / 10); b[this.at++] = ZERO + (s % 10); b[this.at++] = DOT;
    b[this.at++] = ZERO + Math.floor(ms / 100); b[this.at++] = ZERO + (Math.floor(ms / 10) % 10); b[this.at++] = ZERO + (ms % 10);
    this.put(this.offsetSuffix);
    b[this.at++] = COMMA;
  }

  /** Dollars with two decimals from whole cents, then a comma. */
  private putCents(cents: number): void {
    const r = cents % 100;
    this.putUint((cents - r) / 100);
    const b = this.buf;
    b[this.at++] = DOT;
    b[this.at++] = ZERO + Math.floor(r / 10);
    b[this.at++] = ZERO + (r % 10);
    b[this.at++] = COMMA;
  }

  private putUint(n: number): void {
    let digits = 1;
    for (let p = 10; p <= n; p *= 10) digits++;
    let x = n;
    for (let i = this.at + digits - 1; i >= this.at; i--) {
      this.buf[i] = ZERO + (x % 10);
      x = Math.floor(x / 10);
    }
    this.at += digits;
  }
}

function ascii(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

/**
 * Slow, obvious reference: the same row built as a string. Used by the tests to check the encoder byte for
 * byte.
 */
export function formatTradeRow(clock: NewYorkDayClock, symbols: readonly string[], chains: readonly ListedChain[], f: TradeFields): string {
  const e = chains[f.underlying]?.expiries[f.expiry];
  if (e === undefined) throw new RangeError(`no expiry ${f.expiry} for underlying ${f.underlying}`);
  const dollars = (c: number) => (c / 100).toFixed(2);
  return [
    clock.format(f.ts), symbols[f.underlying], e.date, e.strikeText[f.strike], f.right === 0 ? 'C' : 'P',
    dollars(f.priceCents), String(f.size), dollars(f.bidCents), dollars(f.askCents), String.fromCharCode(f.venue),
    CONDITION_TEXT[f.condition], SIDE_TEXT[f.side],
  ].join(',');
}
