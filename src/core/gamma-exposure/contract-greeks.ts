/**
 * One contract's volatility and the four greeks the chain exposures need, or the reason it has none.
 * IV: the chain's own where it has one (issue 3), else the IV of the bid/ask mid (Jäckel's "Let's Be Rational",
 * src/core/pricing/lets-be-rational.ts); `ivSource: 'mid'` reverses the preference. Greeks: BSM with rate r and
 * dividend yield q (src/core/pricing/greeks.ts), in its desk units: delta per $1, gamma per $1, vanna per vol
 * point, charm per calendar day. docs/methodology-chain.md ("Per contract").
 */
import type { ChainContract } from '../options-flow/chain.ts';
import { greeks } from '../pricing/greeks.ts';
import { impliedVolatility } from '../pricing/lets-be-rational.ts';
import type { YearFraction } from '../units.ts';
import type { IvSource, MarketInputs } from './chain-analytics-settings.ts';
import { midOf } from './implied-spot.ts';

/** Why a contract has no greeks (it still counts in OI, volume and max pain). */
export type NoGreeksReason =
  /** Neither a given, a chain nor an implied spot: nothing spot-dependent can be computed. */
  | 'no_spot'
  /** No chain IV, and no two-sided quote (bid > 0, ask ≥ bid) to take a mid from. */
  | 'no_iv_no_quote'
  /** No chain IV, and the mid is below the discounted intrinsic value (typical of American ITM quotes). */
  | 'mid_below_intrinsic'
  /** No chain IV, and the mid is at intrinsic: σ would be 0 or rounding noise. */
  | 'mid_no_time_value'
  /** No chain IV, and the mid is at or above the BSM maximum (S·e^{−qT} call, K·e^{−rT} put). */
  | 'mid_above_max_price';

export interface ContractGreeks {
  /** Annualised volatility used (0.25 = 25 %). */
  readonly iv: number;
  readonly ivSource: IvSource;
  /** ∂V/∂S per share. */
  readonly delta: number;
  /** ∂²V/∂S² per share, per $1. */
  readonly gamma: number;
  /** ∂Δ/∂σ per vol point. */
  readonly vanna: number;
  /** −∂Δ/∂T per calendar day. */
  readonly charm: number;
}

export type ContractGreeksResult = ContractGreeks | NoGreeksReason;

/**
 * IV and greeks of `c` at spot `spot` with `t` years left (t > 0), or the reason there are none.
 * Tells a trader how the contract's value and delta respond to the underlying, its volatility and time.
 */
export function contractGreeks(
  c: ChainContract, spot: number | null, t: YearFraction, market: MarketInputs, prefer: IvSource,
): ContractGreeksResult {
  if (spot === null) return 'no_spot';
  let iv: number | null = null;
  let source: IvSource = prefer;
  let failure: NoGreeksReason = 'no_iv_no_quote';
  if (prefer === 'chain' && c.iv !== null && c.iv > 0) iv = c.iv;
  else {
    const mid = midOf(c);
    if (mid !== null) {
      const solved = impliedVolatility(mid, {
        spot, strike: c.strike, t, r: market.rate, q: market.dividendYield, right: c.right,
      });
      if (solved.iv !== null) {
        iv = solved.iv;
        source = 'mid';
      } else if (solved.reason !== 'expired') failure = `mid_${solved.reason}`;
    }
    if (iv === null && c.iv !== null && c.iv > 0) {
      iv = c.iv;
      source = 'chain';
    }
  }
  if (iv === null) return failure;
  const g = greeks({ spot, strike: c.strike, t, r: market.rate, q: market.dividendYield, sigma: iv, right: c.right });
  return { iv, ivSource: source, delta: g.delta, gamma: g.gamma, vanna: g.vanna, charm: g.charm };
}
