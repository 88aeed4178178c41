/**
 * The chain of one underlying as it stood at an instant, from any number of snapshots: per contract the latest
 * row at or before `at`, without the contracts that have expired by then. See docs/methodology-chain.md
 * ("Which snapshot").
 */
import type { ChainContract } from '../options-flow/chain.ts';
import { expiryInstant, type Settlement } from '../pricing/time-to-expiry.ts';
import type { EpochMs, IsoDate } from '../units.ts';

export interface ChainSnapshot {
  readonly underlying: string;
  /** The analysis instant: the latest as_of among the contracts kept (≤ `at`). Every T is measured from it. */
  readonly asOf: EpochMs;
  /** Latest row per contract, unexpired at `asOf`, sorted by (expiry, strike, right): sums do not depend on row order. */
  readonly contracts: readonly ChainContract[];
  /** Contracts whose latest row was kept but whose expiry instant is at or before `asOf`. */
  readonly expired: number;
  /** underlying_price of the latest row at or before `asOf` that has one; null when none does (Yahoo). */
  readonly chainSpot: number | null;
}

/**
 * Selects the chain of `underlying` at `at` (null = the latest snapshot present). Per contract (expiry, right,
 * strike) the row with the latest as_of ≤ at wins; on equal as_of the later row in the input wins. `asOf` is the
 * latest as_of kept; a contract whose expiry instant (16:00 or 09:30 New York, `settlementOf`) is ≤ asOf is
 * dropped and counted. Returns null when the underlying has no row at or before `at`.
 */
export function selectChainSnapshot(
  rows: readonly ChainContract[], underlying: string, at: EpochMs | null,
  settlementOf: (underlying: string, expiry: IsoDate) => Settlement,
): ChainSnapshot | null {
  const latest = new Map<string, ChainContract>();
  let asOf = -Infinity;
  let spotAsOf = -Infinity;
  let chainSpot: number | null = null;
  for (let i = 0; i < rows.length; i++) {
    const c = rows[i] as ChainContract;
    if (c.underlying !== underlying || (at !== null && c.asOf > at)) continue;
    const key = `${c.expiry}|${c.right}|${c.strike}`;
    const prev = latest.get(key);
    if (prev === undefined || c.asOf >= prev.asOf) latest.set(key, c);
    if (c.asOf > asOf) asOf = c.asOf;
    if (c.underlyingPrice !== null && c.asOf >= spotAsOf) {
      spotAsOf = c.asOf;
      chainSpot = c.underlyingPrice;
    }
  }
  if (latest.size === 0) return null;
  const kept: ChainContract[] = [];
  let expired = 0;
  for (const c of latest.values()) {
    if (expiryInstant(c.expiry, settlementOf(underlying, c.expiry)) <= asOf) expired++;
    else kept.push(c);
  }
  kept.sort(byContract);
  return { underlying, asOf: asOf as EpochMs, contracts: kept, expired, chainSpot };
}

/** Order of contracts in a snapshot: expiry, then strike, then call before put. */
export function byContract(a: ChainContract, b: ChainContract): number {
  if (a.expiry !== b.expiry) return a.expiry < b.expiry ? -1 : 1;
  if (a.strike !== b.strike) return a.strike - b.strike;
  return a.right === b.right ? 0 : a.right === 'C' ? -1 : 1;
}
