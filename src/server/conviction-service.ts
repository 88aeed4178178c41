import { newYorkWallClockToEpochMs } from '../core/calendar/new-york-date.ts';
import { type ConvictionRow, convictionRow } from '../core/conviction/conviction-row.ts';
import type { GreekPositioningInput } from '../core/conviction/greek-positioning.ts';
import { ConvictionLeaderboard } from '../core/conviction/leaderboard.ts';
import { daySignals, dealerExposures } from '../core/conviction/symbol-day-evidence.ts';
import { epochMs, type EpochMs, type IsoDate } from '../core/units.ts';
import { type DarkPoolSource, NO_DARK_POOL } from './dark-pool-source.ts';
import type { MarketData } from './market-data.ts';
import { liveFlowBooksOf } from './live-flow-books.ts';
import type { FlowSignal } from '../core/options-flow/flow-signal.ts';
import type { ServerSettings } from './server-settings.ts';

/** A day's board as computed: the ranked rows and the latest print it saw. */
export interface DayBoard {
  readonly date: IsoDate;
  /** The instant the board answers for: the latest print at or before `at` (epoch ms); null for an empty day. */
  readonly asOf: EpochMs | null;
  readonly board: ConvictionLeaderboard;
}

interface CachedBoard {
  board: ConvictionLeaderboard;
  asOf: EpochMs | null;
  /** Symbols whose rows are stale (a print or snapshot arrived since). */
  readonly dirty: Set<string>;
}

const DAY_MS = 86_400_000;

/** The last millisecond of New York day `day` (23:59:59.999 local). */
export function endOfNewYorkDay(day: IsoDate): EpochMs {
  const next = new Date(Date.parse(`${day}T12:00:00Z`) + DAY_MS).toISOString().slice(0, 10) as IsoDate;
  return epochMs(newYorkWallClockToEpochMs(next, 0, 0, 0, 0) - 1);
}

/**
 * The Smart Money Conviction leaderboard (seed 000) over the server's data: one row per symbol with options
 * prints or equity prints on the day, computed with core convictionRow from that day's prints up to the moment
 * asked, the chain known then and the dark pool source. A whole day's board is cached; a live print marks only
 * its symbol stale (`ingested`), and the next read recomputes that one row and moves it in the ranking — the
 * other rows are not touched. `at` inside a day answers from scratch for that moment (a past state).
 */
export class ConvictionService {
  private readonly boards = new Map<IsoDate, CachedBoard>();
  private readonly greeks = new Map<string, GreekPositioningInput | null>();
  /** Days known to have option prints (data only grows, so a day once covered stays covered). */
  private readonly optionDays = new Set<IsoDate>();

  constructor(
    private readonly data: MarketData,
    private readonly darkPool: DarkPoolSource | null,
    private readonly settings: ServerSettings,
  ) {}

  /** Days with options or equity prints, ascending. */
  async days(): Promise<IsoDate[]> {
    const all = new Set<IsoDate>(await this.data.days());
    for (const d of this.darkPool?.days() ?? []) all.add(d);
    return [...all].sort();
  }

  /** The latest day with data, or null when there is none. */
  async latestDay(): Promise<IsoDate | null> {
    return (await this.days()).at(-1) ?? null;
  }

  /** Live feed: these symbols' rows are stale on every cached day (a print may fall on any of them). */
  ingested(symbols: Iterable<string>): void {
    // Chain exposures need no invalidation: their cache key holds the count of chain rows known (chains only grow).
    for (const b of this.boards.values()) for (const s of symbols) b.dirty.add(s);
  }

  /** The board of `day` as of `at` (default: the whole day, cached and updated incrementally). */
  async board(day: IsoDate, at: EpochMs | null = null): Promise<DayBoard> {
    const end = endOfNewYorkDay(day);
    if (at !== null && at < end) return this.fresh(day, at);
    let cached = this.boards.get(day);
    if (cached === undefined) {
      const f = await this.fresh(day, end);
      cached = { board: f.board, asOf: f.asOf, dirty: new Set() };
      this.boards.set(day, cached);
    } else if (cached.dirty.size > 0) {
      const symbols = [...cached.dirty];
      cached.dirty.clear();
      for (const symbol of symbols) {
        const r = await this.row(symbol, day, end);
        if (r === null) continue;
        cached.board.set(r.row);
        if (r.asOf !== null && (cached.asOf === null || r.asOf > cached.asOf)) cached.asOf = r.asOf;
      }
    }
    return { date: day, asOf: cached.asOf, board: cached.board };
  }

  /** One symbol's row on `day` as of `at` (null when it has neither options nor equity prints that day). */
  async row(symbol: string, day: IsoDate, at: EpochMs): Promise<{ row: ConvictionRow; asOf: EpochMs | null } | null> {
    const trades = await this.data.prints(symbol, day, at);
    // A day the equity tape covers: a symbol without off-exchange prints scores 0 there, not null.
    const dpCovered = this.darkPool !== null && this.darkPool.days().includes(day);
    const dp = dpCovered ? await this.darkPool?.evidence(symbol, day, at) ?? null : null;
    if (trades.length === 0 && dp === null) return null;
    const chainRows = await this.data.chainRows(symbol, at);
    // No option prints on the day at all (an equity-only tape): the flow sub-score is left out, not zero.
    const optionsCovered = trades.length > 0 || await this.hasOptionPrints(day);
    const books = liveFlowBooksOf(this.data);
    let signals: readonly FlowSignal[] | null;
    if (!optionsCovered) signals = null;
    else if (trades.length === 0) signals = [];
    else if (books.serves(symbol, day, at, await this.data.lastPrintTs(symbol))) {
      // The live day: scored incrementally, as the flow routes do (live-flow-books.ts).
      signals = books.daySignals(symbol, day, trades, chainRows, this.settings.flow).signals;
    } else signals = daySignals(symbol, trades, chainRows, this.settings.flow);
    const greekKey = `${symbol}|${at}|${chainRows.length}`;
    let greeks = this.greeks.get(greekKey);
    if (greeks === undefined) {
      greeks = dealerExposures(symbol, chainRows, at, this.settings.chain);
      if (this.greeks.size > 20_000) this.greeks.clear();
      this.greeks.set(greekKey, greeks);
    }
    const row = convictionRow({
      symbol, date: day, signals, greeks,
      darkPool: dpCovered ? dp ?? NO_DARK_POOL : null,
    }, this.settings.conviction);
    // The row's moment: the latest option or equity print it saw.
    const asOf = Math.max(trades.at(-1)?.ts ?? -Infinity, dp?.last_print_ts ?? -Infinity);
    return { row, asOf: Number.isFinite(asOf) ? epochMs(asOf) : null };
  }

  private async hasOptionPrints(day: IsoDate): Promise<boolean> {
    if (this.optionDays.has(day)) return true;
    const covered = (await this.data.symbols(day)).length > 0;
    if (covered) this.optionDays.add(day);
    return covered;
  }

  private async fresh(day: IsoDate, at: EpochMs): Promise<DayBoard> {
    const symbols = new Set<string>(await this.data.symbols(day));
    for (const s of this.darkPool?.symbols(day) ?? []) symbols.add(s);
    const board = new ConvictionLeaderboard();
    let asOf: EpochMs | null = null;
    for (const symbol of [...symbols].sort()) {
      const r = await this.row(symbol, day, at);
      if (r === null) continue;
      board.set(r.row);
      if (r.asOf !== null && (asOf === null || r.asOf > asOf)) asOf = r.asOf;
    }
    return { date: day, asOf, board };
  }
}
