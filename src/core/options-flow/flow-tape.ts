import type { IsoDate } from '../units.ts';
import { newYorkDate } from '../calendar/new-york-date.ts';
import { type ClassifiedPrint, ContractFlow } from './contract-flow.ts';
import type { FlowSettings } from './flow-settings.ts';
import type { FlowSignal } from './flow-signal.ts';
import { contractKey, type OptionTrade, type Side } from './option-trade.ts';
import { classifySide } from './side-classifier.ts';

/** Settled OI of a contract for a New York trading day, or null when unknown. */
export type SettledOiLookup = (contract: string, day: IsoDate) => number | null;

/** Counts that a run reports next to its signals. */
export interface TapeStats {
  prints: number;
  /** Prints whose side was classified from the NBBO (the source gave none). */
  sidesInferred: number;
  /** Prints on a crossed or locked NBBO: kept and scored (aggressor 0.5), counted here. */
  crossedOrLocked: number;
  contractDays: number;
  signals: number;
}

const SIDE_ORDER: Record<Side, number> = { buy: 0, mid: 1, sell: 2 };

interface Bucket {
  readonly first: OptionTrade;
  readonly day: IsoDate;
  readonly prints: ClassifiedPrint[];
  sorted: boolean;
}

/**
 * The canonical order of a contract's prints: time, then side, price, size, exchange, bid, ask. Sorting by
 * it makes the coalescing (and so every number) independent of the order of rows in the input,
 * including prints that share a millisecond.
 */
export function comparePrints(a: ClassifiedPrint, b: ClassifiedPrint): number {
  return a.ts - b.ts || SIDE_ORDER[a.side] - SIDE_ORDER[b.side] || a.price - b.price || a.size - b.size
    || (a.exchange < b.exchange ? -1 : a.exchange > b.exchange ? 1 : 0) || a.bid - b.bid || a.ask - b.ask;
}

/**
 * Accumulates a tape (any order, any number of underlyings and days) and turns it into scored signals per
 * underlying: prints are bucketed per contract and New York day, put in canonical order, and run through
 * a ContractFlow each. Memory holds the prints of the tape; the result holds only the signals.
 */
export class FlowTape {
  private readonly buckets = new Map<string, Bucket>();
  readonly stats: TapeStats = { prints: 0, sidesInferred: 0, crossedOrLocked: 0, contractDays: 0, signals: 0 };

  add(t: OptionTrade): void {
    const day = newYorkDate(t.ts);
    const key = `${contractKey(t)}|${day}`;
    let b = this.buckets.get(key);
    if (b === undefined) {
      b = { first: t, day, prints: [], sorted: true };
      this.buckets.set(key, b);
    }
    let side = t.side;
    if (side === null) {
      side = classifySide(t.price, t.bid, t.ask);
      this.stats.sidesInferred++;
    }
    const p: ClassifiedPrint = { ts: t.ts, price: t.price, size: t.size, bid: t.bid, ask: t.ask, exchange: t.exchange, side };
    const prev = b.prints[b.prints.length - 1];
    if (prev !== undefined && b.sorted && comparePrints(prev, p) > 0) b.sorted = false;
    b.prints.push(p);
    this.stats.prints++;
  }

  addAll(trades: Iterable<OptionTrade>): void {
    for (const t of trades) this.add(t);
  }

  /** Runs every contract-day and returns the signals per underlying, each list sorted by time. */
  signals(settings: FlowSettings, settledOi: SettledOiLookup): Map<string, FlowSignal[]> {
    const out = new Map<string, FlowSignal[]>();
    this.stats.crossedOrLocked = 0;
    this.stats.contractDays = 0;
    this.stats.signals = 0;
    for (const b of this.buckets.values()) {
      if (!b.sorted) b.prints.sort(comparePrints);
      const contract = contractKey(b.first);
      const flow = new ContractFlow({
        underlying: b.first.underlying, contract, expiry: b.first.expiry, strike: b.first.strike,
        right: b.first.right, day: b.day, settledOi: settledOi(contract, b.day),
      }, settings);
      let list = out.get(b.first.underlying);
      if (list === undefined) {
        list = [];
        out.set(b.first.underlying, list);
      }
      for (const p of b.prints) {
        const s = flow.add(p);
        if (s !== null) list.push(s);
      }
      const last = flow.flush();
      if (last !== null) list.push(last);
      this.stats.crossedOrLocked += flow.crossedOrLockedPrints;
      this.stats.contractDays++;
    }
    for (const list of out.values()) {
      list.sort(compareSignalsByTime);
      this.stats.signals += list.length;
    }
    return out;
  }
}

/** Time order of signals, with contract and side as tie-breaks so that the order is total. */
export function compareSignalsByTime(a: FlowSignal, b: FlowSignal): number {
  return a.ts - b.ts || (a.contract < b.contract ? -1 : a.contract > b.contract ? 1 : 0)
    || SIDE_ORDER[a.side] - SIDE_ORDER[b.side];
}
