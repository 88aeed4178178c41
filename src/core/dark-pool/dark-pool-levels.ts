/** Where a level sits against the last price: below it (support), above it (resistance), or around it. */
export type LevelKind = 'support' | 'resistance' | 'at_last';

/** One dark-pool level: off-exchange volume traded in one price bucket during the day. */
export interface DarkPoolLevel {
  /** Bucket bounds, $/share: [price_low, price_high). */
  readonly price_low: number;
  readonly price_high: number;
  /** Volume-weighted price of the prints in the bucket. */
  readonly vwap: number;
  readonly volume: number;
  readonly notional: number;
  readonly prints: number;
  /** volume ÷ the day's informative off-exchange volume (the volume levels are built from). */
  readonly share_of_dp_volume: number;
  readonly kind: LevelKind;
}

/** Price scale of the exact-price map: 1/10,000 dollar, the LEAN tick files' own precision. */
export const PRICE_UNITS_PER_DOLLAR = 10_000;

/**
 * The level bucket width, $/share: `fraction × reference price` rounded down to 1, 2 or 5 × a power of ten,
 * never under one cent. At the default 5 bp this gives $0.05 for SPY at $167, $0.05 for IBM at $180, $0.02 for
 * AIG at $49 and $0.01 for BAC at $14: a width that scales with price, so a level means the same relative
 * precision on every symbol (docs/methodology.md "Dark pool", Levels).
 */
export function levelStep(referencePrice: number, fraction: number): number {
  const raw = referencePrice * fraction;
  if (!(raw > 0.01)) return 0.01;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  const nice = m >= 5 - 1e-9 ? 5 : m >= 2 - 1e-9 ? 2 : 1;
  return Math.round(nice * p * PRICE_UNITS_PER_DOLLAR) / PRICE_UNITS_PER_DOLLAR;
}

/**
 * Volume at exact price, keyed by the price in 1/10,000 dollars. Notional is kept in 1/10,000 dollars as an
 * integer (price units × shares), so totals are exact and do not depend on the order prints arrive in.
 */
export class VolumeAtPrice {
  private readonly index = new Map<number, number>();
  readonly priceUnits: number[] = [];
  readonly volume: number[] = [];
  readonly notionalUnits: number[] = [];
  readonly prints: number[] = [];

  add(priceUnits: number, size: number): void {
    let i = this.index.get(priceUnits);
    if (i === undefined) {
      i = this.priceUnits.length;
      this.index.set(priceUnits, i);
      this.priceUnits.push(priceUnits); this.volume.push(0); this.notionalUnits.push(0); this.prints.push(0);
    }
    this.volume[i] = (this.volume[i] as number) + size;
    this.notionalUnits[i] = (this.notionalUnits[i] as number) + priceUnits * size;
    this.prints[i] = (this.prints[i] as number) + 1;
  }

  get distinctPrices(): number {
    return this.priceUnits.length;
  }
}

/**
 * Dark-pool levels, what a trader reads as prices where large off-exchange volume changed hands and may again
 * act as support or resistance: volume at price bucketed by `step` ($/share; bucket k = [k·step, (k+1)·step)),
 * every bucket with its volume (shares), notional ($), print count and share of the bucketed volume, ranked by
 * volume (ties: lower price first), the first `count` returned. A bucket entirely below `lastPrice` is support,
 * entirely above it resistance, the one containing it `at_last`; with no last price, every level is `at_last`.
 */
export function darkPoolLevels(vap: VolumeAtPrice, step: number, lastPrice: number | null, count: number): DarkPoolLevel[] {
  const stepUnits = Math.round(step * PRICE_UNITS_PER_DOLLAR);
  const buckets = new Map<number, { volume: number; notional: number; prints: number }>();
  let total = 0;
  for (let i = 0; i < vap.priceUnits.length; i++) {
    const k = Math.floor((vap.priceUnits[i] as number) / stepUnits);
    let b = buckets.get(k);
    if (b === undefined) buckets.set(k, (b = { volume: 0, notional: 0, prints: 0 }));
    b.volume += vap.volume[i] as number;
    b.notional += vap.notionalUnits[i] as number;
    b.prints += vap.prints[i] as number;
    total += vap.volume[i] as number;
  }
  const ranked = [...buckets.entries()].sort((a, b) => b[1].volume - a[1].volume || a[0] - b[0]).slice(0, count);
  const lastUnits = lastPrice === null ? null : Math.round(lastPrice * PRICE_UNITS_PER_DOLLAR);
  return ranked.map(([k, b]): DarkPoolLevel => {
    const lo = k * stepUnits, hi = lo + stepUnits;
    const kind: LevelKind = lastUnits === null ? 'at_last' : hi <= lastUnits ? 'support' : lo > lastUnits ? 'resistance' : 'at_last';
    return {
      price_low: lo / PRICE_UNITS_PER_DOLLAR,
      price_high: hi / PRICE_UNITS_PER_DOLLAR,
      vwap: b.notional / b.volume / PRICE_UNITS_PER_DOLLAR,
      volume: b.volume,
      notional: b.notional / PRICE_UNITS_PER_DOLLAR,
      prints: b.prints,
      share_of_dp_volume: total > 0 ? b.volume / total : 0,
      kind,
    };
  });
}
