import { cents, isoUtc, signalJson } from '../api/flow-signals-body.ts';
import type { FlowSettings } from '../core/options-flow/flow-settings.ts';
import type { QueriedSignal } from '../core/options-flow/signal-query.ts';
import type { RankedTilt } from '../core/options-flow/tilt-scanner.ts';

/** The best signal of a symbol in a tilt row: the print behind the aggregate (seed 003 "top print is the story"). */
function topSignal(q: QueriedSignal | undefined) {
  if (q === undefined) return null;
  const s = signalJson(q);
  return {
    ts: s.ts, contract: s.contract, side: s.side, structure: s.structure, intent: s.intent,
    open_close_bias: s.open_close_bias, score: s.score, premium: s.premium, tags: s.tags,
  };
}

function tiltRow(t: RankedTilt, at: number) {
  const s = t.summary;
  return {
    rank: t.rank,
    symbol: t.symbol,
    as_of: isoUtc(at),
    underlying_price: t.underlyingPrice,
    net_premium_per_underlying_dollar: t.netPerUnderlyingDollar,
    tilt: s.tilt,
    tilt_strength: s.tiltStrength,
    opening_share: s.openingShare,
    net_directional_premium: cents(s.netDirectionalPremium),
    bullish_premium: cents(s.bullishPremium),
    bearish_premium: cents(s.bearishPremium),
    opening_premium: cents(s.openingPremium),
    closing_premium: cents(s.closingPremium),
    signal_count: s.signalCount,
    top_signal: topSignal(s.topSignals[0]),
  };
}

export interface TiltScan {
  /** The `?at` instant, or null when each symbol was read at its own latest print. */
  readonly at: number | null;
  readonly windowMinutes: number;
  readonly requested: number;
  readonly unknownSymbols: readonly string[];
  /** Ranked by rankTilts (core/options-flow/tilt-scanner.ts), already cut to the request's limit. */
  readonly ranked: readonly RankedTilt[];
  /** Each symbol's instant (its own latest print, or `at`). */
  readonly atBySymbol: ReadonlyMap<string, number>;
}

/**
 * `GET /v1/flow/tilt`: seed 003's watchlist scanner. One row per symbol with prints, ranked by
 * net_directional_premium ÷ underlying_price (most bullish first), names whose |net| is under the noise
 * threshold after every name above it; the summary's fields (same numbers as /summary of that symbol, same
 * rounding) and its best signal. Symbols without prints are listed apart, not an error: a watchlist may name
 * a ticker that has not traded.
 */
export function tiltBody(scan: TiltScan, settings: FlowSettings) {
  const rows = [];
  for (const t of scan.ranked) rows.push(tiltRow(t, scan.atBySymbol.get(t.symbol) ?? 0));
  return {
    as_of: scan.at === null ? null : isoUtc(scan.at),
    window_minutes: scan.windowMinutes,
    noise_threshold: settings.tiltNoisePremium,
    strong_threshold: settings.tiltStrongPremium,
    requested: scan.requested,
    count: rows.length,
    unknown_symbols: scan.unknownSymbols,
    ranked: rows,
  };
}
