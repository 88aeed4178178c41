import type { Contracts, EpochMs, IsoDate, PricePerShare } from '../units.ts';
import { newYorkDate } from '../calendar/new-york-date.ts';
import { ContractFlow } from './contract-flow.ts';
import type { FlowSettings } from './flow-settings.ts';
import type { FlowSignal } from './flow-signal.ts';
import { contractKey, type OptionTrade, type Side } from './option-trade.ts';
import { classifySide } from './side-classifier.ts';

/** Settled OI of a contract for a New York trading day, or null when unknown. */
export type SettledOiLookup = (contract: string, day: IsoDate) => number | null;

/** Counts that a run reports next to its signals. */
export interface TapeStats {
  prints: number;
  /** Prints whose side was classified from the NBBO (the source gave none). */
  sidesInferred: number;
  /** Prints on a crossed or locked NBBO: kept and scored (aggressor 0.5), counted here. */
  crossedOrLocked: number;
  contractDays: number;
  signals: number;
}

const SIDE_ORDER: Record<Side, number> = { buy: 0, mid: 1, sell: 2 };
const SIDES: readonly Side[] = ['buy', 'mid', 'sell'];

/** One contract on one New York day: its identity, how many prints it has, and whether they came in order. */
interface Bucket {
  readonly id: number;
  readonly first: OptionTrade;
  readonly day: IsoDate;
  count: number;
  /** Row (in the columns) of the bucket's latest print, for the in-order check. */
  last: number;
  sorted: boolean;
}

/**
 * The tape's prints as growable typed-array columns: no object per print, so a 5-million-print tape costs
 * ~250 MB and no garbage-collector time. `code` packs the interned exchange id and the side:
 * exchangeId × 4 + SIDE_ORDER[side].
 */
class PrintColumns {
  length = 0;
  ts = new Float64Array(1024);
  price = new Float64Array(1024);
  size = new Float64Array(1024);
  bid = new Float64Array(1024);
  ask = new Float64Array(1024);
  code = new Uint32Array(1024);
  bucket = new Uint32Array(1024);

  push(ts: number, price: number, size: number, bid: number, ask: number, code: number, bucket: number): number {
    if (this.length === this.ts.length) this.grow();
    const i = this.length++;
    this.ts[i] = ts;
    this.price[i] = price;
    this.size[i] = size;
    this.bid[i] = bid;
    this.ask[i] = ask;
    this.code[i] = code;
    this.bucket[i] = bucket;
    return i;
  }

  private grow(): void {
    const n = this.ts.length * 2;
    const f = (a: Float64Array) => { const b = new Float64Array(n); b.set(a); return b; };
    const u = (a: Uint32Array) => { const b = new Uint32Array(n); b.set(a); return b; };
    this.ts = f(this.ts); this.price = f(this.price); this.size = f(this.size);
    this.bid = f(this.bid); this.ask = f(this.ask); this.code = u(this.code); this.bucket = u(this.bucket);
  }
}

/**
 * Accumulates a tape (any order, any number of underlyings and days) and turns it into scored signals per
 * underlying: prints are bucketed per contract and New York day, put in canonical order, and run through
 * a ContractFlow each. Memory holds the tape as numeric columns; the result holds only the signals.
 */
export class FlowTape {
  private readonly buckets: Bucket[] = [];
  /** day → underlying → expiry → right → strike → bucket: short keys, no per-print string building. */
  private readonly index = new Map<IsoDate, Map<string, Map<string, [Map<number, Bucket>, Map<number, Bucket>]>>>();
  private readonly cols = new PrintColumns();
  private lastDay: IsoDate | null = null;
  private lastHour = NaN;
  private lastHourDay: IsoDate | null = null;
  private lastDayIndex: Map<string, Map<string, [Map<number, Bucket>, Map<number, Bucket>]>> | undefined;
  private readonly lastTsByUnderlying = new Map<string, number>();
  private readonly exchangeIds = new Map<string, number>();
  private readonly exchanges: string[] = [];
  readonly stats: TapeStats = { prints: 0, sidesInferred: 0, crossedOrLocked: 0, contractDays: 0, signals: 0 };
  /** The last signals() run, reused bucket by bucket while the settings and the OI lookup are the same objects. */
  private cache: RunCache | null = null;

