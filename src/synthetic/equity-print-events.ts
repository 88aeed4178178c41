import { conditionMask, type SaleConditionName } from '../core/dark-pool/sale-conditions.ts';
import { AliasTable } from './alias-table.ts';
import { type EquityNameProfile, roundLots } from './equity-name-profile.ts';
import { type EquityRow, NO_QUOTE } from './equity-row-buffer.ts';
import { LitVenuePicker, OFF_EXCHANGE_VENUE } from './equity-venues.ts';
import type { Prng } from './prng.ts';

/**
 * The event mix of the synthetic equity tape (docs/synthetic-tape.md has the reasoning and the LEAN comparison).
 * Probabilities are per event unless said otherwise.
 */
export const EQUITY_MIX = {
  /** An ISO sweep: 3–12 intermarket-sweep prints across lit venues, ≤ 5 ms apart, one side. */
  sweep: 0.045,
  /** Share of single lit prints flagged ISO (one-venue ISOs). */
  isoSingle: 0.4,
  /** Share of single lit prints at the midpoint (hidden midpoint orders). */
  litMidpoint: 0.04,
  /** Off-exchange singles: share that are ATS midpoint crosses, and at the quote; the rest is internalised retail. */
  atsMidpoint: 0.22,
  atsAtQuote: 0.08,
  /** Share of internalised retail prints with price improvement (strictly inside the spread, often sub-penny). */
  priceImproved: 0.6,
  /** Share of off-exchange singles reported with a non-informative condition (average price, derivatively priced, …). */
  nonInformative: 0.006,
  /** A block (≥ 10,000 shares or ≥ $200,000) from ordinary two-sided institutional flow; 75% of them off-exchange. */
  block: 0.0015,
  /** Share of prints sent without an NBBO (the reader's tick test signs them). */
  noQuote: 0.03,
} as const;

/** Non-informative conditions with their weights: the by-condition counts of the excluded LEAN off-exchange prints. */
const NON_INFORMATIVE: readonly [readonly SaleConditionName[], number][] = [
  [['average_price'], 0.45],
  [['derivatively_priced', 'average_price', 'trade_through_exempt'], 0.2],
  [['derivatively_priced'], 0.15],
  [['seller'], 0.04], [['out_of_sequence'], 0.04], [['sold_out_of_sequence'], 0.04], [['next_day'], 0.04],
  [['cash'], 0.02], [['prior_reference_price'], 0.02],
];
const NON_INFORMATIVE_MASKS = NON_INFORMATIVE.map(([names]) => conditionMask(names));
const NON_INFORMATIVE_PICKER = new AliasTable(NON_INFORMATIVE.map(([, w]) => w));

export const COND = {
  none: 0,
  iso: conditionMask(['intermarket_sweep', 'trade_through_exempt']),
  oddLot: conditionMask(['odd_lot']),
  extendedHours: conditionMask(['extended_hours']),
  averagePriceExtended: conditionMask(['extended_hours', 'average_price']),
  opening: conditionMask(['opening_prints']),
  closing: conditionMask(['closing_prints']),
} as const;

const D = OFF_EXCHANGE_VENUE.charCodeAt(0);

/** Counts of what was generated, for the manifest. */
export interface EquityTapeStats {
  rows: number;
  litPrints: number;
  offExchangePrints: number;
  oddLotPrints: number;
  isoPrints: number;
  sweeps: number;
  sweepPrints: number;
  /** Block events written as such (ordinary and informed); the size tail makes further prints block-sized. */
  blockEvents: number;
  informedBlocks: number;
  nonInformativePrints: number;
  noQuotePrints: number;
  preMarketPrints: number;
  postMarketPrints: number;
  auctionPrints: number;
}

export function emptyEquityStats(): EquityTapeStats {
  return {
    rows: 0, litPrints: 0, offExchangePrints: 0, oddLotPrints: 0, isoPrints: 0, sweeps: 0, sweepPrints: 0, blockEvents: 0,
    informedBlocks: 0, nonInformativePrints: 0, noQuotePrints: 0, preMarketPrints: 0, postMarketPrints: 0, auctionPrints: 0,
  };
}

/** Where rows go. */
export interface EquityRowSink {
  add(r: EquityRow): void;
}

/** A name as the factory sees it: its profile, lit venues and its price now. */
export interface EquityName {
  readonly profile: EquityNameProfile;
  readonly venues: LitVenuePicker;
  /** $/share now. */
  price(u: number, ts: number): number;
  /** $/share earlier in the session (for average-price and late reports). */
  earlierPrice(u: number, ts: number, rng: Prng): number;
}

/** Turns events (a retail fill, a dark cross, an ISO sweep, a block) into canonical equity rows. */
export class EquityPrintFactory {
  readonly stats = emptyEquityStats();
  private readonly r: EquityRow = { ts: 0, underlying: 0, priceUnits: 0, size: 0, venue: 0, conditions: 0, bidCents: 0, askCents: 0 };
  private bid = 0;
  private ask = 0;

  constructor(private readonly names: readonly EquityName[]) {}

