import type { Contracts, EpochMs, IsoDate, PricePerShare } from '../units.ts';
import type { Right } from './option-trade.ts';

/**
 * One contract of a chain snapshot (canonical chain row of docs/formats.md).
 * `openInterest` is settled OI: the figure OCC published before the session of `asOf` (or, for a snapshot
 * taken at or after the 16:00 close, the OI after that session: see settled-oi-book.ts).
 */
export interface ChainContract {
  readonly asOf: EpochMs;
  readonly underlying: string;
  /** Spot at the snapshot; null when the source has none (Yahoo chains). */
  readonly underlyingPrice: number | null;
  readonly expiry: IsoDate;
  readonly strike: number;
  readonly right: Right;
  readonly openInterest: Contracts;
  readonly bid: PricePerShare | null;
  readonly ask: PricePerShare | null;
  readonly volume: Contracts | null;
  /** Implied volatility as a fraction per year (0.25 = 25%); null when absent. */
  readonly iv: number | null;
}
