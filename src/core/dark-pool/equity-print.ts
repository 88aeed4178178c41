import type { EpochMs, PricePerShare, Shares } from '../units.ts';

/**
 * One equity trade on the consolidated tape (or any feed) as the dark-pool code reads it. `conditions` is a
 * sale-condition mask (sale-conditions.ts); `bid`/`ask` are the NBBO the feed sent with the print, null when
 * it sent none (then side inference uses quotes, else the tick test).
 */
export interface EquityPrint {
  readonly ts: EpochMs;
  readonly symbol: string;
  readonly price: PricePerShare;
  readonly size: Shares;
  /** Venue code as the feed writes it (`D` = FINRA ADF/TRF on the CTA/UTP tape). */
  readonly exchange: string;
  readonly conditions: number;
  readonly bid: PricePerShare | null;
  readonly ask: PricePerShare | null;
}

/**
 * One update of the consolidated best bid and/or best offer of a symbol; null leaves that side unchanged.
 * (The LEAN quote files are such updates, one side per row: docs/methodology.md "Dark pool", NBBO.)
 */
export interface QuoteUpdate {
  readonly ts: EpochMs;
  readonly symbol: string;
  readonly bid: PricePerShare | null;
  readonly ask: PricePerShare | null;
}