  /**
   * One continuous event of name u at ts: an ISO sweep (EQUITY_MIX.sweep; at most `maxRows` rows, the last by
   * `lastMs`), an ordinary block, or a single lit or off-exchange print. Returns the rows written.
   */
  continuous(rng: Prng, u: number, ts: number, maxRows: number, lastMs: number, out: EquityRowSink): number {
    const name = this.names[u] as EquityName;
    this.quote(rng, name, u, ts);
    const x = rng.next();
    if (x < EQUITY_MIX.sweep && maxRows >= 3) return this.sweep(rng, name, u, ts, maxRows, lastMs, out);
    if (x < EQUITY_MIX.sweep + EQUITY_MIX.block) {
      this.block(rng, name, u, ts, out);
      return 1;
    }
    if (rng.chance(name.profile.offExchangeShare)) this.offExchange(rng, name, u, ts, out);
    else this.lit(rng, name, u, ts, out);
    return 1;
  }

  /**
   * One informed block of `notional` dollars: an institution's order printed off-exchange in one piece, priced on its side of the market: accumulation at the ask (55%), a cent above it (15%) or inside the spread
   * in the ask's half (30%); distribution the mirror image at the bid. The quote rule signs all of them.
   */
  informedBlock(rng: Prng, u: number, ts: number, buy: boolean, notional: number, out: EquityRowSink): void {
    const name = this.names[u] as EquityName;
    this.quote(rng, name, u, ts);
    const price = name.price(u, ts);
    const size = 100 * Math.ceil(notional / price / 100);
    const spreadUnits = (this.ask - this.bid) * 100;
    const x = rng.next();
    const edge = x < 0.55 ? 0 : x < 0.7 ? -100 : Math.floor(rng.next() * 0.45 * spreadUnits);
    const units = buy ? this.ask * 100 - edge : Math.max(1, this.bid * 100 + edge);
    this.stats.informedBlocks++;
    this.stats.blockEvents++;
    this.emit(out, ts, u, units, size, D, COND.none, true);
  }

  /** The opening (`open`) or closing auction print of `shares` at `price` on the listing exchange, without an NBBO. */
  auction(u: number, ts: number, price: number, shares: number, open: boolean, out: EquityRowSink): void {
    const name = this.names[u] as EquityName;
    this.stats.auctionPrints++;
    this.emit(out, ts, u, Math.round(price * 100) * 100, Math.max(100, 100 * Math.round(shares / 100)),
      name.profile.listingVenue.charCodeAt(0), open ? COND.opening : COND.closing, false);
  }

  /**
   * One pre- or post-market print: off-exchange 45% of the time, else lit; the NBBO four times as wide and sent
   * on three prints in four; odd lots as in the session; 2% of post-market off-exchange prints are average-price
   * reports (e.g. VWAP orders completed after the close).
   */
  extendedHours(rng: Prng, u: number, ts: number, post: boolean, out: EquityRowSink): void {
    const name = this.names[u] as EquityName;
    this.quote(rng, name, u, ts, 4);
    const off = rng.chance(0.45);
    const venue = off ? D : name.venues.sample(rng);
    const buy = rng.chance(0.5);
    let size = this.printSize(rng, name.profile, true);
    let cond = COND.extendedHours;
    let units = (buy ? this.ask : this.bid) * 100;
    if (off && post && rng.chance(0.02)) {
      cond = COND.averagePriceExtended;
      size = 100 * Math.max(10, Math.round(20 * rng.exponential())) ;
      units = Math.round(name.earlierPrice(u, ts, rng) * 100) * 100;
    } else if (size < 100) cond |= COND.oddLot;
    if (post) this.stats.postMarketPrints++; else this.stats.preMarketPrints++;
    this.emit(out, ts, u, units, size, venue, cond, rng.chance(0.75));
  }

  private sweep(rng: Prng, name: EquityName, u: number, ts: number, maxRows: number, lastMs: number, out: EquityRowSink): number {
    const k = Math.min(maxRows, 12, 3 + Math.floor(3 * rng.exponential()));
    const buy = rng.chance(0.5);
    let t = ts;
    let venue = 0;
    let bid = this.bid, ask = this.ask;
    for (let j = 0; j < k; j++) {
      if (j > 0) {
        t = Math.min(lastMs, t + (rng.chance(0.45) ? 0 : Math.min(5, 1 + Math.floor(1.2 * rng.exponential()))));
        if (rng.chance(0.15)) {
          if (buy) ask++;
          else if (bid > 1) bid--;
        }
      }
      venue = j === 1 ? name.venues.sampleOther(rng, venue) : name.venues.sample(rng);
      const size = this.printSize(rng, name.profile, rng.chance(0.2));
      this.bid = bid;
      this.ask = ask;
      this.stats.isoPrints++;
      this.emit(out, t, u, (buy ? ask : bid) * 100, size, venue, COND.iso | (size < 100 ? COND.oddLot : 0), true);
    }
    this.stats.sweeps++;
    this.stats.sweepPrints += k;
    return k;
  }

