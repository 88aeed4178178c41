/** Totals of the sweeps of one symbol-day: all bursts, and the off-exchange prints inside them. */
export interface SweepTotals {
  /** Bursts that qualify as sweeps (any venue). */
  readonly sweeps: number;
  /** Sweeps with at least one off-exchange print. */
  readonly sweeps_with_off_exchange: number;
  readonly off_exchange_prints: number;
  readonly off_exchange_volume: number;
  /** In 1/10,000 dollars (the book converts). */
  readonly off_exchange_premium: number;
}

interface Burst {
  lastTs: number;
  prints: number;
  venues: Set<string>;
  offPrints: number;
  offVolume: number;
  offPremium: number;
}

function emptyBurst(ts: number): Burst {
  return { lastTs: ts, prints: 0, venues: new Set(), offPrints: 0, offVolume: 0, offPremium: 0 };
}

/**
 * Sweeps as ISO bursts. An intermarket sweep order is sent to several venues at once, so it prints as a burst
 * of ISO-flagged trades across venues within milliseconds. A burst is a maximal run of a symbol's ISO prints,
 * sorted by time, in which consecutive prints are at most `gapMs` apart; it is a sweep when it has at least
 * `minPrints` prints on at least `minVenues` distinct venues (defaults 5 ms, 3, 2: docs/methodology.md "Dark
 * pool" shows the gap distribution on the real IBM tape). Membership depends only on the multiset of times,
 * so the result does not depend on input order. Prints in time order are folded in as they come (O(1));
 * an out-of-order print makes the next `totals()` re-sort the day's ISO prints once.
 */
export class IsoSweepBursts {
  private ts: number[] = [];
  private venue: string[] = [];
  private off: boolean[] = [];
  private volume: number[] = [];
  private premium: number[] = [];
  private sorted = true;
  private open: Burst | null = null;
  private closed: Mutable<SweepTotals> = zeroTotals();

  constructor(private readonly gapMs: number, private readonly minPrints: number, private readonly minVenues: number) {}

  /** One ISO print; `premiumUnits` is its notional in 1/10,000 dollars (an integer, so sums are exact). */
  add(ts: number, venue: string, offExchange: boolean, size: number, premiumUnits: number): void {
    const n = this.ts.length;
    if (n > 0 && ts < (this.ts[n - 1] as number)) this.sorted = false;
    this.ts.push(ts); this.venue.push(venue); this.off.push(offExchange);
    this.volume.push(size); this.premium.push(premiumUnits);
    if (this.sorted) this.fold(n);
  }

  totals(): SweepTotals {
    if (!this.sorted) this.rebuild();
    const t = { ...this.closed };
    if (this.open !== null) this.addIfSweep(t, this.open);
    return t;
  }

  private fold(i: number): void {
    const ts = this.ts[i] as number;
    if (this.open === null || ts - this.open.lastTs > this.gapMs) {
      if (this.open !== null) this.addIfSweep(this.closed, this.open);
      this.open = emptyBurst(ts);
    }
    const b = this.open;
    b.lastTs = ts;
    b.prints++;
    b.venues.add(this.venue[i] as string);
    if (this.off[i] === true) {
      b.offPrints++;
      b.offVolume += this.volume[i] as number;
      b.offPremium += this.premium[i] as number;
    }
  }

  private addIfSweep(t: Mutable<SweepTotals>, b: Burst): void {
    if (b.prints < this.minPrints || b.venues.size < this.minVenues) return;
    t.sweeps++;
    if (b.offPrints > 0) t.sweeps_with_off_exchange++;
    t.off_exchange_prints += b.offPrints;
    t.off_exchange_volume += b.offVolume;
    t.off_exchange_premium += b.offPremium;
  }

  private rebuild(): void {
    const order = Array.from(this.ts.keys()).sort(byTime(this.ts));
    const cols = [this.ts, this.venue, this.off, this.volume, this.premium] as const;
    this.ts = order.map((i) => cols[0][i] as number);
    this.venue = order.map((i) => cols[1][i] as string);
    this.off = order.map((i) => cols[2][i] as boolean);
    this.volume = order.map((i) => cols[3][i] as number);
    this.premium = order.map((i) => cols[4][i] as number);
    this.open = null;
    this.closed = zeroTotals();
    for (let i = 0; i < this.ts.length; i++) this.fold(i);
    this.sorted = true;
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function zeroTotals(): Mutable<SweepTotals> {
  return { sweeps: 0, sweeps_with_off_exchange: 0, off_exchange_prints: 0, off_exchange_volume: 0, off_exchange_premium: 0 };
}

function byTime(ts: readonly number[]): (a: number, b: number) => number {
  return (a, b) => (ts[a] as number) - (ts[b] as number);
}