  add(t: OptionTrade): void {
    const hour = Math.floor(t.ts / 3_600_000);
    if (hour !== this.lastHour) {
      this.lastHour = hour;
      this.lastHourDay = newYorkDate(t.ts);
    }
    const b = this.bucketOf(t, this.lastHourDay as IsoDate);
    let side = t.side;
    if (side === null) {
      side = classifySide(t.price, t.bid, t.ask);
      this.stats.sidesInferred++;
    }
    let ex = this.exchangeIds.get(t.exchange);
    if (ex === undefined) {
      ex = this.exchanges.length;
      this.exchanges.push(t.exchange);
      this.exchangeIds.set(t.exchange, ex);
    }
    const code = ex * 4 + SIDE_ORDER[side];
    const row = this.cols.push(t.ts, t.price, t.size, t.bid, t.ask, code, b.id);
    if (b.count > 0 && b.sorted && this.compareRows(b.last, row) > 0) b.sorted = false;
    b.last = row;
    b.count++;
    this.stats.prints++;
  }

  private bucketOf(t: OptionTrade, day: IsoDate): Bucket {
    let byUnderlying = day === this.lastDay ? this.lastDayIndex : this.index.get(day);
    if (byUnderlying === undefined) this.index.set(day, (byUnderlying = new Map()));
    this.lastDay = day;
    this.lastDayIndex = byUnderlying;
    let byExpiry = byUnderlying.get(t.underlying);
    if (byExpiry === undefined) byUnderlying.set(t.underlying, (byExpiry = new Map()));
    let byRight = byExpiry.get(t.expiry);
    if (byRight === undefined) byExpiry.set(t.expiry, (byRight = [new Map(), new Map()]));
    const byStrike = byRight[t.right === 'C' ? 0 : 1];
    let b = byStrike.get(t.strike);
    if (b === undefined) {
      b = { id: this.buckets.length, first: t, day, count: 0, last: -1, sorted: true };
      byStrike.set(t.strike, b);
      this.buckets.push(b);
    }
    return b;
  }

  addAll(trades: Iterable<OptionTrade>): void {
    for (const t of trades) this.add(t);
  }

  /**
   * Runs every contract-day and returns the signals per underlying, each list sorted by time (fresh arrays).
   * Incremental: a contract-day's signals depend only on its own prints (ContractFlow), so when called again
   * with the same `settings` and `settledOi` objects, only the contract-days that received prints since are
   * run again and their signals merged into the previous lists — a live print costs its contract-day, not the
   * whole tape. The result is identical to a first run over the same prints (tested).
   */
  signals(settings: FlowSettings, settledOi: SettledOiLookup): Map<string, FlowSignal[]> {
    let cache = this.cache;
    if (cache === null || cache.settings !== settings || cache.settledOi !== settledOi) {
      cache = { settings, settledOi, counts: [], bySignals: [], crossed: [], lists: new Map() };
      this.cache = cache;
    }
    const dirty: Bucket[] = [];
    for (const b of this.buckets) if (cache.counts[b.id] !== b.count) dirty.push(b);
    if (dirty.length > 0) this.rerun(cache, dirty);
    this.stats.crossedOrLocked = 0;
    this.stats.contractDays = this.buckets.length;
    this.stats.signals = 0;
    for (const b of this.buckets) this.stats.crossedOrLocked += cache.crossed[b.id] as number;
    const out = new Map<string, FlowSignal[]>();
    for (const [underlying, list] of cache.lists) {
      out.set(underlying, list.slice());
      this.stats.signals += list.length;
    }
    return out;
  }

