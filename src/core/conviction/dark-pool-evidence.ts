import { type ConvictionSettings, logUnit, round2 } from './conviction-settings.ts';

/**
 * What the dark-pool sub-score reads of a symbol's day of off-exchange prints (src/core/dark-pool: informative
 * prints only — average-price and other non-informative conditions are already out). Dollars.
 */
export interface DarkPoolEvidenceInput {
  /** Notional of the informative off-exchange prints ("DP Premium" of seed 000). */
  readonly dp_premium: number;
  /** Of which inferred buys and sells (quote rule, else tick test; the rest unknown). */
  readonly dp_buy_premium: number;
  readonly dp_sell_premium: number;
  /** Notional of the off-exchange block prints. */
  readonly block_premium: number;
  /** Blocks unusual for the symbol's own day. */
  readonly unusual_blocks: number;
}

export interface DarkPoolEvidence {
  readonly score: number;
  /** Inferred imbalance in [−1, 1]: (buy − sell) ÷ (buy + sell); 0 when neither side is known. */
  readonly direction: number;
  readonly dp_premium: number;
  readonly block_premium: number;
  readonly unusual_blocks: number;
  /** logUnit(block premium, $1M, $500M). */
  readonly magnitude: number;
  /** min(1, unusual blocks ÷ 5). */
  readonly unusual: number;
}

/**
 * Seed 000 "Dark Pool: off-exchange equity prints (block, ISO, sweep, after-hours) clustered around price":
 *   score = 100 · m · (0.4 + 0.4 · |i| + 0.2 · n)
 * m = log-scaled off-exchange block premium between $1M and $500M (institutional size), i = the inferred
 * buy/sell imbalance of the informative off-exchange premium, n = unusual blocks (for the symbol's own day) ÷ 5,
 * capped at 1. Sides are inferred, never certified (seed 000), so the imbalance can add at most 40% of the
 * magnitude. docs/methodology.md "Smart Money Conviction".
 */
export function darkPoolEvidence(d: DarkPoolEvidenceInput, s: ConvictionSettings): DarkPoolEvidence {
  const known = d.dp_buy_premium + d.dp_sell_premium;
  const direction = known > 0 ? (d.dp_buy_premium - d.dp_sell_premium) / known : 0;
  const magnitude = logUnit(d.block_premium, s.dpBlockPremiumFloor, s.dpBlockPremiumCap);
  const unusual = Math.min(1, d.unusual_blocks / s.dpUnusualBlocksFull);
  return {
    score: round2(100 * magnitude * (0.4 + 0.4 * Math.abs(direction) + 0.2 * unusual)),
    direction, dp_premium: d.dp_premium, block_premium: d.block_premium, unusual_blocks: d.unusual_blocks,
    magnitude, unusual,
  };
}
