import type { EpochMs, IsoDate } from '../units.ts';
import { newYorkDate } from '../calendar/new-york-date.ts';
import type { ChainContract } from './chain.ts';
import { contractKey } from './option-trade.ts';
import type { SettledOiLookup } from './flow-tape.ts';

interface Dated { readonly day: IsoDate; readonly asOf: EpochMs; readonly oi: number }

/**
 * Settled open interest by contract and trading day, from chain snapshots (docs/methodology.md, "Which chain
 * a print uses"). OCC publishes OI overnight, so the OI a snapshot shows during a session is the OI settled
 * before that session, and a snapshot taken at or after the 16:00 New York close counts for the next
 * session (LEAN's end-of-day universes already include the day's trades). A print on day D uses the latest
 * snapshot whose session date is ≤ D; with several for one session, the latest wins.
 */
export class SettledOiBook {
  private readonly byContract = new Map<string, Dated[]>();
  private readonly spots = new Map<string, { asOf: EpochMs; price: number }[]>();

  constructor(chain: Iterable<ChainContract>) {
    for (const c of chain) {
      const key = contractKey(c);
      let list = this.byContract.get(key);
      if (list === undefined) this.byContract.set(key, (list = []));
      list.push({ day: oiSessionDate(c.asOf), asOf: c.asOf, oi: c.openInterest });
      if (c.underlyingPrice !== null) {
        let s = this.spots.get(c.underlying);
        if (s === undefined) this.spots.set(c.underlying, (s = []));
        s.push({ asOf: c.asOf, price: c.underlyingPrice });
      }
    }
    for (const list of this.byContract.values()) list.sort((a, b) => a.asOf - b.asOf);
    for (const list of this.spots.values()) list.sort((a, b) => a.asOf - b.asOf);
  }

  get contracts(): number {
    return this.byContract.size;
  }

  /** Settled OI of `contract` for trading day `day`, or null when no snapshot on or before that day has it. */
  readonly lookup: SettledOiLookup = (contract, day) => {
    const d = latestAtOrBefore(this.byContract.get(contract), 'day', day);
    return d === null ? null : d.oi;
  };

  /** The underlying's price in the latest snapshot taken at or before `at`; null when none has one. */
  spotAt(underlying: string, at: EpochMs): number | null {
    const s = latestAtOrBefore(this.spots.get(underlying), 'asOf', at);
    return s === null ? null : s.price;
  }
}

const EIGHT_HOURS_MS = 8 * 3_600_000;

/** The session a snapshot's OI belongs to: its New York date before 16:00, the next date from 16:00 on. */
export function oiSessionDate(asOf: EpochMs): IsoDate {
  return newYorkDate((asOf + EIGHT_HOURS_MS) as EpochMs);
}

/** The last element of a list sorted by `key` whose key is ≤ `limit`; null when none. */
function latestAtOrBefore<T, K extends keyof T>(list: readonly T[] | undefined, key: K, limit: T[K]): T | null {
  if (list === undefined) return null;
  let found: T | null = null;
  for (const x of list) {
    if (x[key] <= limit) found = x;
    else break;
  }
  return found;
}
