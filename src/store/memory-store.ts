import { newYorkDate } from '../core/calendar/new-york-date.ts';
import type { EquityPrint, QuoteUpdate } from '../core/dark-pool/equity-print.ts';
import type { ChainContract } from '../core/options-flow/chain.ts';
import type { OptionTrade } from '../core/options-flow/option-trade.ts';
import type { EpochMs, IsoDate } from '../core/units.ts';
import {
  type MarketStore, type SourceCursor, type SourceIdentity, type SourceKind, type SourceReport, type SourceState,
  SourceStateError,
} from './market-store.ts';
import { chainRowKey, equityPrintKey, equityQuoteKey, occurrences, printKey, printOccurrences } from './natural-keys.ts';
import { decodeSignals, encodeSignals } from './day-signals-codec.ts';
import type { DaySignalsStamp, StoredDaySignals } from './day-signals.ts';

type StagedRow = OptionTrade | ChainContract | EquityPrint | QuoteUpdate;

interface Loaded<T> {
  readonly row: T;
  readonly sourceId: number;
  readonly ordinal: number;
}

/**
 * What a MemoryStore holds. Pass the same data to a second openMemoryStore to play "the process died and
 * restarted": staged rows and markers survive exactly as committed, as they do in a database file.
 */
export class MemoryStoreData {
  readonly sources: SourceState[] = [];
  readonly staged = new Map<number, StagedRow[]>();
  readonly prints: Loaded<OptionTrade>[] = [];
  readonly printKeys = new Set<string>();
  readonly chain: Loaded<ChainContract>[] = [];
  readonly chainKeys = new Set<string>();
  readonly equityPrints: Loaded<EquityPrint>[] = [];
  readonly equityPrintKeys = new Set<string>();
  readonly equityQuotes: Loaded<QuoteUpdate>[] = [];
  readonly equityQuoteKeys = new Set<string>();
  /** day → underlying → the stamp, the tape's counts and the signals as the codec's text (as a database keeps them). */
  readonly daySignals = new Map<IsoDate, Map<string, { stamp: DaySignalsStamp; stats: string; signals: string }>>();
}

/** The reference MarketStore: plain arrays and sets, every query a scan. Slow, obvious, and the contract's yardstick. */
export function openMemoryStore(data = new MemoryStoreData()): MarketStore {
  return new MemoryStore(data);
}

class MemoryStore implements MarketStore {
  constructor(private readonly data: MemoryStoreData) {}

  async prints(symbol: string, day: IsoDate, upTo?: EpochMs): Promise<OptionTrade[]> {
    return this.data.prints
      .filter(({ row }) => row.underlying === symbol && newYorkDate(row.ts) === day && (upTo === undefined || row.ts <= upTo))
      .sort((a, b) => a.row.ts - b.row.ts || a.sourceId - b.sourceId || a.ordinal - b.ordinal)
      .map((p) => p.row);
  }

  async chainRows(symbol: string, upTo?: EpochMs | null): Promise<ChainContract[]> {
    return this.data.chain
      .filter(({ row }) => row.underlying === symbol && (upTo === undefined || upTo === null || row.asOf <= upTo))
      .map((c) => c.row)
      .sort((a, b) => a.asOf - b.asOf || compare(a.expiry, b.expiry) || a.strike - b.strike || compare(a.right, b.right));
  }

  async days(): Promise<IsoDate[]> {
    return [...new Set(this.data.prints.map(({ row }) => newYorkDate(row.ts)))].sort(compare);
  }

  async symbols(day?: IsoDate): Promise<string[]> {
    const onDay = this.data.prints.filter(({ row }) => day === undefined || newYorkDate(row.ts) === day);
    return [...new Set(onDay.map(({ row }) => row.underlying))].sort(compare);
  }

  async lastPrintTs(symbol: string): Promise<EpochMs | null> {
    const times = this.data.prints.filter(({ row }) => row.underlying === symbol).map(({ row }) => row.ts);
    return times.length === 0 ? null : times.reduce((a, b) => (b > a ? b : a));
  }

