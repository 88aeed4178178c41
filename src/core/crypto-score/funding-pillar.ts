import { type Anchors, piecewiseLinear } from './piecewise-linear.ts';

/**
 * Funding anchors, rate per 8 h → score. Perpetual venues (Binance, OKX, Bybit) charge 0.01 % per 8 h when the
 * perp trades at spot (the interest component): that is the market's equilibrium and scores 50 (neutral).
 * Zero funding is the neutral band's lower edge (40); negative funding, shorts paying, is bearish and −0.03 %
 * (three times the baseline, short-heavy leverage) reaches 0. Positive funding above the baseline is bullish:
 * 0.03 % per 8 h reaches the very-bullish edge (75) and 0.1 % (≈ 110 % a year, euphoric longs) scores 100.
 * Seed 001: "positive funding bullish", "funding near equilibrium" neutral, "negative funding" bearish.
 */
export const FUNDING_ANCHORS: Anchors = [[-0.0003, 0], [0, 40], [0.0001, 50], [0.0003, 75], [0.001, 100]];

/**
 * Funding pillar, 0–100: who pays to hold leverage. Positive funding = longs pay shorts = leverage is long.
 * Formula: piecewise-linear map of the 8-hour rate through FUNDING_ANCHORS. Source: seed 001, "Funding Rates (35%)".
 */
export function fundingScore(ratePer8h: number): number {
  return piecewiseLinear(FUNDING_ANCHORS, ratePer8h);
}

/**
 * A funding rate paid every `intervalHours` expressed per 8 hours (dYdX pays hourly, most CEX perps every 8 h):
 * rate × 8 / intervalHours, so that venues with different clocks can be averaged.
 */
export function fundingPer8h(rate: number, intervalHours: number): number {
  if (!(intervalHours > 0)) throw new Error(`funding interval was ${intervalHours} h; expected > 0`);
  return rate * 8 / intervalHours;
}

/** One venue's funding rate (per 8 h) and its weight (e.g. open interest in USD), null when unknown. */
export interface VenueValue {
  readonly value: number;
  readonly weight: number | null;
}

/**
 * Funding of several venues combined into one rate: the weighted mean Σ wᵢ·rᵢ / Σ wᵢ when every venue has a
 * weight > 0 (open interest weighting, as CryptoQuant's aggregate), else the plain mean (no venue's size is
 * known, so none is preferred). Null for no venues.
 */
export function combineVenueFunding(venues: readonly VenueValue[]): number | null {
  if (venues.length === 0) return null;
  let weighted = true, sw = 0, swx = 0, sx = 0;
  for (const v of venues) {
    sx += v.value;
    if (v.weight === null || !(v.weight > 0)) weighted = false;
    else { sw += v.weight; swx += v.weight * v.value; }
  }
  return weighted ? swx / sw : sx / venues.length;
}
