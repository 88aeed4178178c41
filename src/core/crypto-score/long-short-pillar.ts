import { type Anchors, piecewiseLinear } from './piecewise-linear.ts';

/**
 * Share of accounts long → score, contrarian. Seed 001: more than 70 % long is "dangerous overcrowding (bearish
 * contrarian)", under 40 % long is "capitulation (bullish contrarian)". 70 % is the bearish edge (40), 40 % the
 * bullish edge (60), the line between them passes 50 at 55 % long; 85 % long scores 0 and 25 % long 100.
 */
export const LONG_SHORT_ANCHORS: Anchors = [[0.25, 100], [0.40, 60], [0.70, 40], [0.85, 0]];

/** Long/short account ratio r (long accounts ÷ short accounts) → share of accounts long, r / (1 + r). */
export function longAccountShare(ratio: number): number {
  if (!(ratio >= 0) || !Number.isFinite(ratio)) throw new Error(`long/short ratio was ${ratio}; expected a finite number ≥ 0`);
  return ratio / (1 + ratio);
}

/**
 * Long/short pillar, 0–100, contrarian: the crowd's one-sidedness is the risk. Formula: piecewise-linear map of
 * the long-account share through LONG_SHORT_ANCHORS. Source: seed 001, "Long/Short Ratio (10%)".
 */
export function longShortScore(longShare: number): number {
  return piecewiseLinear(LONG_SHORT_ANCHORS, longShare);
}
