import type { Contracts, EpochMs, IsoDate, PricePerShare } from '../units.ts';

/** Call or put. */
export type Right = 'C' | 'P';
/** Trade side: the aggressor bought (lifted the offer), sold (hit the bid), or traded at the midpoint. */
export type Side = 'buy' | 'sell' | 'mid';

/**
 * One option print as the engine reads it: the canonical trade row of docs/formats.md after validation.
 * `bid`/`ask` are the NBBO at the print. `side` is null when the source did not say; the engine then
 * classifies it from the NBBO (see side-classifier.ts).
 */
export interface OptionTrade {
  readonly ts: EpochMs;
  readonly underlying: string;
  readonly expiry: IsoDate;
  readonly strike: number;
  readonly right: Right;
  readonly price: PricePerShare;
  readonly size: Contracts;
  readonly bid: PricePerShare;
  readonly ask: PricePerShare;
  readonly exchange: string;
  readonly condition: string;
  readonly side: Side | null;
}

/**
 * The contract key used everywhere a contract is named: OCC-style root, expiry, right and strike,
 * e.g. `SPY 2024-01-19 C 470`. Human-readable, unique per contract, stable across sources.
 */
export function contractKey(t: Pick<OptionTrade, 'underlying' | 'expiry' | 'right' | 'strike'>): string {
  return `${t.underlying} ${t.expiry} ${t.right} ${t.strike}`;
}
