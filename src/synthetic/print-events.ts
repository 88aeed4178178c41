import type { Right } from '../core/options-flow/option-trade.ts';
import { AliasTable } from './alias-table.ts';
import { blackScholesPrice } from './black-scholes.ts';
import { smileVol } from './iv-smile.ts';
import { type ContractRef, type ListedChain, type ListedExpiry, nearestStrikeIndex, yearsTo } from './listed-chain.ts';
import { quoteAround } from './nbbo-model.ts';
import { tickCents, tickDown, tickUp } from './option-ticks.ts';
import { OPRA_CONDITIONS, OPRA_VENUES } from './opra-venues.ts';
import { CONDITION_TEXT, type ConditionText, SIDE_TEXT, type TradeFields } from './trade-row-encoder.ts';
import type { Prng } from './prng.ts';
import { RISK_FREE_RATE, type Underlying } from './underlying-universe.ts';

/**
 * The print mix of the synthetic tape (docs/synthetic-tape.md has the reasoning behind each number).
 * Probabilities are per *event*; a sweep event writes 3–15 rows, every other event one row.
 */
export const PRINT_MIX = {
  retail: 0.88, midsize: 0.085, block: 0.02, sweep: 0.015,
  /** Share of single prints quoted locked (ask = bid) or crossed (ask < bid). */
  lockedOrCrossed: 0.006,
  /** Share of single prints that are one leg of a spread (MLET/MLAT), priced off the leg's NBBO. */
  multiLeg: 0.015,
  /** Share of rows (or whole sweeps) whose side column is filled in, as some vendors do. */
  sideGiven: 0.02,
  /** Share of blocks and sweeps aimed at an opening target (a low-OI contract). */
  opening: 0.3,
} as const;

/** Counts of what was generated, for the manifest and the report. */
export interface TapeStats {
  retailPrints: number;
  midsizePrints: number;
  blockPrints: number;
  sweeps: number;
  sweepPrints: number;
  lockedOrCrossedPrints: number;
  multiLegPrints: number;
  sidePrints: number;
  openingTargetPrints: number;
}

export function emptyStats(): TapeStats {
  return {
    retailPrints: 0, midsizePrints: 0, blockPrints: 0, sweeps: 0, sweepPrints: 0, lockedOrCrossedPrints: 0,
    multiLegPrints: 0, sidePrints: 0, openingTargetPrints: 0,
  };
}

/** Where rows go: `emit` for a row at the current slot time, `defer` for a row a little later (sweep children). */
export interface RowSink {
  emit(f: TradeFields): void;
  defer(f: TradeFields): void;
}

const conditionIndex = (c: ConditionText): number => CONDITION_TEXT.indexOf(c);
/** Condition indexes of CONDITION_TEXT, by meaning. */
const COND = Object.fromEntries(Object.entries(OPRA_CONDITIONS).map(([k, v]) => [k, conditionIndex(v)])) as
  Record<keyof typeof OPRA_CONDITIONS, number>;
const SIDE = { none: 0, buy: SIDE_TEXT.indexOf('buy'), sell: SIDE_TEXT.indexOf('sell'), mid: SIDE_TEXT.indexOf('mid') } as const;
const VENUE_CODES = OPRA_VENUES.map((v) => v.code.charCodeAt(0));

/** The market the prints happen in: names, listed chains, and each name's spot at any instant of the day. */
export interface TapeMarket {
  readonly universe: readonly Underlying[];
  readonly chains: readonly ListedChain[];
  spotAt(underlying: number, ts: number): number;
}

interface Quoted {
  readonly e: ListedExpiry;
  readonly ref: ContractRef;
  readonly bid: number;
  readonly ask: number;
}

const RETAIL_SIZES = new AliasTable([0, 27, 13, 8, 5, 10, 2.5, 2.5, 2.5, 2.5, 10, ...new Array<number>(10).fill(1.7)]);
const VENUE_WEIGHTS = OPRA_VENUES.map((v) => v.share);
const FLOOR_WEIGHTS = OPRA_VENUES.map((v) => (v.floor ? v.share : 0));

