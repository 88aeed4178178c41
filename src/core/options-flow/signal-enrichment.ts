import { CONTRACT_MULTIPLIER } from '../units.ts';
import type { FlowSignal } from './flow-signal.ts';

/** A contract's settled greeks (seed 004 "iv, delta, gamma": from the settled snapshot), any of them unknown. */
export interface ContractGreeks {
  /** Implied volatility, fraction per year. */
  readonly iv: number | null;
  /** ∂V/∂S per share (calls positive, puts negative). */
  readonly delta: number | null;
  /** ∂²V/∂S² per share per $1. */
  readonly gamma: number | null;
}

/** What the enricher needs from the chain analytics: spot, a contract's greeks, an expiry's ATM IV. */
export interface EnrichmentSource {
  readonly spot: number | null;
  contractGreeks(contract: string): ContractGreeks | null;
  /** IV of the strike nearest spot on that expiry (seed 004 "iv_vs_atm"); null when unknown. */
  atmIv(expiry: string): number | null;
}

export type Moneyness = 'ITM' | 'ATM' | 'OTM';

export interface SignalEnrichment {
  readonly iv: number | null;
  readonly delta: number | null;
  readonly gamma: number | null;
  readonly ivVsAtm: number | null;
  readonly moneyness: Moneyness | null;
  readonly estimatedDeltaNotional: number | null;
  readonly hypotheticalGexImpactIfOpening: number | null;
}

export const NO_SIGNAL_ENRICHMENT: SignalEnrichment = {
  iv: null, delta: null, gamma: null, ivVsAtm: null, moneyness: null,
  estimatedDeltaNotional: null, hypotheticalGexImpactIfOpening: null,
};

/** Seed 004 "moneyness": |δ| ≥ 0.65 ITM, |δ| ≤ 0.35 OTM, else ATM; the same for calls and puts. */
export function moneynessOf(delta: number): Moneyness {
  const a = Math.abs(delta);
  return a >= 0.65 ? 'ITM' : a <= 0.35 ? 'OTM' : 'ATM';
}

/**
 * Seed 004 "Greeks Enrichment Overlay", field by field:
 *   iv, delta, gamma — the contract's settled snapshot values (null when the contract has none);
 *   iv_vs_atm = iv − ATM IV of the same expiry (positive: rich against the ATM smile);
 *   moneyness from |δ|;
 *   estimated_delta_notional = size × 100 × δ × S, dollars, signed by the contract's delta;
 *   hypothetical_gex_impact_if_opening = size × 100 × Γ × S² × 0.01, dollars of gamma per 1% move,
 *   "if it were fully opening and fully dealer-absorbed" — not to be added to chain GEX.
 * Each field is null when an input it needs is unknown: nothing is invented.
 */
export function enrichSignal(s: Pick<FlowSignal, 'contract' | 'expiry' | 'size'>, src: EnrichmentSource): SignalEnrichment {
  const g = src.contractGreeks(s.contract);
  if (g === null) return NO_SIGNAL_ENRICHMENT;
  const atm = src.atmIv(s.expiry);
  const S = src.spot;
  const shares = s.size * CONTRACT_MULTIPLIER;
  return {
    iv: g.iv,
    delta: g.delta,
    gamma: g.gamma,
    ivVsAtm: g.iv !== null && atm !== null ? g.iv - atm : null,
    moneyness: g.delta === null ? null : moneynessOf(g.delta),
    estimatedDeltaNotional: g.delta !== null && S !== null ? shares * g.delta * S : null,
    hypotheticalGexImpactIfOpening: g.gamma !== null && S !== null ? shares * g.gamma * S * S * 0.01 : null,
  };
}
