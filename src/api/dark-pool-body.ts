import type { DarkPoolDay } from '../core/dark-pool/dark-pool-book.ts';
import type { DarkPoolSettings } from '../core/dark-pool/dark-pool-settings.ts';
import { conditionNames } from '../core/dark-pool/sale-conditions.ts';
import { cents, isoUtc } from './flow-signals-body.ts';
import { round4 } from './json-numbers.ts';

/**
 * The JSON body of the dark-pool surface (seed 000), shared by `smartmoney darkpool` and
 * `GET /v1/darkpool/{symbol}/levels`: the settings it was computed with and one DarkPoolDay per New York day,
 * snake_case as the core type, times as ISO-8601 UTC, dollars rounded to cents, fractions to 1e-6,
 * prices to 1e-4 (the tape's precision).
 */
export function darkPoolBody(symbol: string, days: readonly DarkPoolDay[], settings: DarkPoolSettings) {
  return {
    symbol,
    settings: darkPoolSettingsJson(settings),
    days: days.map(darkPoolDayJson),
  };
}

const frac = (x: number): number => Math.round(x * 1e6) / 1e6;
const price4 = round4;

/** The settings as snake_case JSON (the non-informative mask as condition names). */
export function darkPoolSettingsJson(s: DarkPoolSettings) {
  return {
    off_exchange_venues: s.offExchangeVenues,
    block_shares: s.blockShares,
    block_dollars: s.blockDollars,
    block_rule: s.blockRule,
    sweep_gap_ms: s.sweepGapMs,
    sweep_min_prints: s.sweepMinPrints,
    sweep_min_venues: s.sweepMinVenues,
    unusual_median_multiple: s.unusualMedianMultiple,
    unusual_list_limit: s.unusualListLimit,
    level_count: s.levelCount,
    level_step_fraction: s.levelStepFraction,
    non_informative_conditions: conditionNames(s.nonInformativeMask),
  };
}

/** One DarkPoolDay as JSON. */
export function darkPoolDayJson(d: DarkPoolDay) {
  return {
    symbol: d.symbol,
    date: d.date,
    prints: d.prints,
    total_volume: d.total_volume,
    off_exchange_prints: d.off_exchange_prints,
    off_exchange_volume: d.off_exchange_volume,
    off_exchange_share: frac(d.off_exchange_share),
    regular_session: {
      total_volume: d.regular_session.total_volume,
      off_exchange_volume: d.regular_session.off_exchange_volume,
      off_exchange_share: frac(d.regular_session.off_exchange_share),
    },
    dp_premium: cents(d.dp_premium),
    dp_buy_premium: cents(d.dp_buy_premium),
    dp_sell_premium: cents(d.dp_sell_premium),
    dp_unknown_premium: cents(d.dp_unknown_premium),
    dp_net_premium: cents(d.dp_net_premium),
    side_sources: d.side_sources,
    blocks: d.blocks,
    block_volume: d.block_volume,
    block_premium: cents(d.block_premium),
    iso: { prints: d.iso.prints, volume: d.iso.volume, premium: cents(d.iso.premium) },
    sweeps: { ...d.sweeps, off_exchange_premium: cents(d.sweeps.off_exchange_premium) },
    unusual_block_min_size: d.unusual_block_min_size,
    unusual_block_count: d.unusual_block_count,
    unusual_blocks: d.unusual_blocks.map((b) => ({
      ts: isoUtc(b.ts), price: price4(b.price), size: b.size, premium: cents(b.premium),
      side: b.side, side_source: b.side_source, conditions: b.conditions,
    })),
    level_step: d.level_step,
    levels: d.levels.map((l) => ({
      price_low: price4(l.price_low), price_high: price4(l.price_high), vwap: price4(l.vwap), kind: l.kind,
      volume: l.volume, notional: cents(l.notional), prints: l.prints, share_of_dp_volume: frac(l.share_of_dp_volume),
    })),
    last_price: d.last_price === null ? null : price4(d.last_price),
    last_price_ts: d.last_price_ts === null ? null : isoUtc(d.last_price_ts),
    last_print_ts: d.last_print_ts === null ? null : isoUtc(d.last_print_ts),
    excluded: d.excluded,
  };
}
