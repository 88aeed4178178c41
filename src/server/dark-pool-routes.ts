import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import { darkPoolBody } from '../api/dark-pool-body.ts';
import type { IsoDate } from '../core/units.ts';
import { ApiError, unknownSymbol } from './api-error.ts';
import type { EquityData } from './dark-pool-source.ts';
import { AT_EXPECTED, SymbolParams } from './query-schemas.ts';
import { atParameter, dateParameter, symbolParameter } from './request-values.ts';
import { ERROR_RESPONSES } from './response-schemas.ts';

const DATE_EXPECTED = 'expected a New York trading date YYYY-MM-DD';

export const DarkPoolQuery = Type.Object({
  date: Type.Optional(Type.String({ description: `${DATE_EXPECTED} (default: the symbol's latest day with equity prints)` })),
  at: Type.Optional(Type.String({ description: `${AT_EXPECTED}; the day's prints up to then` })),
  apiKey: Type.Optional(Type.String({ description: 'expected the API key (only when keys are enabled; the X-Api-Key header is preferred)' })),
}, { additionalProperties: false });
export type DarkPoolQuery = Static<typeof DarkPoolQuery>;

const DarkPoolResponse = Type.Object({
  symbol: Type.String(),
  settings: Type.Object({}, { additionalProperties: true, description: 'venues, block, sweep, unusual-block and level settings used' }),
  days: Type.Array(Type.Object({}, { additionalProperties: true }), { description: 'one DarkPoolDay: volumes, off-exchange share, premiums, inferred sides, blocks, ISO, sweeps, unusual blocks, levels, exclusions' }),
});

/**
 * `GET /v1/darkpool/{symbol}/levels?date=&at=` (seed 000; docs/methodology.md "Dark pool"): the symbol's
 * off-exchange day — share of volume, premium, inferred sides, blocks, unusual blocks and the strongest
 * volume-at-price levels marked support or resistance — as `smartmoney darkpool` prints it for the same prints.
 */
export function registerDarkPoolRoutes(app: FastifyInstance, data: EquityData | null): void {
  app.get<{ Params: SymbolParams; Querystring: DarkPoolQuery }>('/v1/darkpool/:symbol/levels', {
    schema: {
      summary: 'Dark pool (off-exchange) prints of a symbol\'s day: share, premium, blocks, inferred side, levels',
      tags: ['dark pool'], params: SymbolParams, querystring: DarkPoolQuery, response: { 200: DarkPoolResponse, ...ERROR_RESPONSES },
    },
  }, async (request) => {
    const symbol = symbolParameter(request.params.symbol);
    const date = dateParameter('date', request.query.date, DATE_EXPECTED);
    const at = atParameter(request.query.at);
    const days = data === null ? [] : data.printDays(symbol);
    if (data === null || days.length === 0) throw unknownSymbol(symbol, 'equity prints (load them with serve --equity FILE or POST /v1/ingest/equity-trades)');
    const day = date ?? (days.at(-1) as IsoDate);
    const summary = await data.day(symbol, day, at);
    if (summary === null) {
      throw new ApiError(404, 'no_data', `no ${symbol} equity prints on ${day}${at === null ? '' : ` up to ${new Date(at).toISOString()}`} (days with prints: ${days.join(', ')})`);
    }
    return darkPoolBody(symbol, [summary], data.settings);
  });
}
