import { type FlowReport, flowReport } from '../core/options-flow/flow-report.ts';
import type { ChainContract } from '../core/options-flow/chain.ts';
import type { FlowSettings } from '../core/options-flow/flow-settings.ts';
import type { FlowSignal } from '../core/options-flow/flow-signal.ts';
import type { TapeStats } from '../core/options-flow/flow-tape.ts';
import type { OptionTrade } from '../core/options-flow/option-trade.ts';
import { matchingSignals, type SignalQuery } from '../core/options-flow/signal-query.ts';
import type { EpochMs, IsoDate } from '../core/units.ts';
import {
  chainRowsUpTo, computeDaySignals, type DaySignals, type DaySignalsStamp, endOfNewYorkDay, flowSettingsId, sameStamp,
  type StoredDaySignals,
} from '../store/day-signals.ts';
import type { MarketData } from './market-data.ts';
import { type LiveFlowBooks, liveFlowBooksOf } from './live-flow-books.ts';
import type { ServerSettings } from './server-settings.ts';
import { windowDays } from './window-days.ts';

/** What one symbol's flow report is computed from, and a key that names all of it. */
export interface MarketFlowInputs {
  readonly symbol: string;
  readonly at: EpochMs;
  readonly query: Omit<SignalQuery, 'at'>;
  /** The prints of the window's New York days up to `at`; empty when `daySignals` holds their signals. */
  readonly trades: readonly OptionTrade[];
  readonly chainRows: readonly ChainContract[];
  /**
   * The signals of the window's days, when every one of them is complete at `at` and the data keeps day signals
   * (read from the store when their stamp matches, else scored and written back); null: flowReport scores `trades`.
   */
  readonly daySignals: DaySignals | null;
  /** The live day at its latest state: `trades` are its prints, scored by these live books when the report is computed. */
  readonly live: { readonly books: LiveFlowBooks; readonly day: IsoDate } | null;
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
 *
 * With `settings`, and data that keeps day signals (a store), a window whose every day has ended by `at` is
 * answered from each day's stored signals instead of its prints (docs/store.md "Day signals"): used when their
 * stamp matches the day's current counts and these flow settings, otherwise scored now and stored (write-through).
 * Either way the report is the same, and so is the key. With `settings`, a one-day window of a day the live feed
 * is bringing prints to, asked at or after the symbol's latest print, is scored incrementally by the data's live
 * books (live-flow-books.ts).
 */
export async function marketFlowInputs(
  data: MarketData, symbol: string, at: EpochMs, query: Omit<SignalQuery, 'at'>, settings?: Pick<ServerSettings, 'flow'>,
): Promise<MarketFlowInputs> {
  const days = windowDays(at, query.windowMinutes);
  const keyOf = (prints: number, chainRows: number) => `${symbol}|${at}|${prints}|${chainRows}|${query.windowMinutes}|${query.minScore}|`
    + `${query.intent}|${query.structure}|${query.expiry}`;
  if (settings !== undefined && keepsDaySignals(data) && at >= endOfNewYorkDay(days[days.length - 1] as IsoDate)) {
    const chainRows = await data.chainRows(symbol, at);
    const stored = await completeDaysSignals(data, symbol, days, at, chainRows, settings.flow);
    return { symbol, at, query, trades: [], chainRows, daySignals: stored.daySignals, live: null, key: keyOf(stored.prints, chainRows.length) };
  }
  let trades: readonly OptionTrade[];
  if (days.length === 1) {
    const day = days[0] as IsoDate;
    trades = await data.prints(symbol, day, at);
    const books = liveFlowBooksOf(data);
    if (settings !== undefined && trades.length > 0 && books.serves(symbol, day, at, await data.lastPrintTs(symbol))) {
      // The live day asked for its latest state: scored incrementally (live-flow-books.ts) when the report is
      // computed (not for a cache hit), same answer.
      const chainRows = await data.chainRows(symbol, at);
      return { symbol, at, query, trades, chainRows, daySignals: null, live: { books, day }, key: keyOf(trades.length, chainRows.length) };
    }
  } else {
    const parts: (readonly OptionTrade[])[] = [];
    for (const day of days) parts.push(await data.prints(symbol, day, at));
    trades = parts.flat();
  }
  const chainRows = await data.chainRows(symbol, at);
  return { symbol, at, query, trades, chainRows, daySignals: null, live: null, key: keyOf(trades.length, chainRows.length) };
}

type DaySignalData = MarketData & Required<Pick<MarketData, 'printCounts' | 'daySignals' | 'putDaySignals'>>;

function keepsDaySignals(data: MarketData): data is DaySignalData {
  return data.printCounts !== undefined && data.daySignals !== undefined && data.putDaySignals !== undefined;
}

const settingsIds = new WeakMap<FlowSettings, string>();

function settingsId(flow: FlowSettings): string {
  let id = settingsIds.get(flow);
  if (id === undefined) settingsIds.set(flow, (id = flowSettingsId(flow)));
  return id;
}

/**
 * The signals of complete New York days, oldest day first (so in time order), each day's from the store when its
 * stamp is the day's current one, else scored from its prints and stored; with the prints they stand for.
 */
async function completeDaysSignals(
  data: DaySignalData, symbol: string, days: readonly IsoDate[], at: EpochMs, chainRows: readonly ChainContract[], flow: FlowSettings,
): Promise<{ daySignals: DaySignals; prints: number }> {
  const signals: FlowSignal[][] = [];
  const stats: TapeStats = { prints: 0, sidesInferred: 0, crossedOrLocked: 0, contractDays: 0, signals: 0 };
  let total = 0;
  for (const day of days) {
    const prints = (await data.printCounts(day, symbol)).get(symbol) ?? 0;
    if (prints === 0) continue;
    const chainCount = chainRowsUpTo(chainRows, endOfNewYorkDay(day));
    const stamp: DaySignalsStamp = { prints, chainRows: chainCount, flowSettings: settingsId(flow) };
    let kept = await data.daySignals(symbol, day);
    if (kept === null || !sameStamp(kept.stamp, stamp)) {
      // `at` is past the day's end, so these are all of its prints (a print appended since the count is counted here).
      const trades = await data.prints(symbol, day, at);
      const computed: StoredDaySignals = {
        stamp: { ...stamp, prints: trades.length },
        ...computeDaySignals(symbol, trades, chainRows.slice(0, chainCount), flow),
      };
      await data.putDaySignals(symbol, day, computed);
      kept = computed;
    }
    signals.push(kept.signals as FlowSignal[]);
    addStats(stats, kept.stats);
    total += kept.stamp.prints;
  }
  return { daySignals: { signals: signals.flat(), stats }, prints: total };
}

function addStats(into: TapeStats, day: TapeStats): void {
  into.prints += day.prints;
  into.sidesInferred += day.sidesInferred;
  into.crossedOrLocked += day.crossedOrLocked;
  into.contractDays += day.contractDays;
  into.signals += day.signals;
}

/**
 * Core flowReport (the CLI's pipeline) on inputs read by marketFlowInputs. `chainDetail` 'spot' skips the
 * chain analysis but for the underlying price (the watchlist tilt needs no levels or enrichment). With day
 * signals, only the scoring of the prints is replaced: the chain analysis at `at` and the query run as always.
 */
export function marketFlowReport(inputs: MarketFlowInputs, settings: ServerSettings, chainDetail: 'full' | 'spot' = 'full'): FlowReport {
  const { symbol, at, query, chainRows } = inputs;
  const daySignals = inputs.live === null ? inputs.daySignals
    : inputs.live.books.daySignals(symbol, inputs.live.day, inputs.trades, chainRows, settings.flow);
  const trades = inputs.live === null ? inputs.trades : [];
  const report = flowReport({ symbol, trades, chainRows, at, query, settings: settings.flow, chainSettings: settings.chain, chainDetail });
  if (daySignals === null) return report;
  return { ...report, ranked: matchingSignals(daySignals.signals, report.query), stats: { ...daySignals.stats } };
}