/** Turns events (a retail lot, a block, a sweep) into canonical trade rows for a RowSink. */
export class PrintFactory {
  readonly stats = emptyStats();
  private readonly venues = new AliasTable(VENUE_WEIGHTS);
  private readonly floorVenues = new AliasTable(FLOOR_WEIGHTS);
  private readonly expiryPickers: AliasTable[];
  private readonly f: TradeFields = {
    ts: 0, underlying: 0, expiry: 0, strike: 0, right: 0, priceCents: 0, size: 0, bidCents: 0, askCents: 0,
    venue: 0, condition: 0, side: 0,
  };

  constructor(private readonly market: TapeMarket) {
    this.expiryPickers = market.chains.map((c, i) => {
      const u = market.universe[i] as Underlying;
      return new AliasTable(c.expiries.map((e) => expiryActivity(u, e)));
    });
  }

  /** A 1–20 lot (retail) or 21–99 lot (midsize) single print at `ts`. */
  single(rng: Prng, u: number, ts: number, kind: 'retail' | 'midsize', out: RowSink): void {
    const q = this.quote(rng, u, this.pickContract(rng, u, ts), ts);
    const size = kind === 'retail' ? RETAIL_SIZES.sample(rng) : midsizeLot(rng);
    const cls = (this.market.universe[u] as Underlying).tickClass;
    const bid = q.bid;
    let ask = q.ask;
    let condition = rng.chance(0.7) ? COND.auto : rng.chance(0.67) ? COND.regular : COND.singleLegAuction;
    let price: number;
    let side: 'buy' | 'sell' | 'mid';
    if (rng.chance(PRINT_MIX.multiLeg)) {
      condition = rng.chance(0.7) ? COND.multiLegElectronic : COND.multiLegAuction;
      price = Math.max(1, Math.round((bid + ask) / 2) + (rng.int(-2, 2) * tickCents(cls, bid)));
      side = price >= ask ? 'buy' : price <= bid ? 'sell' : 'mid';
      this.stats.multiLegPrints++;
    } else {
      const r = rng.next();
      side = r < 0.4 ? 'buy' : r < 0.8 ? 'sell' : 'mid';
      if (side === 'sell' && bid === 0) side = 'buy';
      if (side === 'mid' && ask - bid < 2) side = rng.chance(0.5) || bid === 0 ? 'buy' : 'sell';
      if (rng.chance(PRINT_MIX.lockedOrCrossed) && bid > 0) {
        ask = rng.chance(0.7) ? bid : tickDown(cls, bid);
        if (side === 'mid') side = 'buy';
        this.stats.lockedOrCrossedPrints++;
      }
      price = side === 'buy' ? ask : side === 'sell' ? bid : bid + rng.int(1, ask - bid - 1);
      if (price === 0) { price = Math.max(bid, ask, 1); side = 'buy'; }
    }
    if (kind === 'retail') this.stats.retailPrints++; else this.stats.midsizePrints++;
    out.emit(this.fill(ts, u, q, price, size, bid, ask, this.venues.sample(rng), condition, this.sideOf(rng, side)));
  }

  /** One block: a single print of 100–10,000 contracts near the mid or at a side, often a cross or auction. */
  block(rng: Prng, u: number, ts: number, out: RowSink): void {
    const q = this.quote(rng, u, this.pickLargeContract(rng, u, ts), ts);
    const size = rng.chance(0.4) ? 100 + 5 * Math.floor(80 * rng.next()) : 25 * Math.floor(20 * 20 ** rng.next());
    const r = rng.next();
    let side: 'buy' | 'sell' | 'mid' = r < 0.5 ? 'mid' : r < 0.75 || q.bid === 0 ? 'buy' : 'sell';
    if (side === 'mid' && q.ask - q.bid < 2) side = 'buy';
    const price = side === 'buy' ? q.ask : side === 'sell' ? q.bid : Math.floor((q.bid + q.ask + rng.int(0, 1)) / 2);
    const c = rng.next();
    const condition = c < 0.3 ? COND.singleLegCross : c < 0.6 ? COND.singleLegAuction : c < 0.7 ? COND.singleLegFloor
      : c < 0.9 ? COND.auto : COND.regular;
    const onFloor = condition === COND.singleLegCross || condition === COND.singleLegFloor;
    const venue = (onFloor ? this.floorVenues : this.venues).sample(rng);
    this.stats.blockPrints++;
    out.emit(this.fill(ts, u, q, price, size, q.bid, q.ask, venue, condition, this.sideOf(rng, side)));
  }

