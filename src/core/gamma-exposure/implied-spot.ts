/**
 * The underlying's price implied by put–call parity, for chains that do not carry it (Yahoo). Parity for
 * European options with continuous dividend yield (Hull, "Options, Futures, and Other
 * Derivatives", 9th ed., ch. 11 and, with a dividend yield, ch. 17):
 *   C − P = S·e^{−qT} − K·e^{−rT}   ⇔   F = K + (C − P)·e^{rT},   S = F·e^{−(r−q)T}.
 * Estimator (docs/methodology-chain.md, "Spot"), for every strike where the call and the put both have a two-sided
 * quote (bid > 0, ask ≥ bid), S_K from the mids:
 *   1. center = the median of S_K over all such pairs of all expiries, weighted by the pair's session volume
 *      (unweighted when the chain has none): what today's traded contracts agree on. It keeps out the stale quotes
 *      of adjusted pre-split contracts that vendors list under the plain root (NFLX and NVDA on Yahoo, 2025), which
 *      imply the pre-split price and barely trade.
 *   2. On the nearest expiry at least a day away (a same-day expiry only when no other qualifies: on early-close
 *      days it stopped at 13:00 while the 16:00 clock still runs, and its last quotes are stale) with at least
 *      `minPairs` pairs within ±`band` of the center, the `pairs` pairs with the
 *      narrowest combined spread (C_ask − C_bid) + (P_ask − P_bid) — the width of the interval a pair pins S to —
 *      ties nearest the money; spot = the median of their S_K. The nearest expiry makes e^{rT} and the American
 *      early-exercise premium smallest.
 */
import type { ChainContract } from '../options-flow/chain.ts';
import { yearsToExpiry, type Settlement } from '../pricing/time-to-expiry.ts';
import type { EpochMs, IsoDate } from '../units.ts';
import type { MarketInputs } from './chain-analytics-settings.ts';

export interface ImpliedSpot {
  /** Median of the per-strike parity spots of the pairs used, $ per share. */
  readonly spot: number;
  /** Stage 1: volume-weighted median of the parity spots of every two-sided pair on every expiry. */
  readonly center: number;
  /** The expiry the pairs used come from. */
  readonly expiry: IsoDate;
  /** Pairs the median was taken over; pairs within the band on that expiry; pairs on all expiries. */
  readonly pairsUsed: number;
  readonly pairsInBand: number;
  readonly pairsTotal: number;
  /** Lowest and highest per-strike parity spot among the pairs used: the estimator's own spread. */
  readonly low: number;
  readonly high: number;
}

/** Tuning of the estimator (chain-analytics-settings.ts). */
export interface ImpliedSpotSettings {
  /** Pairs the final median is taken over (default 5). */
  readonly pairs: number;
  /** Pairs an expiry needs within the band to be used (default 3). */
  readonly minPairs: number;
  /** Half-width of the band around the stage-1 center, as a fraction (default 0.02). */
  readonly band: number;
}

interface Pair {
  readonly expiry: IsoDate;
  /** Years to expiry. */
  readonly t: number;
  readonly strike: number;
  /** S implied by this pair. */
  readonly spot: number;
  /** (C_ask − C_bid) + (P_ask − P_bid). */
  readonly width: number;
  /** |C_mid − P_mid|: distance from the money. */
  readonly distance: number;
  /** Call + put session volume (0 when unknown). */
  readonly volume: number;
}

/**
 * Spot implied by put–call parity (estimator above), or null when fewer than `minPairs` two-sided pairs exist or
 * no expiry has `minPairs` of them within the band. `contracts` sorted by (expiry, strike, right), as
 * selectChainSnapshot returns them.
 */
export function impliedSpot(
  contracts: readonly ChainContract[], asOf: EpochMs, market: MarketInputs,
  settlementOf: (expiry: IsoDate) => Settlement, settings: ImpliedSpotSettings,
): ImpliedSpot | null {
  const all: Pair[] = [];
  let start = 0;
  while (start < contracts.length) {
    const expiry = (contracts[start] as ChainContract).expiry;
    let end = start;
    while (end < contracts.length && (contracts[end] as ChainContract).expiry === expiry) end++;
    const t = yearsToExpiry(asOf, expiry, settlementOf(expiry));
    if (t > 0) collectPairs(contracts, start, end, t, market, all);
    start = end;
  }
  if (all.length < settings.minPairs) return null;
  const center = volumeWeightedMedian(all);
  return nearestExpiryInBand(all, center, settings, ONE_DAY) ?? nearestExpiryInBand(all, center, settings, 0);
}

