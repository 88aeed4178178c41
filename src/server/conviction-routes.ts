import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import { convictionRowBody, leaderboardBody } from '../api/conviction-bodies.ts';
import { cents, isoUtc } from '../api/flow-signals-body.ts';
import type { ConvictionDirection, ConvictionRow } from '../core/conviction/conviction-row.ts';
import { type RowChange, rowChange } from '../core/conviction/leaderboard.ts';
import type { EpochMs, IsoDate } from '../core/units.ts';
import { ApiError, invalidParameter, unknownSymbol } from './api-error.ts';
import { type ConvictionService, endOfNewYorkDay } from './conviction-service.ts';
import { AT_EXPECTED, SymbolParams } from './query-schemas.ts';
import { atParameter, dateParameter, symbolParameter } from './request-values.ts';
import { ERROR_RESPONSES } from './response-schemas.ts';

const DATE_EXPECTED = 'expected a New York trading date YYYY-MM-DD';
const apiKey = Type.Optional(Type.String({ description: 'expected the API key (only when keys are enabled; the X-Api-Key header is preferred)' }));

export const LeaderboardQuery = Type.Object({
  date: Type.Optional(Type.String({ description: `${DATE_EXPECTED} (default: the latest day with data)` })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, description: 'expected the most rows to return, a whole number from 1 to 10000 (default 100)' })),
  direction: Type.Optional(Type.Enum(['bullish', 'bearish', 'neutral'], { description: 'expected one of bullish, bearish, neutral' })),
  at: Type.Optional(Type.String({ description: `${AT_EXPECTED}; the board as it stood then (default: the whole day)` })),
  apiKey,
}, { additionalProperties: false });
export type LeaderboardQuery = Static<typeof LeaderboardQuery>;

export const HistoryQuery = Type.Object({
  from: Type.Optional(Type.String({ description: `${DATE_EXPECTED}: first day (default: the first day with data)` })),
  to: Type.Optional(Type.String({ description: `${DATE_EXPECTED}: last day (default: the latest day with data)` })),
  apiKey,
}, { additionalProperties: false });
export type HistoryQuery = Static<typeof HistoryQuery>;

const open = (description: string) => Type.Object({}, { additionalProperties: true, description });
const LeaderboardResponse = Type.Object({
  date: Type.String(), as_of: Type.Union([Type.String(), Type.Null()]),
  tiles: open('{sentiment:{bullish,bearish,neutral}, avg_score, symbols, total_premium, dp_premium, alerts}'),
  rows: Type.Array(open('{rank, symbol, direction, score, options_flow, dark_pool, alert_cluster, greek_positioning, total_premium, dp_premium, alerts, change, breakdown}')),
  days: Type.Array(Type.String(), { description: 'the dates with data, for a date selector' }),
});
const HistoryResponse = Type.Object({
  symbol: Type.String(),
  rows: Type.Array(open('{date, symbol, direction, score, four sub-scores, total_premium, dp_premium, alerts, change, breakdown} per day')),
});

function noDays(days: readonly IsoDate[], date: IsoDate): ApiError {
  return new ApiError(404, 'no_data', days.length === 0 ? 'the server has no prints yet'
    : `no options or equity prints on ${date} (days with data: ${days.slice(-10).join(', ')}${days.length > 10 ? ', …' : ''})`);
}

/** What a leaderboard is asked for: a day (null: the latest), a moment in it (null: the whole day), a filter. */
export interface LeaderboardRequest {
  readonly date: IsoDate | null;
  readonly at: EpochMs | null;
  readonly direction: ConvictionDirection | null;
  readonly limit: number;
}

/**
 * The leaderboard body (conviction-bodies.ts) for a request, shared by the route and `smartmoney leaderboard`:
 * 404 `no_data` (an ApiError) when the day has no prints, listing the days that have.
 */
