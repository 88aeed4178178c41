import type { Contracts, EpochMs, PricePerShare } from '../units.ts';
import type { Side } from './option-trade.ts';

/**
 * Intraday open-interest simulator (seed 004, "Opening Bias"): the signed OI change of one contract
 * implied by the day's prints so far. INTERIM METHOD (being replaced by the calibrated one, see
 * docs/methodology.md): a customer-aggressor buy opens (+size), a sell closes (−size), a mid print is
 * left out.
 */
export interface OiSimPrint {
  readonly ts: EpochMs;
  readonly size: Contracts;
  readonly side: Side;
  readonly price: PricePerShare;
  readonly bid: PricePerShare;
  readonly ask: PricePerShare;
}

export interface ContractOiSimulator {
  /** Feed the contract's next print of the day (time order). */
  add(p: OiSimPrint): void;
  /** Signed intraday OI delta so far, in contracts. */
  readonly netDelta: number;
}

/** The seed's per-trade confidence weight on the opening-bias component. */
export const DEFAULT_OI_CONFIDENCE = 0.43;

export function createContractOiSimulator(_settledOi: number | null): ContractOiSimulator {
  let net = 0;
  return {
    add(p) {
      if (p.side === 'buy') net += p.size;
      else if (p.side === 'sell') net -= p.size;
    },
    get netDelta() { return net; },
  };
}
