import { analyzeChain } from '../gamma-exposure/chain-analysis.ts';
import type { ChainAnalyticsSettings } from '../gamma-exposure/chain-analytics-settings.ts';
import type { ChainContract } from '../options-flow/chain.ts';
import type { FlowSettings } from '../options-flow/flow-settings.ts';
import type { FlowSignal } from '../options-flow/flow-signal.ts';
import { FlowTape } from '../options-flow/flow-tape.ts';
import type { OptionTrade } from '../options-flow/option-trade.ts';
import { SettledOiBook } from '../options-flow/settled-oi-book.ts';
import type { EpochMs } from '../units.ts';
import type { GreekPositioningInput } from './greek-positioning.ts';

/**
 * The day's scored options signals of one symbol from its prints of that New York day up to now (seed 004
 * engine, settled OI from the chain rows): what the options-flow and alert-cluster sub-scores read.
 */
export function daySignals(symbol: string, trades: Iterable<OptionTrade>, chainRows: readonly ChainContract[], settings: FlowSettings): FlowSignal[] {
  const tape = new FlowTape();
  for (const t of trades) tape.add(t);
  return tape.signals(settings, new SettledOiBook(chainRows).lookup).get(symbol) ?? [];
}

/**
 * The dealer exposures the greek-positioning sub-score reads, from the latest chain snapshot at or before `at`
 * (src/core/gamma-exposure, all expirations): Σ call DEX, Σ put DEX, net GEX and Σ |GEX| by strike and right.
 * Null when there is no snapshot or no spot to compute exposures with.
 */
export function dealerExposures(symbol: string, chainRows: readonly ChainContract[], at: EpochMs, settings: ChainAnalyticsSettings): GreekPositioningInput | null {
  if (chainRows.length === 0) return null;
  const a = analyzeChain(chainRows, { symbol, at, expiration: null, minOi: 0, spot: null }, settings);
  if (a === null || a.totals === null) return null;
  let callDex = 0, putDex = 0, gross = 0;
  for (const s of a.strikes) {
    callDex += s.callDex;
    putDex += s.putDex;
    gross += Math.abs(s.callGex) + Math.abs(s.putGex);
  }
  return { call_dex: callDex, put_dex: putDex, net_gex: a.totals.gex, gross_gex: gross };
}