export async function leaderboardResponse(service: ConvictionService, r: LeaderboardRequest) {
  const days = await service.days();
  const date = r.date ?? days.at(-1) ?? null;
  if (date === null) throw noDays(days, '' as IsoDate);
  if (!days.includes(date)) throw noDays(days, date);
  const today = await service.board(date, r.at);
  const previous = days.filter((d) => d < date).at(-1) ?? null;
  const before = previous === null ? null : (await service.board(previous)).board;
  const change = (row: ConvictionRow): RowChange | null => rowChange(row, before?.get(row.symbol) ?? null);
  const rows = today.board.ranked({ direction: r.direction ?? undefined, limit: r.limit });
  return leaderboardBody(date, today.asOf, today.board.tiles(), rows, change, days);
}

/**
 * The body of a live `event: conviction` (GET /v1/stream/signals): the symbol's row on the latest day with its
 * rank, and the day's tiles, `{symbol, date, as_of, tiles, row}`; null when the symbol has no row.
 */
export async function convictionEvent(service: ConvictionService, symbol: string): Promise<object | null> {
  const day = await service.latestDay();
  if (day === null) return null;
  const b = await service.board(day);
  const row = b.board.get(symbol);
  if (row === null) return null;
  const t = b.board.tiles();
  return { symbol, date: day, as_of: b.asOf === null ? null : isoUtc(b.asOf), tiles: { ...t, total_premium: cents(t.total_premium), dp_premium: cents(t.dp_premium) }, row: convictionRowBody(row, b.board.rankOf(symbol), null) };
}

/**
 * Seed 000's Smart Money Conviction over the server's data (docs/api.md):
 * - `GET /v1/smart-money/leaderboard?date=&limit=&direction=&at=`: header tiles and ranked rows with breakdowns
 *   and the day-over-day change;
 * - `GET /v1/smart-money/{symbol}?from=&to=`: the symbol's rows day by day (history with breakdowns).
 */
export function registerConvictionRoutes(app: FastifyInstance, service: ConvictionService): void {
  app.get<{ Querystring: LeaderboardQuery }>('/v1/smart-money/leaderboard', {
    schema: {
      summary: 'Smart Money Conviction leaderboard: every symbol scored from options flow, dark pool, alert clusters and greek positioning',
      tags: ['smart money'], querystring: LeaderboardQuery, response: { 200: LeaderboardResponse, ...ERROR_RESPONSES },
    },
  }, async (request) => {
    const q = request.query;
    return leaderboardResponse(service, { date: dateParameter('date', q.date, DATE_EXPECTED), at: atParameter(q.at), direction: q.direction ?? null, limit: q.limit ?? 100 });
  });

  app.get<{ Params: SymbolParams; Querystring: HistoryQuery }>('/v1/smart-money/:symbol', {
    schema: {
      summary: 'A symbol\'s Smart Money Conviction day by day, with breakdowns',
      tags: ['smart money'], params: SymbolParams, querystring: HistoryQuery, response: { 200: HistoryResponse, ...ERROR_RESPONSES },
    },
  }, async (request) => {
    const symbol = symbolParameter(request.params.symbol);
    const from = dateParameter('from', request.query.from, DATE_EXPECTED);
    const to = dateParameter('to', request.query.to, DATE_EXPECTED);
    if (from !== null && to !== null && from > to) throw invalidParameter('from', request.query.from, `expected a date on or before to (${to})`);
    const rows = [];
    let previous: ConvictionRow | null = null;
    for (const day of await service.days()) {
      if (to !== null && day > to) break;
      const r = await service.row(symbol, day, endOfNewYorkDay(day));
      if (r === null) continue;
      if (from === null || day >= from) rows.push(convictionRowBody(r.row, null, rowChange(r.row, previous)));
      previous = r.row;
    }
    if (rows.length === 0 && previous === null) throw unknownSymbol(symbol, 'options or equity prints');
    return { symbol, rows };
  });
}