  async printCounts(day: IsoDate, symbol?: string): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const { row } of this.data.prints) {
      if ((symbol === undefined || row.underlying === symbol) && newYorkDate(row.ts) === day) counts.set(row.underlying, (counts.get(row.underlying) ?? 0) + 1);
    }
    return counts;
  }

  async chainRowCounts(upTo: EpochMs): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const { row } of this.data.chain) if (row.asOf <= upTo) counts.set(row.underlying, (counts.get(row.underlying) ?? 0) + 1);
    return counts;
  }

  async equityPrints(symbol: string, day: IsoDate, upTo?: EpochMs): Promise<EquityPrint[]> {
    return symbolDay(this.data.equityPrints, symbol, day, upTo);
  }

  async equityQuotes(symbol: string, day: IsoDate, upTo?: EpochMs): Promise<QuoteUpdate[]> {
    return symbolDay(this.data.equityQuotes, symbol, day, upTo);
  }

  async equityDays(): Promise<IsoDate[]> {
    return [...new Set(this.data.equityPrints.map(({ row }) => newYorkDate(row.ts)))].sort(compare);
  }

  async equitySymbols(day?: IsoDate): Promise<string[]> {
    const onDay = this.data.equityPrints.filter(({ row }) => day === undefined || newYorkDate(row.ts) === day);
    return [...new Set(onDay.map(({ row }) => row.symbol))].sort(compare);
  }

  async equityPrintCounts(day: IsoDate, symbol?: string): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const { row } of this.data.equityPrints) {
      if ((symbol === undefined || row.symbol === symbol) && newYorkDate(row.ts) === day) counts.set(row.symbol, (counts.get(row.symbol) ?? 0) + 1);
    }
    return new Map([...counts].sort(([a], [b]) => compare(a, b)));
  }

  async putDaySignals(symbol: string, day: IsoDate, stored: StoredDaySignals): Promise<void> {
    let onDay = this.data.daySignals.get(day);
    if (onDay === undefined) this.data.daySignals.set(day, (onDay = new Map()));
    onDay.set(symbol, { stamp: { ...stored.stamp }, stats: JSON.stringify(stored.stats), signals: encodeSignals(stored.signals) });
  }

  async daySignals(symbol: string, day: IsoDate): Promise<StoredDaySignals | null> {
    const kept = this.data.daySignals.get(day)?.get(symbol);
    return kept === undefined ? null : { stamp: { ...kept.stamp }, stats: JSON.parse(kept.stats), signals: decodeSignals(kept.signals) };
  }

  async daySignalStamps(day: IsoDate): Promise<Map<string, DaySignalsStamp>> {
    const onDay = [...this.data.daySignals.get(day) ?? []].sort(([a], [b]) => compare(a, b));
    return new Map(onDay.map(([symbol, kept]) => [symbol, { ...kept.stamp }]));
  }

  async openSource(identity: SourceIdentity): Promise<SourceState> {
    const known = this.data.sources.find((s) => s.kind === identity.kind && s.sha256 === identity.sha256);
    if (known !== undefined) return known;
    const state: SourceState = {
      ...identity, sourceId: this.data.sources.length + 1, rowsStaged: 0, status: 'loading',
      rowsStored: null, rowsDuplicate: null, report: null,
    };
    this.data.sources.push(state);
    this.data.staged.set(state.sourceId, []);
    return state;
  }

  async putPrints(batch: readonly OptionTrade[], source: SourceCursor): Promise<SourceCursor> {
    return this.put('prints', batch, source);
  }

  async putChainRows(batch: readonly ChainContract[], source: SourceCursor): Promise<SourceCursor> {
    return this.put('chain', batch, source);
  }

  async putEquityPrints(batch: readonly EquityPrint[], source: SourceCursor): Promise<SourceCursor> {
    return this.put('equity-prints', batch, source);
  }

  async putEquityQuotes(batch: readonly QuoteUpdate[], source: SourceCursor): Promise<SourceCursor> {
    return this.put('equity-quotes', batch, source);
  }

  async completeSource(source: SourceCursor, report: SourceReport): Promise<SourceState> {
    const state = this.loading(source);
    const staged = this.data.staged.get(state.sourceId) ?? [];
    const { sourceId } = state;
    let stored: number;
    switch (state.kind) {
      case 'prints': stored = this.mergePrints(staged as OptionTrade[], sourceId); break;
      case 'chain': stored = this.mergeChain(staged as ChainContract[], sourceId); break;
      case 'equity-prints': stored = mergeKeyed(staged as EquityPrint[], sourceId, equityPrintKey, this.data.equityPrintKeys, this.data.equityPrints); break;
      case 'equity-quotes': stored = mergeKeyed(staged as QuoteUpdate[], sourceId, equityQuoteKey, this.data.equityQuoteKeys, this.data.equityQuotes); break;
    }
    const done: SourceState = { ...state, status: 'complete', rowsStored: stored, rowsDuplicate: staged.length - stored, report: { ...report } };
    this.data.sources[state.sourceId - 1] = done;
    this.data.staged.delete(state.sourceId);
    return done;
  }

  async sources(): Promise<SourceState[]> {
    return [...this.data.sources];
  }

  async close(): Promise<void> {}

  private put(kind: SourceKind, batch: readonly StagedRow[], source: SourceCursor): SourceCursor {
    const state = this.loading(source);
    if (state.kind !== kind) throw new SourceStateError(`source ${state.sourceId} holds ${state.kind}; cannot add ${kind} rows`);
    this.data.staged.get(state.sourceId)?.push(...batch);
    const next: SourceState = { ...state, rowsStaged: state.rowsStaged + batch.length };
    this.data.sources[state.sourceId - 1] = next;
    return { sourceId: next.sourceId, rowsStaged: next.rowsStaged };
  }

  private loading(source: SourceCursor): SourceState {
    const state = this.data.sources[source.sourceId - 1];
    if (state === undefined) throw new SourceStateError(`source ${source.sourceId} is unknown`);
    if (state.status === 'complete') throw new SourceStateError(`source ${state.sourceId} (${state.name}) is complete; it cannot change`);
    if (state.rowsStaged !== source.rowsStaged) {
      throw new SourceStateError(`source ${state.sourceId} has ${state.rowsStaged} rows staged; the call continued from ${source.rowsStaged}`);
    }
    return state;
  }

  private mergePrints(staged: readonly OptionTrade[], sourceId: number): number {
    const occurrences = printOccurrences(staged);
    let stored = 0;
    staged.forEach((row, ordinal) => {
      const key = printKey(row, occurrences[ordinal] ?? 0);
      if (this.data.printKeys.has(key)) return;
      this.data.printKeys.add(key);
      this.data.prints.push({ row, sourceId, ordinal });
      stored++;
    });
    return stored;
  }

  private mergeChain(staged: readonly ChainContract[], sourceId: number): number {
    let stored = 0;
    staged.forEach((row, ordinal) => {
      const key = chainRowKey(row);
      if (this.data.chainKeys.has(key)) return;
      this.data.chainKeys.add(key);
      this.data.chain.push({ row, sourceId, ordinal });
      stored++;
    });
    return stored;
  }
}

/** The rows of one symbol's New York day with ts ≤ upTo, in time order, same ts in load order. */
function symbolDay<T extends { ts: EpochMs; symbol: string }>(rows: readonly Loaded<T>[], symbol: string, day: IsoDate, upTo: EpochMs | undefined): T[] {
  return rows
    .filter(({ row }) => row.symbol === symbol && newYorkDate(row.ts) === day && (upTo === undefined || row.ts <= upTo))
    .sort((a, b) => a.row.ts - b.row.ts || a.sourceId - b.sourceId || a.ordinal - b.ordinal)
    .map((p) => p.row);
}

/** A source's rows whose key (with occurrence numbers over the source) is not yet held; returns how many were stored. */
function mergeKeyed<T>(staged: readonly T[], sourceId: number, keyOf: (row: T, occurrence: number) => string, keys: Set<string>, into: Loaded<T>[]): number {
  const nth = occurrences(staged, keyOf);
  let stored = 0;
  staged.forEach((row, ordinal) => {
    const key = keyOf(row, nth[ordinal] ?? 0);
    if (keys.has(key)) return;
    keys.add(key);
    into.push({ row, sourceId, ordinal });
    stored++;
  });
  return stored;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
