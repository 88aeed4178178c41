import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import { smiBody } from '../api/smi-body.ts';
import { newYorkDate } from '../core/calendar/new-york-date.ts';
import { DEFAULT_SMI_LOOKBACK } from '../core/smart-money-index/smi-divergences.ts';
import { invalidParameter, unknownSymbol } from './api-error.ts';
import { AT_EXPECTED, SymbolParams } from './query-schemas.ts';
import { atParameter, dateParameter, symbolParameter } from './request-values.ts';
import { ERROR_RESPONSES } from './response-schemas.ts';
import type { SmiBarsData } from './smi-bars-data.ts';

const DATE_EXPECTED = 'expected a New York calendar date YYYY-MM-DD';

/** `GET /v1/smi/{symbol}`: the CLI's `smi` options (docs/api.md). */
export const SmiQuery = Type.Object({
  from: Type.Optional(Type.String({ description: `${DATE_EXPECTED}: the first day of the series (default: the first day with bars)` })),
  to: Type.Optional(Type.String({ description: `${DATE_EXPECTED}: the last day of the series (default: the last day with bars)` })),
  at: Type.Optional(Type.String({ description: `${AT_EXPECTED}; only bars that ended by then are used` })),
  start_value: Type.Optional(Type.Number({ minimum: -1e12, maximum: 1e12, description: 'expected the SMI of the first computed day\'s start, a number from -1e12 to 1e12 (default 0)' })),
  lookback: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, description: `expected the divergence look-back in trading days, a whole number from 1 to 10000 (default ${DEFAULT_SMI_LOOKBACK})` })),
  apiKey: Type.Optional(Type.String({ description: 'expected the API key (only when keys are enabled; the X-Api-Key header is preferred)' })),
}, { additionalProperties: false });
export type SmiQuery = Static<typeof SmiQuery>;

const open = (description: string) => Type.Array(Type.Object({}, { additionalProperties: true }), { description });

export const SmiResponse = Type.Object({
  symbol: Type.String(),
  start_value: Type.Number(),
  lookback: Type.Integer(),
  series: open('{date, smi, first_half_hour_change, last_hour_change, close} per computed New York trading day'),
  divergences: open('{date, kind, close, smi, prior_close_extreme, prior_smi_extreme, lookback}: bearish/bullish divergences and confirmations'),
  skipped: open('{date, reason}: days whose bars do not cover the first half hour and the last hour'),
});

/**
 * `GET /v1/smi/{symbol}?from=&to=&at=&start_value=&lookback=`: the Don Hayes Smart Money Index (seed 002) over
 * the symbol's bars, the body of `smartmoney smi` for the same bars and options. 404 `unknown_symbol` when the
 * server was given no bars for the symbol; 400 naming the parameter for a bad date or from > to. `at` keeps only
 * bars that had ended by then (a past moment of the day answers with that day left out, as it was unknown).
 */
export function registerSmiRoutes(app: FastifyInstance, data: SmiBarsData): void {
  app.get<{ Params: SymbolParams; Querystring: SmiQuery }>('/v1/smi/:symbol', {
    schema: {
      summary: 'Don Hayes Smart Money Index from intraday bars, with divergences and skipped days',
      tags: ['smart money index'], params: SymbolParams, querystring: SmiQuery,
      response: { 200: SmiResponse, ...ERROR_RESPONSES },
    },
  }, async (request) => {
    const symbol = symbolParameter(request.params.symbol);
    const q = request.query;
    const from = dateParameter('from', q.from, DATE_EXPECTED);
    const to = dateParameter('to', q.to, DATE_EXPECTED);
    if (from !== null && to !== null && from > to) throw invalidParameter('from', q.from, `expected a date on or before to (${to})`);
    const at = atParameter(q.at);
    const all = data.bars(symbol);
    if (all === null) {
      const known = data.symbols();
      throw unknownSymbol(symbol, `intraday bars (this server has bars for ${known.length === 0 ? 'no symbol' : known.join(', ')})`);
    }
    const bars = at === null ? all : all.filter((b) => b.end <= at);
    const lastDate = at === null ? to : (to === null || newYorkDate(at) < to ? newYorkDate(at) : to);
    return smiBody(symbol, bars, { from, to: lastDate, startValue: q.start_value ?? 0, lookback: q.lookback ?? DEFAULT_SMI_LOOKBACK });
  });
}
