import { type Anchors, piecewiseLinear } from './piecewise-linear.ts';

/** Directional OI change (log change × price direction) → score: ±20 % in the window reaches 0 / 100. */
export const OPEN_INTEREST_ANCHORS: Anchors = [[-0.20, 0], [0, 50], [0.20, 100]];
/** A price move of this size (log change) or more over the window gives rising OI its full direction. */
export const FULL_DIRECTION_PRICE_CHANGE = 0.05;
/** Falling OI (de-leveraging) pulls the score down by at most this much, reached at a 20 % fall. */
export const DELEVERAGING_MAX_PULL = 15;

/**
 * Open-interest pillar, 0–100, from the log changes of OI and price over the same window (seed 001, "Open
 * Interest (15%)"):
 * - OI rising: new money. direction = clamp(priceChange / 5 %, −1, 1); score = map(oiChange × direction) through
 *   OPEN_INTEREST_ANCHORS. Rising with price → bullish (new longs), rising against price → bearish (new shorts);
 *   a flat price leaves it near 50 (new positions without a side).
 * - OI falling: positions closing, de-leveraging either way. Neutral-ish: 50 − 15 × min(1, |oiChange| / 20 %),
 *   so a collapse ends at 35, the seed's bearish band ("declining open interest" in 25–39).
 */
export function openInterestScore(oiChange: number, priceChange: number): number {
  if (!Number.isFinite(oiChange) || !Number.isFinite(priceChange)) {
    throw new Error(`open interest change ${oiChange} / price change ${priceChange}; expected finite numbers`);
  }
  if (oiChange < 0) return 50 - DELEVERAGING_MAX_PULL * Math.min(1, -oiChange / 0.20);
  const direction = Math.max(-1, Math.min(1, priceChange / FULL_DIRECTION_PRICE_CHANGE));
  return piecewiseLinear(OPEN_INTEREST_ANCHORS, oiChange * direction);
}
