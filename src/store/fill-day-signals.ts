import type { FlowSettings } from '../core/options-flow/flow-settings.ts';
import type { IsoDate } from '../core/units.ts';
import { computeDaySignals, type DaySignalsStamp, endOfNewYorkDay, flowSettingsId, sameStamp } from './day-signals.ts';
import type { MarketStore } from './market-store.ts';

/** What fillDaySignals did on one New York day. */
export interface DayFill {
  readonly day: IsoDate;
  /** Underlyings with prints on the day. */
  readonly symbols: number;
  /** Underlyings whose signals were computed and stored now (none kept, or a stamp that is not the current one). */
  readonly computed: number;
  /** Prints scored for them. */
  readonly prints: number;
  readonly seconds: number;
}

export interface FillOptions {
  /** The days to bring up to date; default every day with prints. */
  readonly days?: readonly IsoDate[];
  /** Called after each day. */
  readonly onDay?: (fill: DayFill) => void;
}

/**
 * Brings the stored day signals up to date (docs/store.md "Day signals"): for each New York day, every underlying
 * whose kept stamp is missing or is not the day's current one (its prints, its chain rows with asOf ≤ the end of
 * the day, these flow settings) has its whole day scored from the store and stored. An underlying whose stamp
 * is current is not read. So a second run does nothing, and a run stopped part-way (killed) is completed by the
 * next: each symbol-day is written in one statement, and what is left is exactly what is not current.
 *
 * The stamp is taken from the rows actually read, so rows loaded concurrently can only make it older, never wrong.
 */
export async function fillDaySignals(store: MarketStore, flow: FlowSettings, opts: FillOptions = {}): Promise<DayFill[]> {
  const settings = flowSettingsId(flow);
  const out: DayFill[] = [];
  // One write in flight while the next underlying is read and scored (a store's reads and writes may overlap:
  // DuckDB runs them on two connections); awaited before the next write, so a failed write stops the fill.
  let writing: Promise<void> = Promise.resolve();
  for (const day of opts.days ?? await store.days()) {
    const started = performance.now();
    const end = endOfNewYorkDay(day);
    const [counts, chainCounts, stamps] = [await store.printCounts(day), await store.chainRowCounts(end), await store.daySignalStamps(day)];
    let computed = 0, prints = 0;
    for (const [symbol, count] of counts) {
      const current: DaySignalsStamp = { prints: count, chainRows: chainCounts.get(symbol) ?? 0, flowSettings: settings };
      const kept = stamps.get(symbol);
      if (kept !== undefined && sameStamp(kept, current)) continue;
      const trades = await store.prints(symbol, day);
      const chainRows = await store.chainRows(symbol, end);
      const signals = computeDaySignals(symbol, trades, chainRows, flow);
      await writing;
      writing = store.putDaySignals(symbol, day, { stamp: { prints: trades.length, chainRows: chainRows.length, flowSettings: settings }, ...signals });
      writing.catch(() => undefined); // handled when awaited; this only keeps Node from calling it unhandled meanwhile
      computed++;
      prints += trades.length;
    }
    await writing;
    const fill: DayFill = { day, symbols: counts.size, computed, prints, seconds: (performance.now() - started) / 1000 };
    opts.onDay?.(fill);
    out.push(fill);
  }
  return out;
}