  /** Two-sided institutional block: $200K (or 10,000 shares if cheaper) × Pareto(α 1.4), ≤ $10M; 75% off-exchange. */
  private block(rng: Prng, name: EquityName, u: number, ts: number, out: EquityRowSink): void {
    const price = name.price(u, ts);
    const floor = Math.min(200_000, 10_000 * price);
    const size = 100 * Math.ceil(Math.min(10e6, floor * (1 - rng.next()) ** (-1 / 1.4)) / price / 100);
    const x = rng.next();
    const units = x < 0.4 ? (this.bid + this.ask) * 50 : x < 0.7 ? this.ask * 100 : this.bid * 100;
    const off = rng.chance(0.75);
    this.stats.blockEvents++;
    this.emit(out, ts, u, units, size, off ? D : name.venues.sample(rng), off || x < 0.4 ? COND.none : COND.iso, !rng.chance(EQUITY_MIX.noQuote));
  }

  private lit(rng: Prng, name: EquityName, u: number, ts: number, out: EquityRowSink): void {
    const size = this.printSize(rng, name.profile, true);
    let cond = size < 100 ? COND.oddLot : COND.none;
    let units: number;
    if (rng.chance(EQUITY_MIX.litMidpoint)) units = (this.bid + this.ask) * 50;
    else {
      units = (rng.chance(0.5) ? this.ask : this.bid) * 100;
      if (rng.chance(EQUITY_MIX.isoSingle)) {
        cond |= COND.iso;
        this.stats.isoPrints++;
      }
    }
    this.emit(out, ts, u, units, size, name.venues.sample(rng), cond, !rng.chance(EQUITY_MIX.noQuote));
  }

  private offExchange(rng: Prng, name: EquityName, u: number, ts: number, out: EquityRowSink): void {
    if (rng.chance(EQUITY_MIX.nonInformative)) {
      const price = name.earlierPrice(u, ts, rng);
      const floor = Math.min(200_000, 10_000 * price);
      const size = rng.chance(0.3) ? 100 * Math.ceil(floor * (1 - rng.next()) ** (-1 / 1.4) / price / 100)
        : 100 * roundLots(5 * name.profile.roundLotScale, rng.next());
      this.stats.nonInformativePrints++;
      this.emit(out, ts, u, Math.round(price * 100) * 100, size, D,
        NON_INFORMATIVE_MASKS[NON_INFORMATIVE_PICKER.sample(rng)] as number, !rng.chance(EQUITY_MIX.noQuote));
      return;
    }
    const x = rng.next();
    const buy = rng.chance(0.5);
    const spreadUnits = (this.ask - this.bid) * 100;
    let units: number;
    let oddLots = true;
    if (x < EQUITY_MIX.atsMidpoint) {
      units = (this.bid + this.ask) * 50;
      oddLots = false;
    } else if (x < EQUITY_MIX.atsMidpoint + EQUITY_MIX.atsAtQuote) {
      units = (buy ? this.ask : this.bid) * 100;
      oddLots = false;
    } else {
      const improvement = rng.chance(EQUITY_MIX.priceImproved) ? 1 + Math.floor(rng.next() * (0.45 * spreadUnits - 1)) : 0;
      units = buy ? this.ask * 100 - improvement : this.bid * 100 + improvement;
    }
    const size = this.printSize(rng, name.profile, oddLots);
    this.emit(out, ts, u, units, size, D, size < 100 ? COND.oddLot : COND.none, !rng.chance(EQUITY_MIX.noQuote));
  }

  /**
   * A continuous print's size: an odd lot (1–99 shares, log-uniform) with the name's odd-lot share when allowed,
   * else 100 × roundLots (equity-name-profile.ts).
   */
  private printSize(rng: Prng, p: EquityNameProfile, oddLots: boolean): number {
    if (oddLots && rng.chance(p.oddLotShare)) return Math.min(99, Math.floor(100 ** rng.next()));
    return 100 * roundLots(p.roundLotScale, rng.next());
  }

  /** The NBBO around name u's price at ts: the name's spread (one cent wider 15% of the time) × `widen`, bid ≥ 1¢. */
  private quote(rng: Prng, name: EquityName, u: number, ts: number, widen = 1): void {
    const spread = (name.profile.spreadCents + (rng.chance(0.15) ? 1 : 0)) * widen;
    const mid = name.price(u, ts) * 100;
    this.bid = Math.max(1, Math.round(mid - spread / 2));
    this.ask = this.bid + spread;
  }

  private emit(out: EquityRowSink, ts: number, u: number, units: number, size: number, venue: number, conditions: number, quoted: boolean): void {
    const r = this.r;
    r.ts = ts; r.underlying = u; r.priceUnits = Math.max(1, units); r.size = size; r.venue = venue; r.conditions = conditions;
    r.bidCents = quoted ? this.bid : NO_QUOTE;
    r.askCents = quoted ? this.ask : NO_QUOTE;
    this.stats.rows++;
    if (venue === D) this.stats.offExchangePrints++; else this.stats.litPrints++;
    if ((conditions & COND.oddLot) !== 0) this.stats.oddLotPrints++;
    if (!quoted) this.stats.noQuotePrints++;
    out.add(r);
  }
}
