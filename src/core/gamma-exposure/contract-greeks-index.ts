/**
 * What the signal enrichment (seed 004, "Greeks Enrichment Overlay") reads from a chain analysis: per contract
 * its IV, delta and gamma; per expiry the ATM IV; the spot; and the chain levels of the signals' `chain` object.
 * With it: iv_vs_atm = iv − atmIv(expiry); moneyness from |delta|; estimated_delta_notional = size·100·delta·S;
 * hypothetical_gex_impact_if_opening = size·100·gamma·S²·0.01.
 */
import { contractKey } from '../options-flow/option-trade.ts';
import type { EpochMs, IsoDate } from '../units.ts';
import type { ChainAnalysis, SpotSource } from './chain-analysis.ts';

/** Greeks of one contract, per share: IV annualised (0.25 = 25 %), delta per $1, gamma per $1. */
export interface ContractGreekSnapshot {
  readonly iv: number;
  readonly delta: number;
  readonly gamma: number;
}

export interface ContractGreeksIndex {
  readonly symbol: string;
  readonly asOf: EpochMs;
  readonly underlyingPrice: number | null;
  readonly underlyingPriceSource: SpotSource | null;
  /** By contractKey ("SPY 2024-01-19 C 470"); only contracts with greeks. */
  readonly byContract: ReadonlyMap<string, ContractGreekSnapshot>;
  /** ATM IV per expiry (atm-iv.ts). */
  readonly atmIvByExpiry: ReadonlyMap<IsoDate, number>;
  /** The signals' `chain` levels: call wall, put wall, max pain strike, gamma flip price; null when not defined. */
  readonly levels: {
    readonly callWall: number | null;
    readonly putWall: number | null;
    readonly maxPain: number | null;
    readonly gammaFlip: number | null;
  };
}

/** The enrichment view of an analysis (above). Analyse all expiries (expiration null) for signals. */
export function contractGreeksIndex(analysis: ChainAnalysis): ContractGreeksIndex {
  const byContract = new Map<string, ContractGreekSnapshot>();
  for (let i = 0; i < analysis.contracts.length; i++) {
    const a = analysis.contracts[i];
    if (a === undefined || a.greeks === null) continue;
    byContract.set(contractKey(a.contract), { iv: a.greeks.iv, delta: a.greeks.delta, gamma: a.greeks.gamma });
  }
  return {
    symbol: analysis.symbol,
    asOf: analysis.asOf,
    underlyingPrice: analysis.spot.price,
    underlyingPriceSource: analysis.spot.source,
    byContract,
    atmIvByExpiry: analysis.atmIv,
    levels: {
      callWall: analysis.levels.callWall,
      putWall: analysis.levels.putWall,
      maxPain: analysis.maxPain.strike,
      gammaFlip: analysis.gammaFlip.price,
    },
  };
}
