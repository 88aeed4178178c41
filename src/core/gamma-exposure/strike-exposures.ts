/**
 * Dealer exposures per strike: gamma (GEX), delta (DEX), vanna (VEX) and charm (CHEX), with call/put OI and
 * volume. Per contract, with d = ±1 the assumed dealer sign (chain-analytics-settings.ts), OI in contracts,
 * 100 shares per contract and S the spot in $ (greeks per share in the desk units of greeks.ts):
 *   GEX  = d · Γ · OI · 100 · S² · 0.01     $ of underlying the dealer's delta changes by per 1 % move of S
 *   DEX  = d · Δ · OI · 100 · S             $ of underlying the dealer is long (delta notional) before hedging
 *   VEX  = d · vanna · OI · 100 · S         $ of delta change per +1 vol point of IV (vanna per vol point)
 *   CHEX = d · charm · OI · 100 · S         $ of delta change per calendar day passing (charm per day)
 * GEX after SqueezeMetrics, "Gamma Exposure (GEX)" white paper (2017): Γ·OI·100 shares per $1, × S for dollars,
 * × S·0.01 for a 1 % move; calls +, puts − under its dealer convention. The same sign on all four makes them one
 * book: GEX = ∂(d·Δ·OI·100)/∂S · (0.01·S) · S, the change of DEX's share count over a 1 % move, in dollars.
 * docs/methodology-chain.md ("Exposures").
 */
import { CONTRACT_MULTIPLIER } from '../units.ts';
import type { ChainContract } from '../options-flow/chain.ts';
import { dealerSign, type DealerConvention } from './chain-analytics-settings.ts';
import type { ContractGreeks, NoGreeksReason } from './contract-greeks.ts';
import type { YearFraction } from '../units.ts';

/** One contract of the analysed chain: the row, its time to expiry, and its greeks or the reason it has none. */
export interface AnalyzedContract {
  readonly contract: ChainContract;
  readonly t: YearFraction;
  readonly greeks: ContractGreeks | null;
  readonly reason: NoGreeksReason | null;
}

/** Exposures of one strike (all expiries analysed), $ in the units above; volume null when no row has one. */
export interface StrikeExposure {
  readonly strike: number;
  readonly callOi: number;
  readonly putOi: number;
  readonly callVolume: number | null;
  readonly putVolume: number | null;
  readonly callGex: number;
  readonly putGex: number;
  readonly callDex: number;
  readonly putDex: number;
  readonly callVex: number;
  readonly putVex: number;
  readonly callChex: number;
  readonly putChex: number;
}

export interface ExposureTotals {
  readonly gex: number;
  readonly dex: number;
  readonly vex: number;
  readonly chex: number;
}

type MutableStrike = { -readonly [K in keyof StrikeExposure]: StrikeExposure[K] };

function emptyStrike(strike: number): MutableStrike {
  return {
    strike, callOi: 0, putOi: 0, callVolume: null, putVolume: null,
    callGex: 0, putGex: 0, callDex: 0, putDex: 0, callVex: 0, putVex: 0, callChex: 0, putChex: 0,
  };
}

/**
 * Sums the exposures (formulas above) of `analysed` by strike, ascending. `spot` null → every exposure is 0 and
 * the caller prints null (OI and volume still add up). Contracts without greeks add OI and volume only.
 */
export function strikeExposures(
  analysed: readonly AnalyzedContract[], spot: number | null, convention: DealerConvention,
): StrikeExposure[] {
  const byStrike = new Map<number, MutableStrike>();
  const dollarGamma = spot === null ? 0 : CONTRACT_MULTIPLIER * spot * spot * 0.01;
  const dollarDelta = spot === null ? 0 : CONTRACT_MULTIPLIER * spot;
  for (let i = 0; i < analysed.length; i++) {
    const a = analysed[i] as AnalyzedContract;
    const c = a.contract;
    let row = byStrike.get(c.strike);
    if (row === undefined) byStrike.set(c.strike, (row = emptyStrike(c.strike)));
    const call = c.right === 'C';
    if (call) row.callOi += c.openInterest;
    else row.putOi += c.openInterest;
    if (c.volume !== null) {
      if (call) row.callVolume = (row.callVolume ?? 0) + c.volume;
      else row.putVolume = (row.putVolume ?? 0) + c.volume;
    }
    const g = a.greeks;
    if (g === null || spot === null) continue;
    const position = dealerSign(convention, c.right) * c.openInterest;
    const gex = position * g.gamma * dollarGamma;
    const dex = position * g.delta * dollarDelta;
    const vex = position * g.vanna * dollarDelta;
    const chex = position * g.charm * dollarDelta;
    if (call) {
      row.callGex += gex; row.callDex += dex; row.callVex += vex; row.callChex += chex;
    } else {
      row.putGex += gex; row.putDex += dex; row.putVex += vex; row.putChex += chex;
    }
  }
  return [...byStrike.values()].sort(byStrikeAscending);
}

function byStrikeAscending(a: StrikeExposure, b: StrikeExposure): number {
  return a.strike - b.strike;
}

/** Σ over strikes of call + put for each exposure. */
export function exposureTotals(strikes: readonly StrikeExposure[]): ExposureTotals {
  let gex = 0, dex = 0, vex = 0, chex = 0;
  for (let i = 0; i < strikes.length; i++) {
    const s = strikes[i] as StrikeExposure;
    gex += s.callGex + s.putGex;
    dex += s.callDex + s.putDex;
    vex += s.callVex + s.putVex;
    chex += s.callChex + s.putChex;
  }
  return { gex, dex, vex, chex };
}
