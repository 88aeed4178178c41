import type { ConvictionRow } from '../core/conviction/conviction-row.ts';
import type { LeaderboardTiles, RankedRow, RowChange } from '../core/conviction/leaderboard.ts';
import { cents, isoUtc } from './flow-signals-body.ts';
import { round4 } from './json-numbers.ts';


/** Numbers of a breakdown to 4 decimals, epoch-ms window bounds as ISO-8601 UTC; everything else as is. */
function tidy(value: unknown, key = ''): unknown {
  if (typeof value === 'number') {
    if (key === 'window_start' || key === 'window_end') return isoUtc(value);
    return /premium$/.test(key) ? cents(value) : round4(value);
  }
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => tidy(v));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = tidy(v, k);
  return out;
}

/** One leaderboard row of seed 000 with its change from the previous day and the breakdown behind every number. */
export function convictionRowBody(row: ConvictionRow, rank: number | null, change: RowChange | null) {
  return {
    ...(rank === null ? { date: row.date } : { rank }),
    symbol: row.symbol,
    direction: row.direction,
    score: row.score,
    options_flow: row.options_flow,
    dark_pool: row.dark_pool,
    alert_cluster: row.alert_cluster,
    greek_positioning: row.greek_positioning,
    total_premium: row.total_premium === null ? null : cents(row.total_premium),
    dp_premium: row.dp_premium === null ? null : cents(row.dp_premium),
    alerts: row.alerts,
    change,
    breakdown: tidy(row.breakdown) as Record<string, unknown>,
  };
}

/**
 * `GET /v1/smart-money/leaderboard` and `smartmoney leaderboard` (seed 000): the day's header tiles and the ranked
 * rows, `{date, as_of, tiles:{sentiment:{bullish,bearish,neutral}, avg_score, symbols, total_premium, dp_premium,
 * alerts}, rows:[{rank, symbol, direction, score, options_flow, dark_pool, alert_cluster, greek_positioning,
 * total_premium, dp_premium, alerts, change, breakdown}]}`. Dollars in cents; tiles cover the whole board
 * whatever the filter; `days` lists the dates the selector can offer.
 */
export function leaderboardBody(
  date: string, asOf: number | null, tiles: LeaderboardTiles, rows: readonly RankedRow[],
  change: (row: ConvictionRow) => RowChange | null, days: readonly string[],
) {
  return {
    date,
    as_of: asOf === null ? null : isoUtc(asOf),
    tiles: { ...tiles, total_premium: cents(tiles.total_premium), dp_premium: cents(tiles.dp_premium) },
    rows: rows.map((r) => convictionRowBody(r.row, r.rank, change(r.row))),
    days,
  };
}
