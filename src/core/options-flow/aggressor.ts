import type { Side } from './option-trade.ts';

/** Seed 004 "Aggressor Label": where a print landed against the NBBO. Descriptive only. */
export type AggressorLabel = 'above_ask' | 'at_ask' | 'mid' | 'at_bid' | 'below_bid';

/**
 * Seed 004 "Aggressor Label", five buckets with the ±tolerance (default 0.005):
 * above_ask: price > ask + tol; at_ask: |price − ask| ≤ tol; below_bid: price < bid − tol;
 * at_bid: |price − bid| ≤ tol; mid: everything in between. Tested in the seed's order, so on a locked
 * market (bid = ask) a print at the quote is `at_ask`.
 */
export function aggressorLabel(price: number, bid: number, ask: number, tolerance = 0.005): AggressorLabel {
  // The 1e-9 slack keeps a print exactly one tolerance away (e.g. 2.405 vs 2.40) on the inclusive side
  // despite binary floating point.
  const tol = tolerance + 1e-9;
  if (price > ask + tol) return 'above_ask';
  if (Math.abs(price - ask) <= tol) return 'at_ask';
  if (price < bid - tol) return 'below_bid';
  if (Math.abs(price - bid) <= tol) return 'at_bid';
  return 'mid';
}

/**
 * Seed 004 "Aggressor Strength (side-aware)", normalised to [0, 1]:
 *   0.4 for a mid print; 0.5 when the spread ask − bid ≤ 0 (crossed or locked: the denominator is undefined);
 *   (price − bid)/(ask − bid) for a buy; (ask − price)/(ask − bid) for a sell.
 * A buy above the ask would exceed 1 and a buy below the bid fall under 0: the seed normalises every
 * component to the unit interval, so the result is clamped.
 */
export function aggressorStrength(side: Side, price: number, bid: number, ask: number): number {
  if (side === 'mid') return 0.4;
  const spread = ask - bid;
  if (spread <= 0) return 0.5;
  const raw = side === 'buy' ? (price - bid) / spread : (ask - price) / spread;
  return Math.min(1, Math.max(0, raw));
}
