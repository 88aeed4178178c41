import type { EpochMs } from '../units.ts';

/** A consolidated best bid and offer in force at an instant. */
export interface Nbbo {
  readonly bid: number;
  readonly ask: number;
}

/**
 * The NBBO of one symbol over time, built from consolidated best-bid/best-offer updates in time order (each may
 * change one side). Stored as typed-array columns, one entry per instant with a change; `before(ts)` is the
 * NBBO from every update strictly earlier than `ts`: a print and the quote change it causes often share a
 * millisecond, and the quote a trader hit is the one before the print (docs/methodology.md "Dark pool").
 */
export class NbboTimeline {
  private ts = new Float64Array(1024);
  private bid = new Float64Array(1024);
  private ask = new Float64Array(1024);
  private n = 0;
  private curBid = 0;
  private curAsk = 0;
  private cursor = 0;

  get size(): number {
    return this.n;
  }

  /** The time of the last update, or -Infinity. */
  get lastTs(): number {
    return this.n === 0 ? -Infinity : this.ts[this.n - 1] as number;
  }

  /** Applies an update; `ts` must not be earlier than the last update's (the reader rejects such rows). */
  update(ts: EpochMs, bid: number | null, ask: number | null): void {
    if (ts < this.lastTs) throw new Error(`NbboTimeline: update at ${ts} is earlier than the last at ${this.lastTs}`);
    if (bid !== null) this.curBid = bid;
    if (ask !== null) this.curAsk = ask;
    if (this.n > 0 && this.ts[this.n - 1] === ts) {
      this.bid[this.n - 1] = this.curBid;
      this.ask[this.n - 1] = this.curAsk;
      return;
    }
    if (this.n === this.ts.length) this.grow();
    this.ts[this.n] = ts;
    this.bid[this.n] = this.curBid;
    this.ask[this.n] = this.curAsk;
    this.n++;
  }

  /** The NBBO from updates strictly before `ts`, or null when there were none. */
  before(ts: EpochMs): Nbbo | null {
    const i = this.indexBefore(ts);
    return i < 0 ? null : { bid: this.bid[i] as number, ask: this.ask[i] as number };
  }

  /** Index of the last update strictly before ts (−1 if none); a cursor makes time-ordered queries O(1). */
  private indexBefore(ts: number): number {
    const t = this.ts;
    let c = this.cursor;
    if (c < this.n && (t[c] as number) < ts && (c + 1 >= this.n || (t[c + 1] as number) >= ts)) return c;
    if (c + 1 < this.n && (t[c + 1] as number) < ts && (c + 2 >= this.n || (t[c + 2] as number) >= ts)) {
      this.cursor = c + 1;
      return c + 1;
    }
    let lo = 0, hi = this.n - 1;
    c = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((t[mid] as number) < ts) { c = mid; lo = mid + 1; } else hi = mid - 1;
    }
    if (c >= 0) this.cursor = c;
    return c;
  }

  private grow(): void {
    const len = this.ts.length * 2;
    const nt = new Float64Array(len); nt.set(this.ts); this.ts = nt;
    const nb = new Float64Array(len); nb.set(this.bid); this.bid = nb;
    const na = new Float64Array(len); na.set(this.ask); this.ask = na;
  }
}
