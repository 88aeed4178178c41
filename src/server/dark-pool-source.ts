import type { UnusualBlock } from '../core/conviction/conviction-row.ts';
import type { DarkPoolEvidenceInput } from '../core/conviction/dark-pool-evidence.ts';
import type { EpochMs, IsoDate } from '../core/units.ts';

/** A symbol's off-exchange day as the conviction score reads it (src/core/dark-pool summarises prints into it). */
export type DarkPoolRowInput = DarkPoolEvidenceInput & { readonly unusual: readonly UnusualBlock[] };

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
  evidence(symbol: string, day: IsoDate, at: EpochMs): DarkPoolRowInput | null;
}

/** The evidence of a symbol without off-exchange prints on a day the source covers: nothing, counted as zero. */
export const NO_DARK_POOL: DarkPoolRowInput = {
  dp_premium: 0, dp_buy_premium: 0, dp_sell_premium: 0, block_premium: 0, unusual_blocks: 0, unusual: [],
};
