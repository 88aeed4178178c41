/**
 * A chain row whose quote no standard contract on this underlying could have: a call bid above the spot, a put bid
 * above the strike, or an ask below the European lower bound max(±(S·e^{−qT} − K·e^{−rT}), 0) — each by more
 * than `tolerance` × spot. Such rows are adjusted contracts (after a split or special dividend the deliverable is
 * no longer 100 shares, and vendors such as Yahoo still list them under the plain root with the old strike) or
 * quotes frozen before a corporate action; their strike is not in today's terms, so their OI would land at the
 * wrong place in every level and in max pain. Bounds: Merton (1973), Hull ch. 11 ("upper and lower bounds").
 * The tolerance (default 10 % of spot) is wide on purpose: it leaves American early-exercise premia, a dividend
 * yield not passed in, and stale-but-real quotes alone. docs/methodology-chain.md ("Implausible quotes").
 */
import type { ChainContract } from '../options-flow/chain.ts';
import type { MarketInputs } from './chain-analytics-settings.ts';

/** True when the row's quote is out of the no-arbitrage bounds by more than `tolerance`·spot (above). */
export function isImplausibleQuote(
  c: Pick<ChainContract, 'strike' | 'right' | 'bid' | 'ask'>, spot: number, t: number, market: MarketInputs, tolerance: number,
): boolean {
  const slack = tolerance * spot;
  const { bid, ask } = c;
  if (bid !== null && bid > (c.right === 'C' ? spot : c.strike) + slack) return true;
  if (ask === null || !(ask > 0)) return false;
  const forwardPart = spot * Math.exp(-market.dividendYield * t) - c.strike * Math.exp(-market.rate * t);
  const lowerBound = Math.max(c.right === 'C' ? forwardPart : -forwardPart, 0);
  return ask < lowerBound - slack;
}