  /**
   * One sweep: a parent order of 100–5,000 contracts (Pareto, α = 1.2) split into 3–15 child prints on
   * distinct venues within ≤ 300 ms, all the same side, each taking the displayed size at the best price and
   * walking one tick further through the book with probability 0.4 per child. Each child carries the NBBO it
   * hit (the ask it lifted, or the bid it sold). It starts at `start`; `maxRows` (≥ 3) bounds the children and
   * `lastMs` the time of the last one (the gaps are squeezed to fit).
   */
  sweep(rng: Prng, u: number, start: number, lastMs: number, maxRows: number, out: RowSink): void {
    const q = this.quote(rng, u, this.pickLargeContract(rng, u, start), start);
    const cls = (this.market.universe[u] as Underlying).tickClass;
    const parent = Math.min(5000, Math.floor(100 / (1 - rng.next()) ** (1 / 1.2)));
    const k = Math.min(maxRows, 15, Math.max(3, 3 + Math.floor(2 * Math.log2(parent / 100)) + rng.int(0, 3)));
    const sizes = splitSize(rng, parent, k);
    const gaps = sweepGaps(rng, k, Math.min(300, lastMs - start));
    const venues = distinctVenues(rng, k);
    const buy = q.bid === 0 || rng.chance(0.55);
    const condition = rng.chance(0.7) ? COND.isoSweep : COND.auto;
    const labelled = rng.chance(PRINT_MIX.sideGiven);
    let level = buy ? q.ask : q.bid;
    for (let j = 0; j < k; j++) {
      if (j > 0 && rng.chance(0.4)) level = buy ? tickUp(cls, level) : Math.max(tickCents(cls, 1), tickDown(cls, level));
      const bid = buy ? q.bid : level;
      const ask = buy ? level : q.ask;
      const side = labelled ? (buy ? SIDE.buy : SIDE.sell) : SIDE.none;
      if (labelled) this.stats.sidePrints++;
      out.defer(this.fill(start + (gaps[j] as number), u, q, level, sizes[j] as number, bid, ask, venues[j] as number, condition, side));
    }
    this.stats.sweeps++;
    this.stats.sweepPrints += k;
  }

  private sideOf(rng: Prng, side: 'buy' | 'sell' | 'mid'): number {
    if (!rng.chance(PRINT_MIX.sideGiven)) return SIDE.none;
    this.stats.sidePrints++;
    return SIDE[side];
  }

  private fill(
    ts: number, u: number, q: Quoted, price: number, size: number, bid: number, ask: number, venue: number,
    condition: number, side: number,
  ): TradeFields {
    const f = this.f;
    f.ts = ts; f.underlying = u; f.expiry = q.ref.expiry; f.strike = q.ref.strike; f.right = q.ref.right === 'C' ? 0 : 1;
    f.priceCents = price; f.size = size; f.bidCents = bid; f.askCents = ask; f.venue = VENUE_CODES[venue] as number;
    f.condition = condition; f.side = side;
    return f;
  }

  /** Blocks and sweeps: an opening target 30% of the time, otherwise a contract like any other print's. */
  private pickLargeContract(rng: Prng, u: number, ts: number): ContractRef {
    const targets = (this.market.chains[u] as ListedChain).openingTargets;
    if (targets.length > 0 && rng.chance(PRINT_MIX.opening)) {
      this.stats.openingTargetPrints++;
      return targets[rng.int(0, targets.length - 1)] as ContractRef;
    }
    return this.pickContract(rng, u, ts);
  }

  /**
   * A contract for a print: expiry by activity weight, call or put by the name's call share, strike at a
   * standardised distance |z|·0.8 out of the money (25% of prints |z|·0.5 in the money) from the current spot.
   */
  private pickContract(rng: Prng, u: number, ts: number): ContractRef {
    const und = this.market.universe[u] as Underlying;
    const chain = this.market.chains[u] as ListedChain;
    const ei = (this.expiryPickers[u] as AliasTable).sample(rng);
    const e = chain.expiries[ei] as ListedExpiry;
    const right: Right = rng.chance(und.callShare) ? 'C' : 'P';
    const sd = und.smile.atmVol * Math.sqrt(Math.max(yearsTo(e, ts), 1 / (365 * 24)));
    const z = Math.abs(rng.normal());
    const away = rng.chance(0.25) ? -0.5 * z : 0.8 * z;
    const logMove = (right === 'C' ? away : -away) * sd;
    const strike = nearestStrikeIndex(e.strikesCents, this.market.spotAt(u, ts) * 100 * Math.exp(logMove));
    return { expiry: ei, strike, right };
  }

