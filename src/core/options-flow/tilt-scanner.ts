import type { FlowSummary } from './flow-summary.ts';

/** One symbol of a watchlist scan: its summary and the underlying price (null when unknown). */
export interface TiltEntry {
  readonly symbol: string;
  readonly summary: FlowSummary;
  readonly underlyingPrice: number | null;
}

export interface RankedTilt extends TiltEntry {
  readonly rank: number;
  /** net_directional_premium ÷ underlying price (seed 003's ranking key); null without a price. */
  readonly netPerUnderlyingDollar: number | null;
}

/**
 * Seed 003 "Watchlist scanner": rank by net_directional_premium / underlying_price. Names whose tilt is
 * `noise` (|net| under the threshold) go after every name above it, so the threshold is applied without
 * hiding anything. Within each group: the ratio descending (most bullish first, most bearish last), names
 * without a price after those with one (by net premium), then by symbol.
 */
export function rankTilts(entries: readonly TiltEntry[]): RankedTilt[] {
  const withRatio = entries.map((e) => ({
    ...e,
    netPerUnderlyingDollar: e.underlyingPrice !== null && e.underlyingPrice > 0
      ? e.summary.netDirectionalPremium / e.underlyingPrice : null,
  }));
  withRatio.sort((a, b) => {
    const an = a.summary.tilt === 'noise' ? 1 : 0, bn = b.summary.tilt === 'noise' ? 1 : 0;
    if (an !== bn) return an - bn;
    const ar = a.netPerUnderlyingDollar, br = b.netPerUnderlyingDollar;
    if ((ar === null) !== (br === null)) return ar === null ? 1 : -1;
    const byRatio = ar !== null && br !== null ? br - ar : 0;
    return byRatio || b.summary.netDirectionalPremium - a.summary.netDirectionalPremium
      || (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0);
  });
  return withRatio.map((e, i) => ({ ...e, rank: i + 1 }));
}
