import { type Anchors, piecewiseLinear } from './piecewise-linear.ts';

/**
 * Futures dominance → score. Seed 001: above 60 % "institutions are active", below 40 % "retail-driven"; its
 * bands put "futures dominance indicates institutional buying" in very bullish and "retail-heavy volume" in
 * very bearish, so high dominance scores high. Between 40 % and 60 % the score is the dominance in percent
 * (40 % → 40, the neutral band's edges); outside, it runs to 0 at 20 % and 100 at 80 %.
 */
export const VOLUME_ANCHORS: Anchors = [[0.20, 0], [0.40, 40], [0.60, 60], [0.80, 100]];

/** Futures dominance = futures volume / (futures + spot volume), both in one unit; null when both are 0. */
export function futuresDominance(futuresVolume: number, spotVolume: number): number | null {
  if (!(futuresVolume >= 0) || !(spotVolume >= 0)) throw new Error(`volumes ${futuresVolume} / ${spotVolume}; expected ≥ 0`);
  const total = futuresVolume + spotVolume;
  return total > 0 ? futuresVolume / total : null;
}

/**
 * Volume pillar, 0–100: who trades, institutions (futures) or retail (spot). Formula: piecewise-linear map of
 * futures dominance through VOLUME_ANCHORS. Source: seed 001, "Trading Volume (10%)". Dominance says who is
 * active, not which side they take: the direction is the seed's band reading, a choice (docs/methodology.md).
 */
export function volumeScore(dominance: number): number {
  return piecewiseLinear(VOLUME_ANCHORS, dominance);
}