  private quote(rng: Prng, u: number, ref: ContractRef, ts: number): Quoted {
    const und = this.market.universe[u] as Underlying;
    const e = (this.market.chains[u] as ListedChain).expiries[ref.expiry] as ListedExpiry;
    const spot = this.market.spotAt(u, ts);
    const strike = (e.strikesCents[ref.strike] as number) / 100;
    const years = yearsTo(e, ts);
    const vol = smileVol(und.smile, spot, strike, years);
    const value = blackScholesPrice(ref.right, { spot, strike, years, vol, rate: RISK_FREE_RATE, dividendYield: und.dividendYield });
    const { bidCents, askCents } = quoteAround(value, und.tickClass, und.illiquidity, years, rng.next());
    return { e, ref, bid: bidCents, ask: askCents };
  }
}

/**
 * Share of a name's prints on an expiry: 1/(1 + dte/3), ×1.5 for monthlies, ×0.3 for LEAPS, and ×6 for
 * today's expiry on daily-listed ETFs (SPY 0DTE then takes ≈60% of SPY prints — a design target near the
 * "about half" 0DTE share Cboe reports for SPX in 2024–25); Friday 0DTE on weekly names gets no extra weight.
 */
export function expiryActivity(u: Pick<Underlying, 'expiryStyle'>, e: Pick<ListedExpiry, 'dte' | 'kind'>): number {
  let w = 1 / (1 + e.dte / 3);
  if (e.kind === 'monthly') w *= 1.5;
  if (e.kind === 'leaps') w *= 0.3;
  if (e.dte === 0 && u.expiryStyle === 'daily') w *= 6;
  return w;
}

/** 21–99 contracts, skewed small (21 + 79·u²), half of them rounded to a multiple of 5 (25–95). */
function midsizeLot(rng: Prng): number {
  const x = 21 + Math.floor(79 * rng.next() ** 2);
  return rng.chance(0.5) ? Math.min(95, Math.max(25, 5 * Math.round(x / 5))) : x;
}

/** Splits `total` into `k` whole parts ≥ 1 with random (exponential) proportions. */
export function splitSize(rng: Prng, total: number, k: number): number[] {
  const w = Array.from({ length: k }, () => rng.exponential() + 0.05);
  const sum = w.reduce((s, v) => s + v, 0);
  const parts = w.map((v) => Math.max(1, Math.floor(((total - k) * v) / sum) + 1));
  let diff = total - parts.reduce((s, v) => s + v, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % k) {
    const p = parts[i] as number;
    if (diff > 0) { parts[i] = p + 1; diff--; } else if (p > 1) { parts[i] = p - 1; diff++; }
  }
  return parts;
}

/**
 * Offsets (ms) of a sweep's children from its first print: 35% of gaps are 0 (same millisecond), the others
 * 1 + Exp(mean 12 ms); the whole sweep is squeezed into `spanMs` (≤ 300 ms) when longer.
 */
export function sweepGaps(rng: Prng, k: number, spanMs = 300): number[] {
  const raw = [0];
  for (let j = 1; j < k; j++) raw.push((raw[j - 1] as number) + (rng.chance(0.35) ? 0 : 1 + rng.exponential() * 12));
  const last = raw[k - 1] as number;
  const scale = last > spanMs ? Math.max(0, spanMs) / last : 1;
  return raw.map((v) => Math.floor(v * scale));
}

/** `k` distinct venue indexes drawn without replacement, weighted by market share (Efraimidis–Spirakis keys u^(1/w)). */
export function distinctVenues(rng: Prng, k: number): number[] {
  const keys = OPRA_VENUES.map((v, i) => ({ i, key: Math.log(1 - rng.next()) / v.share }));
  keys.sort((a, b) => b.key - a.key || a.i - b.i);
  return keys.slice(0, k).map((x) => x.i);
}
