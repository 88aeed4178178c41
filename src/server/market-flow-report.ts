import { type FlowReport, flowReport } from '../core/options-flow/flow-report.ts';
import type { ChainContract } from '../core/options-flow/chain.ts';
import type { OptionTrade } from '../core/options-flow/option-trade.ts';
import type { SignalQuery } from '../core/options-flow/signal-query.ts';
import type { EpochMs } from '../core/units.ts';
import type { MarketData } from './market-data.ts';
import type { ServerSettings } from './server-settings.ts';
import { windowDays } from './window-days.ts';

/** What one symbol's flow report is computed from, and a key that names all of it. */
export interface MarketFlowInputs {
  readonly symbol: string;
  readonly at: EpochMs;
  readonly query: Omit<SignalQuery, 'at'>;
  readonly trades: readonly OptionTrade[];
  readonly chainRows: readonly ChainContract[];
  /**
   * symbol, instant, query (all but `limit`, which only cuts the list) and the counts of prints and chain rows.
   * The data only grows (files, then a live feed appending), and a print or snapshot that arrives at or before
   * the instant changes a count, so two equal keys mean the same report: the key of the server's caches.
   */
  readonly key: string;
}

/**
 * The inputs of the seed 004 flow report of one symbol at one moment, read from MarketData: the prints of the
 * New York days the window overlaps, up to `at`, and the chain rows known at `at`. A chain snapshot taken after
 * `at` is not used, even one of the same session: the answer is the one a live server would have given at `at`.
 */
export async function marketFlowInputs(
  data: MarketData, symbol: string, at: EpochMs, query: Omit<SignalQuery, 'at'>,
): Promise<MarketFlowInputs> {
  const days = windowDays(at, query.windowMinutes);
  let trades: readonly OptionTrade[];
  if (days.length === 1) {
    trades = await data.prints(symbol, days[0] as (typeof days)[number], at);
  } else {
    const parts: (readonly OptionTrade[])[] = [];
    for (const day of days) parts.push(await data.prints(symbol, day, at));
    trades = parts.flat();
  }
  const chainRows = await data.chainRows(symbol, at);
  const key = `${symbol}|${at}|${trades.length}|${chainRows.length}|${query.windowMinutes}|${query.minScore}|`
    + `${query.intent}|${query.structure}|${query.expiry}`;
  return { symbol, at, query, trades, chainRows, key };
}

/**
 * Core flowReport (the CLI's pipeline) on inputs read by marketFlowInputs. `chainDetail` 'spot' skips the
 * chain analysis but for the underlying price (the watchlist tilt needs no levels or enrichment).
 */
export function marketFlowReport(inputs: MarketFlowInputs, settings: ServerSettings, chainDetail: 'full' | 'spot' = 'full'): FlowReport {
  const { symbol, at, query, trades, chainRows } = inputs;
  return flowReport({ symbol, trades, chainRows, at, query, settings: settings.flow, chainSettings: settings.chain, chainDetail });
}