const ONE_DAY = 1 / 365;

function nearestExpiryInBand(all: readonly Pair[], center: number, settings: ImpliedSpotSettings, minT: number): ImpliedSpot | null {
  const low = center * (1 - settings.band);
  const high = center * (1 + settings.band);
  let i = 0;
  while (i < all.length) {
    const expiry = (all[i] as Pair).expiry;
    const inBand: Pair[] = [];
    for (; i < all.length && (all[i] as Pair).expiry === expiry; i++) {
      const p = all[i] as Pair;
      if (p.t >= minT && p.spot >= low && p.spot <= high) inBand.push(p);
    }
    if (inBand.length >= settings.minPairs) return finalEstimate(inBand, center, all.length, settings.pairs);
  }
  return null;
}

function collectPairs(
  contracts: readonly ChainContract[], start: number, end: number, t: number, market: MarketInputs, out: Pair[],
): void {
  const growth = Math.exp(market.rate * t);
  const toSpot = Math.exp(-(market.rate - market.dividendYield) * t);
  for (let i = start; i + 1 < end; i++) {
    const call = contracts[i] as ChainContract;
    const put = contracts[i + 1] as ChainContract;
    if (call.right !== 'C' || put.right !== 'P' || call.strike !== put.strike) continue;
    const c = midOf(call);
    const p = midOf(put);
    if (c === null || p === null) continue;
    out.push({
      expiry: call.expiry,
      t,
      strike: call.strike,
      spot: (call.strike + (c - p) * growth) * toSpot,
      width: (call.ask as number) - (call.bid as number) + (put.ask as number) - (put.bid as number),
      distance: Math.abs(c - p),
      volume: (call.volume ?? 0) + (put.volume ?? 0),
    });
  }
}

/** The bid/ask midpoint of a two-sided quote (bid > 0, ask ≥ bid), else null. */
export function midOf(c: Pick<ChainContract, 'bid' | 'ask'>): number | null {
  const { bid, ask } = c;
  if (bid === null || ask === null || !(bid > 0) || !(ask >= bid)) return null;
  return (bid + ask) / 2;
}

/** Median of the pairs' spots weighted by volume (the lower weighted median); unweighted when no pair has volume. */
function volumeWeightedMedian(pairs: readonly Pair[]): number {
  const sorted = [...pairs].sort(bySpot);
  let total = 0;
  for (let i = 0; i < sorted.length; i++) total += (sorted[i] as Pair).volume;
  const weighted = total > 0;
  const half = (weighted ? total : sorted.length) / 2;
  let cumulative = 0;
  for (let i = 0; i < sorted.length; i++) {
    cumulative += weighted ? (sorted[i] as Pair).volume : 1;
    if (cumulative >= half) return (sorted[i] as Pair).spot;
  }
  return (sorted[sorted.length - 1] as Pair).spot;
}

function finalEstimate(inBand: Pair[], center: number, total: number, pairs: number): ImpliedSpot {
  inBand.sort(byWidth);
  const used = Math.min(pairs, inBand.length);
  const spots = new Float64Array(used);
  for (let i = 0; i < used; i++) spots[i] = (inBand[i] as Pair).spot;
  spots.sort();
  const mid = used >> 1;
  const spot = used % 2 === 1 ? spots[mid] as number : ((spots[mid - 1] as number) + (spots[mid] as number)) / 2;
  return {
    spot, center, expiry: (inBand[0] as Pair).expiry, pairsUsed: used, pairsInBand: inBand.length, pairsTotal: total,
    low: spots[0] as number, high: spots[used - 1] as number,
  };
}

function bySpot(a: Pair, b: Pair): number {
  return a.spot - b.spot;
}

/** Tightest pair first (the most precise parity estimate), then nearest the money, then the lower strike. */
function byWidth(a: Pair, b: Pair): number {
  return a.width - b.width || a.distance - b.distance || a.strike - b.strike;
}
