import { type Anchors, piecewiseLinear } from './piecewise-linear.ts';

/**
 * Growth of stablecoin buying power over the change window (log change, 0.03 ≈ +3 %) → score. A flat week is
 * neutral (50); ±3 % reaches the very-bullish / bearish-edge anchors (75 / 25) and ±10 % the ends. On the
 * CryptoQuant exchange stablecoin ratio of 2022–2024 the 7-day change has quartiles ±1.5 % and 5 %/95 %
 * percentiles −5.8 %/+5.1 %, so a quarter of weeks leave the neutral band and about one in ten is extreme.
 */
export const STABLECOIN_ANCHORS: Anchors = [[-0.10, 0], [-0.03, 25], [0, 50], [0.03, 75], [0.10, 100]];

/** Which stablecoin series a growth figure came from, in the order the pillar prefers them. */
export type StablecoinSource = 'stablecoin_reserve' | 'stablecoin_ratio' | 'stablecoin_supply';
export const STABLECOIN_SOURCES: readonly StablecoinSource[] = ['stablecoin_reserve', 'stablecoin_ratio', 'stablecoin_supply'];

/**
 * Dry-powder growth g over a window from a series' value then (`before`) and now (`now`), both > 0:
 * - stablecoin_reserve (USD on exchanges): g = ln(now / before); a growing reserve = net inflow = bullish.
 * - stablecoin_ratio (BTC reserve ÷ stablecoin reserve, CryptoQuant): g = −ln(now / before); a falling ratio
 *   means stablecoins on exchanges grow against the BTC there: more buying power (CryptoQuant's own reading).
 * - stablecoin_supply (all stablecoins in circulation): g = ln(now / before); minting is new dry powder, a
 *   market-wide proxy for the exchange inflows seed 001 names.
 */
export function stablecoinGrowth(source: StablecoinSource, before: number, now: number): number {
  if (!(before > 0) || !(now > 0)) throw new Error(`stablecoin values were ${before} and ${now}; expected > 0`);
  const g = Math.log(now / before);
  return source === 'stablecoin_ratio' ? -g : g;
}

/**
 * Stablecoin pillar, 0–100: "when stablecoins flow INTO exchanges, capital is ready to deploy" (seed 001,
 * "Stablecoin Flows (30%)"). Formula: piecewise-linear map of the growth g (stablecoinGrowth) through STABLECOIN_ANCHORS.
 */
export function stablecoinScore(growth: number): number {
  return piecewiseLinear(STABLECOIN_ANCHORS, growth);
}
