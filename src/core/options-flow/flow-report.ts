import type { EpochMs, IsoDate } from '../units.ts';
import { analyzeChain, chainSpotAt } from '../gamma-exposure/chain-analysis.ts';
import type { ChainAnalyticsSettings } from '../gamma-exposure/chain-analytics-settings.ts';
import { contractGreeksIndex } from '../gamma-exposure/contract-greeks-index.ts';
import type { ChainContract } from './chain.ts';
import type { OptionTrade } from './option-trade.ts';
import type { FlowSettings } from './flow-settings.ts';
import type { FlowSignal } from './flow-signal.ts';
import { FlowTape, type TapeStats } from './flow-tape.ts';
import { SettledOiBook } from './settled-oi-book.ts';
import type { EnrichmentSource } from './signal-enrichment.ts';
import { matchingSignals, type SignalQuery } from './signal-query.ts';

/** The chain reference levels that ride on the signals (seed 004 "chain"); null where not defined. */
export interface SignalChainLevels {
  readonly callWall: number | null;
  readonly putWall: number | null;
  readonly maxPain: number | null;
  readonly gammaFlip: number | null;
}

/** Everything the signals and summary bodies say about one symbol at one moment. */
export interface FlowReport {
  readonly symbol: string;
  readonly query: SignalQuery;
  /** The signals matching the query, best first, before the limit. */
  readonly ranked: FlowSignal[];
  readonly underlyingPrice: number | null;
  readonly underlyingPriceSource: 'given' | 'chain' | 'implied' | null;
  /** Null without a chain. */
  readonly chainLevels: SignalChainLevels | null;
  /** Null without a chain: the enrichment fields are then null (seed 004's "degrades"). */
  readonly enrichment: EnrichmentSource | null;
  readonly stats: TapeStats;
}

export interface FlowReportInput {
  readonly symbol: string;
  /** The symbol's prints up to `at` (later prints must not be in it: the state at `at`). */
  readonly trades: Iterable<OptionTrade>;
  /** The symbol's chain snapshots (any number); empty for none. */
  readonly chainRows: readonly ChainContract[];
  readonly at: EpochMs;
  readonly query: Omit<SignalQuery, 'at'>;
  readonly settings: FlowSettings;
  readonly chainSettings: ChainAnalyticsSettings;
  /**
   * 'full' (default): analyse the chain for the levels and the greeks enrichment. 'spot': only the underlying
   * price (chain or put–call parity), no levels, no enrichment — a watchlist scan needs no more, at ~1/10 the cost.
   */
  readonly chainDetail?: 'full' | 'spot';
}

/**
 * The whole seed 004 pipeline for one symbol at one moment, shared by the CLI and the API so both give the
 * same numbers: coalesce and score the prints (settled OI from the chain), select by the query, and, with a
 * chain, analyse the latest snapshot at or before `at` for the levels and the greeks enrichment (the
 * `--expiry` filter applies to the chain too, as the seed says).
 */
export function flowReport(input: FlowReportInput): FlowReport {
  const { symbol, at } = input;
  const book = new SettledOiBook(input.chainRows);
  const tape = new FlowTape();
  for (const t of input.trades) {
    if (t.underlying !== symbol) throw new RangeError(`flowReport(${symbol}) was given a print of ${t.underlying}`);
    if (t.ts > at) throw new RangeError(`flowReport at ${at} was given a print at ${t.ts}, after it`);
    tape.add(t);
  }
  const signals = tape.signals(input.settings, book.lookup).get(symbol) ?? [];
  const query: SignalQuery = { ...input.query, at };
  const chainQuery = { symbol, at, expiration: query.expiry as IsoDate | null, minOi: 0, spot: null };
  const chainSpot = book.spotAt(symbol, at);
  if (input.chainDetail === 'spot') {
    const spot = input.chainRows.length === 0 ? null : chainSpotAt(input.chainRows, chainQuery, input.chainSettings);
    return {
      symbol, query, ranked: matchingSignals(signals, query),
      underlyingPrice: spot?.price ?? chainSpot,
      underlyingPriceSource: spot?.source ?? (chainSpot === null ? null : 'chain'),
      chainLevels: null, enrichment: null, stats: tape.stats,
    };
  }
  const analysis = input.chainRows.length === 0 ? null : analyzeChain(input.chainRows, chainQuery, input.chainSettings);
  const index = analysis === null ? null : contractGreeksIndex(analysis);
  return {
    symbol,
    query,
    ranked: matchingSignals(signals, query),
    underlyingPrice: index?.underlyingPrice ?? chainSpot,
    underlyingPriceSource: index?.underlyingPriceSource ?? (chainSpot === null ? null : 'chain'),
    chainLevels: index === null ? null : index.levels,
    enrichment: index === null ? null : {
      spot: index.underlyingPrice,
      contractGreeks: (c) => index.byContract.get(c) ?? null,
      atmIv: (e) => index.atmIvByExpiry.get(e as IsoDate) ?? null,
    },
    stats: tape.stats,
  };
}
