import type { UnusualBlock } from '../core/conviction/conviction-row.ts';
import type { DarkPoolEvidenceInput } from '../core/conviction/dark-pool-evidence.ts';
import type { DarkPoolDay } from '../core/dark-pool/dark-pool-book.ts';
import type { DarkPoolSettings } from '../core/dark-pool/dark-pool-settings.ts';
import type { EquityPrint } from '../core/dark-pool/equity-print.ts';
import type { EpochMs, IsoDate } from '../core/units.ts';
import type { SourceReport } from '../store/market-store.ts';

/** A value now (memory) or once read (a store). */
export type Awaitable<T> = T | Promise<T>;

/** A symbol's off-exchange day as the conviction score reads it (src/core/dark-pool summarises prints into it). */
export type DarkPoolRowInput = DarkPoolEvidenceInput & {
  readonly unusual: readonly UnusualBlock[];
  /** The latest equity print of the day used (any session or condition), epoch ms; null for none. */
  readonly last_print_ts?: number | null;
};

/**
 * Where the conviction leaderboard reads dark pool evidence: equity prints by symbol and New York day. Absent
 * (null where a DarkPoolSource is expected) when the server has no equity tape: the dark pool sub-score is then
 * left out of every row and the composite re-weighted (docs/methodology.md "Smart Money Conviction").
 */
export interface DarkPoolSource {
  /** New York days with at least one equity print, ascending. */
  days(): readonly IsoDate[];
  /** Symbols with equity prints on `day`, sorted. */
  symbols(day: IsoDate): readonly string[];
  /** The symbol's off-exchange evidence from its prints of `day` with ts ≤ at; null when it has none that day. */
  evidence(symbol: string, day: IsoDate, at: EpochMs): Awaitable<DarkPoolRowInput | null>;
}

/**
 * The equity tape as the server reads it: the dark pool route, the bars route, the conviction leaderboard and the
 * live equity feed. In memory (EquityDarkPool, `serve --equity FILE`) or over the store (StoreEquityData,
 * `serve --data DIR`); both answer the same bodies for the same prints and quotes. Which days and symbols have
 * prints is known at once; a day's summary or prints may need a read.
 */
export interface EquityData extends DarkPoolSource {
  readonly settings: DarkPoolSettings;
  /** The symbol's New York days with prints, ascending. */
  printDays(symbol: string): readonly IsoDate[];
  /** The symbol's DarkPoolDay of `day` from its prints with ts ≤ at (the whole day when at is null); null without prints. */
  day(symbol: string, day: IsoDate, at?: EpochMs | null): Awaitable<DarkPoolDay | null>;
  /** The symbol's prints of `day` in time order (read at once, do not change), null without any. */
  prints(symbol: string, day: IsoDate): Awaitable<readonly EquityPrint[] | null>;
  /** Live feed: appends prints (one request body, with its reader's counts); resolves once reads see them. */
  addPrints(prints: readonly EquityPrint[], report?: SourceReport): Awaitable<unknown>;
}

/** The evidence of a symbol without off-exchange prints on a day the source covers: nothing, counted as zero. */
export const NO_DARK_POOL: DarkPoolRowInput = {
  dp_premium: 0, dp_buy_premium: 0, dp_sell_premium: 0, block_premium: 0, unusual_blocks: 0, unusual: [],
};