  /** Runs the `dirty` contract-days again and replaces their signals in the cached, time-sorted lists. */
  private rerun(cache: RunCache, dirty: readonly Bucket[]): void {
    const c = this.cols;
    // The dirty buckets' rows, grouped by bucket (counting sort restricted to them), in input order.
    const slot = new Int32Array(this.buckets.length).fill(-1);
    dirty.forEach((b, k) => { slot[b.id] = k; });
    const start = new Uint32Array(dirty.length + 1);
    for (let i = 0; i < c.length; i++) {
      const k = slot[c.bucket[i] as number] as number;
      if (k >= 0) start[k + 1] = (start[k + 1] as number) + 1;
    }
    for (let k = 0; k < dirty.length; k++) start[k + 1] = (start[k + 1] as number) + (start[k] as number);
    const fill = start.slice(0, dirty.length);
    const rows = new Uint32Array(start[dirty.length] as number);
    for (let i = 0; i < c.length; i++) {
      const k = slot[c.bucket[i] as number] as number;
      if (k < 0) continue;
      rows[fill[k] as number] = i;
      fill[k] = (fill[k] as number) + 1;
    }
    const stale = new Set<FlowSignal>();
    const fresh = new Map<string, FlowSignal[]>();
    for (let k = 0; k < dirty.length; k++) {
      const b = dirty[k] as Bucket;
      for (const s of cache.bySignals[b.id] ?? []) stale.add(s);
      const contract = contractKey(b.first);
      const flow = new ContractFlow({
        underlying: b.first.underlying, contract, expiry: b.first.expiry, strike: b.first.strike,
        right: b.first.right, day: b.day, settledOi: cache.settledOi(contract, b.day),
      }, cache.settings);
      const mine: FlowSignal[] = [];
      const from = start[k] as number;
      const to = start[k + 1] as number;
      if (!b.sorted) rows.subarray(from, to).sort((i, j) => this.compareRows(i, j));
      for (let r = from; r < to; r++) {
        const i = rows[r] as number;
        const code = c.code[i] as number;
        const s = flow.add({
          ts: c.ts[i] as EpochMs, price: c.price[i] as PricePerShare, size: c.size[i] as Contracts,
          bid: c.bid[i] as PricePerShare, ask: c.ask[i] as PricePerShare,
          exchange: this.exchanges[code >> 2] as string, side: SIDES[code & 3] as Side,
        });
        if (s !== null) mine.push(s);
      }
      const last = flow.flush();
      if (last !== null) mine.push(last);
      const bucketLastTs = c.ts[rows[to - 1] as number] as number;
      if (!(bucketLastTs <= (this.lastTsByUnderlying.get(b.first.underlying) ?? -Infinity))) {
        this.lastTsByUnderlying.set(b.first.underlying, bucketLastTs);
      }
      cache.counts[b.id] = b.count;
      cache.bySignals[b.id] = mine;
      cache.crossed[b.id] = flow.crossedOrLockedPrints;
      let list = fresh.get(b.first.underlying);
      if (list === undefined) fresh.set(b.first.underlying, (list = []));
      for (const s of mine) list.push(s);
    }
    for (const [underlying, added] of fresh) {
      added.sort(compareSignalsByTime);
      const kept = (cache.lists.get(underlying) ?? []).filter((s) => !stale.has(s));
      cache.lists.set(underlying, mergeByTime(kept, added));
    }
  }

  /** The time of an underlying's last print (known after signals()); null when it has none. */
  lastPrintTs(underlying: string): EpochMs | null {
    const t = this.lastTsByUnderlying.get(underlying);
    return t === undefined ? null : (t as EpochMs);
  }

  /**
   * The canonical order of a contract's prints: time, then side, price, size, exchange, bid, ask. Sorting by
   * it makes the coalescing (and so every number) independent of the order of rows in the input,
   * including prints that share a millisecond.
   */
  private compareRows(i: number, j: number): number {
    const c = this.cols;
    const ci = c.code[i] as number, cj = c.code[j] as number;
    return (c.ts[i] as number) - (c.ts[j] as number) || (ci & 3) - (cj & 3)
      || (c.price[i] as number) - (c.price[j] as number) || (c.size[i] as number) - (c.size[j] as number)
      || compareText(this.exchanges[ci >> 2] as string, this.exchanges[cj >> 2] as string)
      || (c.bid[i] as number) - (c.bid[j] as number) || (c.ask[i] as number) - (c.ask[j] as number);
  }
}

/** What signals() keeps between runs, indexed by bucket id. */
interface RunCache {
  readonly settings: FlowSettings;
  readonly settledOi: SettledOiLookup;
  /** The bucket's print count when it was last run (undefined: never). */
  readonly counts: number[];
  readonly bySignals: FlowSignal[][];
  readonly crossed: number[];
  /** Per underlying, every bucket's signals in time order. */
  readonly lists: Map<string, FlowSignal[]>;
}

/** Merges two lists sorted by compareSignalsByTime. */
function mergeByTime(a: readonly FlowSignal[], b: readonly FlowSignal[]): FlowSignal[] {
  const out: FlowSignal[] = new Array<FlowSignal>(a.length + b.length);
  let i = 0, j = 0, k = 0;
  while (i < a.length && j < b.length) {
    out[k++] = compareSignalsByTime(a[i] as FlowSignal, b[j] as FlowSignal) <= 0 ? a[i++] as FlowSignal : b[j++] as FlowSignal;
  }
  while (i < a.length) out[k++] = a[i++] as FlowSignal;
  while (j < b.length) out[k++] = b[j++] as FlowSignal;
  return out;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Time order of signals, with contract and side as tie-breaks so that the order is total. */
export function compareSignalsByTime(a: FlowSignal, b: FlowSignal): number {
  return a.ts - b.ts || (a.contract < b.contract ? -1 : a.contract > b.contract ? 1 : 0)
    || SIDE_ORDER[a.side] - SIDE_ORDER[b.side];
}
